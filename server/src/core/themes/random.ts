/**
 * A seeded pseudo-random generator (mulberry32) for clustering: seeding and sampling
 * must give the same themes for the same corpus on every run and every machine.
 */
export type RandomSource = () => number;

/** Uniform numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices below `n`, in ascending order (all of them when count >= n). */
export function sampleIndices(n: number, count: number, random: RandomSource): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (count >= n) return indices;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, count).sort((a, b) => a - b);
}

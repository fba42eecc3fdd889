/**
 * A small seeded pseudo-random generator (mulberry32): theme clustering seeds and samples
 * with it, so the same corpus gives the same themes on every run and every machine, and
 * the benchmarks generate the same corpus from the same seed.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** `count` distinct indices below `n`, in ascending order (all of them when count >= n). */
export function sampleIndices(n: number, count: number, random: Random): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (count >= n) return indices;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, count).sort((a, b) => a - b);
}

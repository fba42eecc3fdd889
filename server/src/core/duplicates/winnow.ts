/**
 * Winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003), over word k-grams instead of character k-grams.
 *
 * Every k consecutive words are hashed; in each window of `window` consecutive k-gram
 * hashes the minimum is selected (the rightmost on ties: "robust winnowing"), and each
 * selected hash is kept once with its position. Any run of at least
 * `window + kgram - 1` words shared by two texts is then guaranteed to share a selected
 * fingerprint, while only about 2 / (window + 1) of all positions are stored.
 */

export interface WinnowOptions {
  /** Words per k-gram. */
  kgram: number;
  /** K-grams per window. */
  window: number;
}

export interface Fingerprints {
  /** Selected k-gram hashes, sorted ascending so a hash's positions are found by binary search. */
  hashes: Uint32Array;
  /** Position (index of the first word of the k-gram) of each selected hash. */
  positions: Uint32Array;
}

/** Mixes k word hashes into one k-gram hash (MurmurHash3's finaliser per step). */
function kgramHash(words: Uint32Array, start: number, kgram: number): number {
  let hash = kgram;
  for (let i = start; i < start + kgram; i++) {
    hash = Math.imul(hash ^ words[i], 0xcc9e2d51);
    hash = (hash << 15) | (hash >>> 17);
    hash = Math.imul(hash, 0x1b873593);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

export function winnow(words: Uint32Array, options: WinnowOptions): Fingerprints {
  const { kgram, window } = options;
  const grams = words.length - kgram + 1;
  if (grams <= 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const gramHashes = new Uint32Array(grams);
  for (let i = 0; i < grams; i++) gramHashes[i] = kgramHash(words, i, kgram);

  const selected: number[] = [];
  const width = Math.min(window, grams);
  let last = -1;
  for (let end = width; end <= grams; end++) {
    let minimum = end - 1;
    for (let i = end - 2; i >= end - width; i--) if (gramHashes[i] < gramHashes[minimum]) minimum = i;
    if (minimum !== last) {
      selected.push(minimum);
      last = minimum;
    }
  }
  selected.sort((a, b) => gramHashes[a] - gramHashes[b] || a - b);
  const hashes = new Uint32Array(selected.length);
  const positions = new Uint32Array(selected.length);
  selected.forEach((position, i) => {
    hashes[i] = gramHashes[position];
    positions[i] = position;
  });
  return { hashes, positions };
}

/** The range [from, to) of entries of `fingerprints` whose hash is `hash`. */
export function occurrences(fingerprints: Fingerprints, hash: number): [number, number] {
  return [firstAbove(fingerprints.hashes, hash, false), firstAbove(fingerprints.hashes, hash, true)];
}

/** Index of the first hash >= value (or > value when `strict`). */
function firstAbove(hashes: Uint32Array, value: number, strict: boolean): number {
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hashes[mid] < value || (strict && hashes[mid] === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

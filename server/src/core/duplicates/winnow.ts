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

import { scratchFloat64, scratchUint32 } from './scratch';

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

/** Base of the polynomial rolling hash of a k-gram (odd, so multiplication mod 2^32 is invertible). */
const BASE = 0x01000193;

/** MurmurHash3's finaliser: spreads the polynomial hash so that minima are chosen uniformly. */
function finalise(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The hash of every k-gram, rolled along the words in constant time per position (Karp–Rabin). */
function kgramHashes(words: Uint32Array, kgram: number): Uint32Array {
  const grams = scratchUint32('kgramHashes', words.length - kgram + 1).subarray(0, words.length - kgram + 1);
  let leading = 1;
  for (let i = 1; i < kgram; i++) leading = Math.imul(leading, BASE);
  let hash = 0;
  for (let i = 0; i < kgram; i++) hash = (Math.imul(hash, BASE) + words[i]) | 0;
  grams[0] = finalise(hash);
  for (let i = 1; i < grams.length; i++) {
    hash = (Math.imul(hash - Math.imul(words[i - 1], leading), BASE) + words[i + kgram - 1]) | 0;
    grams[i] = finalise(hash);
  }
  return grams;
}

export function winnow(words: Uint32Array, options: WinnowOptions): Fingerprints {
  const { kgram, window } = options;
  const grams = words.length - kgram + 1;
  if (grams <= 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const gramHashes = kgramHashes(words, kgram);

  const selected = scratchUint32('selected', grams);
  let count = 0;
  const width = Math.min(window, grams);
  let minimum = -1;
  for (let end = width; end <= grams; end++) {
    const first = end - width;
    const entering = end - 1;
    if (minimum < first) {
      // The minimum left the window: scan it again (rightmost minimum on ties).
      minimum = entering;
      for (let i = entering - 1; i >= first; i--) if (gramHashes[i] < gramHashes[minimum]) minimum = i;
      selected[count++] = minimum;
    } else if (gramHashes[entering] <= gramHashes[minimum]) {
      minimum = entering;
      selected[count++] = minimum;
    }
  }
  return sortByHash(gramHashes, selected.subarray(0, count));
}

/** Positions below this fit beside a 32-bit hash in one exactly represented double. */
const PACKED_POSITIONS = 2 ** 21;

/**
 * Sorts the selected positions by hash, then position. Packing both into one number lets
 * the typed array sort natively, several times faster than a comparator; texts of more
 * than two million words take the comparator.
 */
function sortByHash(gramHashes: Uint32Array, selected: Uint32Array): Fingerprints {
  const hashes = new Uint32Array(selected.length);
  const positions = new Uint32Array(selected.length);
  if (gramHashes.length < PACKED_POSITIONS) {
    const packed = scratchFloat64('packed', selected.length).subarray(0, selected.length);
    for (let i = 0; i < selected.length; i++) packed[i] = gramHashes[selected[i]] * PACKED_POSITIONS + selected[i];
    packed.sort();
    // Dividing by a power of two is exact, and far cheaper than the remainder (fmod).
    for (let i = 0; i < packed.length; i++) {
      const hash = Math.floor(packed[i] / PACKED_POSITIONS);
      hashes[i] = hash;
      positions[i] = packed[i] - hash * PACKED_POSITIONS;
    }
  } else {
    const order = Array.from(selected).sort((a, b) => gramHashes[a] - gramHashes[b] || a - b);
    order.forEach((position, i) => {
      hashes[i] = gramHashes[position];
      positions[i] = position;
    });
  }
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

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

import { radixSort } from './radixSort';
import { scratchUint32 } from './scratch';

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

/**
 * Sorts the selected positions by hash, then position: radixSort is stable, and positions
 * are selected in ascending order, so equal hashes keep their positions ascending. A third
 * less CPU than sorting hash and position packed into doubles with the native sort, for any
 * length of text.
 */
function sortByHash(gramHashes: Uint32Array, selected: Uint32Array): Fingerprints {
  const size = selected.length;
  const hashes = new Uint32Array(size);
  const positions = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    hashes[i] = gramHashes[selected[i]];
    positions[i] = selected[i];
  }
  radixSort(hashes, positions, { keys: scratchUint32('sortedHashes', size), values: scratchUint32('sortedPositions', size) });
  return { hashes, positions };
}

/**
 * The range [from, to) of entries of `fingerprints` whose hash is `hash`. A hash is mostly
 * held once or a few times: its run is walked from the first, rather than searched for its end.
 */
export function occurrences(fingerprints: Fingerprints, hash: number): [number, number] {
  const { hashes } = fingerprints;
  const from = firstAtLeast(hashes, hash);
  let to = from;
  while (to < hashes.length && hashes[to] === hash) to++;
  return [from, to];
}

/** Index of the first hash >= value. */
function firstAtLeast(hashes: Uint32Array, value: number): number {
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hashes[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The sort both the winnowing of each file and the fingerprint index use on millions of
 * 32-bit hashes, where a comparator or the native sort of packed numbers cost several times
 * as much.
 */

/** Counts of each byte value, reused: a sort runs to its end before another starts. */
const byteCounts = new Uint32Array(257);

/**
 * Sorts `keys` (unsigned 32-bit) ascending in place, moving `values` (as many) along with
 * them: a stable least-significant-digit radix sort, a byte at a time. `spare` gives arrays of
 * at least as many entries to sort through; what they held is lost. Four passes by bytes beat
 * two by 16 bits on millions of entries: the counts stay in the cache, and entries are
 * scattered to 256 places rather than 65,536 (the fingerprint index at 100k articles: 0.61 s
 * -> 0.55 s).
 */
export function radixSort(keys: Uint32Array, values: Uint32Array | undefined, spare: { keys: Uint32Array; values?: Uint32Array }): void {
  const size = keys.length;
  let [fromKeys, toKeys] = [keys, spare.keys];
  let [fromValues, toValues] = [values, spare.values];
  for (let shift = 0; shift < 32; shift += 8) {
    byteCounts.fill(0);
    for (let i = 0; i < size; i++) byteCounts[((fromKeys[i] >>> shift) & 0xff) + 1]++;
    for (let byte = 1; byte <= 0x100; byte++) byteCounts[byte] += byteCounts[byte - 1];
    for (let i = 0; i < size; i++) {
      const target = byteCounts[(fromKeys[i] >>> shift) & 0xff]++;
      toKeys[target] = fromKeys[i];
      if (fromValues && toValues) toValues[target] = fromValues[i];
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromValues, toValues] = [toValues, fromValues];
  }
  // An even number of passes: the sorted entries are back in `keys` and `values`.
}

/**
 * The seeds shared within a batch of files that fills an empty fingerprint index (a scan),
 * found on two threads: the entries (a key and a file id per fingerprint) are split by the
 * top bit of their key, so that every entry of a hash lies in one half, and each half is
 * sorted and its seeds listed on its own thread. At 100k articles, sorting and listing in
 * one thread took 0.9 s of the scan's main thread while the other core sat idle.
 */
import { SeedListParts, SharedSeedList, batchSeeds } from './candidates';
import { BatchIds, FileFingerprints, FingerprintIndex, keyOf } from './fingerprint-index';
import { radixSort } from './radixSort';

/** Half of a batch's entries, in memory the threads share, and what its seeds are told with (see changedPairs). */
export interface BatchHalf {
  keys: Uint32Array;
  ids: Uint32Array;
  /** The ids of the batch's files: the index held none before them. */
  files: BatchIds;
  /** Places from which a fingerprint is boilerplate. */
  limit: number;
}

/** Sorts the entries of `half` in place, keys ascending, and lists the seeds its files share through them. */
export function seedsOfHalf(half: BatchHalf): SeedListParts {
  const { keys, ids } = half;
  radixSort(keys, ids, { keys: new Uint32Array(keys.length), values: new Uint32Array(keys.length) });
  return batchSeeds(keys, ids, half.files.firstNew, half.limit).parts();
}

/**
 * The fingerprint index of `batch` (files with the ids `files`, the index empty before
 * them) and the seeds they share. `elsewhere` runs seedsOfHalf on another thread; should it
 * fail, everything is done again in this one: the half it was given may be left half sorted.
 */
export async function freshBatchSeeds(
  batch: readonly FileFingerprints[],
  files: BatchIds,
  limit: number,
  elsewhere?: (half: BatchHalf) => Promise<SeedListParts>,
): Promise<{ index: FingerprintIndex; shared: SharedSeedList }> {
  const { keys, ids, lowSize } = entriesByTopBit(batch);
  const low: BatchHalf = { keys: keys.subarray(0, lowSize), ids: ids.subarray(0, lowSize), files, limit };
  const high: BatchHalf = { keys: keys.subarray(lowSize), ids: ids.subarray(lowSize), files, limit };
  const highElsewhere = elsewhere?.(high).catch(() => undefined);
  const lowSeeds = seedsOfHalf(low);
  const highSeeds = highElsewhere ? await highElsewhere : seedsOfHalf(high);
  if (!highSeeds) return freshBatchSeeds(batch, files, limit);
  // Both halves sorted, the low keys first: the whole list is sorted.
  return { index: FingerprintIndex.ofSortedBatch(keys, ids, files), shared: SharedSeedList.joined([lowSeeds, highSeeds]) };
}

/** The entries of `files` in shared memory, those whose key has its top bit clear first, each half in the order of `files`. */
function entriesByTopBit(files: readonly FileFingerprints[]): { keys: Uint32Array; ids: Uint32Array; lowSize: number } {
  const size = files.reduce((sum, file) => sum + file.hashes.length, 0);
  const keys = new Uint32Array(new SharedArrayBuffer(size * 4));
  const ids = new Uint32Array(new SharedArrayBuffer(size * 4));
  // One pass: the low half from the start, the high half from the end backwards, then turned round.
  let low = 0;
  let high = size;
  for (const { id, hashes } of files) {
    for (let i = 0; i < hashes.length; i++) {
      const key = keyOf(hashes[i]);
      const at = key >>> 31 === 0 ? low++ : --high;
      keys[at] = key;
      ids[at] = id;
    }
  }
  keys.subarray(low).reverse();
  ids.subarray(low).reverse();
  return { keys, ids, lowSize: low };
}

/**
 * Which files hold each selected fingerprint, and how often: the inverted index of
 * winnowing.
 *
 * Entries (hash, file id) are kept in a few runs sorted by hash, as in a log-structured
 * merge tree: a batch of files becomes one run (radix-sorted), and small runs are merged
 * into larger ones as they come, so a lookup is a binary search in each of O(log n) runs
 * and an edit costs amortised O(log n) per fingerprint. A removed file's entries are not
 * searched for: its id is marked dead and they are dropped at the next merge. Typed arrays
 * throughout: 8 bytes per fingerprint and nothing for the garbage collector to walk, where
 * a Map of millions of entries costs several times that.
 */

export interface FileFingerprints {
  id: number;
  /** Selected hashes of the file, one entry per occurrence. */
  hashes: Uint32Array;
}

/** Entries sorted by hash. */
export interface Run {
  hashes: Uint32Array;
  files: Uint32Array;
}

const EMPTY_RUN: Run = { hashes: new Uint32Array(0), files: new Uint32Array(0) };

/** Runs are merged while the newer one is at least this fraction of the older one. */
const MERGE_RATIO = 0.5;

export class FingerprintIndex {
  private runs: Run[] = [];
  private alive = new Uint8Array(1024);
  private entries = 0;
  private deadEntries = 0;
  private readonly entriesOf = new Map<number, number>();

  /** Adds files (fresh ids) as one run, which is returned for the caller to scan. */
  add(files: readonly FileFingerprints[]): Run {
    const run = sortedRun(files);
    for (const file of files) {
      this.growAlive(file.id);
      this.alive[file.id] = 1;
      this.entriesOf.set(file.id, file.hashes.length);
    }
    this.entries += run.hashes.length;
    if (run.hashes.length > 0) this.runs.push(run);
    return run;
  }

  remove(fileId: number): void {
    const count = this.entriesOf.get(fileId);
    if (count === undefined) return;
    this.entriesOf.delete(fileId);
    this.alive[fileId] = 0;
    this.deadEntries += count;
  }

  /** Merges runs that have become small beside their predecessor, and drops dead entries. */
  settle(): void {
    if (this.deadEntries * 2 > this.entries && this.runs.length > 0) {
      const merged = this.runs.reduce((all, run) => this.merge(all, run), EMPTY_RUN);
      this.runs = merged.hashes.length > 0 ? [merged] : [];
      return;
    }
    while (this.runs.length >= 2) {
      const newer = this.runs[this.runs.length - 1];
      const older = this.runs[this.runs.length - 2];
      if (newer.hashes.length < MERGE_RATIO * older.hashes.length) break;
      this.runs.splice(this.runs.length - 2, 2, this.merge(older, newer));
    }
  }

  /** Occurrences of `hash` in live files; counting stops at `limit`. */
  places(hash: number, limit = Infinity): number {
    let count = 0;
    for (const run of this.runs) {
      for (let i = lowerBound(run.hashes, hash); i < run.hashes.length && run.hashes[i] === hash; i++) {
        if (this.alive[run.files[i]] === 1 && ++count >= limit) return count;
      }
    }
    return count;
  }

  /**
   * Calls `visit(i, holders, count)` for each of `hashes` (ascending) with the live files
   * holding `hashes[i]`, once per occurrence, in `holders[0, count)`; the listing stops at
   * `capOf(i)` holders. The hashes come in order, so each run is read forward once, with
   * a galloping search from where the previous hash was found: for a batch of files,
   * one pass over the index rather than a binary search per fingerprint in every run.
   */
  eachHolders(hashes: ArrayLike<number>, capOf: (i: number) => number, visit: (i: number, holders: Uint32Array, count: number) => void): void {
    const cursors = new Uint32Array(this.runs.length);
    let holders: Uint32Array = new Uint32Array(16);
    for (let h = 0; h < hashes.length; h++) {
      const hash = hashes[h];
      const cap = capOf(h);
      let count = 0;
      for (let r = 0; r < this.runs.length; r++) {
        const run = this.runs[r];
        let i = (cursors[r] = gallop(run.hashes, hash, cursors[r]));
        for (; count < cap && i < run.hashes.length && run.hashes[i] === hash; i++) {
          if (this.alive[run.files[i]] !== 1) continue;
          if (count === holders.length) holders = grown(holders);
          holders[count++] = run.files[i];
        }
      }
      visit(h, holders, count);
    }
  }

  private merge(older: Run, newer: Run): Run {
    const size = older.hashes.length + newer.hashes.length;
    const hashes = new Uint32Array(size);
    const files = new Uint32Array(size);
    let count = 0;
    let i = 0;
    let j = 0;
    while (i < older.hashes.length || j < newer.hashes.length) {
      const fromOlder = j >= newer.hashes.length || (i < older.hashes.length && older.hashes[i] <= newer.hashes[j]);
      const run = fromOlder ? older : newer;
      const at = fromOlder ? i++ : j++;
      if (this.alive[run.files[at]] !== 1) continue;
      hashes[count] = run.hashes[at];
      files[count++] = run.files[at];
    }
    this.entries -= size - count;
    this.deadEntries -= size - count;
    return { hashes: hashes.slice(0, count), files: files.slice(0, count) };
  }

  private growAlive(id: number): void {
    if (id < this.alive.length) return;
    const grown = new Uint8Array(Math.max(id + 1, this.alive.length * 2));
    grown.set(this.alive);
    this.alive = grown;
  }
}

function grown(array: Uint32Array): Uint32Array {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** Index of the first entry >= value at or after `from`: steps of 1, 2, 4… then a binary search. */
function gallop(sorted: Uint32Array, value: number, from: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < sorted.length && sorted[high] < value) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  return lowerBound(sorted, value, low, Math.min(high, sorted.length));
}

/** Index of the first entry >= value (within [low, high)). */
function lowerBound(sorted: Uint32Array, value: number, low = 0, high = sorted.length): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The files' entries sorted by hash: a least-significant-digit radix sort, by 16 bits (8 for few entries). */
function sortedRun(files: readonly FileFingerprints[]): Run {
  let size = 0;
  for (const file of files) size += file.hashes.length;
  let hashes = new Uint32Array(size);
  let ids = new Uint32Array(size);
  let at = 0;
  for (const file of files) {
    hashes.set(file.hashes, at);
    ids.fill(file.id, at, at + file.hashes.length);
    at += file.hashes.length;
  }
  if (size < 2) return { hashes, files: ids };
  let sortedHashes = new Uint32Array(size);
  let sortedIds = new Uint32Array(size);
  const bits = size > 1 << 16 ? 16 : 8;
  const mask = (1 << bits) - 1;
  const counts = new Uint32Array(mask + 2);
  for (let shift = 0; shift < 32; shift += bits) {
    counts.fill(0);
    for (let i = 0; i < size; i++) counts[((hashes[i] >>> shift) & mask) + 1]++;
    for (let digit = 1; digit <= mask + 1; digit++) counts[digit] += counts[digit - 1];
    for (let i = 0; i < size; i++) {
      const target = counts[(hashes[i] >>> shift) & mask]++;
      sortedHashes[target] = hashes[i];
      sortedIds[target] = ids[i];
    }
    [hashes, sortedHashes] = [sortedHashes, hashes];
    [ids, sortedIds] = [sortedIds, ids];
  }
  return { hashes, files: ids };
}

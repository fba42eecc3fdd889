/**
 * Which files hold each selected fingerprint: the inverted index of winnowing. A file is
 * added or removed in time proportional to its own fingerprints, so one edit never
 * touches the rest of the workspace.
 *
 * Most fingerprints belong to one file only, so a posting is a bare file id until a
 * second file shares it. The map is split into shards keyed by the low hash bits: the
 * remaining bits fit V8's small integers, and no shard nears a Map's size limit.
 */

const SHARD_BITS = 4;
const SHARD_MASK = (1 << SHARD_BITS) - 1;

type Posting = number | number[];

export class FingerprintIndex {
  private readonly shards: Map<number, Posting>[] = Array.from({ length: 1 << SHARD_BITS }, () => new Map());

  /** Adds a file's fingerprints; `hashes` sorted ascending (repeats are added once). */
  add(fileId: number, hashes: Uint32Array): void {
    forEachDistinct(hashes, (hash) => {
      const shard = this.shards[hash & SHARD_MASK];
      const key = hash >>> SHARD_BITS;
      const posting = shard.get(key);
      if (posting === undefined) shard.set(key, fileId);
      else if (typeof posting === 'number') shard.set(key, [posting, fileId]);
      else posting.push(fileId);
    });
  }

  remove(fileId: number, hashes: Uint32Array): void {
    forEachDistinct(hashes, (hash) => {
      const shard = this.shards[hash & SHARD_MASK];
      const key = hash >>> SHARD_BITS;
      const posting = shard.get(key);
      if (posting === undefined) return;
      if (typeof posting === 'number') {
        if (posting === fileId) shard.delete(key);
        return;
      }
      const at = posting.indexOf(fileId);
      if (at >= 0) posting.splice(at, 1);
      if (posting.length === 1) shard.set(key, posting[0]);
    });
  }

  /** The ids of the files holding `hash`. */
  filesWith(hash: number): readonly number[] {
    const posting = this.shards[hash & SHARD_MASK].get(hash >>> SHARD_BITS);
    if (posting === undefined) return [];
    return typeof posting === 'number' ? [posting] : posting;
  }
}

function forEachDistinct(sorted: Uint32Array, action: (hash: number) => void): void {
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) action(sorted[i]);
}

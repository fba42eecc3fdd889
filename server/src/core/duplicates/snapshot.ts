/**
 * A DuplicateIndexSnapshot as the parts of a snapshot file (see cache/snapshotFile.ts): the
 * small things in one serialised part, each table in a part of its own, written as its bytes,
 * and the files' URIs and content hashes each as one string (see joinedList).
 */
import type { DuplicateIndexSnapshot, SnapshotFiles } from './engine';
import { joinedList, listFromJoined } from '../text';

type Meta = Pick<DuplicateIndexSnapshot, 'options' | 'ignored' | 'nextId' | 'groups'> & {
  counts: DuplicateIndexSnapshot['fingerprints']['counts'];
};

export function snapshotParts(snapshot: DuplicateIndexSnapshot): unknown[] {
  const { options, ignored, nextId, files, groups, fingerprints, pairs } = snapshot;
  const meta: Meta = { options, ignored, nextId, groups, counts: fingerprints.counts };
  return [
    meta,
    joinedList(files.uris),
    joinedList(files.hashes),
    files.ids,
    snapshot.fileHashes,
    snapshot.fileHashEnds,
    fingerprints.slots,
    fingerprints.chainLive,
    fingerprints.chainFirst,
    fingerprints.postingFiles,
    fingerprints.postingNext,
    fingerprints.alive,
    pairs.pairs,
    pairs.spans,
    pairs.similarities,
  ];
}

/** The snapshot `snapshotParts` gave, read back; throws when a part is not of its kind. */
export function snapshotFromParts(parts: Iterator<unknown>): DuplicateIndexSnapshot {
  const next = <T>(kind: abstract new (...args: never[]) => T): T => {
    const part = parts.next().value;
    if (!(part instanceof kind)) throw new Error(`a part of the duplicate index is not a ${kind.name}`);
    return part;
  };
  const meta = next(Object) as Meta;
  if (!Array.isArray(meta.groups) || typeof meta.nextId !== 'number') throw new Error('the duplicate index has no list of groups');
  const uris = parts.next().value;
  const hashes = parts.next().value;
  const ids = next(Uint32Array);
  return {
    options: meta.options,
    ignored: meta.ignored,
    nextId: meta.nextId,
    files: filesOf(uris, hashes, ids),
    groups: meta.groups,
    fileHashes: next(Uint32Array),
    fileHashEnds: next(Uint32Array),
    fingerprints: {
      counts: meta.counts,
      slots: next(Int32Array),
      chainLive: next(Uint32Array),
      chainFirst: next(Int32Array),
      postingFiles: next(Uint32Array),
      postingNext: next(Int32Array),
      alive: next(Uint8Array),
    },
    pairs: { pairs: next(Int32Array), spans: next(Int32Array), similarities: next(Float64Array) },
  };
}

function filesOf(uris: unknown, hashes: unknown, ids: Uint32Array): SnapshotFiles {
  if (typeof uris !== 'string' || typeof hashes !== 'string') throw new Error('the duplicate index has no list of files');
  const files = { uris: listFromJoined(uris), hashes: listFromJoined(hashes), ids };
  if (files.uris.length !== ids.length || files.hashes.length !== ids.length) throw new Error('the duplicate index\'s list of files is damaged');
  return files;
}

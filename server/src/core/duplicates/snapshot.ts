/**
 * A DuplicateIndexSnapshot as the parts of two snapshot files (see cache/snapshotFile.ts):
 * the head, which a warm start reads, and the tables, which only a change needs (see
 * DuplicateIndex.fromSnapshot). In each, the small things are in one serialised part, each
 * table in a part of its own, written as its bytes, and the files' URIs and content hashes
 * each as one string (see joinedList). Both carry the same key, made at each save: tables
 * written with another head (a save cut short between the two files) are refused.
 */
import type { DuplicateIndexSnapshot, SnapshotFiles, SnapshotHead, SnapshotTables } from './engine';
import { RoomToGrow } from '../cache/snapshotFile';
import { joinedList, listFromJoined } from '../text';

type HeadMeta = Pick<DuplicateIndexSnapshot, 'options' | 'ignored' | 'nextId' | 'groups'> & { key: string };
type TablesMeta = { key: string; counts: SnapshotTables['fingerprints']['counts'] };

export function snapshotParts(snapshot: DuplicateIndexSnapshot, key: string): { head: unknown[]; tables: unknown[] } {
  const { options, ignored, nextId, files, groups, pairs, tables } = snapshot;
  const { fingerprints } = tables;
  const headMeta: HeadMeta = { options, ignored, nextId, groups, key };
  const tablesMeta: TablesMeta = { key, counts: fingerprints.counts };
  return {
    head: [headMeta, joinedList(files.uris), joinedList(files.hashes), files.ids, pairs.pairs, pairs.spans, pairs.similarities],
    tables: [
      tablesMeta,
      tables.fileHashes,
      tables.fileHashEnds,
      fingerprints.slots,
      // The tables the first edits grow.
      new RoomToGrow(fingerprints.chainLive),
      new RoomToGrow(fingerprints.chainFirst),
      new RoomToGrow(fingerprints.postingFiles),
      new RoomToGrow(fingerprints.postingNext),
      fingerprints.alive,
    ],
  };
}

/** Reads the next part, which must be of `kind`. */
function partReader(parts: Iterator<unknown>) {
  return <T>(kind: abstract new (...args: never[]) => T): T => {
    const part = parts.next().value;
    if (!(part instanceof kind)) throw new Error(`a part of the duplicate index is not a ${kind.name}`);
    return part;
  };
}

/** The head `snapshotParts` gave, read back, with its key; throws when a part is not of its kind. */
export function headFromParts(parts: Iterator<unknown>): { head: SnapshotHead; key: string } {
  const next = partReader(parts);
  const meta = next(Object) as HeadMeta;
  if (!Array.isArray(meta.groups) || typeof meta.nextId !== 'number') throw new Error('the duplicate index has no list of groups');
  const uris = parts.next().value;
  const hashes = parts.next().value;
  const ids = next(Uint32Array);
  const head: SnapshotHead = {
    options: meta.options,
    ignored: meta.ignored,
    nextId: meta.nextId,
    files: filesOf(uris, hashes, ids),
    groups: meta.groups,
    pairs: { pairs: next(Int32Array), spans: next(Int32Array), similarities: next(Float64Array) },
  };
  return { head, key: meta.key };
}

/** The tables `snapshotParts` gave, read back; throws when they were written with another head than the one of `key`. */
export function tablesFromParts(parts: Iterator<unknown>, key: string): SnapshotTables {
  const next = partReader(parts);
  const meta = next(Object) as TablesMeta;
  if (meta.key !== key) throw new Error('the fingerprint tables were saved with another duplicate index');
  return {
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
  };
}

function filesOf(uris: unknown, hashes: unknown, ids: Uint32Array): SnapshotFiles {
  if (typeof uris !== 'string' || typeof hashes !== 'string') throw new Error('the duplicate index has no list of files');
  const files = { uris: listFromJoined(uris), hashes: listFromJoined(hashes), ids };
  if (files.uris.length !== ids.length || files.hashes.length !== ids.length) throw new Error('the duplicate index\'s list of files is damaged');
  return files;
}

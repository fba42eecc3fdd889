/**
 * A value kept between sessions, in parts: a file in the index cache's format (cacheFile.ts)
 * with one entry per part, each v8-serialised. Parts are serialised and deserialised one at
 * a time, with turns for other work in between: at 100k articles the organisations memory
 * takes over a second to deserialise whole, a second in which no hover would be answered.
 * A part that is a typed array is written as its bytes, straight from its memory, and read
 * back as a typed array of the same kind: the duplicate index's tables take a few hundred
 * megabytes at 100k articles, and serialising them would first copy them whole. One given
 * as RoomToGrow is read back with room to grow (see RoomToGrow).
 * It is checked as the cache is (magic, identity, checksum), so that a damaged file, or one
 * written by other code, is refused with the reason rather than trusted. Written to a
 * temporary file renamed over the old one, so that a crash while writing leaves the old
 * file whole.
 */
import { closeSync, openSync, promises as fs, fstatSync } from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { readerOf } from '../files';
import { readPlacesInBackground } from '../scratchFile';
import { nextTurn } from '../steps';
import { CacheFileWriter, readCacheFile } from './cacheFile';
import { fileChecksum } from './fileChecksum';
import { removeLeftTemporaries, temporaryFor } from './temporaryFiles';

/** The reason given when no snapshot was ever written: not a problem to report. */
export const NO_SNAPSHOT = 'none yet';

/** `parts`: the parts read, each deserialised when the iteration reaches it. */
export type ReadSnapshot = { ok: true; parts: IterableIterator<unknown> } | { ok: false; reason: string };

/** The typed arrays written as their bytes, by the name their entries carry. */
const RAW_KINDS = { Int32Array, Uint32Array, Uint8Array, Float64Array };
type RawKind = keyof typeof RAW_KINDS;
type RawPart = InstanceType<(typeof RAW_KINDS)[RawKind]>;

function rawKindOf(part: unknown): RawKind | undefined {
  return Object.entries(RAW_KINDS).find(([, kind]) => part instanceof kind)?.[0] as RawKind | undefined;
}

/**
 * A typed array part of a table that grows by half when full (see typedArrays.grown), to be
 * read back longer by half: the entries past its own are not read, nor given memory by
 * the system until written. At 100k articles, the first edit after a restore copied the
 * duplicate index's grown tables, 0.4 s, where it now fills their room.
 */
export class RoomToGrow {
  constructor(readonly array: Int32Array | Uint32Array | Uint8Array | Float64Array) {}
}

/** The key suffix of a RoomToGrow part. */
const ROOM = 'room';

/**
 * Writes `parts` under `identity`; returns the file's size. Typed arrays are written from
 * their own memory: they must not change until the returned promise settles. The parts
 * may be made as they are taken (a generator): the event loop gets a turn after each part
 * serialised.
 */
export async function writeSnapshot(file: string, identity: string, parts: Iterable<unknown>): Promise<number> {
  const serialised: Uint8Array[] = [];
  const entries: [string, number][] = [];
  for (const given of parts) {
    const part = given instanceof RoomToGrow ? given.array : given;
    const kind = rawKindOf(part);
    const bytes = kind ? new Uint8Array((part as RawPart).buffer, (part as RawPart).byteOffset, (part as RawPart).byteLength) : serialize(part);
    const key = [String(serialised.length), kind, given instanceof RoomToGrow && ROOM].filter(Boolean).join(' ');
    serialised.push(bytes);
    entries.push([key, bytes.length]);
    if (!kind) await nextTurn();
  }
  const temporary = temporaryFor(file);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(temporary, 'w');
  try {
    const writer = new CacheFileWriter(identity, entries, async (pieces) => void (await handle.writev(pieces)));
    for (const bytes of serialised) await writer.add(bytes);
    const size = await writer.finish();
    await handle.close();
    await fs.rename(temporary, file);
    return size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The parts written under `identity`, or why there are none to trust (no file, damaged, other code). */
export async function readSnapshot(file: string, identity: string): Promise<ReadSnapshot> {
  await removeLeftTemporaries(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? NO_SNAPSHOT : String(error) };
  }
  try {
    // The parts are read on libuv's threads, and checked on another: at 100k articles they take over 200 MB.
    const read = await readCacheFile(
      readerOf(fd),
      fstatSync(fd).size,
      identity,
      (entries) => readPlacesInBackground(fd, entries.map(([key, place]) => ({ ...place, room: roomOf(key, place.length) }))),
      (length) => fileChecksum(fd, length),
    );
    return read.ok ? { ok: true, parts: deserialised(read.values) } : read;
  } catch (error) {
    return { ok: false, reason: String(error) };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of room the part of this key and `length` bytes is read with: for a RoomToGrow part, half as many, in whole 8-byte numbers; else none. */
function roomOf(key: string, length: number): number {
  return key.split(' ')[2] === ROOM ? Math.ceil(length / 16) * 8 : 0;
}

function* deserialised(serialised: [string, Buffer][]): IterableIterator<unknown> {
  for (const [key, bytes] of serialised) {
    const kind = key.split(' ')[1] as RawKind | undefined;
    yield kind ? rawPart(RAW_KINDS[kind], bytes, roomOf(key, bytes.length)) : deserialize(bytes);
  }
}

/**
 * The typed array whose bytes were read: a view of them when they are aligned for it, else
 * a copy. With `room`, the view goes on over the room they were read with (a memory of
 * their own, aligned: see readPlacesInBackground).
 */
function rawPart(kind: (typeof RAW_KINDS)[RawKind], bytes: Buffer, room: number): RawPart {
  const size = kind.BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new Error('a part ends inside a number');
  const aligned = bytes.byteOffset % size === 0 ? bytes : Buffer.from(bytes);
  return new kind(aligned.buffer as ArrayBuffer, aligned.byteOffset, (bytes.length + room) / size);
}

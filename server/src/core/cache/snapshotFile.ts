/**
 * A value kept between sessions, in parts: a file in the index cache's format (cacheFile.ts)
 * with one entry per part, each v8-serialised. Parts are serialised and deserialised one at
 * a time, with turns for other work in between: at 100k articles the organisations memory
 * takes over a second to deserialise whole, a second in which no hover would be answered.
 * It is checked as the cache is (magic, identity, checksum), so that a damaged file, or one
 * written by other code, is refused with the reason rather than trusted. Written to a
 * temporary file renamed over the old one, so that a crash while writing leaves the old
 * file whole.
 */
import { closeSync, openSync, promises as fs, fstatSync } from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { readerOf } from '../files';
import { readPlace } from '../scratchFile';
import { nextTurn } from '../steps';
import { CacheFileWriter, checkCacheFile } from './cacheFile';

/** The reason given when no snapshot was ever written: not a problem to report. */
export const NO_SNAPSHOT = 'none yet';

/** `parts`: the parts read, each deserialised when the iteration reaches it. */
export type ReadSnapshot = { ok: true; parts: IterableIterator<unknown> } | { ok: false; reason: string };

/** Writes `parts` under `identity`; returns the file's size. */
export async function writeSnapshot(file: string, identity: string, parts: readonly unknown[]): Promise<number> {
  const serialised: Buffer[] = [];
  for (const part of parts) {
    serialised.push(serialize(part));
    await nextTurn();
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(temporary, 'w');
  try {
    const entries = serialised.map((bytes, i): [string, number] => [String(i), bytes.length]);
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
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? NO_SNAPSHOT : String(error) };
  }
  try {
    const checked = await checkCacheFile(readerOf(fd), fstatSync(fd).size, identity);
    if (!checked.ok) return checked;
    const serialised = [...checked.entries.values()].map((place) => readPlace(fd, place));
    return { ok: true, parts: deserialised(serialised) };
  } catch (error) {
    return { ok: false, reason: String(error) };
  } finally {
    closeSync(fd);
  }
}

function* deserialised(serialised: Buffer[]): IterableIterator<unknown> {
  for (const bytes of serialised) yield deserialize(bytes);
}

/**
 * One value kept between sessions: a file in the index cache's format (cacheFile.ts) with a
 * single entry, the value v8-serialised. It is checked as the cache is (magic, identity,
 * checksum), so that a damaged file, or one written by other code, is refused with the
 * reason rather than trusted. Written to a temporary file renamed over the old one, so
 * that a crash while writing leaves the old file whole.
 */
import { closeSync, openSync, promises as fs, fstatSync } from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { readerOf } from '../files';
import { readPlace } from '../scratchFile';
import { CacheFileWriter, checkCacheFile } from './cacheFile';

const KEY = 'snapshot';
/** The reason given when no snapshot was ever written: not a problem to report. */
export const NO_SNAPSHOT = 'none yet';

export type ReadSnapshot = { ok: true; value: unknown } | { ok: false; reason: string };

/** Writes `value` under `identity`; returns the file's size. */
export async function writeSnapshot(file: string, identity: string, value: unknown): Promise<number> {
  const bytes = serialize(value);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(temporary, 'w');
  try {
    const writer = new CacheFileWriter(identity, [[KEY, bytes.length]], async (pieces) => void (await handle.writev(pieces)));
    await writer.add(bytes);
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

/** The value written under `identity`, or why there is none to trust (no file, damaged, other code). */
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
    const place = checked.entries.get(KEY);
    if (!place) return { ok: false, reason: 'no value in the file' };
    return { ok: true, value: deserialize(readPlace(fd, place)) };
  } catch (error) {
    return { ok: false, reason: String(error) };
  } finally {
    closeSync(fd);
  }
}

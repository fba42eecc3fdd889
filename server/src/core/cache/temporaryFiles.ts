/**
 * Files of the storage folder are written whole to a temporary file beside them, then
 * renamed over them, so that a crash leaves the old file whole. A process killed while
 * writing leaves its temporary file behind, and at 100k articles one can take hundreds of
 * megabytes: the next reader removes those of processes no longer running.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

/** Where this process writes `file` before renaming it over `file`. */
export function temporaryFor(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

/** Removes the temporary files of `file` left by processes that are gone; a running one's (this one's included) stays. */
export async function removeLeftTemporaries(file: string): Promise<void> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) await fs.rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // Running, but not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finding and reading the files of a workspace folder, safely: files that are too large,
 * binary, unreadable or gone by the time they are read are reported, never thrown.
 */
import { Stats, closeSync, constants, fstatSync, openSync, promises as fs, read, readSync, readdirSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import picomatch from 'picomatch';
import { decodeUtf8, looksBinary } from './text';
import { errorMessage } from './errors';

export type ReadOutcome =
  | {
      kind: 'text';
      text: string;
      /** Said to the user, e.g. that bytes were replaced. */
      warning?: string;
      /**
       * The bytes read, when they are exactly the UTF-8 of `text` (valid, no byte-order mark):
       * hashing or storing them spares encoding the text again.
       */
      utf8?: Uint8Array;
      /** The file's status as it was just before it was read (see FileStamp). */
      stamp?: FileStamp;
    }
  | { kind: 'skipped'; reason: string };

/**
 * What a file's status says of its content: a write changes its size or its modification
 * and change times, a file put in its place its inode. Equal stamps taken well apart mean
 * the content is unchanged in between (see KnownFiles, for the exception).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function stampOf({ size, mtimeMs, ctimeMs, ino }: FileStamp): FileStamp {
  return { size, mtimeMs, ctimeMs, ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

const NOT_A_FILE = 'not a regular file (a pipe, socket or device)';

export async function readTextFile(filePath: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(filePath, READ_FLAGS);
    const stat = await handle.stat();
    const plan = readPlan(stat, maxBytes);
    if (plan.kind === 'skipped') return plan;
    const buffer = Buffer.alloc(plan.length);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return readBytes(buffer.subarray(0, length), maxBytes, stat);
  } catch (error) {
    return { kind: 'skipped', reason: describeError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * `readTextFile`, blocking: for worker threads, which have nothing else to do meanwhile.
 * A promise for each step cost about three times the CPU of the reading itself.
 */
export function readTextFileSync(filePath: string, maxBytes: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, READ_FLAGS);
    const stat = fstatSync(fd);
    const plan = readPlan(stat, maxBytes);
    if (plan.kind === 'skipped') return plan;
    return readBytes(readUpTo(readerOf(fd), plan.length, 0), maxBytes, stat);
  } catch (error) {
    return { kind: 'skipped', reason: describeError(error) };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Non-blocking, so that opening a named pipe does not wait for a writer; it is then skipped as not a regular file. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** What to skip from the file's status, or how many bytes to read at most. */
function readPlan(stat: Stats, maxBytes: number): { kind: 'read'; length: number } | { kind: 'skipped'; reason: string } {
  if (!stat.isFile()) return { kind: 'skipped', reason: stat.isDirectory() ? 'is a directory' : NOT_A_FILE };
  if (stat.size > maxBytes) return { kind: 'skipped', reason: `too large (${formatKB(stat.size)} > ${formatKB(maxBytes)} limit)` };
  // Read up to one byte past the limit: a file that grew since stat() is still caught.
  return { kind: 'read', length: Math.min(stat.size, maxBytes) + 1 };
}

function readBytes(bytes: Buffer, maxBytes: number, stat: Stats): ReadOutcome {
  if (bytes.length > maxBytes) return { kind: 'skipped', reason: `too large (grew past the ${formatKB(maxBytes)} limit)` };
  const outcome = decodeBytes(bytes);
  return outcome.kind === 'text' ? { ...outcome, stamp: stampOf(stat) } : outcome;
}

/** Reads up to `length` bytes of a file at `position` into the start of `into`; returns how many it read. */
export type ReadAt = (into: Buffer, length: number, position: number) => number;

/** `length` bytes at `position`, or fewer if the file ends first. */
export function readUpTo(readAt: ReadAt, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  return bytes.subarray(0, readInto(readAt, bytes, position));
}

/** Fills `into` with the bytes at `position`, or its start if the file ends first; returns how many it read. */
export function readInto(readAt: ReadAt, into: Buffer, position: number): number {
  let done = 0;
  while (done < into.length) {
    const read = readAt(into.subarray(done), into.length - done, position + done);
    if (read <= 0) break;
    done += read;
  }
  return done;
}

/**
 * readUpTo from the open file `fd`, the reading done on libuv's threads: for reads of
 * megabytes, which would hold this thread as long as copying them takes. Into `bytes`
 * when given (at least `length` of them).
 */
export async function readUpToInBackground(fd: number, length: number, position: number, bytes = Buffer.allocUnsafe(length)): Promise<Buffer> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readInBackground(fd, bytes, done, length - done, position + done);
    if (bytesRead <= 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

const readInBackground = promisify(read);

/** Reads from the open file `fd`. */
export function readerOf(fd: number): ReadAt {
  return (into, length, position) => readSync(fd, into, 0, length, position);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing was lost: the file was only read.
  }
}

export function decodeBytes(bytes: Uint8Array): ReadOutcome {
  if (looksBinary(bytes)) return { kind: 'skipped', reason: 'binary file (contains NUL bytes)' };
  const decoded = decodeUtf8(bytes);
  if (decoded.invalidUtf8) return { kind: 'text', text: decoded.text, warning: 'not valid UTF-8: invalid bytes shown as U+FFFD' };
  return hasByteOrderMark(bytes) ? { kind: 'text', text: decoded.text } : { kind: 'text', text: decoded.text, utf8: bytes };
}

/** The UTF-8 byte-order mark, which decoding drops from the text. */
function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file no longer exists (deleted while being read)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EIO':
      return 'could not be read (input/output error)';
    default:
      return errorMessage(error);
  }
}

/** Rounded up, so that a file just over the limit does not read "1100 KB > 1100 KB limit". */
function formatKB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

export interface FileFilter {
  /** Relative path with forward slashes. */
  includes(relativePath: string): boolean;
  excludes(relativePath: string): boolean;
  /** Whether an include pattern matches, excluded or not: `includes` for a path known not to be excluded. */
  matchesInclude(relativePath: string): boolean;
}

export function fileFilter(include: string[], exclude: string[]): FileFilter {
  const included = picomatch(include, { dot: false });
  const excluded = picomatch(exclude, { dot: true });
  return {
    includes: (relativePath) => included(relativePath) && !excluded(relativePath),
    excludes: (relativePath) => excluded(relativePath),
    matchesInclude: (relativePath) => included(relativePath),
  };
}

export interface WalkEvents {
  /** A folder or link that could not be listed or followed. */
  onSkip(relativePath: string, reason: string): void;
}

/** A file found by walkFolder: its absolute path, and its path from the root with "/" between folders. */
export interface WalkedFile {
  path: string;
  relativePath: string;
}

/** A folder to list: where, and its real path once known (see walkFolder). */
interface WalkedFolder extends WalkedFile {
  real?: string;
}

/**
 * Yields the files under `root` that the filter includes, in a stable (sorted) order: the
 * files of each folder listed in one array (see indexInWalkOrder), none empty.
 * Symbolic links are followed once: a link back to a folder already visited is reported
 * as a loop and not entered again. Relative paths are built while walking: taking each
 * from the absolute path (path.relative) cost more than the rest of the walk at 40k files.
 * Real paths too: only the root and linked folders are resolved (a folder cannot be hard
 * linked), which spared 400 calls at 40k files, queued behind a warm start's reading.
 */
export async function* walkFolder(root: string, filter: FileFilter, events: WalkEvents): AsyncGenerator<WalkedFile[]> {
  const visited = new Set<string>();
  // Normalised once, each folder's path is joined to its entries' names as path.join would
  // (a name holds no separator), without normalising it again for each of 40k files.
  const pending: WalkedFolder[] = [{ path: path.normalize(root), relativePath: '' }];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let real: string;
    let entries: import('fs').Dirent[];
    try {
      real = folder.real ?? (await fs.realpath(folder.path));
      if (visited.has(real)) {
        events.onSkip(folder.relativePath, 'symbolic link loop: folder already indexed');
        continue;
      }
      visited.add(real);
      // Blocking: a listing is a fraction of a millisecond, and each one waited for on
      // libuv's threads, busy reading what the features kept, left this thread idle 0.1-0.3
      // s of a warm start's scan of 40k files (400 folders).
      entries = readdirSync(folder.path, { withFileTypes: true });
    } catch (error) {
      events.onSkip(folder.relativePath || '.', describeError(error));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: WalkedFolder[] = [];
    const files: WalkedFile[] = [];
    const prefix = folder.path.endsWith(path.sep) ? folder.path : folder.path + path.sep;
    for (const entry of entries) {
      const full = prefix + entry.name;
      const relative = folder.relativePath === '' ? entry.name : `${folder.relativePath}/${entry.name}`;
      if (filter.excludes(relative)) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      const linked = entry.isSymbolicLink();
      if (linked) {
        try {
          const target = await fs.stat(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          events.onSkip(relative, describeError(error));
          continue;
        }
      }
      const walked = { path: full, relativePath: relative };
      if (isDirectory) subfolders.push(linked ? walked : { ...walked, real: path.join(real, entry.name) });
      else if (!filter.matchesInclude(relative)) continue;
      else if (isFile) files.push(walked);
      else events.onSkip(relative, NOT_A_FILE);
    }
    if (files.length > 0) yield files;
    pending.push(...subfolders.reverse());
  }
}

export function toRelative(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/');
}

/**
 * The persistent index cache: what indexing derived from each text (articles, boilerplate,
 * per-file analyses), keyed by the text's content hash, in one file of the extension's
 * storage. Reopening a workspace reads it back instead of splitting every file again.
 *
 * Never trusted blindly: a file that is damaged, truncated, too large or written by other
 * code is ignored (with a log line) and rebuilt. Written atomically (a temporary file, then
 * a rename), without blocking the event loop for long, and bounded in size.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { FileIndex } from '../corpus';
import { decodeCacheFile, encodeCacheFile } from './cacheFile';

export interface CacheLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Larger caches are neither written nor read: past this, re-indexing is the cheaper evil. */
export const DEFAULT_MAX_CACHE_BYTES = 512 << 20;
/** While encoding entries for a save, the event loop gets a turn this often. */
const ENCODE_SLICE_MS = 10;
/** Bytes of the file besides its entries (magic, header, checksum), at most; and around each entry. */
const FILE_FRAME_BYTES = 1024;
const ENTRY_FRAME_BYTES = 6;
/** Pieces handed to one writev call (an entry is two pieces). */
const WRITE_PIECES = 1024;

export function encodeEntry(index: FileIndex): Uint8Array {
  return v8.serialize({ articles: index.articles, boilerplate: index.boilerplate, analyses: index.analyses });
}

/** Throws when the bytes are not an encoded `FileIndex`. */
export function decodeEntry(bytes: Uint8Array): FileIndex {
  const value = v8.deserialize(bytes) as Partial<FileIndex> | null;
  if (!value || !Array.isArray(value.articles) || !Array.isArray(value.boilerplate) || typeof value.analyses !== 'object' || !value.analyses) {
    throw new Error('not an indexed file');
  }
  return value as FileIndex;
}

export interface CacheOptions {
  maxBytes?: number;
}

export class IndexCache {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    /** Undefined: a cache that keeps nothing. */
    readonly file: string | undefined,
    private readonly identity: string,
    private entries: Map<string, Uint8Array>,
    private readonly log: CacheLog,
    private readonly maxBytes: number,
    /** True while the file holds exactly `entries`: saving would write the same bytes again. */
    private inFile: boolean,
  ) {}

  /** For a server with no storage folder: every text is indexed afresh. */
  static disabled(log: CacheLog): IndexCache {
    return new IndexCache(undefined, '', new Map(), log, DEFAULT_MAX_CACHE_BYTES, false);
  }

  /**
   * Reads the cache file; an absent or unusable file gives an empty cache. `identity` names
   * the code that made the entries: a file made by other code is not used.
   */
  static async open(file: string, identity: string, log: CacheLog, options: CacheOptions = {}): Promise<IndexCache> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_CACHE_BYTES;
    const empty = (): IndexCache => new IndexCache(file, identity, new Map(), log, maxBytes, false);
    let bytes: Buffer;
    try {
      const { size } = await fs.stat(file);
      if (size > maxBytes) {
        log.warn(`Index cache ${file} ignored (larger than the ${formatMB(maxBytes)} limit); indexing from scratch.`);
        return empty();
      }
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`Index cache ${file} could not be read (${String(error)}); indexing from scratch.`);
      return empty();
    }
    const decoded = decodeCacheFile(bytes, identity);
    if (!decoded.ok) {
      log.warn(`Index cache ${file} ignored (${decoded.reason}); indexing from scratch.`);
      return empty();
    }
    return new IndexCache(file, identity, decoded.entries, log, maxBytes, true);
  }

  get size(): number {
    return this.entries.size;
  }

  hashes(): IterableIterator<string> {
    return this.entries.keys();
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  /** The index of a text with this hash, or undefined; an entry that cannot be decoded is dropped, with a log line. */
  get(hash: string): FileIndex | undefined {
    const bytes = this.entries.get(hash);
    if (!bytes) return undefined;
    try {
      return decodeEntry(bytes);
    } catch (error) {
      this.entries.delete(hash);
      this.log.warn(`Index cache: entry ${hash} ignored (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    }
  }

  /** Keeps the encoded index of a text (as made by `encodeEntry`, possibly in a worker). */
  put(hash: string, bytes: Uint8Array): void {
    if (this.file === undefined || this.entries.has(hash)) return;
    this.entries.set(hash, bytes);
    this.inFile = false;
  }

  /**
   * Writes the entries of `files` (the corpus as it is now), unless the file holds just
   * those already, and forgets every other entry. Saves run one after the other; a failure
   * is logged, never thrown.
   */
  save(files: Iterable<{ hash: string } & FileIndex>): Promise<void> {
    const file = this.file;
    if (file === undefined) return this.saving;
    const snapshot = [...files];
    this.saving = this.saving.then(() => this.write(file, snapshot));
    return this.saving;
  }

  private async write(file: string, files: ({ hash: string } & FileIndex)[]): Promise<void> {
    const started = Date.now();
    const kept = new Map<string, Uint8Array>();
    let bytes = 0;
    let leftOut = 0;
    let sliceStarted = Date.now();
    for (const indexed of files) {
      if (kept.has(indexed.hash)) continue;
      let entry = this.entries.get(indexed.hash);
      if (!entry) {
        entry = encodeEntry(indexed);
        this.inFile = false;
      }
      const cost = ENTRY_FRAME_BYTES + indexed.hash.length + entry.length;
      if (bytes + cost > this.maxBytes - FILE_FRAME_BYTES) {
        leftOut++;
        continue;
      }
      kept.set(indexed.hash, entry);
      bytes += cost;
      if (Date.now() - sliceStarted > ENCODE_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = Date.now();
      }
    }
    if (kept.size !== this.entries.size) this.inFile = false;
    this.entries = kept;
    if (this.inFile) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      const pieces = await encodeCacheFile(this.identity, kept);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const handle = await fs.open(temporary, 'w');
      try {
        for (let i = 0; i < pieces.length; i += WRITE_PIECES) await handle.writev(pieces.slice(i, i + WRITE_PIECES));
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, file);
      this.inFile = true;
      const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
      this.log.info(`Index cache: saved ${kept.size} entries (${formatMB(total)}) to ${file} in ${Date.now() - started} ms.`);
      if (leftOut > 0) this.log.info(`Index cache: ${leftOut} files left out, over the ${formatMB(this.maxBytes)} limit.`);
    } catch (error) {
      this.log.warn(`Index cache: could not save ${file} (${error instanceof Error ? error.message : String(error)}).`);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The persistent index cache: what indexing derived from each text (articles, boilerplate,
 * per-file analyses), keyed by the text's content hash, in one file of the extension's
 * storage. Reopening a workspace reads it back instead of splitting every file again.
 *
 * The entries stay in the file, which is kept open, and each is read when asked for: held
 * in memory, those of a 100k-article workspace took a few hundred megabytes for the whole
 * session. Entries made since the last save wait for the next one in memory, and past a
 * few tens of megabytes in a temporary file (see entryFiles.ts).
 *
 * Never trusted blindly: a file that is truncated, too large or written by other code is
 * ignored (with a log line) and rebuilt, and an entry whose checksum does not match when
 * it is read is dropped (with a log line) and its file indexed again. Written atomically
 * (a temporary file, then a rename), without blocking the event loop for long, and bounded
 * in size.
 */
import { closeSync, fstatSync, openSync, promises as fs } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { AnalysisResults, LaterResult, storedResult } from '../analyses';
import type { FileIndex } from '../corpus';
import type { Place } from '../scratchFile';
import { nextTurn } from '../steps';
import { readerOf } from '../files';
import { CacheFileWriter, checkCacheFileFraming } from './cacheFile';
import { checksum32 } from './checksum';
import { removeLeftTemporaries, temporaryFor } from './temporaryFiles';
import { EntryFile, OpenEntryFile, SpillFile } from './entryFiles';
import { errorMessage } from '../errors';

export interface CacheLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Larger caches are neither written nor read: past this, re-indexing is the cheaper evil. */
export const DEFAULT_MAX_CACHE_BYTES = 512 << 20;
/** While gathering entries for a save, the event loop gets a turn this often. */
const ENCODE_SLICE_MS = 10;
/** Bytes of the file besides its entries and their lines in the header (magic, header frame, checksum), at most. */
const FILE_FRAME_BYTES = 1024;
/** The line of an entry in the header, besides its key: `["…",123456789],`. */
const ENTRY_FRAME_BYTES = 16;

/**
 * Results of at most this many bytes are decoded with their entry; larger ones (a file's
 * fingerprints, its theme vocabularies) when a feature first reads them. A warm start reads
 * every entry, and decoding those results took most of its time while no feature read
 * them until later (if ever, for fingerprints).
 */
const EAGER_RESULT_BYTES = 1024;

const HEAD_LENGTH_BYTES = 4;
const CHECKSUM_BYTES = 4;
/** Where the head starts in an entry: after its length and its checksum. */
const HEAD_START = HEAD_LENGTH_BYTES + CHECKSUM_BYTES;

interface EntryHead {
  articles?: FileIndex['articles'];
  boilerplate?: FileIndex['boilerplate'];
  /** The small results, decoded with the head. */
  eager: AnalysisResults;
  /** Each large result's name, length and checksum (see checksum32, with no key), in the order of their bytes after the head. */
  later: [string, number, number][];
}

/**
 * An entry: the length of its head and the checksum of the entry's key (the text's hash)
 * and head (4 bytes each, little-endian), the head (articles, boilerplate, the small
 * analysis results, and the name, length and checksum of each large one), then each large
 * result, v8-serialised on its own so that it can be decoded on its own. The checksums let
 * a reader check what it decodes, and only that (see IndexCache.open).
 */
export function encodeEntry(index: FileIndex, key: string): Uint8Array {
  const eager: AnalysisResults = {};
  const later: [string, number, number][] = [];
  const large: Uint8Array[] = [];
  for (const name of Object.keys(index.analyses)) {
    const result = storedResult(index.analyses, name);
    if (result === undefined) continue;
    const bytes = v8.serialize(result);
    if (bytes.length <= EAGER_RESULT_BYTES) eager[name] = result;
    else {
      later.push([name, bytes.length, checksum32('', bytes)]);
      large.push(bytes);
    }
  }
  const head = v8.serialize({ articles: index.articles, boilerplate: index.boilerplate, eager, later } satisfies EntryHead);
  const prefix = Buffer.alloc(HEAD_START);
  prefix.writeUInt32LE(head.length, 0);
  prefix.writeUInt32LE(checksum32(key, head), HEAD_LENGTH_BYTES);
  return Buffer.concat([prefix, head, ...large]);
}

/**
 * Decodes typed arrays into memory of their own: by default they are views into the bytes
 * decoded, which would keep a whole entry alive for the sake of one array of it.
 */
class CopyingDeserializer extends v8.DefaultDeserializer {
  _readHostObject(): ArrayBufferView {
    const view = (v8.DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView })._readHostObject.call(this);
    const copy = view as ArrayBufferView & { slice(): ArrayBufferView };
    return copy.slice();
  }
}

function decodeValue(bytes: Buffer): unknown {
  const deserializer = new CopyingDeserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}

/** How a large result is read when first asked for (see decodeEntry): its entry's bytes again, and where to say why they could not be. */
export interface LaterRead {
  bytes(): Uint8Array | undefined;
  failed(error: unknown): void;
}

/**
 * Throws when the bytes are not an encoded `FileIndex` of the text whose hash is `key`, or
 * are damaged. With `reader`, large results are decoded when first read, from bytes read
 * again then; one that cannot be (gone, or damaged) is left out, and the feature computes
 * it from the text instead (see analysisOf).
 */
export function decodeEntry(bytes: Uint8Array, key: string, reader?: LaterRead): FileIndex {
  const buffer = asBuffer(bytes);
  const headEnd = HEAD_START + (buffer.length >= HEAD_START ? buffer.readUInt32LE(0) : 0);
  if (headEnd > buffer.length) throw new Error('not an indexed file');
  const headBytes = buffer.subarray(HEAD_START, headEnd);
  if (checksum32(key, headBytes) !== buffer.readUInt32LE(HEAD_LENGTH_BYTES)) throw new Error('checksum mismatch: the entry is damaged');
  const head = decodeValue(headBytes) as Partial<EntryHead> | null;
  // Both or neither: an index made with `articlesWhenRead` may not have split its file.
  const split = Array.isArray(head?.articles) && Array.isArray(head?.boilerplate);
  const unsplit = head?.articles === undefined && head?.boilerplate === undefined;
  const later = head?.later;
  const eager = head?.eager;
  if (!head || !(split || unsplit) || typeof eager !== 'object' || !eager || !Array.isArray(later) || !later.every(isResultPlace)) {
    throw new Error('not an indexed file');
  }
  const analyses: AnalysisResults = eager;
  let at = headEnd;
  for (const [name, length, sum] of later) {
    const start = at;
    at += length;
    if (at > buffer.length) throw new Error('not an indexed file');
    const place: ResultPlace = { name, start, length, sum };
    analyses[name] = reader ? new CachedResult(place, reader) : decodeResult(buffer, place);
  }
  if (at !== buffer.length) throw new Error('not an indexed file');
  return { articles: head.articles, boilerplate: head.boilerplate, analyses };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isResultPlace(place: unknown): place is [string, number, number] {
  return Array.isArray(place) && typeof place[0] === 'string' && Number.isInteger(place[1]) && place[1] >= 0 && Number.isInteger(place[2]);
}

/** Where a large result is in its entry, and its checksum. */
interface ResultPlace {
  name: string;
  start: number;
  length: number;
  sum: number;
}

function decodeResult(entry: Buffer, { name, start, length, sum }: ResultPlace): unknown {
  const bytes = entry.subarray(start, start + length);
  if (bytes.length !== length || checksum32('', bytes) !== sum) throw new Error(`checksum mismatch: the result ${name} is damaged`);
  return decodeValue(bytes);
}

/**
 * A large result, decoded from its entry read again when first asked for. An object of
 * one class for every result: closures and accessors of their own made every file's
 * results an object of a shape of its own, a few kilobytes each at a warm start.
 */
class CachedResult extends LaterResult {
  constructor(
    private readonly place: ResultPlace,
    private readonly reader: LaterRead,
  ) {
    super();
  }

  read(): unknown {
    try {
      const entry = this.reader.bytes();
      return entry && decodeResult(asBuffer(entry), this.place);
    } catch (error) {
      this.reader.failed(error);
      return undefined;
    }
  }
}

export interface CacheOptions {
  maxBytes?: number;
  /** Entries made since the last save are held in memory up to this many bytes, and spilled to a temporary file past it. */
  spillBytes?: number;
  /**
   * Told when an entry is added or dropped (one that does not decode): a warm start finds
   * a damaged entry only when its file's articles are first read, after its scan, and the
   * cache is to be saved again then, with the entry made anew.
   */
  changed?: () => void;
}

const DEFAULT_SPILL_BYTES = 32 << 20;

/** Where the bytes of an entry to save come from: memory, or a file of entries. */
type EntrySource = ({ hash: string; bytes: Uint8Array } | { hash: string; place: Place; file: EntryFile }) & { articles?: number };

export class IndexCache {
  private saving: Promise<void> = Promise.resolve();
  /** Entries made since the file was last written, in memory, and their bytes. */
  private pending = new Map<string, Uint8Array>();
  private pendingBytes = 0;
  /** Entries made since the file was last written, spilled from memory; the last one takes the next spill unless it is being saved. */
  private spills: SpillFile[] = [];
  private readonly spillsBeingSaved = new Set<SpillFile>();
  /** No temporary file could take entries: they stay in memory from then on. */
  private cannotSpill = false;
  private constructor(
    /** Undefined: a cache that keeps nothing. */
    readonly file: string | undefined,
    private readonly identity: string,
    /** The cache file as last checked or written. */
    private onDisk: OpenEntryFile | undefined,
    private readonly log: CacheLog,
    private readonly maxBytes: number,
    private readonly spillBytes: number,
    private readonly changed: () => void,
    /** The number of articles of the file each entry is of, where known without decoding it (see articleCount). */
    private readonly articleCounts = new Map<string, number>(),
  ) {}

  /** For a server with no storage folder: every text is indexed afresh. */
  static disabled(log: CacheLog): IndexCache {
    return new IndexCache(undefined, '', undefined, log, DEFAULT_MAX_CACHE_BYTES, DEFAULT_SPILL_BYTES, () => undefined);
  }

  /**
   * Opens and checks the cache file; an absent or unusable file gives an empty cache.
   * `identity` names the code that made the entries: a file made by other code is not used.
   */
  static async open(file: string, identity: string, log: CacheLog, options: CacheOptions = {}): Promise<IndexCache> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_CACHE_BYTES;
    const cache = (onDisk?: OpenEntryFile, articleCounts?: Map<string, number>): IndexCache =>
      new IndexCache(file, identity, onDisk, log, maxBytes, options.spillBytes ?? DEFAULT_SPILL_BYTES, options.changed ?? (() => undefined), articleCounts);
    await removeLeftTemporaries(file);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`Index cache ${file} could not be read (${String(error)}); indexing from scratch.`);
      return cache();
    }
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) {
        closeSync(fd);
        log.warn(`Index cache ${file} ignored (larger than the ${formatMB(maxBytes)} limit); indexing from scratch.`);
        return cache();
      }
      // Not the file's checksum: each entry's own are checked when it is decoded. A warm
      // start decodes the entries' heads only, about a seventh of the file, and hashing the
      // whole file first held its scan back for most of a second at 100k articles.
      const checked = checkCacheFileFraming(readerOf(fd), size, identity);
      if (checked.ok) return cache(new OpenEntryFile(fd, checked.entries), checked.counts);
      closeSync(fd);
      log.warn(`Index cache ${file} ignored (${checked.reason}); indexing from scratch.`);
    } catch (error) {
      closeSync(fd);
      log.warn(`Index cache ${file} could not be read (${String(error)}); indexing from scratch.`);
    }
    return cache();
  }

  /** Lets go of its files. The cache is empty afterwards. */
  close(): void {
    this.onDisk?.close();
    this.onDisk = undefined;
    for (const spill of this.spills) spill.close();
    this.spills = [];
    this.pending.clear();
    this.pendingBytes = 0;
  }

  /** Where entries are, newest first. */
  private files(): EntryFile[] {
    const files: EntryFile[] = [...this.spills].reverse();
    if (this.onDisk) files.push(this.onDisk);
    return files;
  }

  get size(): number {
    return this.pending.size + this.files().reduce((sum, file) => sum + file.places.size, 0);
  }

  *hashes(): IterableIterator<string> {
    yield* this.pending.keys();
    for (const file of this.files()) yield* file.places.keys();
  }

  /** Without making the list of files (see files()): a warm start asks it for each of 40k files. */
  has(hash: string): boolean {
    return this.pending.has(hash) || this.onDisk?.places.has(hash) === true || this.spills.some((spill) => spill.places.has(hash));
  }

  /**
   * The number of articles of the text with this hash, when the cache has its entry and
   * knows the number without decoding it: a warm start decodes an entry only when its
   * file's articles or analyses are first read (see CachedIndex in corpus.ts).
   */
  articleCount(hash: string): number | undefined {
    const count = this.articleCounts.get(hash);
    return count !== undefined && this.has(hash) ? count : undefined;
  }

  /** The index of a text with this hash, or undefined; an entry that cannot be read or decoded is dropped, with a log line. */
  get(hash: string): FileIndex | undefined {
    const dropped = (error: unknown): undefined => {
      this.forget(hash);
      this.log.warn(`Index cache: entry ${hash} ignored (${errorMessage(error)}).`);
      return undefined;
    };
    const read = (): Uint8Array | undefined => {
      let bytes = this.pending.get(hash);
      for (const file of this.files()) bytes ??= file.readToDecode(hash);
      return bytes;
    };
    try {
      const bytes = read();
      return bytes && decodeEntry(bytes, hash, { bytes: read, failed: dropped });
    } catch (error) {
      return dropped(error);
    }
  }

  private forget(hash: string): void {
    const bytes = this.pending.get(hash);
    if (bytes) this.pendingBytes -= bytes.length;
    this.pending.delete(hash);
    this.articleCounts.delete(hash);
    for (const file of this.files()) file.places.delete(hash);
    this.changed();
  }

  /** Keeps the encoded index of a text (as made by `encodeEntry`, possibly in a worker), with the number of its articles when it has them. */
  put(hash: string, bytes: Uint8Array, articles?: number): void {
    if (this.file === undefined || this.has(hash)) return;
    if (articles !== undefined) this.articleCounts.set(hash, articles);
    this.pending.set(hash, bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= this.spillBytes && !this.cannotSpill) this.spillPending();
    this.changed();
  }

  private spillPending(): void {
    try {
      let spill = this.spills.at(-1);
      if (!spill || this.spillsBeingSaved.has(spill)) this.spills.push((spill = new SpillFile()));
      for (const [hash, bytes] of this.pending) spill.append(hash, bytes);
      this.pending.clear();
      this.pendingBytes = 0;
    } catch (error) {
      this.cannotSpill = true;
      this.log.warn(`Index cache: new entries are kept in memory until saved: no temporary file could take them (${errorMessage(error)}).`);
    }
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
    // Entries made before this save are written now or no longer wanted; those made meanwhile wait for the next save.
    const pendingBefore = new Map(this.pending);
    const spillsBefore = [...this.spills];
    for (const spill of spillsBefore) this.spillsBeingSaved.add(spill);
    const forgetMadeBefore = (): void => {
      for (const [hash, bytes] of pendingBefore) {
        if (this.pending.get(hash) !== bytes) continue;
        this.pending.delete(hash);
        this.pendingBytes -= bytes.length;
      }
      for (const spill of spillsBefore) {
        spill.close();
        this.spillsBeingSaved.delete(spill);
      }
      this.spills = this.spills.filter((spill) => !spillsBefore.includes(spill));
    };
    try {
      if (this.holdsJust(files)) return;
      const { sources, leftOut } = await this.entriesToSave(files);
      const onDisk = this.onDisk;
      if (onDisk && sources.length === onDisk.places.size && sources.every((source) => 'file' in source && source.file === onDisk)) return;
      const total = await this.writeFile(file, sources);
      this.log.info(`Index cache: saved ${sources.length} entries (${formatMB(total)}) to ${file} in ${Date.now() - started} ms.`);
      if (leftOut > 0) this.log.info(`Index cache: ${leftOut} files left out, over the ${formatMB(this.maxBytes)} limit.`);
    } catch (error) {
      // What is lost is made again from the corpus at the next save (see entriesToSave).
      this.log.warn(`Index cache: could not save ${file} (${errorMessage(error)}).`);
    } finally {
      forgetMadeBefore();
      for (const hash of this.articleCounts.keys()) if (!this.has(hash)) this.articleCounts.delete(hash);
    }
  }

  /**
   * Whether the file on disk holds the entries of these files and no others: then there is
   * nothing to write. Checked before gathering the entries, which after every warm start
   * found just that, at a cost of 80 ms at 40k files while features were catching up.
   */
  private holdsJust(files: readonly { hash: string }[]): boolean {
    const onDisk = this.onDisk;
    if (!onDisk) return false;
    const hashes = new Set<string>();
    for (const { hash } of files) {
      if (!onDisk.places.has(hash)) return false;
      hashes.add(hash);
    }
    return hashes.size === onDisk.places.size;
  }

  /** Writes a temporary file and renames it over the cache file, which it then reads from; returns its size. */
  private async writeFile(file: string, sources: EntrySource[]): Promise<number> {
    const temporary = temporaryFor(file);
    let handle: fs.FileHandle | undefined;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      handle = await fs.open(temporary, 'w');
      const target = handle;
      const writer = new CacheFileWriter(
        this.identity,
        sources.map(({ articles, ...source }) => {
          const length = 'file' in source ? source.place.length : source.bytes.length;
          return articles === undefined ? [source.hash, length] : [source.hash, length, articles];
        }),
        async (pieces) => void (await target.writev(pieces)),
      );
      let sliceStarted = Date.now();
      for (const source of sources) {
        await writer.add('file' in source ? source.file.readAt(source.place) : source.bytes);
        if (Date.now() - sliceStarted > ENCODE_SLICE_MS) {
          await nextTurn();
          sliceStarted = Date.now();
        }
      }
      const total = await writer.finish();
      await handle.close();
      handle = undefined;
      // Opened before the rename: this is the file written, whatever replaces it later.
      const written = new OpenEntryFile(openSync(temporary, 'r'), writer.places);
      await fs.rename(temporary, file).catch((error: unknown) => {
        written.close();
        throw error;
      });
      this.onDisk?.close();
      this.onDisk = written;
      return total;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** The entries of `files` that fit the size limit, in order, each once, and where their bytes are. */
  private async entriesToSave(files: ({ hash: string } & FileIndex)[]): Promise<{ sources: EntrySource[]; leftOut: number }> {
    const sources: EntrySource[] = [];
    const seen = new Set<string>();
    const entryFiles = this.files();
    let bytes = 0;
    let leftOut = 0;
    let sliceStarted = Date.now();
    for (const indexed of files) {
      const { hash } = indexed;
      if (seen.has(hash)) continue;
      seen.add(hash);
      const inMemory = this.pending.get(hash);
      const file = inMemory ? undefined : entryFiles.find((candidate) => candidate.places.has(hash));
      const place = file?.places.get(hash);
      let encoded = inMemory;
      if (!place && !encoded) {
        encoded = encodeEntry(indexed, hash);
        if (indexed.articles) this.articleCounts.set(hash, indexed.articles.length);
      }
      const articles = this.articleCounts.get(hash);
      const source: EntrySource = file && place ? { hash, place, file, articles } : { hash, bytes: encoded!, articles };
      const cost = ENTRY_FRAME_BYTES + hash.length + ('file' in source ? source.place.length : source.bytes.length);
      if (bytes + cost > this.maxBytes - FILE_FRAME_BYTES) {
        leftOut++;
        continue;
      }
      sources.push(source);
      bytes += cost;
      if (Date.now() - sliceStarted > ENCODE_SLICE_MS) {
        await nextTurn();
        sliceStarted = Date.now();
      }
    }
    return { sources, leftOut };
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

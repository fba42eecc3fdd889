/**
 * Indexes files from disk for a workspace scan: on worker threads when there are many
 * files, in this thread otherwise, and from the index cache whenever a file's content hash
 * is known there. If the workers fail (a crash, a missing script), the files are indexed in
 * this thread instead, with one log line: slower, never stuck.
 */
import * as os from 'os';
import type { ResourceLimits } from 'worker_threads';
import type { FileAnalysis } from '../analyses';
import { analysesSignature } from '../analyses';
import type { SplitResult } from '../articles';
import { CachedIndex, FileIndex, IndexedFile, analyseText, giveSplit, storedFile } from '../corpus';
import { CacheLog, IndexCache, decodeEntry, encodeEntry } from '../cache/indexCache';
import { readTextFile, readTextFileSync } from '../files';
import type { ScratchFile } from '../scratchFile';
import { StoredText, keptAt, storeText, storedAt } from '../storedText';
import type { KnownFile, KnownFiles } from '../cache/knownFiles';
import { LineIndex, TextSource, joinedList } from '../text';
import type { SeedListParts } from '../duplicates/candidates';
import type { BatchHalf } from '../duplicates/freshBatch';
import { DiskFile, DiskFileResult, TextPlace, TextRead, indexFromDisk, indexInTurn } from './diskFiles';
import { WorkerPool } from './pool';
import type { IndexJob, IndexJobResult, IndexWorkerData } from './worker';

export type ScannedFile =
  | { kind: 'skipped'; file: DiskFile; reason: string }
  /**
   * `known`: the file as read, when its text was kept in the scratch file as its bytes (see
   * KnownFiles); `unread` when it was not read now, being as it was when read before.
   */
  | { kind: 'indexed'; file: IndexedFile; warning?: string; known?: KnownFile; unread?: true };

export interface DiskIndexerOptions {
  maxBytes: number;
  analyses: readonly FileAnalysis[];
  /** Split files into articles only when something reads them (see analyseText). */
  articlesWhenRead?: boolean;
  cache: IndexCache;
  log: CacheLog;
  /** The worker entry script (it calls `serveIndexJobs`); undefined: no workers. */
  workerScript?: string;
  /** Threads to start; by default one a core (at most MAX_WORKERS), one fewer when the cache knows texts (see defaultWorkers). */
  workers?: number;
  /**
   * A workspace of at most this many files is indexed in this thread: it is done before
   * threads would have started. When more are known to come (see `expect`), the workers
   * take every file: each thread that indexes pays for compiling the indexing code anew.
   */
  inThreadFiles?: number;
  /** Where the texts read are kept (see storedText.ts); in memory when undefined. */
  texts?: ScratchFile;
  /** Files read before, whose texts are in `texts`: one whose stamp is the same now is not read again (see unchangedRow). */
  known?: KnownFiles;
  /** Files indexed on workers after which a pool that left a core spare takes one more worker (see growIfIndexing). */
  growAfterIndexed?: number;
  /** The heap limits of each worker thread (see ScanOptions.workerLimits); V8's defaults when undefined. */
  workerLimits?: ResourceLimits;
  /**
   * This thread indexes a job itself, blocking, whenever the workers hold all the jobs they
   * may: for a scan whose thread has nothing else to do meanwhile (the CLI's), and which
   * then starts one worker fewer by default, this thread taking its core (see defaultWorkers).
   */
  helpWorkers?: boolean;
  /**
   * Remember where each text read was put, for splitAhead. Only a scan that splits ahead
   * wants it: at each warm start of 100k articles the language server, which never reads
   * it, made a weak map of 40k entries and 40k objects for it.
   */
  splitsAhead?: boolean;
}

const DEFAULT_IN_THREAD_FILES = 250;
const DEFAULT_GROW_AFTER_INDEXED = 100;
/** More threads than this cost memory for little gain: reading files becomes the limit. */
const MAX_WORKERS = 8;


export class DiskIndexer {
  private pool: WorkerPool<IndexJob, IndexJobResult> | undefined;
  private requested = 0;
  private expected = 0;
  /** Files whose index came from the cache, and of those the ones not read (known unchanged); files split and analysed on workers, and in this thread. */
  reused = 0;
  private unread = 0;
  private onWorkers = 0;
  private inThread = 0;
  private workersUsed = 0;
  /** The pool left a core to this thread (see defaultWorkers), which one more worker may take (see growIfIndexing). */
  private spareCore = false;
  private closed = false;
  /** Where the reading threads put the texts of the files made here, for splitAhead (see DiskIndexerOptions.splitsAhead). */
  private readonly places: WeakMap<IndexedFile, TextPlace> | undefined;

  constructor(private readonly options: DiskIndexerOptions) {
    this.places = options.splitsAhead ? new WeakMap() : undefined;
  }

  private get articlesWhenRead(): boolean {
    return this.options.articlesWhenRead ?? false;
  }

  get inThreadFiles(): number {
    return this.options.inThreadFiles ?? DEFAULT_IN_THREAD_FILES;
  }

  /** At least `files` files are coming (the walk found them): decides between this thread and workers before the first job. */
  expect(files: number): void {
    this.expected = Math.max(this.expected, files);
  }

  get indexed(): number {
    return this.onWorkers + this.inThread;
  }

  /** How the files were indexed, for the log. */
  summary(): string {
    const workers = this.workersUsed > 0 ? `${this.onWorkers} on ${this.workersUsed} worker threads, ` : '';
    const unread = this.unread > 0 ? ` (${this.unread} not read: unchanged since last read)` : '';
    return `${this.reused} from the index cache${unread}, ${workers}${this.inThread} indexed in the server thread`;
  }

  /** Results in the order of `files`; none once closed (the scan was abandoned). Never rejects. */
  async index(files: DiskFile[]): Promise<ScannedFile[]> {
    // Files known unchanged are looked at here, a stat each, and only the others handed out:
    // at a warm start of 100k articles where nothing changed, the worker's answers for 40k
    // files cost this thread about as much as the stats, and the process 0.4 s more CPU.
    const rows = files.map((file) => this.unchangedRow(file.path));
    const toRead = files.filter((_, i) => rows[i] === undefined);
    const read = toRead.length > 0 ? await this.read(toRead) : [];
    if (this.closed) return [];
    let next = 0;
    return files.map((file, i) => {
      const row = rows[i];
      return row === undefined ? read[next++] : this.unchanged(file, this.options.known!.at(row));
    });
  }

  /** Where the file at `path` is among the known files, if it is unchanged since it was read and the cache holds its index. */
  private unchangedRow(path: string): number | undefined {
    const { known, cache } = this.options;
    const row = known?.find(path);
    // Without its index in the cache, the file is read in any case: no need to look at it first.
    if (row === undefined || !cache.has(known!.hashAt(row))) return undefined;
    return known!.unchangedOnDisk(row) ? row : undefined;
  }

  /** `files` read, on the workers or in this thread, and indexed or taken from the cache. */
  private async read(files: DiskFile[]): Promise<ScannedFile[]> {
    this.requested += files.length;
    const pool = this.workerPool();
    // Only a job that would wait for a worker: this thread blocks while it reads.
    const helping = pool !== undefined && this.options.helpWorkers === true && pool.full;
    const fromWorkers = pool && !helping ? await this.onPool(pool, files) : undefined;
    if (this.closed) return [];
    const results = fromWorkers ?? (await this.inThisThread(files, helping));
    const scanned = files.map((file, i) => this.scanned(file, results[i], fromWorkers !== undefined));
    this.growIfIndexing();
    return scanned;
  }

  /** The results of `files` from the workers; undefined when they failed, and are then given up. */
  private onPool(pool: WorkerPool<IndexJob, IndexJobResult>, files: DiskFile[]): Promise<DiskFileResult[] | undefined> {
    // A list of files gives a list of their results.
    return (pool.run(files.map((file) => file.path)) as Promise<DiskFileResult[]>).catch((error: Error) => {
      if (this.pool === pool) {
        this.pool = undefined;
        this.options.log.warn(`Index worker threads failed (${error.message}); indexing in the server thread instead.`);
      }
      return undefined;
    });
  }

  /**
   * Splits `files` (made here, their texts in the scratch file) into articles on the worker
   * threads, in one job for each thread but one: each job starts at once and goes on while
   * this thread works, and this thread keeps a core (with a third busy thread on two cores,
   * the matching it does meanwhile took 60% longer). A file not handed out (no workers, its
   * text in memory) or whose job failed is split when its articles are first read, as
   * before. Never rejects.
   */
  async splitAhead(files: readonly IndexedFile[]): Promise<void> {
    const { pool, places } = this;
    const placed = pool && places ? files.filter((file) => places.has(file)) : [];
    if (!pool || !places || placed.length === 0) return;
    const jobFiles = Math.ceil(placed.length / Math.max(1, pool.size - 1));
    const jobs: Promise<void>[] = [];
    for (let from = 0; from < placed.length; from += jobFiles) {
      const job = placed.slice(from, from + jobFiles);
      const split = pool.run({ split: job.map((file) => places.get(file)!) }) as Promise<SplitResult[]>;
      jobs.push(split.then((splits) => job.forEach((file, i) => giveSplit(file, splits[i])), () => undefined));
    }
    await Promise.all(jobs);
  }

  /** Whether worker threads are up to take work (see seedsOfHalf). */
  get hasWorkers(): boolean {
    return this.pool !== undefined;
  }

  /** `seedsOfHalf` (see freshBatch.ts) on a worker thread; rejects when the workers failed or were closed. */
  seedsOfHalf(half: BatchHalf): Promise<SeedListParts> {
    const pool = this.pool;
    if (!pool) return Promise.reject(new Error('no index worker threads'));
    return pool.run({ seeds: half }) as Promise<SeedListParts>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private workerPool(): WorkerPool<IndexJob, IndexJobResult> | undefined {
    const cores = Math.min(MAX_WORKERS, os.availableParallelism());
    const { workerScript, workers = this.defaultWorkers(cores), cache, known } = this.options;
    // With known files (a warm start), the files walked are mostly not read: only those to read count.
    const coming = known?.size ? this.requested : Math.max(this.requested, this.expected);
    if (this.pool || this.closed || workerScript === undefined || workers < 1 || this.workersUsed > 0 || coming <= this.inThreadFiles) return this.pool;
    const data: IndexWorkerData = {
      maxBytes: this.options.maxBytes,
      cached: joinedList([...cache.hashes()]),
      analyses: this.options.analyses.map((analysis) => analysis.name),
      signature: analysesSignature(this.options.analyses),
      articlesWhenRead: this.articlesWhenRead,
      encodeForCache: this.encodeForCache,
      texts: this.options.texts?.share(),
    };
    this.pool = new WorkerPool(workerScript, workers, data, this.options.workerLimits);
    this.workersUsed = workers;
    this.spareCore = this.options.workers === undefined && !this.options.helpWorkers && workers < cores;
    return this.pool;
  }

  /**
   * One thread a core; one fewer when the cache knows texts (a workspace opened again): then
   * most files are only read and hashed on the workers, and this thread, which decodes and
   * applies every file, is the limit. At 100k articles on two cores, one worker made a warm
   * start ready 0.25 s sooner than two. If the files need indexing after all, the pool grows
   * (see growIfIndexing). One fewer too when this thread helps the workers (see helpWorkers):
   * it takes the core itself.
   */
  private defaultWorkers(cores: number): number {
    return this.options.cache.size > 0 || this.options.helpWorkers ? Math.max(1, cores - 1) : cores;
  }

  /**
   * The files turn out to need indexing after all (most of the workspace changed since the
   * cache was saved): the core left to this thread goes to one more worker.
   */
  private growIfIndexing(): void {
    if (!this.spareCore || this.onWorkers < (this.options.growAfterIndexed ?? DEFAULT_GROW_AFTER_INDEXED)) return;
    this.spareCore = false;
    this.pool?.addWorker();
    this.workersUsed++;
  }

  /**
   * `blocking`: read each file with blocking calls, one file after the other, as a worker
   * does (see indexInTurn), rather than all at once without blocking this thread.
   */
  private inThisThread(files: DiskFile[], blocking: boolean): Promise<DiskFileResult[]> {
    const { maxBytes, analyses, cache, texts } = this.options;
    const read = blocking ? readTextFileSync : readTextFile;
    const options = { maxBytes, analyses, articlesWhenRead: this.articlesWhenRead, encodeForCache: this.encodeForCache, cached: cache, read, texts };
    const paths = files.map((file) => file.path);
    return blocking ? indexInTurn(paths, options) : Promise.all(paths.map((path) => indexFromDisk(path, options)));
  }

  private scanned(file: DiskFile, result: DiskFileResult, onWorkers: boolean): ScannedFile {
    if (result.kind === 'skipped') return { kind: 'skipped', file, reason: result.reason };
    const { stored, lines } = this.kept(result);
    const index = result.kind === 'indexed' ? this.made(result, onWorkers) : this.fromCache(stored, result.hash);
    const warning = result.warning === undefined ? {} : { warning: result.warning };
    const indexed = storedFile(file, stored, lines, index, result.hash);
    if (!('stored' in result)) return { kind: 'indexed', file: indexed, ...warning };
    this.places?.set(indexed, { stored: result.stored, length: result.length });
    const { read } = result;
    const known = read && { path: file.path, stamp: read.stamp, readAtMs: read.readAtMs, hash: result.hash, stored: result.stored, length: result.length };
    return { kind: 'indexed', file: indexed, ...warning, ...(known && { known }) };
  }

  /** A file not read, as it was when read before: its text where it was kept then, checked when first read (see keptAt). */
  private unchanged(file: DiskFile, known: KnownFile): ScannedFile {
    this.unread++;
    const stored = keptAt(this.options.texts!, known, this.keptTextDamaged);
    const indexed = storedFile(file, stored, LineIndex.whenRead(known.length, stored), this.fromCache(stored, known.hash), known.hash);
    this.places?.set(indexed, { stored: known.stored, length: known.length });
    return { kind: 'indexed', file: indexed, known, unread: true };
  }

  /** Said once: a texts file that lost writes has lost those of many files. */
  private readonly keptTextDamaged = (path: string): void => {
    if (this.damageSaid) return;
    this.damageSaid = true;
    this.options.log.warn(`Texts file: the text kept for ${path} is damaged; such files are read themselves.`);
  };
  private damageSaid = false;

  /** A text read as the corpus keeps it: where the reading thread put it, or put away here. */
  private kept(read: TextRead): { stored: StoredText; lines: LineIndex } {
    if (!('stored' in read)) return { stored: storeText(read.text, this.options.texts), lines: new LineIndex(read.text) };
    const stored = storedAt(this.options.texts!, read.stored, read.length);
    return { stored, lines: read.lines ? LineIndex.fromBounds(read.lines, read.length, stored) : LineIndex.whenRead(read.length, stored) };
  }

  /** The index of a file indexed now, put in the cache when it came encoded for it. */
  private made(result: DiskFileResult & { kind: 'indexed' }, onWorkers: boolean): FileIndex {
    if (onWorkers) this.onWorkers++;
    else this.inThread++;
    if (!('entry' in result)) return result.index;
    const index = decodeEntry(result.entry, result.hash);
    this.options.cache.put(result.hash, result.entry, index.articles?.length);
    return index;
  }

  /** Whether indexes are wanted encoded (see DiskIndexOptions.encodeForCache): the cache keeps them. */
  private get encodeForCache(): boolean {
    return this.options.cache.file !== undefined;
  }

  /** The cached index, decoded when first read if the cache knows its number of articles, else now. */
  private fromCache(text: TextSource, hash: string): FileIndex | CachedIndex {
    const entry = new CachedEntry(this.options.cache, hash, text, this.options.analyses, this.articlesWhenRead);
    if (entry.articleCount >= 0) {
      this.reused++;
      return entry;
    }
    const { index, fromCache } = entry.decoded();
    if (fromCache) this.reused++;
    else this.inThread++;
    return index;
  }
}

/**
 * A file's entry in the index cache (see CachedIndex). One that does not decode after all
 * is dropped by the cache, and the text is indexed in this thread instead.
 */
class CachedEntry implements CachedIndex {
  /** -1 when the cache does not know it without decoding the entry. */
  readonly articleCount: number;

  constructor(
    private readonly cache: IndexCache,
    private readonly hash: string,
    private readonly text: TextSource,
    private readonly analyses: readonly FileAnalysis[],
    private readonly articlesWhenRead: boolean,
  ) {
    this.articleCount = cache.articleCount(hash) ?? -1;
  }

  read(): FileIndex {
    return this.decoded().index;
  }

  decoded(): { index: FileIndex; fromCache: boolean } {
    const cached = this.cache.get(this.hash);
    if (cached) return { index: cached, fromCache: true };
    const index = analyseText(this.text.read(), this.analyses, { articlesWhenRead: this.articlesWhenRead });
    this.cache.put(this.hash, encodeEntry(index, this.hash), index.articles?.length);
    return { index, fromCache: false };
  }
}

/**
 * Keeps the corpus equal to the workspace: an initial scan of every folder (with progress),
 * then open documents (their in-editor text, debounced while typing) and file-system events
 * for files that are not open. Every failure to read a file becomes one line in the log.
 *
 * The scan indexes files on worker threads and reuses the index cache kept in the
 * extension's storage folder (see core/workers/ and core/cache/); what it finds is applied
 * to the corpus in batches, in the order of the walk, with a turn for requests in between.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { analysesSignature } from './core/analyses';
import { IndexCache } from './core/cache/indexCache';
import { Corpus, FileInput, IndexedFile } from './core/corpus';
import { FileFilter, fileFilter, readTextFile, toRelative, walkFolder } from './core/files';
import { nextTurn } from './core/steps';
import { contentHash } from './core/text';
import type { DiskFile } from './core/workers/diskFiles';
import { DiskIndexer } from './core/workers/diskIndexer';
import { indexInWalkOrder } from './core/workers/inWalkOrder';
import type { Log } from './context';
import { fileUrisUnder } from './fileUris';
import { SAVE_AFTER_CHANGES_MS, SaveTimer } from './snapshotStore';
import { TextStorage } from './textStorage';
import type { Settings } from './settings';

export interface WorkspaceFolderRef {
  uri: string;
  name: string;
}

export interface Progress {
  report(done: number, total: number | undefined, message: string): void;
}

export interface OpenDocument {
  uri: string;
  text: string;
  version: number;
}

/** Files are applied to the corpus in batches so that requests are served in between: 64 files keep the features busy about 50 ms (10k-article bench). */
const SCAN_BATCH_FILES = 64;
/**
 * Progress is reported at most this often. A report is a message to the client, written
 * on this thread (blocking, as stdout is when a pipe); a report per batch, 625 of them at
 * 40k files, held a warm start back by up to half a second on a busy machine.
 */
const PROGRESS_INTERVAL_MS = 250;
const CACHE_FILE = 'index-cache.bin';
/**
 * The cache is saved this long after an entry found damaged was made anew. A warm start
 * finds them when their files' articles are first read, most within a second or two of its
 * end (the themes read every file's): one save for them all.
 */
const SAVE_AFTER_REPAIR_MS = 2000;

export interface IndexerOptions {
  /** Entry script of the index worker threads; undefined: index in the server thread only. */
  workerScript?: string;
  /** Folder where the index cache is kept (the extension's storage); undefined: no cache. */
  storageFolder?: string;
}

export class WorkspaceIndexer {
  private folders: WorkspaceFolderRef[] = [];
  private readonly skipped = new Map<string, string>();
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private readonly open = new Set<string>();
  private cache: Promise<IndexCache> | undefined;
  /** Where the texts of the files scanned are kept, out of memory (see core/storedText.ts). */
  private textStorage: TextStorage | undefined;
  private scanning = false;
  private readonly saveTimer = new SaveTimer();
  /**
   * Content hash of the worker script, which holds the article splitter and the file
   * analyses: it names the code that made the cache's entries, so that a new version or a
   * rebuild starts a fresh cache. Undefined when the script cannot be read: no workers, no cache.
   */
  private readonly workerCode: string | undefined;

  constructor(
    private readonly corpus: Corpus,
    private readonly settings: () => Settings,
    private readonly log: Log,
    private options: IndexerOptions = {},
  ) {
    if (options.workerScript !== undefined) {
      try {
        this.workerCode = contentHash(readFileSync(options.workerScript));
      } catch (error) {
        log.warn(`Index worker script unavailable (${String(error)}): indexing in the server thread, without a cache.`);
      }
    }
    corpus.onChange(() => {
      if (!this.scanning) this.scheduleSave(SAVE_AFTER_CHANGES_MS);
    });
  }

  /** Before the first scan: where the cache is kept. */
  setStorageFolder(folder: string | undefined): void {
    this.options = { ...this.options, storageFolder: folder };
    this.cache = undefined;
    this.textStorage = undefined;
    // Read now, while the server waits for its client before the scan, and before the
    // features start reading what they keep there (libuv's threads take reads in turn): a
    // warm start of 100k articles waited 0.5 s for the known files, and the scan 0.4 s for the cache.
    void this.texts().forScan();
    void this.openCache();
  }

  get skippedCount(): number {
    return this.skipped.size;
  }

  /** Scans all folders from scratch, replacing whatever the corpus held for them. */
  async scan(folders: WorkspaceFolderRef[], progress: Progress): Promise<void> {
    this.folders = folders;
    this.skipped.clear();
    this.scanning = true;
    const [cache, { texts, known }] = await Promise.all([this.openCache(), this.texts().forScan()]);
    // A scan starts once the editor watches the files (see server.ts).
    void known?.lookAhead();
    const disk = new DiskIndexer({
      maxBytes: this.settings().maxFileSizeKB * 1024,
      analyses: this.corpus.analyses,
      cache,
      log: this.log,
      workerScript: this.workerCode === undefined ? undefined : this.options.workerScript,
      texts,
      known,
    });
    // Gone are the files the corpus held when the walk began that the walk did not find, not
    // one that a change the editor reported added meanwhile, in a folder walked already. A
    // first scan has none, and keeps no set of the files found (40k at a warm start).
    const before = [...this.corpus.all()].map((file) => file.uri);
    const seen = before.length > 0 ? new Set<string>() : undefined;
    const batch: IndexedFile[] = [];
    let done = 0;
    /** When progress was last reported: never, so that the first batch is reported at once. */
    let reported = 0;
    try {
      for await (const job of indexInWalkOrder(this.filesToRead(folders, seen), disk)) {
        for (const scanned of job) {
          done++;
          this.texts().scanned(scanned.file.uri, scanned.kind === 'indexed' ? scanned : {});
          if (scanned.kind === 'skipped') this.skip(scanned.file.relativePath, scanned.reason, scanned.file.uri);
          else {
            this.skipped.delete(scanned.file.uri);
            if (scanned.warning) this.log.warn(`${scanned.file.relativePath}: ${scanned.warning}`);
            batch.push(scanned.file);
          }
          if (batch.length >= SCAN_BATCH_FILES) {
            this.applyScanned(batch.splice(0, SCAN_BATCH_FILES));
            if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
              progress.report(done, undefined, `${done} files`);
              reported = Date.now();
            }
            await nextTurn();
          }
        }
      }
      const gone = seen ? before.filter((uri) => !seen.has(uri) && !this.open.has(uri)) : [];
      this.applyScanned(batch, gone);
    } finally {
      known?.stopLookingAhead();
      await disk.close();
      this.scanning = false;
      this.log.info(`Index: ${disk.summary()}.`);
    }
    progress.report(done, done, `${done} files`);
  }

  /** Every file of the folders, a folder's listing at a time (see walkFolder), each added to `seen` if given; open documents keep their editor text, so they are not read. */
  private async *filesToRead(folders: WorkspaceFolderRef[], seen: Set<string> | undefined): AsyncGenerator<DiskFile[]> {
    for (const folder of folders) {
      const root = URI.parse(folder.uri).fsPath;
      const uriOf = fileUrisUnder(root);
      for await (const files of walkFolder(root, this.filter(), { onSkip: (rel, why) => this.skip(rel, why) })) {
        const toRead: DiskFile[] = [];
        for (const file of files) {
          const uri = uriOf(file.relativePath, file.path);
          seen?.add(uri);
          if (!this.open.has(uri)) toRead.push({ uri, relativePath: file.relativePath, path: file.path });
        }
        yield toRead;
      }
    }
  }

  /** Files opened in the editor while they were being read keep their editor text. */
  private applyScanned(files: IndexedFile[], removed: string[] = []): void {
    this.corpus.applyIndexed(
      files.filter((file) => !this.open.has(file.uri)),
      removed,
    );
  }

  private texts(): TextStorage {
    const { storageFolder } = this.options;
    const storage = storageFolder === undefined || this.workerCode === undefined ? undefined : { folder: storageFolder, identity: this.workerCode };
    this.textStorage ??= new TextStorage(storage, this.log);
    return this.textStorage;
  }

  private openCache(): Promise<IndexCache> {
    this.cache ??= this.loadCache();
    return this.cache;
  }

  private async loadCache(): Promise<IndexCache> {
    const { storageFolder } = this.options;
    if (storageFolder === undefined || this.workerCode === undefined) return IndexCache.disabled(this.log);
    const file = path.join(storageFolder, CACHE_FILE);
    const started = Date.now();
    // Entries are v8-serialised: another V8 might read them differently.
    const identity = `${this.workerCode} v8 ${process.versions.v8} ${analysesSignature(this.corpus.analyses)}`;
    // Outside a scan, an entry changes when one found damaged is made anew.
    const cache = await IndexCache.open(file, identity, this.log, {
      changed: () => {
        if (!this.scanning) this.scheduleSave(SAVE_AFTER_REPAIR_MS);
      },
    });
    if (cache.size > 0) this.log.info(`Index cache: ${cache.size} entries read from ${file} in ${Date.now() - started} ms.`);
    return cache;
  }

  /** Writes the index cache now, if it changed (the server calls it once ready after a scan); it is also written a while after changes. */
  async saveCache(): Promise<void> {
    this.saveTimer.cancel();
    const cache = await this.openCache();
    await cache.save(this.corpus.all());
    await this.texts().save((uri) => (this.open.has(uri) ? undefined : this.corpus.get(uri)?.hash));
  }

  private scheduleSave(delayMs: number): void {
    if (this.options.storageFolder === undefined || this.workerCode === undefined) return;
    this.saveTimer.schedule(delayMs, () => this.saveCache());
  }

  /** An open document's text replaces the file on disk, after the debounce delay. */
  documentChanged(document: OpenDocument, immediately = false): void {
    this.open.add(document.uri);
    clearTimeout(this.pendingEdits.get(document.uri));
    const apply = (): void => {
      this.pendingEdits.delete(document.uri);
      this.corpus.apply([{ uri: document.uri, relativePath: this.relativePath(document.uri), text: document.text, version: document.version }]);
    };
    if (immediately || this.settings().debounceMs === 0) apply();
    else this.pendingEdits.set(document.uri, setTimeout(apply, this.settings().debounceMs));
  }

  /** Closing a document reverts to the text on disk, or drops it when it is not part of the workspace. */
  async documentClosed(uri: string): Promise<void> {
    this.open.delete(uri);
    clearTimeout(this.pendingEdits.get(uri));
    this.pendingEdits.delete(uri);
    await this.fileChanged(uri);
  }

  /** Created or changed on disk. Open documents are ignored: their editor text wins. */
  async fileChanged(uri: string): Promise<void> {
    if (this.open.has(uri)) return;
    const relative = this.workspaceRelative(uri);
    if (relative === undefined || !this.filter().includes(relative)) {
      this.corpus.apply([], [uri]);
      return;
    }
    const input = await this.readInput(uri, URI.parse(uri).fsPath, relative);
    if (input) this.corpus.apply([input]);
    else this.corpus.apply([], [uri]);
  }

  fileDeleted(uri: string): void {
    if (this.open.has(uri)) return;
    this.skipped.delete(uri);
    // A deleted folder arrives as one event for the folder: drop everything under it.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const removed = [...this.corpus.all()].map((file) => file.uri).filter((key) => key === uri || key.startsWith(prefix));
    this.corpus.apply([], removed);
  }

  private async readInput(uri: string, filePath: string, relativePath: string): Promise<FileInput | undefined> {
    const outcome = await readTextFile(filePath, this.settings().maxFileSizeKB * 1024);
    if (outcome.kind === 'skipped') {
      this.skip(relativePath, outcome.reason, uri);
      return undefined;
    }
    this.skipped.delete(uri);
    if (outcome.warning) this.log.warn(`${relativePath}: ${outcome.warning}`);
    return { uri, relativePath, text: outcome.text };
  }

  private skip(relativePath: string, reason: string, uri = relativePath): void {
    this.skipped.set(uri, reason);
    this.log.warn(`Skipped ${relativePath}: ${reason}`);
  }

  private filter(): FileFilter {
    const { include, exclude } = this.settings();
    return fileFilter(include, exclude);
  }

  /** The workspace folders being indexed, as paths on disk. */
  folderPaths(): string[] {
    return this.folders.map((folder) => URI.parse(folder.uri).fsPath);
  }

  /** The workspace folder a file is in, as a path on disk; undefined for a file outside them (or not on disk). */
  folderOf(uri: string): string | undefined {
    return this.placeInFolders(uri)?.root;
  }

  private workspaceRelative(uri: string): string | undefined {
    const place = this.placeInFolders(uri);
    return place && toRelative(place.root, place.filePath);
  }

  private placeInFolders(uri: string): { root: string; filePath: string } | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const filePath = parsed.fsPath;
    for (const root of this.folderPaths()) {
      const relative = path.relative(root, filePath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { root, filePath };
    }
    return undefined;
  }

  private relativePath(uri: string): string {
    return this.workspaceRelative(uri) ?? path.basename(URI.parse(uri).fsPath || uri);
  }
}

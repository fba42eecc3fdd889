/**
 * Keeps the corpus equal to the workspace: an initial scan of every folder (with progress),
 * then open documents (their in-editor text, debounced while typing) and file-system events
 * for files that are not open. Every failure to read a file becomes one line in the log.
 */
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Corpus, FileInput } from './core/corpus';
import { FileFilter, fileFilter, readTextFile, toRelative, walkFolder } from './core/files';
import type { Log } from './context';
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

/** Files are applied to the corpus in batches so that requests are served in between. */
const SCAN_BATCH_FILES = 250;

export class WorkspaceIndexer {
  private folders: WorkspaceFolderRef[] = [];
  private readonly skipped = new Map<string, string>();
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private readonly open = new Set<string>();

  constructor(
    private readonly corpus: Corpus,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {}

  get skippedCount(): number {
    return this.skipped.size;
  }

  /** Scans all folders from scratch, replacing whatever the corpus held for them. */
  async scan(folders: WorkspaceFolderRef[], progress: Progress): Promise<void> {
    this.folders = folders;
    this.skipped.clear();
    const seen = new Set<string>();
    let batch: FileInput[] = [];
    let done = 0;
    for (const folder of folders) {
      const root = URI.parse(folder.uri).fsPath;
      for await (const filePath of walkFolder(root, this.filter(), { onSkip: (rel, why) => this.skip(rel, why) })) {
        const uri = URI.file(filePath).toString();
        seen.add(uri);
        if (this.open.has(uri)) continue;
        const input = await this.readInput(uri, filePath, toRelative(root, filePath));
        if (input) batch.push(input);
        done++;
        if (batch.length >= SCAN_BATCH_FILES) {
          this.corpus.apply(batch);
          batch = [];
          progress.report(done, undefined, `${done} files`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    const gone = [...this.corpus.all()].map((file) => file.uri).filter((uri) => !seen.has(uri) && !this.open.has(uri));
    this.corpus.apply(batch, gone);
    progress.report(done, done, `${done} files`);
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

  private workspaceRelative(uri: string): string | undefined {
    const filePath = URI.parse(uri).fsPath;
    for (const folder of this.folders) {
      const root = URI.parse(folder.uri).fsPath;
      const relative = path.relative(root, filePath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return toRelative(root, filePath);
    }
    return undefined;
  }

  private relativePath(uri: string): string {
    return this.workspaceRelative(uri) ?? path.basename(URI.parse(uri).fsPath || uri);
  }
}

/**
 * What a feature module of the server is given: the connection, the open documents, the
 * corpus, the settings and a log. Each feature (symbols, folding, duplicates, ...) is one
 * module exporting a `ServerFeature`; server.ts merges their capabilities and registers
 * them. Logic that does not need LSP lives in core/ and is called from here.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus } from './core/corpus';
import type { IndexStatus } from './protocol';
import type { Settings } from './settings';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  corpus: Corpus;
  settings(): Settings;
  log: Log;
  /** The workspace folders, as paths on disk: where each keeps its `.seed-curator/` files. */
  workspaceFolders(): string[];
  /** The workspace folder holding a file, as a path on disk; undefined for a file outside them. */
  workspaceFolderOf(uri: string): string | undefined;
  /** True once the initial scan of the workspace has finished and no feature is still catching up (see `catchingUp`). */
  isReady(): boolean;
  /** True once the initial scan has finished: the corpus holds every file, though features may still be catching up. */
  isScanned(): boolean;
  /**
   * Where a feature may keep files between sessions (the extension's storage folder), and
   * the identity of the code that writes them, which a file must match to be trusted;
   * undefined when the client gave no folder.
   */
  storage(): { folder: string; identity: string } | undefined;
  /**
   * Tells the server that a feature is catching up with the corpus in slices (requests are
   * answered meanwhile, from partial results): the index is not reported ready until `work`
   * settles, and then the index-updated listeners run again.
   */
  catchingUp(work: Promise<void>): void;
  /** Runs after the initial scan and after every later update of the corpus. */
  onIndexUpdated(listener: () => void): void;
  /** Runs when the user's settings change (after `settings()` returns the new values). */
  onSettingsChanged(listener: () => void): void;
  /** Adds a feature's figures to the index status the client shows; read at every update. */
  addStatusFigures(figures: () => Partial<StatusFigures>): void;
}

/** The figures of the index status that features other than the indexer provide. */
export type StatusFigures = Pick<IndexStatus, 'duplicateGroups'>;

export interface ServerFeature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}

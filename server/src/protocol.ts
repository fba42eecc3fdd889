/**
 * The whole client–server contract of Seed Curator: custom request and notification
 * method names and their payload types. Imported by both the client and the server, so a
 * change here is checked on both sides by the compiler.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Counts of what the index holds; sent when the index is ready and after every update. */
export interface IndexStatus {
  /** False while the initial scan of the workspace is still running. */
  ready: boolean;
  files: number;
  articles: number;
  /** Files seen but not indexed (too large, binary, unreadable). */
  skipped: number;
  /** Increases with every update, so a waiter can tell a new status from an old one. */
  generation: number;
}

export const IndexStatusNotification = new NotificationType<IndexStatus>('seedCurator/indexStatus');

/** Asks for the current status without waiting for the next notification. */
export const IndexStatusRequest = new RequestType<void, IndexStatus, void>('seedCurator/indexStatus');

/**
 * Where the duplicate index is kept between sessions: its head, which a warm start reads,
 * and its tables, read once the workspace is ready or a change needs them (see
 * core/duplicates/snapshot.ts), each in a snapshot file of its own.
 */
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import type { DuplicateIndex, SnapshotHead, SnapshotTables } from '../core/duplicates/engine';
import { headFromParts, snapshotParts, tablesFromParts } from '../core/duplicates/snapshot';
import { plural } from '../core/plural';
import type { Log } from '../context';
import { SnapshotStore } from '../snapshotStore';

/** A head read back, with the key its tables must carry. */
export type StoredHead = { head: SnapshotHead; key: string };

export class DuplicateIndexStore {
  private readonly heads: SnapshotStore;
  private readonly tables: SnapshotStore;

  constructor(storage: { folder: string; identity: string }, log: Log) {
    this.heads = new SnapshotStore(storage, log, 'duplicates-index.bin', 'Duplicates index', 'matching every file');
    this.tables = new SnapshotStore(storage, log, 'duplicates-fingerprints.bin', 'Duplicate fingerprints', 'matching every file');
  }

  readHead(): Promise<StoredHead | undefined> {
    return this.heads.load(async (parts) => headFromParts(parts), ({ head }) => `${head.files.ids.length} files`);
  }

  async readTables(key: string): Promise<SnapshotTables | undefined> {
    const tables = await this.tables.load(async (parts) => tablesFromParts(parts, key), (tables) => `the fingerprints of ${plural(tables.fileHashEnds.length, 'file')}`);
    // A head without its tables is said, as damaged tables are (the store says nothing of a file never written).
    if (!tables && !existsSync(this.tables.file)) this.tables.ignored('it is missing');
    return tables;
  }

  /** Says why the head on disk is not used. */
  headIgnored(reason: string): undefined {
    return this.heads.ignored(reason);
  }

  /** Says why the tables read are not used. */
  tablesIgnored(reason: string): undefined {
    return this.tables.ignored(reason);
  }

  saveAfter(delayMs: number, save: () => Promise<void>): void {
    this.heads.saveAfter(delayMs, save);
  }

  /**
   * Writes the index, its files in `fileOrder` (see DuplicateIndex.snapshot): the tables
   * first, then the head with their key, so that a failure between the two leaves either the
   * last pair or a head whose tables are refused.
   */
  async save(index: DuplicateIndex, fileOrder: Iterable<string>): Promise<void> {
    const parts = snapshotParts(index.snapshot(fileOrder), randomBytes(8).toString('hex'));
    if (!(await this.tables.save(async () => ({ parts: parts.tables, what: 'the fingerprints' })))) return;
    await this.heads.save(async () => ({ parts: parts.head, what: plural(index.groups().length, 'group') }));
  }
}

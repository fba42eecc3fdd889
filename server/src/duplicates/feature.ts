/**
 * Duplicated passages in the editor: keeps a DuplicateIndex in step with the corpus,
 * publishes diagnostics to every file whose duplicates changed (so editing one copy
 * updates all the files sharing it), and serves definition/references, code actions,
 * the group list for the client, and the ignore command.
 */
import { statSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DuplicateIndex } from '../core/duplicates/engine';
import { IGNORE_FILE, IgnoredPassage, addIgnoredPassages, readIgnoreList } from '../core/duplicates/ignore-list';
import { PendingChange } from '../core/pendingChange';
import { plural } from '../core/plural';
import { mapInSlices } from '../cancellation';
import { runInSlices } from '../core/steps';
import type { ServerContext, ServerFeature } from '../context';
import { DuplicateGroupsRequest, IgnorePassageRequest } from '../protocol';
import type { DuplicateSettings } from '../settings';
import { SAVE_AFTER_CHANGES_MS } from '../snapshotStore';
import { WorkspaceFileDiagnostics } from '../workspaceFiles';
import { duplicateActions } from './actions';
import { duplicateDiagnostics } from './diagnostics';
import { copyLocations, groupInfo } from './navigation';
import { DuplicateIndexStore, StoredHead } from './store';
import { errorMessage } from '../core/errors';

function engineOptions(settings: DuplicateSettings) {
  return {
    minWords: settings.minWords,
    minSimilarity: settings.minSimilarity,
    boilerplateMinCopies: settings.boilerplateMinCopies,
  };
}

/**
 * The initial scan reaches the index in batches of at least this many files. Part of an
 * update's cost grows with the workspace (lookups spread over the whole fingerprint table,
 * pairs matched again as fingerprints cross the boilerplate threshold): at 100k articles,
 * the scan's 64-file batches cost the index 2.5 times one update of every file, 512-file
 * batches 1.7 times, each well under 100 ms.
 */
const SCAN_BATCH_FILES = 512;

class DuplicatesInEditor {
  private index: DuplicateIndex;
  /** Files whose diagnostics must be sent again at the next index update. */
  private readonly pending = new Set<string>();
  /** Files that have diagnostics now, so they can be cleared. */
  private readonly published = new Set<string>();
  private ignoreFiles = new Map<string, number>();
  /** Mistakes in the ignore lists, shown in the files. */
  private readonly ignoreListDiagnostics: WorkspaceFileDiagnostics;
  /** Changes not yet given to the index: of the initial scan (see SCAN_BATCH_FILES), or made while it was held. */
  private readonly scanBatch: PendingChange;
  /** Where the index is kept between sessions; undefined without a storage folder. */
  private readonly store: DuplicateIndexStore | undefined;
  /**
   * An earlier session's index, being read or read, until the end of the initial scan; the
   * scan's files then wait for it rather than being matched batch by batch (see startFromSnapshot).
   */
  private snapshotRead: Promise<StoredHead | undefined> | undefined;
  /** The key of the tables the restored index waits for (see DuplicateIndex.needsTables), until they are being read. */
  private tablesKey: string | undefined;
  /**
   * The index takes no update while it is made from a snapshot, waits for its tables, or is
   * written to one: changes wait in scanBatch, new settings in settings().
   */
  private held = false;
  /** Changed since it was read from or written to the store. */
  private unsaved = false;
  /** The store holds this session's index, or one it was made from. */
  private stored = false;

  constructor(private readonly context: ServerContext) {
    this.ignoreListDiagnostics = new WorkspaceFileDiagnostics(context.connection);
    this.index = new DuplicateIndex(engineOptions(context.settings().duplicates));
    // The index holds no file yet: the corpus's files are taken as they are (see startFromSnapshot), not folded in as the scan brings them.
    this.scanBatch = PendingChange.everyFileOf(context.corpus);
    const storage = context.storage();
    this.store = storage && new DuplicateIndexStore(storage, context.log);
    const read = this.store?.readHead();
    this.snapshotRead = read?.then((snapshot) => {
      if (!snapshot) this.snapshotRead = undefined;
      return snapshot;
    });
    context.corpus.onChange((change) => {
      this.scanBatch.add(change);
      if (context.isScanned() || (this.scanBatch.size >= SCAN_BATCH_FILES && !this.snapshotRead)) this.updateIndex();
      // An edit's diagnostics go out now, not after the other features have taken the edit
      // in (at 100k articles, organisation recognition took 0.1 s of a first edit).
      if (context.isScanned()) this.publish();
    });
    context.onIndexUpdated(() => {
      if (this.snapshotRead) this.startFromSnapshot(this.snapshotRead);
      // The rest of the workspace is ready: the tables no longer slow its start.
      if (this.tablesKey !== undefined && context.isReady()) this.takeTablesAfterStart(this.tablesKey);
      this.updateIndex();
      this.reloadIgnoreListsIfChanged();
      this.publish();
    });
    context.onSettingsChanged(() => {
      if (!this.held) this.followSettings();
      // Severity, cap or enabled may have changed: every file with duplicates, or with diagnostics, is sent again.
      for (const uri of this.published) this.pending.add(uri);
      for (const group of this.index.groups()) for (const passage of group.passages) this.pending.add(passage.uri);
      this.publish();
    });
  }

  private settings(): DuplicateSettings {
    return this.context.settings().duplicates;
  }

  private updateIndex(): void {
    if (this.held || this.scanBatch.isEmpty) return;
    this.remember(this.index.update(this.scanBatch.take()));
    this.unsaved = true;
    // The index of the initial scan is saved as soon as it is complete; later ones a while after the last edit.
    this.scheduleSave(this.context.isScanned() && !this.stored ? 0 : SAVE_AFTER_CHANGES_MS);
  }

  /**
   * At the end of the initial scan: the index of an earlier session, brought up to date with
   * the files scanned, so that only the files changed since are matched. Its groups are
   * all shown. When no file changed, it waits for its tables until the workspace is ready
   * (see takeTablesAfterStart). Without a snapshot fit for these settings, the scan's files
   * wait in scanBatch and are matched as one batch when the work ends.
   */
  private startFromSnapshot(read: Promise<StoredHead | undefined>): void {
    this.snapshotRead = undefined;
    this.held = true;
    const work = (async () => {
      const started = Date.now();
      const stored = await read;
      if (!stored) return;
      const { head, key } = stored;
      if (JSON.stringify(head.options) !== JSON.stringify(engineOptions(this.settings()))) return this.store?.headIgnored('made with other duplicate settings');
      // The restored index takes the corpus as it is now; changes made while it is restored wait in scanBatch.
      const scanned = this.scanBatch.take();
      let restored: { index: DuplicateIndex; changedFiles: number };
      try {
        restored = await runInSlices(DuplicateIndex.fromSnapshot(head, [...this.context.corpus.all()]));
      } catch (error) {
        // The scan's files are matched instead, before the changes made since.
        const since = this.scanBatch.take();
        this.scanBatch.add(scanned);
        this.scanBatch.add(since);
        return this.store?.headIgnored(errorMessage(error));
      }
      this.index = restored.index;
      for (const group of this.index.groups()) for (const passage of group.passages) this.pending.add(passage.uri);
      // Its ignore list is the snapshot's: the lists are read again for it.
      this.ignoreFiles = new Map();
      this.unsaved = restored.changedFiles > 0;
      this.stored = true;
      if (restored.changedFiles > 0) await this.takeTables(key);
      else this.tablesKey = key;
      this.context.log.info(`Duplicates index: ${plural(restored.changedFiles, 'file')} changed since it was saved; up to date in ${Date.now() - started} ms.`);
    })();
    this.context.catchingUp(
      work.finally(() => {
        if (this.tablesKey !== undefined) return;
        // Without a snapshot fit to use, the scan's files are matched now, before the
        // workspace is ready: a save scheduled first held the index, and the ready status
        // went out before they were matched.
        this.release();
        this.scheduleSave(0);
      }),
    );
  }

  /** takeTables once the workspace is ready; the index is then held no more. */
  private takeTablesAfterStart(key: string): void {
    this.tablesKey = undefined;
    void this.takeTables(key).then(() => {
      this.release();
      this.scheduleSave(0);
    });
  }

  /**
   * Gives the restored index its tables, with which it brings the files changed since up to
   * date. Without them, every file is matched again, in one batch (a warning says why): the
   * snapshot's groups are shown until then.
   */
  private async takeTables(key: string): Promise<void> {
    try {
      const tables = await this.store?.readTables(key);
      if (tables) return this.remember(await runInSlices(this.index.takeTables(tables)));
    } catch (error) {
      this.store?.tablesIgnored(errorMessage(error));
    }
    this.index = new DuplicateIndex(engineOptions(this.settings()));
    this.scanBatch.add({ updated: [...this.context.corpus.all()], removed: [] });
    this.ignoreFiles = new Map();
    this.stored = false;
  }

  /** The index follows the duplicate settings: under new ones every file is matched again, and the index is saved again. */
  private followSettings(): void {
    const options = engineOptions(this.settings());
    if (JSON.stringify(options) === JSON.stringify(this.index.options)) return;
    this.remember(this.index.setOptions(options));
    this.unsaved = true;
  }

  /** The end of a hold: settings changed meanwhile apply, and the changes that waited are taken. */
  private release(): void {
    this.held = false;
    this.followSettings();
    this.updateIndex();
    this.reloadIgnoreListsIfChanged();
    this.publish();
  }

  private scheduleSave(delayMs: number): void {
    this.store?.saveAfter(delayMs, () => this.save());
  }

  /** Writes the index to the store; updates wait meanwhile, as the snapshot holds the index's own tables. */
  private async save(): Promise<void> {
    if (!this.store || !this.unsaved || this.held || this.snapshotRead || !this.context.isScanned()) return;
    this.held = true;
    this.unsaved = false;
    this.stored = true;
    try {
      // In the corpus's order, which the next session's scan brings the files in.
      await this.store.save(this.index, Array.from(this.context.corpus.all(), (file) => file.uri));
    } finally {
      this.release();
    }
  }

  private remember(changed: Set<string>): void {
    for (const uri of changed) this.pending.add(uri);
  }

  /** From the end of the scan: the index follows the corpus as it changes, so its groups are complete then, whatever other features are still doing. */
  private publish(): void {
    if (!this.context.isScanned()) return;
    const settings = this.settings();
    for (const uri of this.pending) {
      const groups = settings.enabled ? this.index.groupsIn(uri) : [];
      if (groups.length === 0 && !this.published.has(uri)) continue;
      const version = this.context.corpus.get(uri)?.version ?? null;
      const diagnostics = duplicateDiagnostics(uri, groups, settings);
      if (diagnostics.length > 0) this.published.add(uri);
      else this.published.delete(uri);
      void this.context.connection.sendDiagnostics({ uri, diagnostics, ...(version === null ? {} : { version }) });
    }
    this.pending.clear();
  }

  /** Reads the ignore lists again when one was written since (by us, by git, by hand). */
  private reloadIgnoreListsIfChanged(): void {
    const stamps = new Map<string, number>();
    for (const folder of this.context.workspaceFolders()) stamps.set(folder, ignoreFileStamp(folder));
    const same = stamps.size === this.ignoreFiles.size && [...stamps].every(([folder, stamp]) => this.ignoreFiles.get(folder) === stamp);
    if (same) return;
    this.ignoreFiles = stamps;
    const lists = [...stamps.keys()].map((folder) => ({ folder, list: readIgnoreList(folder) }));
    for (const { folder, list } of lists) this.ignoreListDiagnostics.show(path.join(folder, IGNORE_FILE), list.text, list.problems);
    const fingerprints = lists.flatMap(({ list }) => list.passages.map((entry) => entry.fingerprint));
    this.remember(this.index.setIgnored(fingerprints));
  }

  ignore(groupId: string): string {
    const group = this.index.group(groupId);
    if (!group) return 'That duplicate is no longer in the index.';
    const byFolder = new Map<string, IgnoredPassage[]>();
    for (const passage of group.passages) {
      const folder = this.context.workspaceFolderOf(passage.uri);
      if (folder === undefined) continue;
      const text = this.context.corpus.get(passage.uri)?.text ?? '';
      const preview = text.slice(passage.startOffset, passage.endOffset).split(/\s+/, 10).join(' ');
      const entries = byFolder.get(folder) ?? [];
      entries.push({ fingerprint: passage.fingerprint, words: passage.words, preview });
      byFolder.set(folder, entries);
    }
    if (byFolder.size === 0) return 'Only passages in saved workspace files can be ignored.';
    let failure: string | undefined;
    try {
      for (const [folder, entries] of byFolder) addIgnoredPassages(folder, entries);
    } catch (error) {
      failure = `Could not ignore this passage: ${errorMessage(error)}`;
    }
    this.reloadIgnoreListsIfChanged();
    this.publish();
    return failure ?? `Ignored a passage of ${group.words} words in ${group.passages.length} places.`;
  }

  register(): void {
    const { connection, corpus, documents } = this.context;
    const offsetIn = (uri: string, position: { line: number; character: number }) => corpus.get(uri)?.lines.offsetAt(position);
    this.context.addStatusFigures(() => ({ duplicateGroups: this.settings().enabled ? this.index.groups().length : 0 }));
    connection.onDefinition(({ textDocument, position }) => {
      const offset = offsetIn(textDocument.uri, position);
      return offset === undefined ? [] : copyLocations(this.index, textDocument.uri, offset, false);
    });
    connection.onReferences(({ textDocument, position, context }) => {
      const offset = offsetIn(textDocument.uri, position);
      return offset === undefined ? [] : copyLocations(this.index, textDocument.uri, offset, context.includeDeclaration);
    });
    connection.onCodeAction(({ textDocument, context }) => {
      const file = corpus.get(textDocument.uri);
      if (!file) return [];
      return duplicateActions(context.diagnostics, {
        file,
        documentVersion: documents.get(textDocument.uri)?.version ?? null,
        groupById: (id) => this.index.group(id),
      });
    });
    connection.onRequest(DuplicateGroupsRequest, async (token) => ({
      ready: this.context.isScanned(),
      groups: this.settings().enabled ? await mapInSlices(this.index.groups(), token, (group) => groupInfo(group, (uri) => corpus.get(uri)?.text)) : [],
    }));
    connection.onRequest(IgnorePassageRequest, ({ groupId }) => this.ignore(groupId));
    // Edited by hand or by git: the corpus does not change, so the index update does not come.
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (!changes.some((change) => URI.parse(change.uri).fsPath.endsWith(IGNORE_FILE))) return;
      this.reloadIgnoreListsIfChanged();
      this.publish();
    });
  }
}

function ignoreFileStamp(folder: string): number {
  try {
    return statSync(path.join(folder, IGNORE_FILE)).mtimeMs;
  } catch {
    return 0;
  }
}

export const duplicatesFeature: ServerFeature = {
  capabilities: {
    definitionProvider: true,
    referencesProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix', ''] },
  },
  register(context) {
    new DuplicatesInEditor(context).register();
  },
};

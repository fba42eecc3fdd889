/**
 * Organisations in the editor: keeps an OrganisationIndex in step with the corpus (the
 * initial scan as one batch, then file by file), extends the gazetteer with each folder's
 * `.seed-curator/organisations.json`, and serves hovers, references, highlights and the
 * Organisations view.
 */
import type { IndexedFile } from '../core/corpus';
import type { GazetteerFile } from '../core/organisations/gazetteer';
import { OrganisationIndex } from '../core/organisations/index';
import { OrganisationSummaries } from '../core/organisations/summary';
import { PendingChange } from '../core/pendingChange';
import { errorMessage } from '../core/errors';
import { runInBackground, runInSlices } from '../core/steps';
import type { ServerContext, ServerFeature } from '../context';
import { OrganisationArticlesRequest, OrganisationsRequest } from '../protocol';
import { organisationHover } from './hover';
import { organisationArticles, organisationList } from './list';
import { organisationHighlights, organisationReferences } from './navigation';
import { WorkspaceFileDiagnostics } from '../workspaceFiles';
import { isWorkspaceGazetteer, loadWorkspaceGazetteers } from './workspaceGazetteer';
import { RecognitionStore, StoredMemory } from './memoryStore';
import { SAVE_AFTER_CHANGES_MS } from '../snapshotStore';

class OrganisationsInEditor {
  private readonly summaries: OrganisationSummaries;
  /**
   * Corpus changes the index has not taken yet: those of the initial scan, and those that
   * come while it catches up. Edits made later go straight to the index, file by file.
   */
  private readonly waiting: PendingChange;
  private scanning = true;
  /** A workspace gazetteer read but not applied yet, because the index was busy. */
  private gazetteerToApply: GazetteerFile | undefined;
  /** The index catching up in slices, if it is. */
  private catchUp: Promise<void> | undefined;
  private gazetteerSnapshot = '';
  private warming = false;
  private readonly fileDiagnostics: WorkspaceFileDiagnostics;
  /** Where recognition is remembered between sessions; undefined without a storage folder. */
  private readonly store: RecognitionStore | undefined;
  /** An earlier session's memory, read while the workspace is scanned; offered to the first catch-up only, as later updates are edits. */
  private memoryRead: Promise<StoredMemory | undefined> | undefined;
  private savedGeneration = -1;
  /** While the memory is made, changes wait as they do during a catch-up. */
  private saving = false;

  constructor(
    private readonly context: ServerContext,
    readonly index: OrganisationIndex,
  ) {
    this.summaries = new OrganisationSummaries(index);
    // The index holds no file before the scan: it takes the corpus's files as they are then.
    this.waiting = PendingChange.everyFileOf(context.corpus);
    this.fileDiagnostics = new WorkspaceFileDiagnostics(context.connection);
    const storage = context.storage();
    this.store = storage && new RecognitionStore(storage, context.log);
    this.memoryRead = this.store?.load();
    this.index.onChange(() => {
      for (const { relativePath, message } of this.index.takeFailures()) context.log.warn(`${relativePath}: organisations not recognised in this file (${message}).`);
      this.warmSummaries();
    });
    context.corpus.onChange((change) => {
      if (this.indexBusy) this.waiting.add(change);
      else {
        this.index.update(change);
        this.scheduleSave(SAVE_AFTER_CHANGES_MS);
      }
    });
    context.onIndexUpdated(() => {
      this.scanning = false;
      this.reloadGazetteers();
      this.startCatchingUp();
      // Nothing to catch up with (an empty workspace): the memory is not kept for later edits.
      if (!this.catchUp) this.memoryRead = undefined;
    });
  }

  /** The index takes no update now: changes wait in `waiting` (see startCatchingUp). */
  private get indexBusy(): boolean {
    return this.scanning || this.catchUp !== undefined || this.saving;
  }

  /**
   * Gives the index what waits for it (a new workspace gazetteer, the files of the initial
   * scan or those changed meanwhile) in slices, so that a whole workspace's recognition
   * (seconds to tens of seconds) does not keep hovers and edits waiting.
   */
  private startCatchingUp(): void {
    if (this.indexBusy) return;
    if (!this.gazetteerToApply && this.waiting.isEmpty) return;
    this.catchUp = (async () => {
      const started = Date.now();
      let files = 0;
      let remembered = 0;
      let stored = await this.memoryRead;
      this.memoryRead = undefined;
      for (;;) {
        const gazetteer = this.gazetteerToApply;
        this.gazetteerToApply = undefined;
        if (gazetteer) await runInSlices(this.index.workspaceGazetteerSteps(gazetteer));
        if (this.waiting.isEmpty) break;
        const change = this.waiting.take();
        files += change.updated.length;
        const memory = stored && this.store?.matching(stored, this.gazetteerSnapshot);
        stored = undefined;
        const taken = await runInSlices(this.index.updateSteps(change, memory));
        remembered += taken;
        // Every file taken from a memory made under the gazetteers in effect: the memory on disk is the index.
        if (memory && taken === change.updated.length && change.removed.length === 0) this.savedGeneration = this.index.generation;
      }
      this.context.log.info(`Recognised organisations in ${files} files (${remembered} as remembered) in ${Date.now() - started} ms.`);
    })().finally(() => {
      this.catchUp = undefined;
      // The first recognition of the workspace is saved at once; later ones as edits are.
      this.scheduleSave(this.savedGeneration < 0 ? 0 : SAVE_AFTER_CHANGES_MS);
      runInBackground(this.index.readRestoredSteps()).catch((error: unknown) =>
        this.context.log.error(`Organisations: reading the remembered names failed: ${errorMessage(error)}`),
      );
    });
    this.context.catchingUp(this.catchUp);
  }

  private scheduleSave(delayMs: number): void {
    this.store?.saveAfter(delayMs, () => this.save());
  }

  private async save(): Promise<void> {
    // While the index catches up its results are a mix: the catch-up saves when it ends.
    if (!this.store || this.indexBusy || this.gazetteerToApply || this.index.generation === this.savedGeneration) return;
    this.savedGeneration = this.index.generation;
    this.saving = true;
    try {
      await this.store.save(this.index, this.gazetteerSnapshot);
    } finally {
      this.saving = false;
      this.startCatchingUp();
    }
  }

  /**
   * Computes in idle moments the summaries an update made stale (see warmingSteps), in the
   * turns every background run shares (see runInBackground): with a turn of its own, a
   * hover in the seconds after a warm start of 100k articles waited for a slice of it and
   * one of another run each time.
   */
  private warmSummaries(): void {
    if (this.warming) return;
    this.warming = true;
    runInBackground(this.summaries.warmingSteps())
      .catch((error: unknown) => this.context.log.error(`Organisations: computing summaries failed: ${errorMessage(error)}`))
      .finally(() => {
        this.warming = false;
      });
  }

  /** Reads every folder's organisations file again; re-recognises only when their content changed. */
  private reloadGazetteers(): void {
    const loaded = loadWorkspaceGazetteers(this.context.workspaceFolders());
    for (const { path, text, problems } of loaded.read) this.fileDiagnostics.show(path, text, problems);
    const snapshot = JSON.stringify(loaded.file);
    if (snapshot === this.gazetteerSnapshot) return;
    this.gazetteerSnapshot = snapshot;
    this.gazetteerToApply = loaded.file;
    this.startCatchingUp();
  }

  register(): void {
    const { connection, corpus } = this.context;
    const at = (uri: string, position: { line: number; character: number }): { file: IndexedFile; offset: number } | undefined => {
      const file = corpus.get(uri);
      return file && { file, offset: file.lines.offsetAt(position) };
    };
    connection.onHover(({ textDocument, position }) => {
      const place = at(textDocument.uri, position);
      return place ? organisationHover(this.index, this.summaries, place.file, place.offset) : null;
    });
    connection.onReferences(({ textDocument, position }) => {
      const place = at(textDocument.uri, position);
      return place ? organisationReferences(this.index, place.file, place.offset) : null;
    });
    connection.onDocumentHighlight(({ textDocument, position }) => {
      const place = at(textDocument.uri, position);
      return place ? organisationHighlights(this.index, place.file, place.offset) : null;
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => isWorkspaceGazetteer(change.uri))) this.reloadGazetteers();
    });
    connection.onRequest(OrganisationsRequest, async (token) => ({ ready: this.context.isReady(), organisations: await organisationList(this.index, token) }));
    connection.onRequest(OrganisationArticlesRequest, ({ id }, token) => organisationArticles(this.index, id, token));
  }
}

/** The organisations feature over `index`, which the features that use organisations (themes) read too. */
export function organisationsFeature(index: OrganisationIndex): ServerFeature {
  return {
    capabilities: { hoverProvider: true, referencesProvider: true, documentHighlightProvider: true },
    register(context) {
      new OrganisationsInEditor(context, index).register();
    },
  };
}

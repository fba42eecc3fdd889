/**
 * Organisations in the editor: keeps an OrganisationIndex in step with the corpus (the
 * initial scan as one batch, then file by file), extends the gazetteer with each folder's
 * `.seed-curator/organisations.json`, and serves hovers, references, highlights and the
 * Organisations view.
 */
import type { CorpusChange, IndexedFile } from '../core/corpus';
import { OrganisationIndex } from '../core/organisations/index';
import { OrganisationSummaries } from '../core/organisations/summary';
import type { ServerContext, ServerFeature } from '../context';
import { folderOf } from '../duplicates/feature';
import { OrganisationArticlesRequest, OrganisationsRequest } from '../protocol';
import { organisationHover } from './hover';
import { organisationArticles, organisationList } from './list';
import { organisationHighlights, organisationReferences } from './navigation';
import { WorkspaceFileDiagnostics } from '../workspaceFiles';
import { isWorkspaceGazetteer, loadWorkspaceGazetteers } from './workspaceGazetteer';

/** How long summaries are computed before requests get their turn. */
const WARM_SLICE_MS = 10;

class OrganisationsInEditor {
  private readonly summaries: OrganisationSummaries;
  /** Changes seen during the initial scan, applied as one batch when it ends. */
  private pending: CorpusChange | undefined = { updated: [], removed: [] };
  private readonly folderByUri = new Map<string, string>();
  private gazetteerSnapshot = '';
  private warming = false;
  private readonly fileDiagnostics: WorkspaceFileDiagnostics;

  constructor(
    private readonly context: ServerContext,
    readonly index: OrganisationIndex,
  ) {
    this.summaries = new OrganisationSummaries(index);
    this.fileDiagnostics = new WorkspaceFileDiagnostics(context.connection);
    this.index.onChange(() => this.warmSummaries());
    context.corpus.onChange((change) => {
      for (const uri of change.removed) this.folderByUri.delete(uri);
      for (const file of change.updated) {
        const folder = folderOf(file.uri, file.relativePath);
        if (folder !== undefined) this.folderByUri.set(file.uri, folder);
      }
      if (this.pending) mergeInto(this.pending, change);
      else this.index.update(change);
    });
    context.onIndexUpdated(() => {
      this.reloadGazetteers();
      if (this.pending) {
        const initial = this.pending;
        this.pending = undefined;
        const started = Date.now();
        this.index.update(initial);
        context.log.info(`Recognised organisations in ${initial.updated.length} files in ${Date.now() - started} ms.`);
      }
    });
  }

  /**
   * Computes in idle moments the summaries that an update made stale, most mentioned
   * organisations first, so that hovers find them ready; a little at a time, so that
   * requests are served in between.
   */
  private warmSummaries(): void {
    if (this.warming) return;
    this.warming = true;
    const step = (): void => {
      const started = Date.now();
      const stale = this.summaries.stale();
      for (const id of stale) {
        this.summaries.summary(id);
        if (Date.now() - started > WARM_SLICE_MS) break;
      }
      if (stale.length > 0 && Date.now() - started > WARM_SLICE_MS) setImmediate(step);
      else this.warming = false;
    };
    setImmediate(step);
  }

  /** Reads every folder's organisations file again; re-recognises only when their content changed. */
  private reloadGazetteers(): void {
    const loaded = loadWorkspaceGazetteers(new Set(this.folderByUri.values()));
    for (const { path, text, problems } of loaded.read) this.fileDiagnostics.show(path, text, problems);
    const snapshot = JSON.stringify(loaded.file);
    if (snapshot === this.gazetteerSnapshot) return;
    this.gazetteerSnapshot = snapshot;
    this.index.setWorkspaceGazetteer(loaded.file);
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

/** Folds a later change into an earlier one: the latest text of each file wins. */
function mergeInto(target: CorpusChange, change: CorpusChange): void {
  const changed = new Set([...change.updated.map((file) => file.uri), ...change.removed]);
  target.updated = target.updated.filter((file) => !changed.has(file.uri)).concat(change.updated);
  target.removed = target.removed.filter((uri) => !changed.has(uri)).concat(change.removed);
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

/**
 * Themes in the editor: keeps a ThemeIndex in step with the corpus, reads user themes
 * from settings and each folder's `.seed-curator/themes.json`, and serves the Themes view,
 * theme search, re-clustering and the hover on article titles.
 *
 * Clustering the workspace and building its search index take seconds on a large one:
 * both run in slices (core/steps.ts), so hovers and edits are answered meanwhile.
 * Requests for themes wait for the clustering under way (one at a time, shared), and a
 * cancelled request stops waiting; a hover does not wait: it says nothing of themes
 * until they are found.
 */
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { readTextIfPresent } from '../core/jsonFile';
import { runInBackground } from '../core/steps';
import { CorpusSearch, OrganisationNames, noOrganisations } from '../core/search/corpusSearch';
import { ThemeIndex, ThemesFound } from '../core/themes/themeIndex';
import { ThemesStore } from './store';
import { USER_THEMES_FILE, UserTheme, checkUserThemesFile, mergeUserThemes, readUserThemes } from '../core/themes/userThemes';
import { defaultThemeOptions } from '../core/themes/discover';
import { checkpoint, throwIfCancelled } from '../cancellation';
import type { ServerContext, ServerFeature } from '../context';
import {
  ReclusterThemesRequest,
  SearchThemesRequest,
  ThemeArticlesRequest,
  ThemesChangedNotification,
  ThemesRequest,
  ThemesResult,
} from '../protocol';
import { WorkspaceFileDiagnostics } from '../workspaceFiles';
import { DuplicateCount, copiesFoundByThemes, themeArticleInfos, themeHover, themeInfos } from './views';
import { errorMessage } from '../core/errors';

/** Longest query served; what VS Code's input box sends is far shorter. */
const MAX_QUERY_LENGTH = 500;
const MAX_RESULTS = 200;

/** What other features may lend to themes: organisation names and aliases, and duplicate counts. */
export interface ThemeSources {
  organisations?: () => OrganisationNames;
  duplicates?: DuplicateCount;
}

class ThemesInEditor {
  private readonly index: ThemeIndex;
  private readonly search: CorpusSearch;
  private reportedProblems = '';
  private notifiedGeneration = -1;
  /** Mistakes in the workspace themes files, shown in the files. */
  private readonly fileDiagnostics: WorkspaceFileDiagnostics;
  /** The work left by the initial scan is done or under way (see prepareWhenReady). */
  private prepared = false;
  /** Where the last clustering is kept between sessions, with a storage folder. */
  private readonly store: ThemesStore | undefined;

  constructor(
    private readonly context: ServerContext,
    private readonly sources: ThemeSources,
  ) {
    this.fileDiagnostics = new WorkspaceFileDiagnostics(context.connection);
    const organisations = sources.organisations ?? (() => noOrganisations);
    const storage = context.storage();
    const store = storage && new ThemesStore(storage, context.log);
    this.store = store;
    this.index = new ThemeIndex(
      defaultThemeOptions,
      (uri, index) => organisations().organisationsOf(uri, index),
      (found) => {
        context.log.info(describeFound(found));
        if (found.how === 'clustered') store?.saveSoon(() => this.index.takeFinishedClustering());
      },
    );
    if (store) this.index.readStoredFrom(() => store.load());
    this.search = new CorpusSearch(this.index, organisations);
    context.corpus.onChange((change) => {
      this.index.update(change);
    });
    context.onIndexUpdated(() => {
      this.applyOptions();
      this.notifyIfChanged();
      this.prepareWhenReady();
    });
    context.onSettingsChanged(() => {
      this.applyOptions();
      this.notifyIfChanged();
    });
  }

  register(): void {
    const { connection, corpus } = this.context;
    connection.onRequest(ThemesRequest, async (token) => {
      await checkpoint(token);
      if (this.context.isReady()) await this.whenClustered(token);
      return this.result();
    });
    connection.onRequest(ThemeArticlesRequest, async ({ themeId }, token) => {
      if (!this.context.isReady()) return [];
      await this.whenClustered(token);
      return themeArticleInfos(this.index, themeId, this.sources.duplicates ?? copiesFoundByThemes, token);
    });
    connection.onRequest(ReclusterThemesRequest, async (token) => {
      if (!this.context.isReady()) return this.result();
      this.applyOptions();
      this.index.markStale();
      await this.whenClustered(token);
      const result = this.result();
      this.notifyIfChanged();
      return result;
    });
    connection.onRequest(SearchThemesRequest, async ({ query, limit }, token) => {
      if (!this.context.isReady()) return [];
      await checkpoint(token);
      const text = String(query ?? '').slice(0, MAX_QUERY_LENGTH);
      return this.unlessCancelled(token, () => this.search.searchInSlices(text, Math.min(MAX_RESULTS, limit ?? MAX_RESULTS), () => cancelled(token)));
    });
    connection.onHover(({ textDocument, position }) => {
      const file = corpus.get(textDocument.uri);
      if (!file || !this.context.isReady() || !file.articles.some((article) => article.startLine === position.line)) return null;
      if (this.index.needsClustering) {
        this.clusterInBackground();
        return null;
      }
      return themeHover(this.index, file, position.line);
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => change.uri.endsWith(USER_THEMES_FILE))) {
        this.applyOptions();
        this.notifyIfChanged();
      }
    });
  }

  /** Resolves once the themes are up to date (clustering in slices if due); RequestCancelled once the token is. */
  private async whenClustered(token: CancellationToken | undefined): Promise<void> {
    await checkpoint(token);
    await this.unlessCancelled(token, () => this.index.settleInSlices(() => cancelled(token)));
  }

  /** Work given up because its request was cancelled answers as cancelled. */
  private async unlessCancelled<T>(token: CancellationToken | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throwIfCancelled(token);
      throw error;
    }
  }

  /**
   * Once the workspace is first ready, the articles' terms are counted in slices: the scan
   * leaves them for later (see ThemeIndex), and a first request for themes made a while
   * after need not wait for them. Not when a clustering was stored: the first request
   * restores it rather than cluster (see storedThemes.ts), and restoring at once competed
   * with the hovers of the seconds after ready. Later edits are counted as they come, or by
   * a clustering.
   */
  private prepareWhenReady(): void {
    if (this.prepared || !this.context.isReady()) return;
    this.prepared = true;
    if (this.store?.exists()) return;
    runInBackground(this.index.countTerms()).catch((error: unknown) =>
      this.context.log.error(`Themes: counting terms failed: ${errorMessage(error)}`),
    );
  }

  /** Themes for hovers nobody asked the Themes view for; the views hear of them when found. */
  private clusterInBackground(): void {
    this.index.settleInSlices().then(
      () => this.notifyIfChanged(),
      (error: unknown) => this.context.log.error(`Themes: clustering failed: ${errorMessage(error)}`),
    );
  }

  /** Nothing before the initial scan ends: clustering half a workspace would be wasted work. */
  private result(): ThemesResult {
    const ready = this.context.isReady();
    return { ready, themes: ready ? themeInfos(this.index) : [] };
  }

  /** Settings and workspace themes files to theme options; the index clusters again only if they changed. Files are small: read at each update. */
  private applyOptions(): void {
    const settings = this.context.settings().themes;
    const fromSettings = readUserThemes(settings.defined, 'seedCurator.themes.defined');
    const problems = [...fromSettings.problems];
    const fromFiles: UserTheme[][] = [];
    for (const folder of [...this.context.workspaceFolders()].sort()) {
      const file = path.join(folder, USER_THEMES_FILE);
      const text = readTextIfPresent(file);
      const checked = text === undefined ? undefined : checkUserThemesFile(text);
      this.fileDiagnostics.show(file, text, checked?.problems ?? []);
      if (checked) fromFiles.push(checked.themes);
    }
    // Settings have no file to show their mistakes in: said in the log, once, not at every index update.
    if (problems.join('\n') !== this.reportedProblems) for (const problem of problems) this.context.log.warn(`Themes: ${problem}`);
    this.reportedProblems = problems.join('\n');
    this.index.setOptions({
      ...defaultThemeOptions,
      count: Math.max(0, Math.floor(settings.count)),
      userThemes: mergeUserThemes(fromSettings.themes, ...fromFiles),
    });
  }

  private notifyIfChanged(): void {
    if (!this.context.isReady() || this.index.generation === this.notifiedGeneration) return;
    this.notifiedGeneration = this.index.generation;
    void this.context.connection.sendNotification(ThemesChangedNotification);
  }
}

function describeFound(found: ThemesFound): string {
  switch (found.how) {
    case 'clustered':
      return `Found ${found.themes} themes for ${found.articles} articles (${found.clustered} clustered by ${found.method}) in ${found.ms} ms.`;
    case 'restored':
      return `Themes of the last session restored in ${found.ms} ms: ${found.themes} themes for ${found.articles} articles, ${found.placed} new or changed articles placed in them.`;
    case 'not restored':
      return `Themes of the last session not used (${found.reason}).`;
  }
}

function cancelled(token: CancellationToken | undefined): boolean {
  return token?.isCancellationRequested === true;
}

/** The themes feature; other features' data comes in through `sources` when they expose it. */
export function themesFeature(sources: ThemeSources = {}): ServerFeature {
  return {
    capabilities: { hoverProvider: true },
    register(context) {
      new ThemesInEditor(context, sources).register();
    },
  };
}

/**
 * Theme search over a live corpus. The search index is built from the themes and their
 * articles after each full clustering (themes, labels and keywords are all new then), and
 * otherwise follows every edit in place: the articles of each file changed since the last
 * query are indexed again (an edit in the body changes an article's keywords even when its
 * title and theme stay), and the themes' sizes refreshed. Queries while typing in the
 * search box, with nothing edited, pay nothing.
 *
 * Building the index for a whole corpus takes seconds at ten thousand articles: the
 * language server does it in slices (`searchInSlices`, see core/steps.ts), like the
 * clustering before it.
 */
import { SharedSlicedRun, Steps, runAll } from '../steps';
import type { OrganisationsOf, ThemeIndex } from '../themes/themeIndex';
import { DEFAULT_LIMIT, SearchHit, SearchableArticle, ThemeSearch } from './themeSearch';

export interface OrganisationNames {
  organisationsOf: OrganisationsOf;
  /** Alias (any case) -> canonical name. The same map object while the aliases stay the same. */
  aliases: ReadonlyMap<string, string>;
}

export const noOrganisations: OrganisationNames = { organisationsOf: () => [], aliases: new Map() };

/** Files indexed between two yields while the whole index is built. */
const FILES_PER_STEP = 16;

export class CorpusSearch {
  private built: { clusterings: number; search: ThemeSearch } | undefined;
  /** Files whose articles changed since the index last saw them. */
  private readonly changedFiles = new Set<string>();
  private readonly slicedBuild = new SharedSlicedRun<void>();

  constructor(
    private readonly themes: ThemeIndex,
    private readonly organisations: () => OrganisationNames = () => noOrganisations,
  ) {
    themes.onArticlesChanged((uris) => {
      // No index yet: the first is built from every file (a scan of 100k articles brings 40k).
      if (!this.built && !this.slicedBuild.running) return;
      for (const uri of uris) this.changedFiles.add(uri);
    });
  }

  /** Searches at once, clustering and building the index first if due. */
  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    this.themes.settle();
    if (this.needsBuild()) runAll(this.building());
    return this.current().search(query, limit);
  }

  /**
   * Searches once the clustering and the index are up to date, both done in slices and
   * shared with other searches waiting; rejects with StepsAbandoned when `gaveUp` says so.
   */
  async searchInSlices(query: string, limit = DEFAULT_LIMIT, gaveUp: () => boolean = () => false): Promise<SearchHit[]> {
    for (;;) {
      await this.themes.settleInSlices(gaveUp);
      if (!this.needsBuild()) return this.current().search(query, limit);
      await this.slicedBuild.join(() => this.building(), gaveUp);
    }
  }

  private needsBuild(): boolean {
    return this.built?.clusterings !== this.themes.clusterings || this.slicedBuild.running;
  }

  /** A new index of the whole corpus, as of the last clustering. Files edited meanwhile are indexed again at the next query. */
  private *building(): Steps<void> {
    const clusterings = this.themes.clusterings;
    // Nothing reads the old index while a new one is built (see needsBuild): letting it go now keeps one in memory, not two.
    this.built = undefined;
    this.changedFiles.clear();
    const { organisationsOf, aliases } = this.organisations();
    const search = new ThemeSearch(this.themes.themes(), [], aliases);
    const files = this.themes.files();
    for (let i = 0; i < files.length; i++) {
      if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
      search.setFileArticles(files[i], this.searchable(files[i], organisationsOf));
    }
    this.built = { clusterings, search };
  }

  /** The built index brought up to date with the files changed since (a few: done at once). */
  private current(): ThemeSearch {
    const search = (this.built as { search: ThemeSearch }).search;
    const { organisationsOf, aliases } = this.organisations();
    if (this.changedFiles.size > 0) {
      for (const uri of this.changedFiles) search.setFileArticles(uri, this.searchable(uri, organisationsOf));
      search.setThemes(this.themes.themes());
      this.changedFiles.clear();
    }
    search.setAliases(aliases);
    return search;
  }

  private searchable(uri: string, organisationsOf: OrganisationsOf): SearchableArticle[] {
    return this.themes.fileArticles(uri).map((a) => ({
      uri: a.uri,
      relativePath: a.relativePath,
      title: a.article.title,
      line: a.article.startLine,
      themeId: a.themeId,
      keywords: this.themes.articleKeywords(a.uri, a.index),
      organisations: organisationsOf(a.uri, a.index),
    }));
  }
}

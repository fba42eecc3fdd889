/**
 * Theme search over a live corpus. The search index is built from the themes and their
 * articles after each full clustering (themes, labels and keywords are all new then), and
 * otherwise follows every edit in place: the articles of each file changed since the last
 * query are indexed again (an edit in the body changes an article's keywords even when its
 * title and theme stay), and the themes' sizes refreshed. Queries while typing in the
 * search box, with nothing edited, pay nothing.
 */
import type { OrganisationsOf, ThemeIndex } from '../themes/themeIndex';
import { DEFAULT_LIMIT, SearchHit, SearchableArticle, ThemeSearch } from './themeSearch';

export interface OrganisationNames {
  organisationsOf: OrganisationsOf;
  /** Alias (any case) -> canonical name. The same map object while the aliases stay the same. */
  aliases: ReadonlyMap<string, string>;
}

export const noOrganisations: OrganisationNames = { organisationsOf: () => [], aliases: new Map() };

export class CorpusSearch {
  private built: { clusterings: number; search: ThemeSearch } | undefined;
  /** Files whose articles changed since the index last saw them. */
  private readonly changedFiles = new Set<string>();

  constructor(
    private readonly themes: ThemeIndex,
    private readonly organisations: () => OrganisationNames = () => noOrganisations,
  ) {
    themes.onArticlesChanged((uris) => {
      for (const uri of uris) this.changedFiles.add(uri);
    });
  }

  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.current().search(query, limit);
  }

  private current(): ThemeSearch {
    this.themes.settle();
    const { organisationsOf, aliases } = this.organisations();
    const searchable = (uri: string): SearchableArticle[] =>
      this.themes.fileArticles(uri).map((a) => ({
        uri: a.uri,
        relativePath: a.relativePath,
        title: a.article.title,
        line: a.article.startLine,
        themeId: a.themeId,
        keywords: this.themes.articleKeywords(a.uri, a.index),
        organisations: organisationsOf(a.uri, a.index),
      }));
    if (this.built?.clusterings !== this.themes.clusterings) {
      const articles = this.themes.files().flatMap(searchable);
      this.built = { clusterings: this.themes.clusterings, search: new ThemeSearch(this.themes.themes(), articles, aliases) };
      this.changedFiles.clear();
      return this.built.search;
    }
    const { search } = this.built;
    if (this.changedFiles.size > 0) {
      for (const uri of this.changedFiles) search.setFileArticles(uri, searchable(uri));
      search.setThemes(this.themes.themes());
      this.changedFiles.clear();
    }
    search.setAliases(aliases);
    return search;
  }
}

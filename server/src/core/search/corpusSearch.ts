/**
 * Theme search over a live corpus: the search index is built from the themes and their
 * articles, and built again only when the themes have changed since (a query after an
 * edit pays once; queries while typing in the search box pay nothing).
 */
import type { OrganisationsOf, ThemeIndex } from '../themes/themeIndex';
import { DEFAULT_LIMIT, SearchHit, ThemeSearch } from './themeSearch';

export interface OrganisationNames {
  organisationsOf: OrganisationsOf;
  /** Alias (any case) -> canonical name. */
  aliases: ReadonlyMap<string, string>;
}

export const noOrganisations: OrganisationNames = { organisationsOf: () => [], aliases: new Map() };

export class CorpusSearch {
  private built: { generation: number; search: ThemeSearch } | undefined;

  constructor(
    private readonly themes: ThemeIndex,
    private readonly organisations: () => OrganisationNames = () => noOrganisations,
  ) {}

  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.current().search(query, limit);
  }

  private current(): ThemeSearch {
    this.themes.settle();
    if (this.built?.generation === this.themes.generation) return this.built.search;
    const themes = this.themes.themes();
    const labels = new Map(themes.map((theme) => [theme.id, theme.label]));
    const { organisationsOf, aliases } = this.organisations();
    const articles = this.themes.articles().map((a) => ({
      uri: a.uri,
      relativePath: a.relativePath,
      title: a.article.title,
      line: a.article.startLine,
      themeId: a.themeId,
      themeLabel: labels.get(a.themeId) ?? '',
      keywords: this.themes.articleKeywords(a.uri, a.index),
      organisations: organisationsOf(a.uri, a.index),
    }));
    const search = new ThemeSearch(themes, articles, aliases);
    this.built = { generation: this.themes.generation, search };
    return search;
  }
}

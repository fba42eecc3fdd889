/**
 * Search over themes and articles as the user types, backed by MiniSearch: prefix and
 * fuzzy matching, theme labels and article titles weighing most. An article is indexed by
 * its title, its distinctive keywords and its organisations, not its whole body nor its
 * theme's label (the theme itself is a result): that finds what an article is about and
 * keeps each query fast on ten thousand articles. An organisation's alias in a query ("KF") also searches for all the
 * words of its canonical name ("The King's Fund").
 */
import MiniSearch from 'minisearch';
import { isStopWord } from '../stopwords';

export interface SearchableTheme {
  id: string;
  label: string;
  keywords: readonly string[];
  articleCount: number;
}

export interface SearchableArticle {
  uri: string;
  relativePath: string;
  title: string;
  /** 0-based line of the title. */
  line: number;
  themeId: string;
  themeLabel: string;
  keywords: readonly string[];
  organisations: readonly string[];
}

export type SearchHit =
  | ({ kind: 'theme'; score: number } & SearchableTheme)
  | ({ kind: 'article'; score: number } & Omit<SearchableArticle, 'keywords' | 'organisations'>);

interface IndexedDocument {
  id: number;
  title: string;
  keywords: string;
  organisations: string;
}

const FIELDS = ['title', 'keywords', 'organisations'] as const;
const BOOST = { title: 3, keywords: 1, organisations: 1.5 };
/** A theme's label is its title; themes also weigh more than any one article. */
const THEME_BOOST = 1.5;
const FUZZINESS = 0.2;
const MIN_FUZZY_LENGTH = 5;
/** Edits allowed in one word however long it is: more finds noise, slowly. */
const MAX_EDITS = 2;
export const DEFAULT_LIMIT = 50;
/** Longer queries are cut: nobody types more, and each word costs a fuzzy lookup. */
const MAX_QUERY_LENGTH = 500;

export class ThemeSearch {
  private readonly hits: SearchHit[] = [];
  private readonly index = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    processTerm: searchTerm,
    searchOptions: {
      boost: BOOST,
      // Only the word being typed (the last) is a prefix; the words before it are finished.
      prefix: (_term, index, terms) => index === terms.length - 1,
      // A typo in a short word is another word ("care", "core"): short words match as typed.
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? FUZZINESS : false),
      maxFuzzy: MAX_EDITS,
    },
  });
  private readonly aliases: { pattern: RegExp; canonical: string }[];

  /** `aliases`: an organisation's alias (any case) -> its canonical name. */
  constructor(themes: readonly SearchableTheme[], articles: readonly SearchableArticle[], aliases: ReadonlyMap<string, string> = new Map()) {
    const documents: IndexedDocument[] = [];
    for (const theme of themes) {
      documents.push({ id: this.hits.length, title: theme.label, keywords: theme.keywords.join(' '), organisations: '' });
      const { id, label, keywords, articleCount } = theme;
      this.hits.push({ kind: 'theme', score: 0, id, label, keywords, articleCount });
    }
    for (const article of articles) {
      const { uri, relativePath, title, line, themeId, themeLabel } = article;
      documents.push({
        id: this.hits.length,
        title,
        keywords: article.keywords.join(' '),
        organisations: article.organisations.join(' '),
      });
      this.hits.push({ kind: 'article', score: 0, uri, relativePath, title, line, themeId, themeLabel });
    }
    this.index.addAll(documents);
    this.aliases = [...aliases]
      .filter(([alias, canonical]) => alias.trim() !== '' && alias !== canonical)
      .map(([alias, canonical]) => ({ pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(alias)}(?=$|[^\\p{L}\\p{N}])`, 'iu'), canonical }));
  }

  /**
   * The best matches, best first; themes and articles mixed by score. Every word of the
   * query must match (each word typed narrows the list), unless that leaves nothing: then
   * any word may.
   */
  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (trimmed === '') return [];
    const expansions = this.aliases.filter(({ pattern }) => pattern.test(trimmed)).map(({ canonical }) => canonical);
    const run = (combineWith: 'AND' | 'OR') =>
      this.index.search({
        combineWith: 'OR',
        queries: [trimmed, ...expansions].map((text) => ({ combineWith, queries: [text] })),
      });
    let results = run('AND');
    if (results.length === 0) results = run('OR');
    return this.boostThemes(results, Math.max(0, limit));
  }

  /**
   * The first `limit` results once theme scores are raised. Done here rather than by
   * MiniSearch's per-document callback, which runs for every match of every word; a raised
   * theme can only move up, so the sorted articles are merged with the few themes.
   */
  private boostThemes(results: readonly { id: number; score: number }[], limit: number): SearchHit[] {
    const themes: SearchHit[] = [];
    const articles: { id: number; score: number }[] = [];
    for (const result of results) {
      const hit = this.hits[result.id];
      if (hit.kind === 'theme') themes.push({ ...hit, score: result.score * THEME_BOOST });
      else if (articles.length < limit) articles.push(result);
    }
    themes.sort((a, b) => b.score - a.score);
    const merged: SearchHit[] = [];
    let t = 0;
    let a = 0;
    while (merged.length < limit && (t < themes.length || a < articles.length)) {
      if (a >= articles.length || (t < themes.length && themes[t].score >= articles[a].score)) merged.push(themes[t++]);
      else {
        merged.push({ ...this.hits[articles[a].id], score: articles[a].score });
        a++;
      }
    }
    return merged;
  }
}

/** Lower case; stop words and one-letter words dropped. Two letters stay: "GP", "UK". */
function searchTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || isStopWord(lower) ? null : lower;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

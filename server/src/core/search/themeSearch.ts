/**
 * Search over themes and articles as the user types, backed by MiniSearch: prefix and
 * fuzzy matching, theme labels and article titles weighing most. An article is indexed by
 * its title, its distinctive keywords and its organisations, not its whole body nor its
 * theme's label (the theme itself is a result): that finds what an article is about and
 * keeps each query fast on ten thousand articles. An organisation's alias in a query
 * ("KF") also searches for all the words of its canonical name ("The King's Fund").
 *
 * The index is updated in place: the articles of one file, or the list of themes, are
 * replaced without indexing anything else again.
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
  keywords: readonly string[];
  organisations: readonly string[];
}

/** What a hit shows of an article; its keywords and organisations are only searched. */
type ShownArticle = Omit<SearchableArticle, 'keywords' | 'organisations'>;

export type SearchHit = ({ kind: 'theme'; score: number } & SearchableTheme) | ({ kind: 'article'; score: number; themeLabel: string } & ShownArticle);

/** What is kept of each document to make its hit: for an article, not the words it is indexed by. */
type Stored = { kind: 'theme'; theme: SearchableTheme } | { kind: 'article'; article: ShownArticle };

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
export const DEFAULT_LIMIT = 50;
/** Longer queries are cut: nobody types more, and each word costs a fuzzy lookup. */
const MAX_QUERY_LENGTH = 500;

/**
 * Typos forgiven in a query word of `length` letters. A short word one edit away from
 * another is usually another word ("flood" and "food", "care" and "core"): up to 5
 * letters a word matches as typed; 6 to 8 letters forgive one edit; longer words two.
 */
export function allowedEdits(length: number): number {
  return length <= 5 ? 0 : length <= 8 ? 1 : 2;
}

export class ThemeSearch {
  private readonly stored = new Map<number, Stored>();
  private readonly fileDocuments = new Map<string, number[]>();
  private themeDocuments: number[] = [];
  private readonly labels = new Map<string, string>();
  private nextId = 0;
  private aliasSource: ReadonlyMap<string, string> = new Map();
  private aliases: { pattern: RegExp; canonical: string }[] = [];
  private readonly index = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    processTerm: searchTerm,
    searchOptions: {
      boost: BOOST,
      // Only the word being typed (the last) is a prefix; the words before it are finished.
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term) => allowedEdits(term.length) || false,
    },
  });

  /** `aliases`: an organisation's alias (any case) -> its canonical name. */
  constructor(themes: readonly SearchableTheme[], articles: readonly SearchableArticle[], aliases: ReadonlyMap<string, string> = new Map()) {
    this.setThemes(themes);
    const byFile = new Map<string, SearchableArticle[]>();
    for (const article of articles) {
      const list = byFile.get(article.uri);
      if (list) list.push(article);
      else byFile.set(article.uri, [article]);
    }
    for (const [uri, list] of byFile) this.setFileArticles(uri, list);
    this.setAliases(aliases);
  }

  /** Replaces every theme (their labels, keywords and sizes). */
  setThemes(themes: readonly SearchableTheme[]): void {
    this.discardAll(this.themeDocuments);
    this.labels.clear();
    this.themeDocuments = themes.map((theme) => {
      this.labels.set(theme.id, theme.label);
      return this.add({ kind: 'theme', theme }, theme.label, theme.keywords, []);
    });
  }

  /** Replaces the articles of one file; none removes the file. */
  setFileArticles(uri: string, articles: readonly SearchableArticle[]): void {
    this.discardAll(this.fileDocuments.get(uri) ?? []);
    if (articles.length === 0) this.fileDocuments.delete(uri);
    else this.fileDocuments.set(uri, articles.map((article) => this.add({ kind: 'article', article: shownArticle(article) }, article.title, article.keywords, article.organisations)));
  }

  /** Replaces the organisation aliases understood in queries (nothing is re-indexed). */
  setAliases(aliases: ReadonlyMap<string, string>): void {
    if (aliases === this.aliasSource) return;
    this.aliasSource = aliases;
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

  private add(stored: Stored, title: string, keywords: readonly string[], organisations: readonly string[]): number {
    const id = this.nextId++;
    this.stored.set(id, stored);
    this.index.add({ id, title, keywords: keywords.join(' '), organisations: organisations.join(' ') });
    return id;
  }

  private discardAll(ids: readonly number[]): void {
    for (const id of ids) {
      this.index.discard(id);
      this.stored.delete(id);
    }
  }

  /**
   * The first `limit` results once theme scores are raised. Done here rather than by
   * MiniSearch's per-document callback, which runs for every match of every word; a raised
   * theme can only move up, so the sorted articles are merged with the few themes.
   */
  private boostThemes(results: readonly { id: number; score: number }[], limit: number): SearchHit[] {
    const themes: SearchHit[] = [];
    const articles: SearchHit[] = [];
    for (const result of results) {
      const stored = this.stored.get(result.id);
      if (stored?.kind === 'theme') themes.push(themeHit(stored.theme, result.score * THEME_BOOST));
      else if (stored && articles.length < limit) articles.push(this.articleHit(stored.article, result.score));
    }
    themes.sort((a, b) => b.score - a.score);
    const merged: SearchHit[] = [];
    let t = 0;
    let a = 0;
    while (merged.length < limit && (t < themes.length || a < articles.length)) {
      if (a >= articles.length || (t < themes.length && themes[t].score >= articles[a].score)) merged.push(themes[t++]);
      else merged.push(articles[a++]);
    }
    return merged;
  }

  private articleHit(article: ShownArticle, score: number): SearchHit {
    const { uri, relativePath, title, line, themeId } = article;
    return { kind: 'article', score, uri, relativePath, title, line, themeId, themeLabel: this.labels.get(themeId) ?? '' };
  }
}

function shownArticle(article: SearchableArticle): ShownArticle {
  const { uri, relativePath, title, line, themeId } = article;
  return { uri, relativePath, title, line, themeId };
}

/** Only what a hit shows: a theme given with more fields (its kind) does not leak them. */
function themeHit(theme: SearchableTheme, score: number): SearchHit {
  const { id, label, keywords, articleCount } = theme;
  return { kind: 'theme', score, id, label, keywords, articleCount };
}

/** Lower case; stop words and one-letter words dropped. Two letters stay: "GP", "UK". */
function searchTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || isStopWord(lower) ? null : lower;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

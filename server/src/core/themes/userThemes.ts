/**
 * Themes the user defines, by name and keywords, in settings or in the workspace file
 * `.seed-curator/themes.json`. They take precedence: an article whose text uses a user
 * theme's keywords enough belongs to it, and only the other articles are clustered.
 */
import { FileProblem, checkJson } from '../jsonFile';
import { ArticleTerms, TermDictionary, TermKey } from './terms';
import schema from './user-themes.schema.json';

export interface UserTheme {
  name: string;
  keywords: string[];
}

/** Where user themes are read from in a workspace folder. */
export const USER_THEMES_FILE = '.seed-curator/themes.json';

/**
 * Keyword occurrences (a title occurrence counts twice) an article needs to join a user
 * theme: one passing mention is not what an article is about.
 */
const USER_THEME_MIN_HITS = 3;

export interface ParsedUserThemes {
  themes: UserTheme[];
  /** What was wrong, for the log; the valid themes are still used. */
  problems: string[];
}

/**
 * Reads user themes from a value shaped `[{name, keywords}]` or `{themes: [...]}`,
 * skipping invalid entries with a problem each.
 */
export function readUserThemes(value: unknown, source: string): ParsedUserThemes {
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.themes) ? value.themes : undefined;
  if (!list) return { themes: [], problems: [`${source}: expected a list of {"name", "keywords"} or {"themes": [...]}`] };
  const themes: UserTheme[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, i: number) => {
    const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name.trim() : '';
    const keywords =
      isRecord(entry) && Array.isArray(entry.keywords)
        ? entry.keywords.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map((k) => k.trim())
        : [];
    if (name === '' || keywords.length === 0) problems.push(`${source}: theme ${i + 1} needs a "name" and a non-empty list of "keywords"`);
    else themes.push({ name, keywords });
  });
  return { themes, problems };
}

export interface CheckedUserThemesFile {
  themes: UserTheme[];
  /** Each mistake with its place in the file; the themes without mistakes are still used. */
  problems: FileProblem[];
}

/** Reads the text of a themes file (`.seed-curator/themes.json`); broken JSON is a problem, never an exception. */
export function checkUserThemesFile(text: string): CheckedUserThemesFile {
  const checked = checkJson(text, schema, { pattern: 'must not be blank.' });
  const themes = checked.value === undefined ? [] : readUserThemes(checked.value, USER_THEMES_FILE).themes;
  return { themes, problems: checked.problems };
}

/** Themes from several sources, in order; a later theme of the same name (case-insensitive) replaces an earlier one. */
export function mergeUserThemes(...sources: readonly UserTheme[][]): UserTheme[] {
  const byName = new Map<string, UserTheme>();
  for (const themes of sources) for (const theme of themes) byName.set(theme.name.toLowerCase(), theme);
  return [...byName.values()];
}

export class UserThemeMatcher {
  /** Per theme, per keyword, the term keys that must all occur. */
  private readonly keywordTerms: TermKey[][][];

  constructor(
    readonly themes: readonly UserTheme[],
    dictionary: TermDictionary,
  ) {
    this.keywordTerms = themes.map((theme) =>
      theme.keywords.map((keyword) => dictionary.keywordTerms(keyword)).filter((terms) => terms.length > 0),
    );
  }

  /** The user theme an article belongs to (most keyword hits), or -1. */
  match(article: ArticleTerms): number {
    let best = -1;
    let bestHits = USER_THEME_MIN_HITS - 1;
    this.keywordTerms.forEach((keywords, theme) => {
      let hits = 0;
      for (const terms of keywords) hits += Math.min(...terms.map((term) => countOf(article, term)));
      if (hits > bestHits) {
        best = theme;
        bestHits = hits;
      }
    });
    return best;
  }
}

function countOf(article: ArticleTerms, term: TermKey): number {
  let low = 0;
  let high = article.keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const key = article.keys[mid];
    if (key === term) return article.counts[mid];
    if (key < term) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

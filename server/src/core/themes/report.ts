/**
 * The themes' part of the CLI report: every theme with its articles, and each article's
 * theme (added to `files[].articles[]` as `theme`).
 */
import type { Corpus } from '../corpus';
import type { ReportSection } from '../report';
import { defaultThemeOptions } from './discover';
import { OrganisationsOf, ThemeIndex } from './themeIndex';
import { UserTheme } from './userThemes';

export interface ThemeReport {
  id: string;
  label: string;
  keywords: string[];
  kind: 'user' | 'automatic' | 'other';
  /** `line` is the 1-based line of the article's title. */
  articles: { path: string; line: number; title: string }[];
}

/** `organisationsOf`: the organisations each article mentions, extra features for clustering. */
export function themesSection(corpus: Corpus, userThemes: readonly UserTheme[] = [], organisationsOf?: OrganisationsOf): ReportSection {
  const index = new ThemeIndex({ ...defaultThemeOptions, userThemes }, organisationsOf).attach(corpus);
  const themes: ThemeReport[] = index.themes().map((theme) => ({
    id: theme.id,
    label: theme.label,
    keywords: theme.keywords,
    kind: theme.kind,
    articles: index.articles(theme.id).map((a) => ({ path: a.relativePath, line: a.article.startLine + 1, title: a.article.title })),
  }));
  const themeOf = new Map(index.articles().map((a) => [`${a.relativePath}#${a.article.startLine + 1}`, a.themeId]));
  return {
    key: 'themes',
    data: themes,
    findings: [],
    summary: { themes: themes.length },
    articleFields: (path, startLine) => ({ theme: themeOf.get(`${path}#${startLine}`) }),
  };
}

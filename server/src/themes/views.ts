/**
 * What the themes feature answers, computed from the theme index: the Themes view's two
 * levels, and the hover on an article's title.
 */
import type { CancellationToken, Hover } from 'vscode-languageserver/node';
import { mapInSlices } from '../cancellation';
import type { IndexedFile } from '../core/corpus';
import type { ThemeIndex, ThemeSummary, ThemedArticle } from '../core/themes/themeIndex';
import type { ThemeArticleInfo, ThemeInfo } from '../protocol';
import { lineRange } from '../ranges';
import { plural } from '../core/plural';

/** How many other copies an article has, by another analysis (the duplicates feature) or by theme discovery's own. */
export type DuplicateCount = (article: ThemedArticle) => number;

export const copiesFoundByThemes: DuplicateCount = (article) => article.copies;

export function themeInfos(index: ThemeIndex): ThemeInfo[] {
  return index.themes().map(themeInfo);
}

function themeInfo(theme: ThemeSummary): ThemeInfo {
  return { id: theme.id, label: theme.label, keywords: theme.keywords, kind: theme.kind, articles: theme.articleCount };
}

export function themeArticleInfos(
  index: ThemeIndex,
  themeId?: string,
  duplicates: DuplicateCount = copiesFoundByThemes,
  token?: CancellationToken,
): Promise<ThemeArticleInfo[]> {
  return mapInSlices(index.articles(themeId), token, (article) => ({
    uri: article.uri,
    relativePath: article.relativePath,
    title: article.article.title,
    line: article.article.startLine,
    themeId: article.themeId,
    duplicates: duplicates(article),
  }));
}

/** On an article's title line: its theme, the theme's keywords and the article's own. */
export function themeHover(index: ThemeIndex, file: IndexedFile, line: number): Hover | null {
  const found = index.articleAtTitle(file.uri, line);
  if (!found) return null;
  const { article, theme } = found;
  const parts = [`**Theme:** ${escape(theme.label)} (${plural(theme.articleCount, 'article')})`];
  if (theme.keywords.length > 0) parts.push(`_Theme keywords:_ ${theme.keywords.map(escape).join(', ')}`);
  const own = index.articleKeywords(article.uri, article.index);
  if (own.length > 0) parts.push(`_This article:_ ${own.map(escape).join(', ')}`);
  if (article.copies > 0) parts.push(`_${plural(article.copies, 'other copy', 'other copies')} in the workspace_`);
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: lineRange(file, line) };
}

/** Markdown's special characters shown as themselves. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

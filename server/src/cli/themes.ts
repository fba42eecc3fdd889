/**
 * Themes in the CLI: the report section (with the folder's `.seed-curator/themes.json`)
 * and `seed-curator search <folder> <query>`, which prints the best matching themes and
 * articles.
 */
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import type { Corpus } from '../core/corpus';
import type { Finding, ReportSection } from '../core/report';
import { scanFolder } from '../core/scan';
import { CorpusSearch } from '../core/search/corpusSearch';
import type { SearchHit } from '../core/search/themeSearch';
import { themesSection } from '../core/themes/report';
import { ThemeIndex } from '../core/themes/themeIndex';
import { USER_THEMES_FILE, UserTheme, parseUserThemesFile } from '../core/themes/userThemes';
import { defaultThemeOptions } from '../core/themes/discover';
import { defaultSettings } from '../settings';

/** Lines printed by `search`. */
export const SEARCH_RESULTS = 20;

/** The folder's own user themes; problems in the file are reported on stderr. */
export function folderUserThemes(root: string, warn: (message: string) => void): UserTheme[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, USER_THEMES_FILE), 'utf8');
  } catch {
    return [];
  }
  const { themes, problems } = parseUserThemesFile(text, USER_THEMES_FILE);
  for (const problem of problems) warn(problem);
  return themes;
}

export function themesSectionOf(corpus: Corpus, root: string): ReportSection {
  const problems: Finding[] = [];
  const warn = (message: string) => problems.push({ path: USER_THEMES_FILE, line: 1, column: 1, severity: 'warning', message });
  const section = themesSection(corpus, folderUserThemes(root, warn));
  return { ...section, findings: [...problems, ...section.findings] };
}

/** `seed-curator search <folder> <query>`: scans the folder, then prints the best matches. */
export async function searchFolder(folder: string, query: string, warn: (message: string) => void): Promise<string> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`"${folder}" is not a folder`);
  const { corpus } = await scanFolder(root, defaultSettings);
  return searchOutput(corpus, root, query, warn);
}

/** One line per hit: themes with their size and keywords, articles with their place and theme. */
export function searchOutput(corpus: Corpus, root: string, query: string, warn: (message: string) => void): string {
  const themes = new ThemeIndex({ ...defaultThemeOptions, userThemes: folderUserThemes(root, warn) }).attach(corpus);
  const hits = new CorpusSearch(themes).search(query, SEARCH_RESULTS);
  if (hits.length === 0) return `No theme or article matches "${query}".\n`;
  return `${hits.map(formatHit).join('\n')}\n`;
}

function formatHit(hit: SearchHit): string {
  if (hit.kind === 'theme') return `theme   ${hit.label} (${hit.articleCount} articles) — ${hit.keywords.join(', ')}`;
  return `article ${hit.relativePath}:${hit.line + 1}: ${hit.title} [${hit.themeLabel}]`;
}

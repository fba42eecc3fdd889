/**
 * Themes in the CLI: the report section (with the folder's `.seed-curator/themes.json`)
 * and `seed-curator search <folder> <query>`, which prints the best matching themes and
 * articles.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Corpus } from '../core/corpus';
import { problemFindings, readTextIfPresent } from '../core/jsonFile';
import type { Finding, ReportSection } from '../core/report';
import { scanFolder, workerScriptBeside } from '../core/scan';
import { CorpusSearch } from '../core/search/corpusSearch';
import { organisationNamesOf } from '../core/search/organisationNames';
import type { SearchHit } from '../core/search/themeSearch';
import { themesSection } from '../core/themes/report';
import { ThemeIndex } from '../core/themes/themeIndex';
import { USER_THEMES_FILE, UserTheme, checkUserThemesFile } from '../core/themes/userThemes';
import { defaultThemeOptions } from '../core/themes/discover';
import { defaultSettings } from '../settings';
import { folderOrganisations } from './organisations';

/** Lines printed by `search`. */
export const SEARCH_RESULTS = 20;

/** The folder's own user themes, and the mistakes of its themes file as findings at their place. */
export function folderUserThemes(root: string): { themes: UserTheme[]; findings: Finding[] } {
  const text = readTextIfPresent(path.join(root, USER_THEMES_FILE));
  if (text === undefined) return { themes: [], findings: [] };
  const { themes, problems } = checkUserThemesFile(text);
  return { themes, findings: problemFindings(USER_THEMES_FILE, text, problems) };
}

export function themesSectionOf(corpus: Corpus, root: string): ReportSection {
  const own = folderUserThemes(root);
  const organisations = organisationNamesOf(folderOrganisations(corpus, root).index)();
  const section = themesSection(corpus, own.themes, organisations.organisationsOf);
  return { ...section, findings: [...own.findings, ...section.findings] };
}

/** `seed-curator search <folder> <query>`: scans the folder, then prints the best matches. */
export async function searchFolder(folder: string, query: string, warn: (message: string) => void): Promise<string> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`"${folder}" is not a folder`);
  const { corpus } = await scanFolder(root, { ...defaultSettings, workerScript: workerScriptBeside(__dirname), onWarning: warn });
  return searchOutput(corpus, root, query, warn);
}

/** One line per hit: themes with their size and keywords, articles with their place and theme. */
export function searchOutput(corpus: Corpus, root: string, query: string, warn: (message: string) => void): string {
  const organisations = organisationNamesOf(folderOrganisations(corpus, root).index);
  const own = folderUserThemes(root);
  for (const finding of own.findings) warn(`${finding.path}:${finding.line}:${finding.column}: ${finding.message}`);
  const options = { ...defaultThemeOptions, userThemes: own.themes };
  const themes = new ThemeIndex(options, (uri, index) => organisations().organisationsOf(uri, index)).attach(corpus);
  const hits = new CorpusSearch(themes, organisations).search(query, SEARCH_RESULTS);
  if (hits.length === 0) return `No theme or article matches "${query}".\n`;
  return `${hits.map(formatHit).join('\n')}\n`;
}

function formatHit(hit: SearchHit): string {
  if (hit.kind === 'theme') return `theme   ${hit.label} (${hit.articleCount} articles) — ${hit.keywords.join(', ')}`;
  return `article ${hit.relativePath}:${hit.line + 1}: ${hit.title} [${hit.themeLabel}]`;
}

/**
 * Outline (documentSymbol: articles, with their sections as children) and workspace symbol
 * search (Ctrl+T: articles by title across the workspace).
 */
import { CancellationToken, DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import { forEachInSlices } from './cancellation';
import type { Article } from './core/articles';
import type { Corpus, IndexedFile } from './core/corpus';
import type { ServerFeature } from './context';
import { lineRange, spanRange } from './ranges';

export function documentSymbols(file: IndexedFile): DocumentSymbol[] {
  return file.articles.map((article) => ({
    name: article.title,
    detail: articleDetail(article),
    kind: SymbolKind.Module,
    range: spanRange(file, article),
    selectionRange: lineRange(file, article.startLine),
    children: article.sections.map((section, index) => {
      const nextLine = article.sections[index + 1]?.line ?? article.endLine + 1;
      const sectionEnd = Math.max(section.line, nextLine - 1);
      return {
        name: section.title,
        kind: SymbolKind.String,
        range: { start: lineRange(file, section.line).start, end: lineRange(file, sectionEnd).end },
        selectionRange: lineRange(file, section.line),
      };
    }),
  }));
}

function articleDetail(article: Article): string {
  const words = `${article.wordCount} words`;
  return article.byline ? `${article.byline.text} · ${words}` : words;
}

/** Maximum number of results for one workspace symbol query; VS Code shows far fewer. */
const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * Articles whose title contains the query's characters in order (VS Code's own fuzzy
 * convention for workspace symbols), contiguous matches first. Stops when `token` is cancelled.
 */
export async function workspaceSymbols(corpus: Corpus, query: string, token?: CancellationToken): Promise<SymbolInformation[]> {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const scored: { score: number; symbol: SymbolInformation }[] = [];
  await forEachInSlices(corpus.all(), token, (file) => {
    for (const article of file.articles) {
      const score = matchScore(article.title.toLowerCase(), needle);
      if (score === undefined) continue;
      scored.push({
        score,
        symbol: {
          name: article.title,
          kind: SymbolKind.Module,
          location: { uri: file.uri, range: lineRange(file, article.startLine) },
          containerName: file.relativePath,
        },
      });
    }
  });
  scored.sort((a, b) => a.score - b.score || a.symbol.name.localeCompare(b.symbol.name));
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map((entry) => entry.symbol);
}

/** Lower is better: 0 for a contiguous match, more for gaps; undefined when no match. */
function matchScore(title: string, needle: string): number | undefined {
  if (needle === '') return 1;
  if (title.includes(needle)) return 0;
  let position = 0;
  let gaps = 0;
  for (const char of needle) {
    const found = title.indexOf(char, position);
    if (found < 0) return undefined;
    if (found > position) gaps++;
    position = found + 1;
  }
  return 1 + gaps;
}

export const symbolsFeature: ServerFeature = {
  capabilities: { documentSymbolProvider: true, workspaceSymbolProvider: true },
  register({ connection, corpus }) {
    connection.onDocumentSymbol(({ textDocument }) => {
      const file = corpus.get(textDocument.uri);
      return file ? documentSymbols(file) : [];
    });
    connection.onWorkspaceSymbol(({ query }, token) => workspaceSymbols(corpus, query, token));
  },
};

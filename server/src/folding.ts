/** Folding ranges: each article folds to its title line, each section to its heading. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver/node';
import type { IndexedFile } from './core/corpus';
import type { ServerFeature } from './context';

export function foldingRanges(file: IndexedFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const article of file.articles) {
    if (article.endLine > article.startLine) ranges.push({ startLine: article.startLine, endLine: article.endLine });
    article.sections.forEach((section, index) => {
      const next = article.sections[index + 1]?.line ?? article.endLine + 1;
      const end = lastNonBlank(file, section.line, next - 1);
      if (end > section.line) ranges.push({ startLine: section.line, endLine: end });
    });
  }
  for (const span of file.boilerplate) {
    if (span.endLine > span.startLine) {
      ranges.push({ startLine: span.startLine, endLine: span.endLine, kind: FoldingRangeKind.Comment });
    }
  }
  return ranges;
}

function lastNonBlank(file: IndexedFile, from: number, to: number): number {
  let line = to;
  while (line > from && file.lines.lineText(line).trim() === '') line--;
  return line;
}

export const foldingFeature: ServerFeature = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, corpus }) {
    connection.onFoldingRanges(({ textDocument }) => {
      const file = corpus.get(textDocument.uri);
      return file ? foldingRanges(file) : [];
    });
  },
};

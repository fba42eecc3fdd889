/** Conversions from core offsets and line spans to LSP ranges and locations. */
import type { Location, Range } from 'vscode-languageserver/node';
import type { LineSpan } from './core/articles';
import type { IndexedFile } from './core/corpus';

export function offsetRange(file: IndexedFile, startOffset: number, endOffset: number): Range {
  return { start: file.lines.positionAt(startOffset), end: file.lines.positionAt(endOffset) };
}

export function spanRange(file: IndexedFile, span: LineSpan): Range {
  return offsetRange(file, span.startOffset, span.endOffset);
}

export function lineRange(file: IndexedFile, line: number): Range {
  return offsetRange(file, file.lines.lineStart(line), file.lines.lineEnd(line));
}

export function offsetLocation(file: IndexedFile, startOffset: number, endOffset: number): Location {
  return { uri: file.uri, range: offsetRange(file, startOffset, endOffset) };
}

/**
 * Code actions on a copy: "Remove this copy" (a versioned workspace edit, so it is undoable
 * and refused by the editor if the text moved on), "Go to other copy" and "Ignore this
 * passage".
 */
import { CodeAction, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver/node';
import type { IndexedFile } from '../core/corpus';
import type { DuplicateGroup, Passage } from '../core/duplicates/engine';
import { IgnorePassageCommand, RevealPassageCommand } from '../protocol';
import { placeName } from '../core/duplicates/describe';
import { DUPLICATE_DIAGNOSTIC_CODE, DuplicateDiagnosticData } from './diagnostics';

/** More "Go to other copy" entries would crowd the light-bulb menu; the view lists them all. */
const MAX_GO_TO_ACTIONS = 5;

export interface ActionContext {
  file: IndexedFile;
  /** Version of the open document now, or null when it is not open. */
  documentVersion: number | null;
  groupById(id: string): DuplicateGroup | undefined;
}

export function duplicateActions(diagnostics: Diagnostic[], context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== DUPLICATE_DIAGNOSTIC_CODE || !diagnostic.data) continue;
    const data = diagnostic.data as DuplicateDiagnosticData;
    const group = context.groupById(data.groupId);
    const passage = group?.passages.find((copy) => copy.uri === context.file.uri && copy.fingerprint === data.fingerprint);
    if (!group || !passage) {
      actions.push(disabled('Remove this copy', 'The duplicates of this file are being updated; try again in a moment.', diagnostic));
      continue;
    }
    actions.push(removeAction(context, passage, diagnostic));
    for (const other of group.passages.filter((copy) => copy !== passage).slice(0, MAX_GO_TO_ACTIONS)) {
      const range = { start: other.start, end: other.end };
      actions.push({
        title: `Go to other copy: ${placeName(other, passage)}`,
        kind: CodeActionKind.Empty,
        diagnostics: [diagnostic],
        command: { title: 'Go to other copy', command: RevealPassageCommand, arguments: [other.uri, range] },
      });
    }
    actions.push({
      title: 'Ignore this passage (everywhere)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Ignore this passage', command: IgnorePassageCommand, arguments: [group.id] },
    });
  }
  return actions;
}

/** The copy is taken from the index, so it is exact as long as the index has the document's current version. */
function removeAction(context: ActionContext, passage: Passage, diagnostic: Diagnostic): CodeAction {
  const title = 'Remove this copy';
  const { file, documentVersion } = context;
  const indexedVersion = file.version ?? null;
  if (documentVersion !== indexedVersion) {
    return disabled(title, 'The file changed since this duplicate was found; wait for the update.', diagnostic);
  }
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: false,
    edit: {
      documentChanges: [
        {
          textDocument: { uri: file.uri, version: indexedVersion },
          edits: [{ range: removalRange(file, passage), newText: '' }],
        },
      ],
    },
  };
}

function disabled(title: string, reason: string, diagnostic: Diagnostic): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason } };
}

/**
 * What removing a copy deletes. A copy that fills whole lines takes its lines and the
 * blank lines after it (or before it, at the end of the file), so no gap is left; a copy
 * inside a line takes only its own text and the spaces after it.
 */
export function removalRange(file: IndexedFile, passage: Passage): Range {
  const { lines, text } = file;
  const firstLineStart = lines.lineStart(passage.start.line);
  const lastLineEnd = lines.lineEnd(passage.end.line);
  const fillsLines =
    text.slice(firstLineStart, passage.startOffset).trim() === '' && text.slice(passage.endOffset, lastLineEnd).trim() === '';
  if (!fillsLines) {
    let end = passage.endOffset;
    while (end < lastLineEnd && (text[end] === ' ' || text[end] === '\t')) end++;
    return { start: passage.start, end: lines.positionAt(end) };
  }
  let next = passage.end.line + 1;
  while (next < lines.lineCount && lines.lineText(next).trim() === '') next++;
  if (next < lines.lineCount) return { start: { line: passage.start.line, character: 0 }, end: { line: next, character: 0 } };
  // Last text of the file: take the blank lines before it instead, and keep the final line break.
  let previous = passage.start.line - 1;
  while (previous >= 0 && lines.lineText(previous).trim() === '') previous--;
  const start = previous >= 0 ? lines.positionAt(lines.lineEnd(previous)) : { line: 0, character: 0 };
  return { start, end: lines.positionAt(lastLineEnd) };
}

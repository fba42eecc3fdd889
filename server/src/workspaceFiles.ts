/**
 * Diagnostics for the JSON files a user writes under `.seed-curator/`: each problem found
 * by core/jsonFile.ts is underlined where it is. A file's diagnostics are sent only when
 * they change, and a fixed or deleted file gets an empty list, which clears them.
 */
import { URI } from 'vscode-uri';
import { Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { FileProblem } from './core/jsonFile';
import { LineIndex } from './core/text';

export const WORKSPACE_FILE_DIAGNOSTIC_SOURCE = 'Seed Curator';

export function problemDiagnostics(text: string, problems: readonly FileProblem[]): Diagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((problem) => ({
    range: { start: lines.positionAt(problem.start), end: lines.positionAt(problem.end) },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: WORKSPACE_FILE_DIAGNOSTIC_SOURCE,
    message: problem.message,
  }));
}

export class WorkspaceFileDiagnostics {
  /** What was last sent for each file, as JSON; a file never sent has none. */
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Pick<Connection, 'sendDiagnostics'>) {}

  /** Shows the problems of the file at `filePath`; `text` undefined means the file is gone. */
  show(filePath: string, text: string | undefined, problems: readonly FileProblem[]): void {
    const uri = URI.file(filePath).toString();
    const diagnostics = text === undefined ? [] : problemDiagnostics(text, problems);
    const json = JSON.stringify(diagnostics);
    if ((this.sent.get(uri) ?? '[]') === json) return;
    this.sent.set(uri, json);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}

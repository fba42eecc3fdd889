/**
 * Each workspace folder's `.seed-curator/organisations.json`: read when the workspace is
 * indexed and whenever the file changes on disk; its mistakes are shown as diagnostics in
 * the file, and the organisations of all folders extend the built-in gazetteer.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { GazetteerFile } from '../core/organisations/gazetteer';
import { WORKSPACE_ORGANISATIONS_PATH, WorkspaceFileResult, readWorkspaceOrganisations } from '../core/organisations/workspaceFile';
import { LineIndex } from '../core/text';

export interface LoadedGazetteers {
  /** All folders' files merged, in folder order. */
  file: GazetteerFile;
  /** Diagnostics for every file read, by URI (empty lists clear earlier ones). */
  diagnostics: Map<string, Diagnostic[]>;
}

export function isWorkspaceGazetteer(uri: string): boolean {
  return uri.endsWith(`/${WORKSPACE_ORGANISATIONS_PATH}`);
}

export function loadWorkspaceGazetteers(folders: Iterable<string>): LoadedGazetteers {
  const file: GazetteerFile = { organisations: [], ignore: [] };
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const folder of [...folders].sort()) {
    const filePath = path.join(folder, WORKSPACE_ORGANISATIONS_PATH);
    const text = readOptional(filePath);
    const uri = URI.file(filePath).toString();
    if (text === undefined) {
      diagnostics.set(uri, []);
      continue;
    }
    const result = readWorkspaceOrganisations(text);
    file.organisations.push(...result.file.organisations);
    file.ignore.push(...result.file.ignore);
    diagnostics.set(uri, toDiagnostics(text, result));
  }
  return { file, diagnostics };
}

function toDiagnostics(text: string, result: WorkspaceFileResult): Diagnostic[] {
  const lines = new LineIndex(text);
  return result.problems.map((problem) => ({
    range: { start: lines.positionAt(problem.start), end: lines.positionAt(problem.end) },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'Seed Curator',
    message: problem.message,
  }));
}

function readOptional(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

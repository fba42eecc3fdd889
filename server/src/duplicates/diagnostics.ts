/**
 * Duplicate groups as LSP diagnostics: one on every copy, saying how long it is, whether
 * it is exact or how similar, and where the other copies are, with a related-information
 * link to each of them.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import { copyMessage, placeName } from '../core/duplicates/describe';
import type { DuplicateGroup, Passage } from '../core/duplicates/engine';
import type { DiagnosticSeverityName, DuplicateSettings } from '../settings';

export const DUPLICATE_DIAGNOSTIC_CODE = 'duplicate-passage';
export const DIAGNOSTIC_SOURCE = 'Seed Curator';

/** What a code action needs to find the copy again in the index. */
export interface DuplicateDiagnosticData {
  groupId: string;
  fingerprint: string;
}

const SEVERITIES: Record<DiagnosticSeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostics of one file, in position order, at most `settings.maxPerFile`. */
export function duplicateDiagnostics(
  uri: string,
  groups: readonly DuplicateGroup[],
  settings: DuplicateSettings,
): Diagnostic[] {
  const severity = SEVERITIES[settings.severity] ?? DiagnosticSeverity.Information;
  const diagnostics: { offset: number; diagnostic: Diagnostic }[] = [];
  for (const group of groups) {
    for (const passage of group.passages) {
      if (passage.uri !== uri) continue;
      const others = group.passages.filter((other) => other !== passage);
      const data: DuplicateDiagnosticData = { groupId: group.id, fingerprint: passage.fingerprint };
      diagnostics.push({
        offset: passage.startOffset,
        diagnostic: {
          range: { start: passage.start, end: passage.end },
          severity,
          code: DUPLICATE_DIAGNOSTIC_CODE,
          source: DIAGNOSTIC_SOURCE,
          message: copyMessage(group, passage),
          relatedInformation: others.map((other) => related(other, passage)),
          data,
        },
      });
    }
  }
  diagnostics.sort((x, y) => x.offset - y.offset);
  return diagnostics.slice(0, Math.max(0, settings.maxPerFile)).map((entry) => entry.diagnostic);
}

function related(other: Passage, from: Passage): DiagnosticRelatedInformation {
  return {
    location: { uri: other.uri, range: { start: other.start, end: other.end } },
    message: `Copy in ${placeName(other, from)} (${other.words} words)`,
  };
}

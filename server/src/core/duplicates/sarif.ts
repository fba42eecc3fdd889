/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for the duplicates, so
 * that CI code scanning shows each copy as an annotation linked to the other copies, and
 * the files the scan skipped, so that CI users see what was never checked.
 * Pure: builds the JSON object; the CLI writes it.
 */
import { skippedMessage } from '../report';
import type { ScanResult } from '../scan';
import type { ReportedDuplicate, ReportedPassage } from './report';

export const DUPLICATE_RULE_ID = 'duplicate-passage';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId: string;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion };
  message?: { text: string };
}

/** SARIF §3.58: a condition of the run itself, here a file it did not read or read with a warning. */
interface SarifNotification {
  level: 'note' | 'warning';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[];
}

/** The files the scan skipped, and those it read with a warning (replaced bytes). */
export type ScanNotes = Pick<ScanResult, 'skipped' | 'warnings'>;

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: unknown[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      level: 'note' | 'warning' | 'error';
      message: { text: string };
      locations: SarifLocation[];
      relatedLocations: SarifLocation[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

/** `root` is the scanned folder as a file URI ending with "/"; paths in the results are relative to it. */
export function duplicatesSarif(groups: readonly ReportedDuplicate[], toolVersion: string, rootUri: string, notes: ScanNotes): SarifLog {
  const results = groups.flatMap((group) =>
    group.passages.map((passage) => ({
      ruleId: DUPLICATE_RULE_ID,
      level: 'note' as const,
      message: { text: passage.message },
      locations: [location(passage)],
      relatedLocations: group.passages
        .filter((other) => other !== passage)
        .map((other, i) => ({ ...location(other), id: i + 1, message: { text: `Copy in ${other.path}` } })),
      partialFingerprints: { 'duplicatePassage/v1': `${group.id}:${passage.fingerprint}` },
    })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'seed-curator',
            version: toolVersion,
            rules: [
              {
                id: DUPLICATE_RULE_ID,
                name: 'DuplicatedPassage',
                shortDescription: { text: 'A passage stands in more than one place.' },
                fullDescription: {
                  text: 'An exact or near copy (re-wrapped, other quotes or case, a few words edited) of a passage of at least the minimum number of words.',
                },
                defaultConfiguration: { level: 'note' },
              },
            ],
          },
        },
        // Skipping a file is no failure of the run (SARIF §3.20.14), but a CI user must see that it
        // was never checked. The invocation is there even when nothing was skipped: an empty list is
        // valid (§3.20.21) and says that every file was read, where a missing one would say nothing;
        // GitHub code scanning makes alerts from results alone, so its alerts are the same either way.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(notes) }],
        originalUriBaseIds: { SRCROOT: { uri: rootUri } },
        results,
      },
    ],
  };
}

/** A skipped file is a warning: none of it was checked. A file read with a warning was checked, so a note. */
function notifications({ skipped, warnings }: ScanNotes): SarifNotification[] {
  const notification = (level: SarifNotification['level'], path: string, text: string): SarifNotification => ({
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path) } }],
  });
  return [
    ...skipped.map((note) => notification('warning', note.path, skippedMessage(note))),
    ...warnings.map((note) => notification('note', note.path, note.message)),
  ];
}

function location(passage: ReportedPassage): SarifLocation {
  const { startLine, startColumn, endLine, endColumn } = passage;
  return { physicalLocation: { artifactLocation: artifactLocation(passage.path), region: { startLine, startColumn, endLine, endColumn } } };
}

/** `relativePath` as a URI reference relative to the scanned folder, whichever the separator. */
function artifactLocation(relativePath: string): SarifArtifactLocation {
  return { uri: relativePath.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for the duplicates, so
 * that CI code scanning shows each copy as an annotation linked to the other copies.
 * Pure: builds the JSON object; the CLI writes it.
 */
import type { ReportedDuplicate, ReportedPassage } from './report';

export const DUPLICATE_RULE_ID = 'duplicate-passage';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion };
  message?: { text: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: unknown[] } };
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
export function duplicatesSarif(groups: readonly ReportedDuplicate[], toolVersion: string, rootUri: string): SarifLog {
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
        originalUriBaseIds: { SRCROOT: { uri: rootUri } },
        results,
      },
    ],
  };
}

function location(passage: ReportedPassage): SarifLocation {
  const { startLine, startColumn, endLine, endColumn } = passage;
  return {
    physicalLocation: {
      artifactLocation: { uri: passage.path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
      region: { startLine, startColumn, endLine, endColumn },
    },
  };
}

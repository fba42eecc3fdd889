/**
 * The duplicates' part of the CLI: the report section (honouring the folder's ignore list),
 * the SARIF output of `--format sarif`, and the check behind `--fail-on-duplicates`.
 */
import { pathToFileURL } from 'url';
import type { Corpus } from '../core/corpus';
import type { Report, ReportSection } from '../core/report';
import { readIgnoredPassages } from '../core/duplicates/ignore-list';
import { ReportedDuplicate, duplicatesSection, findDuplicates } from '../core/duplicates/report';
import { duplicatesSarif } from '../core/duplicates/sarif';
import { defaultSettings } from '../settings';

export function duplicatesSectionOf(corpus: Corpus, root: string): ReportSection {
  const ignored = readIgnoredPassages(root).map((entry) => entry.fingerprint);
  return duplicatesSection(findDuplicates(corpus, ignored, defaultSettings.duplicates));
}

function reportedDuplicates(report: Report): ReportedDuplicate[] {
  return (report.duplicates as ReportedDuplicate[] | undefined) ?? [];
}

export function sarifOutput(report: Report, version: string): string {
  const rootUri = pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href;
  return `${JSON.stringify(duplicatesSarif(reportedDuplicates(report), version, rootUri), null, 2)}\n`;
}

export function hasDuplicates(report: Report): boolean {
  return reportedDuplicates(report).length > 0;
}

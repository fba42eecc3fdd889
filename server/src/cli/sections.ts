/**
 * The analyses whose results join the CLI report, in report order. Each turns the scanned
 * corpus into one `ReportSection`.
 */
import type { Corpus } from '../core/corpus';
import type { Finding, ReportSection } from '../core/report';
import { duplicatesSectionOf } from './duplicates';
import { organisationsSectionOf } from './organisations';
import { themesSectionOf } from './themes';

/** `root` is the absolute path of the scanned folder. */
export type SectionBuilder = (corpus: Corpus, root: string) => ReportSection;

/** One informational finding per article, so a text scan shows what was found where. */
export function articleFindings(corpus: Corpus): Finding[] {
  const findings: Finding[] = [];
  for (const file of [...corpus.all()].sort((a, b) => a.relativePath.localeCompare(b.relativePath))) {
    for (const article of file.articles) {
      findings.push({
        path: file.relativePath,
        line: article.startLine + 1,
        column: 1,
        severity: 'info',
        message: `article "${article.title}" (lines ${article.startLine + 1}–${article.endLine + 1}, ${article.wordCount} words)`,
      });
    }
  }
  return findings;
}

export const sectionBuilders: SectionBuilder[] = [duplicatesSectionOf, organisationsSectionOf, themesSectionOf];

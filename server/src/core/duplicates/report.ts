/**
 * The duplicates part of the CLI report: the groups as plain data with 1-based positions,
 * one finding per copy for the text format, and SARIF 2.1.0 results for CI code scanning.
 */
import type { Corpus } from '../corpus';
import type { Finding, ReportSection } from '../report';
import { copyMessage } from './describe';
import { DuplicateGroup, DuplicateIndex, DuplicateOptions, UpdateHelpers } from './engine';

export interface ReportedPassage {
  path: string;
  /** 1-based; columns count UTF-16 code units and `endColumn` is the column just after the copy, as in SARIF. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  words: number;
  fingerprint: string;
  /** What the editor says on this copy ("Duplicated passage (…): also in b.txt:3–9."). */
  message: string;
  /** Title of the article when the copy is a whole article. */
  article?: string;
}

export interface ReportedDuplicate {
  id: string;
  kind: 'exact' | 'near';
  similarity: number;
  words: number;
  wholeArticle: boolean;
  passages: ReportedPassage[];
}

/** Finds the duplicates of a whole corpus in one batch, honouring the ignored fingerprints. */
export function findDuplicates(corpus: Corpus, ignored: Iterable<string> = [], options: Partial<DuplicateOptions> = {}): readonly DuplicateGroup[] {
  const index = ignoring(ignored, options);
  index.update({ updated: [...corpus.all()], removed: [] });
  return index.groups();
}

/** `findDuplicates`, with work handed to other threads (see DuplicateIndex.updateAlongside). */
export async function findDuplicatesAlongside(
  corpus: Corpus,
  ignored: Iterable<string>,
  options: Partial<DuplicateOptions>,
  helpers: UpdateHelpers,
): Promise<readonly DuplicateGroup[]> {
  const index = ignoring(ignored, options);
  await index.updateAlongside({ updated: [...corpus.all()], removed: [] }, helpers);
  return index.groups();
}

function ignoring(ignored: Iterable<string>, options: Partial<DuplicateOptions>): DuplicateIndex {
  const index = new DuplicateIndex(options);
  index.setIgnored(ignored);
  return index;
}

export function duplicatesReport(groups: readonly DuplicateGroup[]): ReportedDuplicate[] {
  return groups.map((group) => ({
    id: group.id,
    kind: group.kind,
    similarity: Math.round(group.similarity * 1000) / 1000,
    words: group.words,
    wholeArticle: group.wholeArticle,
    passages: group.passages.map((passage) => {
      const reported: ReportedPassage = {
        path: passage.relativePath,
        startLine: passage.start.line + 1,
        startColumn: passage.start.character + 1,
        endLine: passage.end.line + 1,
        endColumn: passage.end.character + 1,
        words: passage.words,
        fingerprint: passage.fingerprint,
        message: copyMessage(group, passage),
      };
      if (passage.article) reported.article = passage.article.title;
      return reported;
    }),
  }));
}

/** The CLI report section: `duplicates[]`, one finding per copy, and the number of groups. */
export function duplicatesSection(groups: readonly DuplicateGroup[]): ReportSection {
  const data = duplicatesReport(groups);
  const findings: Finding[] = data.flatMap((group) =>
    group.passages.map((passage) => ({
      path: passage.path,
      line: passage.startLine,
      column: passage.startColumn,
      severity: 'info' as const,
      message: passage.message,
    })),
  );
  return { key: 'duplicates', data, findings, summary: { duplicateGroups: groups.length } };
}

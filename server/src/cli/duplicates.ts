/**
 * The duplicates' part of the CLI: the report section (honouring the folder's ignore list),
 * and the SARIF output of `--format sarif`, for which nothing else is computed.
 */
import { pathToFileURL } from 'url';
import { Corpus } from '../core/corpus';
import { fingerprintsAnalysis } from '../core/duplicates/analysis';
import type { ReportSection } from '../core/report';
import { readIgnoredPassages } from '../core/duplicates/ignore-list';
import type { DuplicateGroup } from '../core/duplicates/engine';
import { duplicatesReport, duplicatesSection, findDuplicates, findDuplicatesAlongside } from '../core/duplicates/report';
import { ScanNotes, duplicatesSarif } from '../core/duplicates/sarif';
import { ScanOptions, scanFolderThen } from '../core/scan';
import { scratchForTexts } from '../core/storedText';
import { defaultSettings } from '../settings';

/** The groups of `corpus`, but for the passages the folder's ignore list holds. */
export function duplicatesOf(corpus: Corpus, root: string): readonly DuplicateGroup[] {
  return findDuplicates(corpus, ignoredIn(root), defaultSettings.duplicates);
}

function ignoredIn(root: string): string[] {
  return readIgnoredPassages(root).map((entry) => entry.fingerprint);
}

export function duplicatesSectionOf(corpus: Corpus, root: string): ReportSection {
  return duplicatesSection(duplicatesOf(corpus, root));
}

/** The groups of a duplicates scan, with the files it skipped or read with a warning. */
export interface DuplicatesScan extends ScanNotes {
  groups: readonly DuplicateGroup[];
}

/**
 * The index workers' young generation in a duplicates scan. A worker keeps little for long
 * (a file's text and words, while it is read): with V8's default its heap grew to 23-27 MB
 * (12-13 MB with this limit), memory fresh to the process, which this VM faults in at about
 * 2.7 ms a megabyte. At 10k articles (3,990 files): peak RSS 189 -> 177 MB, CPU 2.90 ->
 * 2.81 s (medians of 6). Not for the language server: the same limit made its warm start
 * of a 100k workspace 1.5-3 s slower.
 */
const DUPLICATES_WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

/**
 * Scans `root` for duplicates alone: only fingerprints are computed, and a file is split into
 * articles only when it may hold a passage to describe.
 */
export async function scanDuplicates(root: string, options: ScanOptions): Promise<DuplicatesScan> {
  // The index workers put the texts there themselves, rather than passing them to this thread
  // to be kept: the engine reads back only those of the files that may share a passage.
  const texts = scratchForTexts((message) => options.onWarning?.(message));
  try {
    const corpus = new Corpus({ analyses: [fingerprintsAnalysis], articlesWhenRead: true });
    return await scanFolderThen(root, { ...options, texts, workerLimits: DUPLICATES_WORKER_LIMITS, helpWorkers: true }, corpus, async ({ skipped, warnings }, disk) => {
      // The index threads, idle once every file is read, find half of the seeds, then split the files that may share a passage while this thread matches them.
      const groups = await findDuplicatesAlongside(corpus, ignoredIn(root), defaultSettings.duplicates, {
        split: (files) => disk.splitAhead(files),
        seedsOfHalf: disk.hasWorkers ? (half) => disk.seedsOfHalf(half) : undefined,
      });
      return { groups, skipped, warnings };
    });
  } finally {
    texts?.close();
  }
}

/** `root` is the absolute path of the scanned folder. */
export function sarifOutput(root: string, { groups, ...notes }: DuplicatesScan, version: string): string {
  const rootUri = pathToFileURL(root.endsWith('/') ? root : `${root}/`).href;
  return `${JSON.stringify(duplicatesSarif(duplicatesReport(groups), version, rootUri, notes), null, 2)}\n`;
}

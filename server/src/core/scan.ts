/**
 * Headless indexing of a folder into a corpus: what the CLI and the benchmarks use. The
 * server does the same through its WorkspaceIndexer, with open documents on top.
 */
import { Corpus, FileInput } from './corpus';
import { ReadOutcome, fileFilter, readTextFile, toRelative, walkFolder } from './files';

export interface ScanOptions {
  include: string[];
  exclude: string[];
  maxFileSizeKB: number;
  onProgress?(filesRead: number): void;
}

export interface ScanNote {
  path: string;
  message: string;
}

export interface ScanResult {
  corpus: Corpus;
  skipped: ScanNote[];
  warnings: ScanNote[];
}

const BATCH_FILES = 500;
/** Reads waiting on the disk at once: one at a time, the disk and the splitter take turns. */
const READS_IN_FLIGHT = 16;

export async function scanFolder(root: string, options: ScanOptions, corpus = new Corpus()): Promise<ScanResult> {
  const skipped: ScanNote[] = [];
  const warnings: ScanNote[] = [];
  const filter = fileFilter(options.include, options.exclude);
  let batch: FileInput[] = [];
  let read = 0;
  // In the order of the walk, whatever order the reads finish in: the report is the same every run.
  const reads: { relativePath: string; outcome: Promise<ReadOutcome> }[] = [];
  const settleOldestRead = async (): Promise<void> => {
    const { relativePath, outcome } = reads.shift()!;
    const result = await outcome;
    read++;
    options.onProgress?.(read);
    if (result.kind === 'skipped') {
      skipped.push({ path: relativePath, message: result.reason });
      return;
    }
    if (result.warning) warnings.push({ path: relativePath, message: result.warning });
    batch.push({ uri: relativePath, relativePath, text: result.text });
    if (batch.length >= BATCH_FILES) {
      corpus.apply(batch);
      batch = [];
    }
  };
  const walk = walkFolder(root, filter, { onSkip: (path, message) => skipped.push({ path, message }) });
  for await (const filePath of walk) {
    reads.push({ relativePath: toRelative(root, filePath), outcome: readTextFile(filePath, options.maxFileSizeKB * 1024) });
    if (reads.length >= READS_IN_FLIGHT) await settleOldestRead();
  }
  while (reads.length > 0) await settleOldestRead();
  corpus.apply(batch);
  return { corpus, skipped, warnings };
}

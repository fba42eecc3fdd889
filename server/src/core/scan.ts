/**
 * Headless indexing of a folder into a corpus: what the CLI and the benchmarks use. The
 * server does the same through its WorkspaceIndexer, with open documents on top.
 */
import { Corpus, FileInput } from './corpus';
import { fileFilter, readTextFile, toRelative, walkFolder } from './files';

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

export async function scanFolder(root: string, options: ScanOptions, corpus = new Corpus()): Promise<ScanResult> {
  const skipped: ScanNote[] = [];
  const warnings: ScanNote[] = [];
  const filter = fileFilter(options.include, options.exclude);
  let batch: FileInput[] = [];
  let read = 0;
  const walk = walkFolder(root, filter, { onSkip: (path, message) => skipped.push({ path, message }) });
  for await (const filePath of walk) {
    const relativePath = toRelative(root, filePath);
    const outcome = await readTextFile(filePath, options.maxFileSizeKB * 1024);
    read++;
    options.onProgress?.(read);
    if (outcome.kind === 'skipped') {
      skipped.push({ path: relativePath, message: outcome.reason });
      continue;
    }
    if (outcome.warning) warnings.push({ path: relativePath, message: outcome.warning });
    batch.push({ uri: relativePath, relativePath, text: outcome.text });
    if (batch.length >= BATCH_FILES) {
      corpus.apply(batch);
      batch = [];
    }
  }
  corpus.apply(batch);
  return { corpus, skipped, warnings };
}

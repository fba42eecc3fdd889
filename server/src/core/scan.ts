/**
 * Headless indexing of a folder into a corpus: what the CLI and the benchmarks use. The
 * server does the same through its WorkspaceIndexer, with open documents on top.
 *
 * Given the index worker script (dist/indexWorker.js), files are read, split and analysed
 * (fingerprints) on worker threads, as in the server; without it, in this thread. Either
 * way the corpus and the notes are the same, in the order of the walk.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { IndexCache } from './cache/indexCache';
import { Corpus, IndexedFile } from './corpus';
import { fileAnalyses } from './fileAnalyses';
import { fileFilter, walkFolder } from './files';
import type { ResourceLimits } from 'worker_threads';
import type { ScratchFile } from './scratchFile';
import type { DiskFile } from './workers/diskFiles';
import { DiskIndexer } from './workers/diskIndexer';
import { indexInWalkOrder } from './workers/inWalkOrder';

export interface ScanOptions {
  include: string[];
  exclude: string[];
  maxFileSizeKB: number;
  onProgress?(filesRead: number): void;
  /** Entry script of the index worker threads; undefined: everything in this thread. */
  workerScript?: string;
  /** Said when the worker threads fail and the scan goes on in this thread. */
  onWarning?(message: string): void;
  /** Where the texts read are kept (see storedText.ts); in memory when undefined. */
  texts?: ScratchFile;
  /** The heap limits of each index worker thread; V8's defaults when undefined. */
  workerLimits?: ResourceLimits;
  /** This thread reads files too, with one worker fewer (see DiskIndexerOptions.helpWorkers). */
  helpWorkers?: boolean;
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

/** The index worker script built beside a bundled entry (dist/cli.js, dist/bench.js), if there is one. */
export function workerScriptBeside(folder: string): string | undefined {
  const script = path.join(folder, 'indexWorker.js');
  return existsSync(script) ? script : undefined;
}

export function scanFolder(root: string, options: ScanOptions, corpus = new Corpus({ analyses: fileAnalyses })): Promise<ScanResult> {
  return scanFolderThen(root, options, corpus, async (result) => result);
}

/**
 * `scanFolder`, then `andThen` with its result while the index worker threads are still up:
 * to give them more work (see DiskIndexer.splitAhead).
 */
export async function scanFolderThen<T>(
  root: string,
  options: ScanOptions,
  corpus: Corpus,
  andThen: (result: ScanResult, disk: DiskIndexer) => Promise<T>,
): Promise<T> {
  const skipped: ScanNote[] = [];
  const warnings: ScanNote[] = [];
  const filter = fileFilter(options.include, options.exclude);
  const warn = options.onWarning ?? (() => undefined);
  const disk = new DiskIndexer({
    maxBytes: options.maxFileSizeKB * 1024,
    analyses: corpus.analyses,
    articlesWhenRead: corpus.articlesWhenRead,
    cache: IndexCache.disabled({ info: () => undefined, warn }),
    log: { info: () => undefined, warn },
    workerScript: options.workerScript,
    texts: options.texts,
    workerLimits: options.workerLimits,
    helpWorkers: options.helpWorkers,
    splitsAhead: true,
  });
  async function* diskFiles(): AsyncGenerator<DiskFile[]> {
    for await (const files of walkFolder(root, filter, { onSkip: (relativePath, message) => skipped.push({ path: relativePath, message }) })) {
      yield files.map((file) => ({ uri: file.relativePath, ...file }));
    }
  }
  let batch: IndexedFile[] = [];
  let read = 0;
  try {
    for await (const job of indexInWalkOrder(diskFiles(), disk)) {
      for (const scanned of job) {
        options.onProgress?.(++read);
        const relativePath = scanned.file.relativePath;
        if (scanned.kind === 'skipped') {
          skipped.push({ path: relativePath, message: scanned.reason });
          continue;
        }
        if (scanned.warning) warnings.push({ path: relativePath, message: scanned.warning });
        batch.push(scanned.file);
        if (batch.length >= BATCH_FILES) {
          corpus.applyIndexed(batch);
          batch = [];
        }
      }
    }
    corpus.applyIndexed(batch);
    return await andThen({ corpus, skipped, warnings }, disk);
  } finally {
    await disk.close();
  }
}

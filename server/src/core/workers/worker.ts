/**
 * The worker-thread side of workspace indexing: receives lists of files, indexes each one
 * from disk (see diskFiles.ts) and sends the results back in the same order.
 */
import { parentPort, workerData } from 'worker_threads';
import { FileAnalysis, analysesSignature } from '../analyses';
import { readTextFileSync } from '../files';
import { listFromJoined } from '../text';
import { ScratchFile, SharedScratch } from '../scratchFile';
import type { SplitResult } from '../articles';
import type { SeedListParts } from '../duplicates/candidates';
import { BatchHalf, seedsOfHalf } from '../duplicates/freshBatch';
import { DiskFileResult, TextPlace, indexInTurn, shareLineBuffers, splitStored } from './diskFiles';

/** Given to each worker when it starts. */
export interface IndexWorkerData {
  maxBytes: number;
  /**
   * Hashes whose index the cache already holds (those files are read and hashed, not split),
   * as one string (see joinedList), made into a set when a file is first read: 40k strings
   * of their own delayed the worker's start at a warm start, where it reads no file.
   */
  cached: string;
  /** Names of the analyses to run, and their signature (see `analysesSignature`), to check both sides agree. */
  analyses: string[];
  signature: string;
  /** See `DiskIndexOptions.articlesWhenRead`. */
  articlesWhenRead: boolean;
  /** See `DiskIndexOptions.encodeForCache`. */
  encodeForCache: boolean;
  /** The scratch file where the texts read are kept (see `DiskIndexOptions.texts`). */
  texts?: SharedScratch;
}

/**
 * Files to index, by absolute path (their other names stay with the server: sending them
 * too tripled what each job cost the server thread); or texts of the scratch file to split
 * into articles (see DiskIndexer.splitAhead); or half of the fingerprints of a scan to find
 * seeds in (see freshBatch.ts).
 */
export type IndexJob = string[] | { split: TextPlace[] } | { seeds: BatchHalf };
export type IndexJobResult = DiskFileResult[] | SplitResult[] | SeedListParts;

/** Runs in the worker script: `registry` holds every analysis the worker can run. */
export function serveIndexJobs(registry: readonly FileAnalysis[]): void {
  const port = parentPort;
  if (!port) throw new Error('serveIndexJobs runs in a worker thread');
  const data = workerData as IndexWorkerData;
  const analyses = data.analyses.map((name) => {
    const analysis = registry.find((candidate) => candidate.name === name);
    if (!analysis) throw new Error(`the index worker has no file analysis named "${name}"`);
    return analysis;
  });
  if (analysesSignature(analyses) !== data.signature) {
    throw new Error(`the index worker's file analyses (${analysesSignature(analyses)}) differ from the server's (${data.signature})`);
  }
  // Blocking reads: this thread has nothing else to do meanwhile, and a promise per step cost more than the reading.
  const texts = data.texts && ScratchFile.attach(data.texts);
  let cachedSet: Set<string> | undefined;
  const cached = { has: (hash: string) => (cachedSet ??= new Set(listFromJoined(data.cached))).has(hash) };
  const options = { maxBytes: data.maxBytes, cached, analyses, articlesWhenRead: data.articlesWhenRead, encodeForCache: data.encodeForCache, read: readTextFileSync, texts };
  const answer = async (job: IndexJob): Promise<IndexJobResult> => {
    if (Array.isArray(job)) {
      const results = await indexInTurn(job, options);
      shareLineBuffers(results);
      return results;
    }
    if ('seeds' in job) return seedsOfHalf(job.seeds);
    if (!texts) throw new Error('the index worker was given texts to split without the scratch file that holds them');
    return job.split.map((place) => splitStored(place, texts));
  };
  // The pool may give a second job before the first is answered (see WorkerPool): answered in turn.
  let answered = Promise.resolve();
  port.on('message', (job: IndexJob) => {
    answered = answered.then(async () => port.postMessage(await answer(job)));
  });
}

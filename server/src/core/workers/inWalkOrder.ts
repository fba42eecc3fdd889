/**
 * Feeds the files of a walk to a DiskIndexer a few at a time, keeping several jobs in
 * flight (so the workers and the disk stay busy), and yields the results in the order of
 * the walk whatever order the jobs finish in: a scan gives the same corpus every run.
 *
 * Files come in arrays (a folder's listing) and results go out a job at a time: passed
 * one by one through the async generators of a scan (the walk, the server's own, this
 * one), the files of a warm start of 40k made promises and iterator results for the
 * server thread to make and collect: it allocated 413 MB until ready, and 337 MB since.
 */
import type { DiskFile } from './diskFiles';
import type { DiskIndexer, ScannedFile } from './diskIndexer';
import { nextTurn } from '../steps';

export interface JobSizes {
  /** Files handed to a worker at a time. */
  jobFiles: number;
  /** Jobs handed out and not done yet, at most (those done wait for the ones before them: see MAX_WAITING_JOBS). */
  jobsInFlight: number;
}

/**
 * As many files in flight as before (400), in fewer messages: a job's messages cost the
 * server thread about as much whatever its size, and at a warm start of 40k files, where
 * each file is only read and hashed, 1,600 jobs of 25 cost it 0.1-0.3 s more CPU than 400 of 100.
 */
export const DEFAULT_JOB_SIZES: JobSizes = { jobFiles: 100, jobsInFlight: 4 };

/** Jobs done or not, waiting for the ones before them, at most: a job slow on a huge file must not make the rest of the walk wait in memory. */
const MAX_WAITING_JOBS = 16;

export async function* indexInWalkOrder(listings: AsyncIterable<readonly DiskFile[]>, disk: DiskIndexer, sizes = DEFAULT_JOB_SIZES): AsyncGenerator<ScannedFile[]> {
  // DiskIndexer.index never rejects: a job left waiting here cannot become an unhandled rejection.
  const jobs: Promise<ScannedFile[]>[] = [];
  /**
   * Jobs not done yet. Those done wait in `jobs` for the ones before them, but take no
   * worker's time: this thread, when it helps the workers (see DiskIndexerOptions.helpWorkers),
   * goes on with the walk rather than waiting for a worker to answer the oldest job. It
   * waited 60-90 ms of a 10k-article scan while the worker started.
   */
  let pending = 0;
  const start = (job: DiskFile[]) => {
    pending++;
    jobs.push(disk.index(job).finally(() => pending--));
  };
  // The first jobs are held until the walk has found more files than the indexer takes in
  // this thread, or has ended: it chooses between this thread and its workers on the size
  // of the workspace, not on the first jobs alone.
  let held: DiskFile[][] | undefined = [];
  let walked = 0;
  const handOut = (job: DiskFile[]) => (held ? held.push(job) : start(job));
  const release = () => {
    if (!held) return;
    disk.expect(walked);
    for (const job of held) start(job);
    held = undefined;
  };
  const full = () => pending > sizes.jobsInFlight || jobs.length > MAX_WAITING_JOBS;
  let job: DiskFile[] = [];
  for await (const listing of listings) {
    for (const file of listing) {
      job.push(file);
      if (job.length >= sizes.jobFiles) {
        handOut(job);
        job = [];
      }
      if (++walked > disk.inThreadFiles) release();
      if (!full()) continue;
      // A job this thread did itself counts as pending until its callback runs, which a
      // listing's files, handed out without a pause, leave no time for: give it a turn.
      await nextTurn();
      while (full()) yield await jobs.shift()!;
    }
  }
  if (job.length > 0) handOut(job);
  release();
  while (jobs.length > 0) yield await jobs.shift()!;
}

/**
 * Feeds the files of a walk to a DiskIndexer a few at a time, keeping several jobs in
 * flight (so the workers and the disk stay busy), and yields the results in the order of
 * the walk whatever order the jobs finish in: a scan gives the same corpus every run.
 */
import type { DiskFile } from './diskFiles';
import type { DiskIndexer, ScannedFile } from './diskIndexer';

export interface JobSizes {
  /** Files handed to a worker at a time. */
  jobFiles: number;
  /** Jobs waiting for their turn at most. */
  jobsInFlight: number;
}

export const DEFAULT_JOB_SIZES: JobSizes = { jobFiles: 25, jobsInFlight: 16 };

export async function* indexInWalkOrder(files: AsyncIterable<DiskFile>, disk: DiskIndexer, sizes = DEFAULT_JOB_SIZES): AsyncGenerator<ScannedFile> {
  // DiskIndexer.index never rejects: a job left waiting here cannot become an unhandled rejection.
  const jobs: Promise<ScannedFile[]>[] = [];
  let job: DiskFile[] = [];
  for await (const file of files) {
    job.push(file);
    if (job.length >= sizes.jobFiles) {
      jobs.push(disk.index(job));
      job = [];
    }
    while (jobs.length > sizes.jobsInFlight) yield* await jobs.shift()!;
  }
  if (job.length > 0) jobs.push(disk.index(job));
  while (jobs.length > 0) yield* await jobs.shift()!;
}

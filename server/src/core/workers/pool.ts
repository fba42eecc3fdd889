/**
 * A set of worker threads (more can be added) running one script, each doing one job at a time from a
 * shared queue and holding the next one meanwhile (see MAX_HELD_JOBS); a worker answers its
 * jobs in the order it was given them. A worker that throws, exits or sends an unreadable
 * message fails the whole pool: every waiting job is rejected at once (never left hanging)
 * and the remaining workers are stopped, so the caller can fall back to doing the work itself.
 */
import { ResourceLimits, Worker } from 'worker_threads';

interface QueuedJob<Job, Result> {
  job: Job;
  resolve(result: Result): void;
  reject(error: Error): void;
}

interface PoolWorker<Job, Result> {
  worker: Worker;
  /** The jobs given to it and not answered yet, oldest first. */
  held: QueuedJob<Job, Result>[];
}

/**
 * Jobs a worker is given at most before answering the first: with the next one at hand, it
 * goes on as soon as it sends a result, rather than waiting for this thread to take that
 * result and hand out another (workers of a scan sat idle 10–20% of the time meanwhile).
 */
const MAX_HELD_JOBS = 2;

export class WorkerPool<Job, Result> {
  private readonly workers: PoolWorker<Job, Result>[] = [];
  private readonly queue: QueuedJob<Job, Result>[] = [];
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly script: string,
    size: number,
    private readonly workerData: unknown,
    /** Each worker's heap limits; V8's defaults when undefined. */
    private readonly resourceLimits?: ResourceLimits,
  ) {
    for (let i = 0; i < size; i++) this.addWorker();
  }

  /** Starts one more worker, which takes jobs from the queue with the others; none once the pool is closed or failed. */
  addWorker(): void {
    if (this.closed) return;
    // Tests run the TypeScript sources: let the worker load them the way mocha does.
    const execArgv = this.script.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
    const entry: PoolWorker<Job, Result> = { worker: new Worker(this.script, { workerData: this.workerData, execArgv, resourceLimits: this.resourceLimits }), held: [] };
    entry.worker.on('message', (result: Result) => this.finished(entry, result));
    entry.worker.on('error', (error) => this.fail(error));
    entry.worker.on('messageerror', (error) => this.fail(error));
    entry.worker.on('exit', (code) => this.fail(new Error(`worker thread exited with code ${code}`)));
    this.workers.push(entry);
    this.dispatch();
  }

  get size(): number {
    return this.workers.length;
  }

  /** Whether a job run now would wait: every worker holds all the jobs it may (see MAX_HELD_JOBS). */
  get full(): boolean {
    return this.queue.length > 0 || this.workers.every((entry) => entry.held.length >= MAX_HELD_JOBS);
  }

  run(job: Job): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs not finished are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectAll(new Error('worker pool closed'));
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  /** Hands out queued jobs, a first one to each worker before a second to any. */
  private dispatch(): void {
    for (let held = 1; held <= MAX_HELD_JOBS; held++) {
      for (const entry of this.workers) {
        if (entry.held.length >= held) continue;
        const next = this.queue.shift();
        if (!next) return;
        entry.held.push(next);
        entry.worker.postMessage(next.job);
      }
    }
  }

  private finished(entry: PoolWorker<Job, Result>, result: Result): void {
    entry.held.shift()?.resolve(result);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.failure ??= error;
    this.closed = true;
    this.rejectAll(this.failure);
    for (const { worker } of this.workers) void worker.terminate();
  }

  private rejectAll(error: Error): void {
    for (const entry of this.workers) for (const held of entry.held.splice(0)) held.reject(error);
    for (const queued of this.queue.splice(0)) queued.reject(error);
  }
}

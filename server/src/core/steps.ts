/**
 * Long computations written as generators of steps (`function*` that yields between units
 * of work), so that one piece of code serves the CLI, which runs it at once, and the
 * language server, which runs it a slice at a time so that requests are answered between
 * slices (and shares one run between the requests that wait for it).
 */
export type Steps<T = void> = Generator<void, T, undefined>;

/** Runs every step at once and returns the result. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Gives the event loop one turn: timers, I/O and requests that are waiting run before the caller goes on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * How long a slice runs before the event loop gets a turn: short enough that a hover does
 * not notice. The JSON-RPC connection takes each message in a turn of its own, so a request
 * waits behind a slice at least once. With 15 ms, hovers during the 25 s of clustering 100k
 * articles took 50 ms (p50; 20 ms now), at no cost to the time to ready or to the clustering.
 */
export const SLICE_MS = 5;

/**
 * Runs the steps a slice of about `sliceMs` at a time, giving the event loop a turn between
 * slices: the first slice at once, the others in turn with those of every other run (one
 * slice a turn, see takeTurn).
 */
export function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  return startRun(steps, sliceMs, true);
}

/**
 * `runInSlices` for work nobody waits for (warming caches once the workspace is ready): its
 * first slice waits its turn too, rather than delaying what its caller does next (started as
 * the workspace became ready, such slices held the ready status back by 60-100 ms at 100k
 * articles), and its slices wait while other runs have slices waiting (see takeTurn).
 */
export function runInBackground<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  return startRun(steps, sliceMs, false);
}

function startRun<T>(steps: Steps<T>, sliceMs: number, waitedFor: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run: SlicedRun<T> = { steps, sliceMs, resolve, reject, queue: waitedFor ? waitingRuns : backgroundRuns };
    if (waitedFor && runSlice(run)) return;
    run.queue.push(run as SlicedRun<unknown>);
    scheduleTurn();
  });
}

interface SlicedRun<T> {
  steps: Steps<T>;
  sliceMs: number;
  /** Where it waits for its next slice. */
  queue: SlicedRun<unknown>[];
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Runs waiting for their next slice, in turn. A run that had a turn of its own each made a
 * request wait for a slice of every run: after a warm start of 100k articles, five ran at
 * once (the organisations' names and summaries, the duplicate fingerprints, the themes'
 * terms, ...) and hovers waited 150-500 ms.
 */
const waitingRuns: SlicedRun<unknown>[] = [];
/**
 * The runs of runInBackground, in turn, when no other run waits. Sharing turns with them,
 * the themes of a workspace of 100k articles opened again took 2.7 s to restore, 1.0 s of
 * it their own work.
 */
const backgroundRuns: SlicedRun<unknown>[] = [];
let turnScheduled = false;

function scheduleTurn(): void {
  if (turnScheduled || (waitingRuns.length === 0 && backgroundRuns.length === 0)) return;
  turnScheduled = true;
  setImmediate(takeTurn);
}

/** One slice of the run waiting longest (a background run only when no other waits), which then waits behind the others. */
function takeTurn(): void {
  turnScheduled = false;
  const queue = waitingRuns.length > 0 ? waitingRuns : backgroundRuns;
  const run = queue.shift();
  if (run && !runSlice(run)) queue.push(run);
  scheduleTurn();
}

/** A slice of `run`; true when the run is over (its promise settled). */
function runSlice<T>(run: SlicedRun<T>): boolean {
  const sliceEnd = performance.now() + run.sliceMs;
  try {
    for (;;) {
      const next = run.steps.next();
      if (next.done) {
        run.resolve(next.value);
        return true;
      }
      if (performance.now() >= sliceEnd) return false;
    }
  } catch (error) {
    run.reject(error);
    return true;
  }
}

/** The rejection of a caller who gave up, or of every caller when the run was dropped. */
export class StepsAbandoned extends Error {
  constructor() {
    super('abandoned');
  }
}

interface Waiter<T> {
  gaveUp: () => boolean;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * One long computation (clustering a whole corpus, building its search index) run in
 * slices (runInSlices) and shared: whoever asks for it while it runs waits for the same
 * run instead of starting another. A caller who gives up (its request was cancelled) stops
 * waiting at the next step; the run itself is dropped once every caller has given up.
 */
export class SharedSlicedRun<T> {
  private waiters: Set<Waiter<T>> | undefined;

  get running(): boolean {
    return this.waiters !== undefined;
  }

  /** Joins the running computation, or starts `start()` when none runs. */
  join(start: () => Steps<T>, gaveUp: () => boolean = () => false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { gaveUp, resolve, reject };
      if (this.waiters) {
        this.waiters.add(waiter);
        return;
      }
      const waiters = new Set([waiter]);
      this.waiters = waiters;
      const finish = (settle: (each: Waiter<T>) => void): void => {
        this.waiters = undefined;
        for (const each of waiters) settle(each);
      };
      runInSlices(whileWanted(start(), waiters)).then(
        (value) => finish((each) => each.resolve(value)),
        (error: unknown) => finish((each) => each.reject(error)),
      );
    });
  }
}

/** The steps, checking between two of them who gave up; dropped (their `finally` blocks run) once nobody waits. */
function* whileWanted<T>(steps: Steps<T>, waiters: Set<Waiter<T>>): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield;
    for (const waiter of waiters) {
      if (!waiter.gaveUp()) continue;
      waiters.delete(waiter);
      waiter.reject(new StepsAbandoned());
    }
    if (waiters.size === 0) {
      steps.return(undefined as never);
      throw new StepsAbandoned();
    }
  }
}

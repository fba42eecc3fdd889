/**
 * One long computation (clustering a whole corpus, building its search index) run in
 * slices (core/steps.ts) and shared: whoever asks for it while it runs waits for the same
 * run instead of starting another. A caller who gives up (its request was cancelled) stops
 * waiting at the next step; the run itself is dropped once every caller has given up.
 */
import { Steps, runInSlices } from '../steps';

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

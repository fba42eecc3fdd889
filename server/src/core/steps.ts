/**
 * Long computations written as generators of steps (`function*` that yields between units
 * of work), so that one piece of code serves the CLI, which runs it at once, and the
 * language server, which runs it a slice at a time so that requests are answered between
 * slices.
 */
export type Steps<T = void> = Generator<void, T, undefined>;

/** Runs every step at once and returns the result. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long a slice runs before the event loop gets a turn: short enough that a hover does not notice. */
export const SLICE_MS = 15;

/** Runs the steps a slice of about `sliceMs` at a time, giving the event loop a turn between slices. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() >= sliceEnd) break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

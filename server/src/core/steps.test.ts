import { strict as assert } from 'assert';
import { Steps, runAll, runInSlices } from './steps';

/** `count` steps of about `stepMs` each (busy, as real work is), returning how many ran. */
function* busySteps(count: number, stepMs: number, ran: { steps: number }): Steps<number> {
  for (let i = 0; i < count; i++) {
    const end = performance.now() + stepMs;
    while (performance.now() < end);
    ran.steps++;
    yield;
  }
  return ran.steps;
}

describe('steps', () => {
  it('runAll runs every step and returns the result', () => {
    const ran = { steps: 0 };
    assert.equal(runAll(busySteps(5, 0, ran)), 5);
  });

  it('runInSlices gives the event loop turns between slices, and returns the same result', async () => {
    const ran = { steps: 0 };
    const seenAt: number[] = [];
    const timer = setInterval(() => seenAt.push(ran.steps), 0);
    try {
      assert.equal(await runInSlices(busySteps(40, 2, ran), 10), 40);
    } finally {
      clearInterval(timer);
    }
    // 80 ms of work in 10 ms slices: timers ran while it was under way, not only after.
    assert.ok(seenAt.some((steps) => steps > 0 && steps < 40), `timers saw ${JSON.stringify(seenAt)}`);
  });
});

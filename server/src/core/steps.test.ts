import { strict as assert } from 'assert';
import { Steps, runAll, runInBackground, runInSlices } from './steps';

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

/** `count` steps that each log `name`, returning `name`. */
function* loggedSteps(name: string, count: number, log: string[]): Steps<string> {
  for (let i = 0; i < count; i++) {
    log.push(name);
    yield;
  }
  return name;
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

  it('runInSlices runs its first slice at once, then takes turns with the other runs, one slice a turn of the event loop', async () => {
    const log: string[] = [];
    // Slices of one step each (no time allowed); '|' marks each turn of the event loop, seen from outside.
    const runs = ['a', 'b', 'c'].map((name) => runInSlices(loggedSteps(name, 4, log), 0));
    assert.deepEqual(log, ['a', 'b', 'c'], 'the first slices, at once');
    let turns = true;
    const markTurns = () => {
      log.push('|');
      if (turns) setImmediate(markTurns);
    };
    setImmediate(markTurns);
    assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c']);
    turns = false;
    const betweenTurns = log.join('').split('|').slice(1, -1);
    assert.deepEqual(betweenTurns.filter((slices) => slices.length > 1), [], log.join(''));
    assert.equal(log.filter((entry) => entry !== '|').join(''), 'abcabcabcabc');
  });

  it('runInBackground runs nothing at once, and its slices wait while another run has slices waiting', async () => {
    const log: string[] = [];
    const background = [runInBackground(loggedSteps('x', 3, log), 0), runInBackground(loggedSteps('y', 3, log), 0)];
    const waiting = runInSlices(loggedSteps('a', 3, log), 0);
    assert.deepEqual(log, ['a'], 'only the first slice of the run in slices');
    assert.deepEqual(await Promise.all([waiting, ...background]), ['a', 'x', 'y']);
    // The run waited for first, then the background runs in turn, a slice each.
    assert.equal(log.join(''), 'aaaxyxyxy');
  });

  it('runInSlices rejects when a step throws, and the other runs go on', async () => {
    function* failing(): Steps<never> {
      yield;
      throw new Error('step failed');
    }
    const log: string[] = [];
    const other = runInSlices(loggedSteps('x', 3, log), 0);
    await assert.rejects(runInSlices(failing(), 0), /step failed/);
    assert.equal(await other, 'x');
    assert.deepEqual(log, ['x', 'x', 'x']);
  });
});

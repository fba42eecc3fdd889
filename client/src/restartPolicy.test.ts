import { strict as assert } from 'assert';
import { HealthDecision, HealthState, RestartLimits, initialHealth, onConnectionError, onServerClosed } from './restartPolicy';

const MINUTE = 60_000;
const limits: RestartLimits = { maxRestarts: 3, windowMs: 3 * MINUTE, maxConnectionErrors: 2 };

/** Feeds crashes at the given times (ms) through the policy, as the client would. */
function crashAt(times: number[], start: HealthState = initialHealth): HealthDecision[] {
  let state = start;
  return times.map((time) => {
    const decision = onServerClosed(state, time, limits);
    state = decision.state;
    return decision;
  });
}

const notices = (decisions: HealthDecision[]): string[] =>
  decisions.flatMap((decision) => (decision.notice ? [decision.notice.severity] : []));

describe('restart policy', () => {
  it('restarts a server that died and tells the user once', () => {
    const [decision] = crashAt([0]);
    assert.equal(decision.carryOn, true);
    assert.equal(decision.notice?.severity, 'warning');
    assert.match(decision.notice?.message ?? '', /stopped unexpectedly and has been restarted/);
  });

  it('restarts silently after further crashes of the same episode', () => {
    const decisions = crashAt([0, 10_000, 20_000]);
    assert.deepEqual(decisions.map((d) => d.carryOn), [true, true, true]);
    assert.deepEqual(notices(decisions), ['warning']);
    assert.match(decisions[2].log, /3 times in 3 minutes/);
  });

  it('gives up after too many crashes in the window, with one error, then stays quiet', () => {
    const decisions = crashAt([0, 1_000, 2_000, 3_000, 4_000, 5_000]);
    assert.deepEqual(decisions.map((d) => d.carryOn), [true, true, true, false, false, false]);
    assert.deepEqual(notices(decisions), ['warning', 'error']);
    assert.match(decisions[3].notice?.message ?? '', /4 times in 3 minutes and will not be restarted/);
  });

  it('counts only the crashes within the window', () => {
    // One crash every 61 s: never more than three in any 3 minutes.
    const decisions = crashAt([0, 1, 2, 3, 4, 5, 6, 7].map((n) => n * 61_000));
    assert.ok(decisions.every((d) => d.carryOn));
    assert.deepEqual(notices(decisions), ['warning'], 'the crashes chain into one episode');
  });

  it('tells the user again when a crash comes long after the last one', () => {
    const decisions = crashAt([0, 10 * MINUTE, 20 * MINUTE]);
    assert.ok(decisions.every((d) => d.carryOn));
    assert.deepEqual(notices(decisions), ['warning', 'warning', 'warning']);
  });

  it('carries on through a few connection errors, then stops the server with one error', () => {
    let state = initialHealth;
    const decisions = [1, 2, 3, 4].map((count) => {
      const decision = onConnectionError(state, count, limits);
      state = decision.state;
      return decision;
    });
    assert.deepEqual(decisions.map((d) => d.carryOn), [true, true, false, false]);
    assert.deepEqual(notices(decisions), ['error']);
    assert.equal(onServerClosed(state, 0, limits).carryOn, false, 'a stopped server is not restarted');
  });
});

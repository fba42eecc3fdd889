import { strict as assert } from 'assert';
import type { IndexStatus } from '../../server/src/protocol';
import { IndexStatusWatcher } from './indexStatus';

const status = (generation: number, ready = true, articles = 9): IndexStatus => ({ ready, scanned: ready, files: 7, articles, skipped: 0, duplicateGroups: 1, generation });

/** Settles with the status, or with 'waiting' if the promise is still pending after other queued work. */
async function settled(promise: Promise<IndexStatus>): Promise<IndexStatus | 'waiting'> {
  return Promise.race([promise, new Promise<'waiting'>((resolve) => setImmediate(() => resolve('waiting')))]);
}

describe('index status watcher', () => {
  it('answers a wait with the first ready status newer than the given generation', async () => {
    const watcher = new IndexStatusWatcher();
    const waiting = watcher.waitFor(1);
    watcher.update(status(1));
    watcher.update(status(2, false));
    assert.equal(await settled(waiting), 'waiting');
    watcher.update(status(3));
    assert.deepEqual(await waiting, status(3));
    assert.deepEqual(await watcher.waitFor(), status(3), 'a status already seen answers at once');
  });

  it('answers a wait begun before a server restart with the new server’s first ready status', async () => {
    const watcher = new IndexStatusWatcher();
    watcher.serverStarting();
    watcher.update(status(1));
    watcher.update(status(5));
    const waiting = watcher.waitFor(5);

    // The server dies; the new process counts from 0 again.
    watcher.serverStarting();
    assert.equal(watcher.current, undefined, 'no status until the new server sends one');
    watcher.update(status(0, false, 0));
    assert.equal(await settled(waiting), 'waiting');
    watcher.update(status(1, true, 9));
    const after = await waiting;
    assert.equal(after.articles, 9);
    assert.ok(after.generation > 5, `generation ${after.generation} follows the old server's`);
    assert.deepEqual(await watcher.waitFor(5), after);
  });

  it('tells listeners of each status and of each restart', () => {
    const watcher = new IndexStatusWatcher();
    const heard: string[] = [];
    const statuses = watcher.onDidChange((next) => heard.push(`status ${next.generation}`));
    watcher.onDidRestart(() => heard.push('restart'));
    watcher.update(status(1));
    watcher.serverStarting();
    watcher.update(status(1));
    statuses.dispose();
    watcher.update(status(2));
    assert.deepEqual(heard, ['status 1', 'restart', 'status 3']);
  });

  it('does not count a restart before the first status, nor waits forever for it', async () => {
    const watcher = new IndexStatusWatcher();
    const waiting = watcher.waitFor();
    watcher.serverStarting();
    watcher.serverStarting();
    watcher.update(status(1));
    assert.equal((await waiting).generation, 1);
  });
});

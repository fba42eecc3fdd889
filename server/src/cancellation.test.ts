import { strict as assert } from 'assert';
import { CancellationToken, CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { checkpoint, forEachInSlices, mapInSlices } from './cancellation';

const isCancelled = (error: unknown): boolean => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;

describe('cancellable loops', () => {
  it('visits every item, in order, when nothing is cancelled', async () => {
    const items = Array.from({ length: 1234 }, (_, i) => i);
    assert.deepEqual(await mapInSlices(items, CancellationToken.None, (i) => i * 2), items.map((i) => i * 2));
    assert.deepEqual(await mapInSlices(new Set(['a', 'b']), undefined, (s) => s.toUpperCase()), ['A', 'B']);
  });

  it('stops at the end of the slice during which the request was cancelled', async () => {
    const source = new CancellationTokenSource();
    let visited = 0;
    const run = forEachInSlices(Array.from({ length: 1000 }, (_, i) => i), source.token, () => {
      visited++;
      // The client cancels while item 250 is handled: the slice (items 200–299) ends, no more.
      if (visited === 251) source.cancel();
    }, 100);
    await assert.rejects(run, isCancelled);
    assert.equal(visited, 300);
  });

  it('does no work at all for a request cancelled before it started', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let visited = 0;
    await assert.rejects(forEachInSlices([1, 2, 3], source.token, () => visited++), isCancelled);
    assert.equal(visited, 0);
  });

  it('lets other work run before each slice, which is how a cancellation gets in', async () => {
    const order: string[] = [];
    setImmediate(() => {
      order.push('other');
      setImmediate(() => order.push('other'));
    });
    await forEachInSlices([1, 2, 3, 4], undefined, (i) => order.push(String(i)), 2);
    assert.deepEqual(order, ['other', '1', '2', 'other', '3', '4']);
  });

  it('sees, at a checkpoint, a cancellation that arrives during the turn it gives away', async () => {
    const source = new CancellationTokenSource();
    setImmediate(() => source.cancel());
    await assert.rejects(checkpoint(source.token), isCancelled);
    await checkpoint(new CancellationTokenSource().token);
  });

  it('takes its items at the start, so an item added meanwhile is not visited', async () => {
    const items = new Set([1, 2, 3]);
    const seen: number[] = [];
    await forEachInSlices(items, undefined, (i) => {
      seen.push(i);
      items.add(i + 10);
    }, 1);
    assert.deepEqual(seen, [1, 2, 3]);
  });
});

import { strict as assert } from 'assert';
import { indexFile } from './corpus';
import { PendingChange } from './pendingChange';

const file = (uri: string, text: string) => indexFile({ uri, relativePath: uri, text });

describe('PendingChange', () => {
  it('keeps the latest state of each file, in the order of their last change', () => {
    const pending = new PendingChange();
    assert.ok(pending.isEmpty);
    pending.add({ updated: [file('a', 'first a'), file('b', 'first b')], removed: ['c'] });
    pending.add({ updated: [file('a', 'second a'), file('c', 'c is back')], removed: ['b'] });
    assert.ok(!pending.isEmpty);
    assert.equal(pending.size, 3);
    const change = pending.take();
    assert.deepEqual(
      change.updated.map((f) => [f.uri, f.text]),
      [
        ['a', 'second a'],
        ['c', 'c is back'],
      ],
    );
    assert.deepEqual(change.removed, ['b']);
    assert.ok(pending.isEmpty);
    assert.deepEqual(pending.take(), { updated: [], removed: [] });
  });
});

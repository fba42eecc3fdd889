import { strict as assert } from 'assert';
import { Corpus, indexFile } from './corpus';
import { PendingChange } from './pendingChange';

const file = (uri: string, text: string) => indexFile({ uri, relativePath: uri, text });

/** What `pending` gives when taken: each updated file's URI and text, and the URIs removed. */
function taken(pending: PendingChange): { updated: [string, string][]; removed: string[] } {
  const { updated, removed } = pending.take();
  return { updated: updated.map((f) => [f.uri, f.text]), removed };
}

describe('PendingChange', () => {
  it('keeps the latest state of each file, in the order of their last change', () => {
    const pending = new PendingChange();
    assert.ok(pending.isEmpty);
    pending.add({ updated: [file('a', 'first a'), file('b', 'first b')], removed: ['c'] });
    pending.add({ updated: [file('a', 'second a'), file('c', 'c is back')], removed: ['b'] });
    assert.ok(!pending.isEmpty);
    assert.equal(pending.size, 3);
    assert.deepEqual(taken(pending), {
      updated: [
        ['a', 'second a'],
        ['c', 'c is back'],
      ],
      removed: ['b'],
    });
    assert.ok(pending.isEmpty);
    assert.deepEqual(pending.take(), { updated: [], removed: [] });
  });

  it('everyFileOf: the corpus as it is when taken, whatever changed meanwhile; then changes are folded', () => {
    const corpus = new Corpus();
    corpus.apply([{ uri: 'a', relativePath: 'a', text: 'first a' }]);
    const pending = PendingChange.everyFileOf(corpus);
    corpus.apply([{ uri: 'b', relativePath: 'b', text: 'b' }]);
    pending.add(corpus.apply([{ uri: 'a', relativePath: 'a', text: 'second a' }, { uri: 'c', relativePath: 'c', text: 'c' }], ['b']));
    assert.equal(pending.size, 2);
    assert.deepEqual(taken(pending), {
      updated: [
        ['a', 'second a'],
        ['c', 'c'],
      ],
      removed: [],
    });
    assert.ok(pending.isEmpty);
    pending.add(corpus.apply([], ['a']));
    assert.deepEqual(pending.take(), { updated: [], removed: ['a'] });
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Random } from '../random';
import { radixSort } from './radixSort';

/** The keys sorted with their values by a comparator, stably: what radixSort must give. */
function sortedByComparator(keys: Uint32Array, values: Uint32Array): { keys: number[]; values: number[] } {
  const order = Array.from(keys.keys()).sort((i, j) => keys[i] - keys[j] || i - j);
  return { keys: order.map((i) => keys[i]), values: order.map((i) => values[i]) };
}

function check(keys: Uint32Array): void {
  const values = Uint32Array.from(keys.keys());
  const expected = sortedByComparator(keys, values);
  const spare = { keys: new Uint32Array(keys.length), values: new Uint32Array(keys.length) };
  const withValues = keys.slice();
  radixSort(withValues, values, spare);
  assert.deepEqual(Array.from(withValues), expected.keys);
  assert.deepEqual(Array.from(values), expected.values);
  const alone = keys.slice();
  radixSort(alone, undefined, { keys: new Uint32Array(keys.length) });
  assert.deepEqual(Array.from(alone), expected.keys);
}

describe('radixSort', () => {
  it('sorts small arrays ascending, stably, moving the values along', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), (keys) => check(Uint32Array.from(keys))));
  });

  it('sorts arrays large enough to be sorted by their top byte first, with repeated keys and empty buckets', () => {
    const random = new Random(7);
    // Few distinct keys (many ties), and keys whose top byte takes only some values.
    const repeated = Uint32Array.from({ length: 200_000 }, () => random.int(0, 999) * 0x10001);
    const sparseTop = Uint32Array.from({ length: 100_000 }, () => (random.int(0, 3) * 0x40000000 + random.int(0, 0xffffff)) >>> 0);
    const spread = Uint32Array.from({ length: 150_000 }, () => random.int(0, 0xffffffff));
    for (const keys of [repeated, sparseTop, spread]) check(keys);
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FingerprintIndex } from './fingerprint-index';

/** The live files holding a hash, once per occurrence, sorted. */
function holders(index: FingerprintIndex, hash: number): number[] {
  let found: number[] = [];
  index.eachHolders([hash], () => Infinity, (_, listed, count) => (found = [...listed.subarray(0, count)]));
  return found.sort((a, b) => a - b);
}

describe('FingerprintIndex', () => {
  it('agrees with a plain list of files through any sequence of batches, removals and merges', () => {
    // Few distinct hashes, so that files share them and runs hold many equal hashes.
    const hashes = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }).map((list) => Uint32Array.from(list.sort((a, b) => a - b)));
    const batch = fc.record({ added: fc.array(hashes, { maxLength: 4 }), removed: fc.array(fc.nat(), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), (batches) => {
        const index = new FingerprintIndex();
        const files = new Map<number, Uint32Array>();
        let nextId = 0;
        for (const { added, removed } of batches) {
          const live = [...files.keys()];
          for (const pick of removed) {
            if (live.length === 0) break;
            const id = live[pick % live.length];
            index.remove(id);
            files.delete(id);
          }
          const fresh = added.map((list) => ({ id: nextId++, hashes: list }));
          index.add(fresh);
          for (const file of fresh) files.set(file.id, file.hashes);
          index.settle();
        }
        // One sweep over every hash in order, at most 2 holders of the odd ones.
        const all = Array.from({ length: 301 }, (_, hash) => hash);
        index.eachHolders(
          all,
          (hash) => (hash % 2 === 1 ? 2 : Infinity),
          (hash, listed, count) => {
            const expected = [...files].flatMap(([id, list]) => [...list].filter((h) => h === hash).map(() => id)).sort((a, b) => a - b);
            const found = [...listed.subarray(0, count)].sort((a, b) => a - b);
            if (hash % 2 === 1) assert.equal(count, Math.min(2, expected.length), `hash ${hash}`);
            else assert.deepEqual(found, expected, `hash ${hash}`);
            assert.equal(index.places(hash), expected.length);
            assert.equal(index.places(hash, 2), Math.min(2, expected.length));
          },
        );
      }),
    );
  });

  it('sorts a large batch and forgets removed files', () => {
    const index = new FingerprintIndex();
    const many = Uint32Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 0).sort();
    const run = index.add([
      { id: 1, hashes: many },
      { id: 2, hashes: many.subarray(0, 10) },
    ]);
    for (let i = 1; i < run.hashes.length; i++) assert.ok(run.hashes[i - 1] <= run.hashes[i]);
    assert.deepEqual(holders(index, many[5]), [1, 2]);
    assert.deepEqual(holders(index, many[150_000]), [1]);
    index.remove(1);
    index.settle();
    assert.deepEqual(holders(index, many[5]), [2]);
    assert.equal(index.places(many[150_000]), 0);
  });
});

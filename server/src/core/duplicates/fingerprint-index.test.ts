import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FingerprintIndex } from './fingerprint-index';

/** The files holding each hash, as a plain Map: the model the index must agree with. */
function modelOf(files: Map<number, Uint32Array>): Map<number, Set<number>> {
  const model = new Map<number, Set<number>>();
  for (const [id, hashes] of files) for (const hash of hashes) model.set(hash, (model.get(hash) ?? new Set()).add(id));
  return model;
}

function holders(index: FingerprintIndex, hash: number): number[] {
  const files = index.filesWith(hash);
  if (files === undefined) return [];
  return typeof files === 'number' ? [files] : [...files].sort((a, b) => a - b);
}

describe('FingerprintIndex', () => {
  it('agrees with a map of sets through any sequence of adds and removals', () => {
    // Few distinct hashes, so that files share them, slots collide and probe runs form.
    const hashes = fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }).map((list) => Uint32Array.from(list.sort((a, b) => a - b)));
    const operation = fc.record({ file: fc.integer({ min: 0, max: 12 }), hashes, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const index = new FingerprintIndex();
        const files = new Map<number, Uint32Array>();
        for (const { file, hashes: added, remove } of operations) {
          const held = files.get(file);
          if (held) index.remove(file, held);
          files.delete(file);
          if (remove) continue;
          index.add(file, added);
          files.set(file, added);
        }
        const model = modelOf(files);
        for (let hash = 0; hash <= 300; hash++) {
          assert.deepEqual(holders(index, hash), [...(model.get(hash) ?? [])].sort((a, b) => a - b), `hash ${hash}`);
        }
      }),
    );
  });

  it('grows past its first capacity and keeps every entry', () => {
    const index = new FingerprintIndex();
    const many = Uint32Array.from({ length: 200_000 }, (_, i) => i * 2654435761);
    many.sort();
    index.add(1, many);
    index.add(2, many.subarray(0, 10));
    assert.deepEqual(holders(index, many[5]), [1, 2]);
    assert.deepEqual(holders(index, many[150_000]), [1]);
    index.remove(1, many);
    assert.deepEqual(holders(index, many[5]), [2]);
    assert.equal(index.filesWith(many[150_000]), undefined);
  });
});

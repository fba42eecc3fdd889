import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { changedPairs } from './candidates';
import { FingerprintIndex } from './fingerprint-index';
import { BatchHalf, freshBatchSeeds, seedsOfHalf } from './freshBatch';

const LIMIT = 4;
const SEEDS_NEEDED = 2;

describe('freshBatchSeeds', () => {
  it('finds the pairs, seeds and holders that adding the files to an empty index finds, whether a half is done elsewhere or not', async () => {
    // Few distinct hashes, many of them at either end of the key range: files share them, some as boilerplate.
    const hash = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0xffffffc0, max: 0xffffffff }));
    const file = fc.array(hash, { maxLength: 30 }).map((list) => Uint32Array.from(list.sort((a, b) => a - b)));
    await fc.assert(
      fc.asyncProperty(fc.array(file, { maxLength: 12 }), fc.boolean(), async (lists, onTwoThreads) => {
        const files = lists.map((hashes, id) => ({ id, hashes }));
        const ids = { firstNew: 0, idLimit: files.length };
        const expectedIndex = new FingerprintIndex();
        const expected = changedPairs(expectedIndex, expectedIndex.add(files), [], ids, LIMIT, SEEDS_NEEDED).fresh;
        const elsewhere = onTwoThreads ? async (half: BatchHalf) => structuredClone(seedsOfHalf(half)) : undefined;
        const { index, shared } = await freshBatchSeeds(files, ids, LIMIT, elsewhere);
        assert.deepEqual(shared.pairs(SEEDS_NEEDED, ids), expected);
        for (const list of lists) for (const hash of list) assert.equal(index.places(hash), expectedIndex.places(hash));
      }),
    );
  });
});

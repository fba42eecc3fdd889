import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FingerprintIndex, FingerprintIndexParts, keyOf } from './fingerprint-index';

/** The live files holding a hash, once per occurrence, sorted. */
function holders(index: FingerprintIndex, hash: number): number[] {
  let found: number[] = [];
  index.eachHolders([hash], () => Infinity, (_, listed, count) => (found = [...listed.subarray(0, count)]));
  return found.sort((a, b) => a - b);
}

/** The index made again from copies of its parts, each of its exact length, as a snapshot file gives them back. */
function restored(index: FingerprintIndex): FingerprintIndex {
  const parts = index.parts();
  const copy = <T extends Int32Array | Uint32Array | Uint8Array>(array: T): T => array.slice() as T;
  const copies: FingerprintIndexParts = {
    counts: { ...parts.counts },
    slots: copy(parts.slots),
    chainLive: copy(parts.chainLive),
    chainFirst: copy(parts.chainFirst),
    postingFiles: copy(parts.postingFiles),
    postingNext: copy(parts.postingNext),
    alive: copy(parts.alive),
  };
  return FingerprintIndex.fromParts(copies);
}

describe('FingerprintIndex', () => {
  it('agrees with a plain list of files through any sequence of batches, removals, rebuilds and snapshots, from empty or from a sorted batch', () => {
    // Few distinct hashes, so that files share them and runs hold many equal hashes.
    const hashes = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }).map((list) => Uint32Array.from(list.sort((a, b) => a - b)));
    const batch = fc.record({
      added: fc.array(hashes, { maxLength: 4 }),
      removed: fc.array(fc.nat(), { maxLength: 3 }),
      snapshot: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), fc.boolean(), (batches, firstSorted) => {
        let index = new FingerprintIndex();
        const files = new Map<number, Uint32Array>();
        let nextId = 0;
        if (firstSorted && batches.length > 0) {
          const first = batches.shift()!.added.map((list) => ({ id: nextId++, hashes: list }));
          const entries = first.flatMap(({ id, hashes }) => [...hashes].map((hash) => [keyOf(hash), id])).sort(([a], [b]) => a - b);
          index = FingerprintIndex.ofSortedBatch(Uint32Array.from(entries, ([key]) => key), Uint32Array.from(entries, ([, id]) => id), { firstNew: 0, idLimit: nextId });
          for (const file of first) files.set(file.id, file.hashes);
        }
        for (const { added, removed, snapshot } of batches) {
          if (snapshot) index = restored(index);
          const live = [...files.keys()];
          for (const pick of removed) {
            if (live.length === 0) break;
            const id = live[pick % live.length];
            index.remove({ id, hashes: files.get(id)! });
            files.delete(id);
          }
          const fresh = added.map((list) => ({ id: nextId++, hashes: list }));
          index.add(fresh);
          for (const file of fresh) files.set(file.id, file.hashes);
          index.settle();
        }
        // One sweep over every hash in numeric order (not slot order), at most 2 holders of
        // the odd ones; then the places, which a batch not inserted yet is inserted for.
        const all = Array.from({ length: 301 }, (_, hash) => hash);
        const holdersOf = (hash: number) => [...files].flatMap(([id, list]) => [...list].filter((h) => h === hash).map(() => id)).sort((a, b) => a - b);
        index.eachHolders(
          all,
          (hash) => (hash % 2 === 1 ? 2 : Infinity),
          (hash, listed, count) => {
            const expected = holdersOf(hash);
            const found = [...listed.subarray(0, count)].sort((a, b) => a - b);
            if (hash % 2 === 1) assert.equal(count, Math.min(2, expected.length), `hash ${hash}`);
            else assert.deepEqual(found, expected, `hash ${hash}`);
          },
        );
        for (const hash of all) {
          assert.equal(index.places(hash), holdersOf(hash).length);
          assert.equal(index.places(hash, 2), Math.min(2, holdersOf(hash).length));
        }
      }),
    );
  });

  it('keeps many files through growth and rebuilds, hashes near both ends of the table included', () => {
    const index = new FingerprintIndex();
    const files = new Map<number, Uint32Array>();
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    // A few hashes are shared and some sit at the very top of the range, where probing wraps around.
    const pool = Uint32Array.from({ length: 3000 }, (_, i) => (i < 50 ? 0xffffffff - i : next()));
    for (let id = 0; id < 2000; id++) {
      const hashes = Uint32Array.from({ length: 60 }, () => (next() % 4 === 0 ? pool[next() % pool.length] : next())).sort();
      const inSlotOrder = index.add([{ id, hashes }]);
      assert.deepEqual([...inSlotOrder].sort((a, b) => a - b), [...hashes]);
      for (let i = 1; i < inSlotOrder.length; i++) assert.ok(keyOf(inSlotOrder[i - 1]) <= keyOf(inSlotOrder[i]));
      files.set(id, hashes);
      if (id % 3 === 0) {
        const gone = [...files.keys()][next() % files.size];
        index.remove({ id: gone, hashes: files.get(gone)! });
        files.delete(gone);
      }
      index.settle();
    }
    const expected = new Map<number, number[]>();
    for (const [id, hashes] of files) for (const hash of hashes) expected.set(hash, [...(expected.get(hash) ?? []), id]);
    for (const [hash, ids] of expected) assert.deepEqual(holders(index, hash), ids.sort((a, b) => a - b), `hash ${hash}`);
    for (const hash of pool) assert.equal(index.places(hash), expected.get(hash)?.length ?? 0);
  });
});

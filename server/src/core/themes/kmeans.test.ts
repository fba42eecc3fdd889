import { strict as assert } from 'assert';
import { compactColumns, expandColumns, sphericalKMeans } from './kmeans';
import { Random } from '../random';
import { runAll } from '../steps';
import { SparseVector } from './vectors';

/** Unit vectors around `centres` (one-hot columns), each with a little weight elsewhere. */
function blobs(centres: number[], perBlob: number, dimensions: number, seed: number): SparseVector[] {
  const random = new Random(seed);
  const vectors: SparseVector[] = [];
  for (const centre of centres) {
    for (let i = 0; i < perBlob; i++) {
      const noise = (centre + 1 + Math.floor(random.next() * (dimensions - 1))) % dimensions;
      const [a, b] = centre < noise ? [centre, noise] : [noise, centre];
      const [va, vb] = centre < noise ? [1, 0.3 * random.next()] : [0.3 * random.next(), 1];
      const norm = Math.hypot(va, vb);
      vectors.push({ indices: Int32Array.from([a, b]), values: Float32Array.from([va / norm, vb / norm]) });
    }
  }
  return vectors;
}

describe('sphericalKMeans', () => {
  it('separates well-separated groups', () => {
    const vectors = blobs([0, 5, 9], 20, 12, 1);
    const { assignment } = runAll(sphericalKMeans(vectors, 3, 12, new Random(7)));
    for (let blob = 0; blob < 3; blob++) {
      const clusters = new Set(assignment.slice(blob * 20, blob * 20 + 20));
      assert.equal(clusters.size, 1, `blob ${blob} split across clusters`);
    }
    assert.equal(new Set(assignment).size, 3);
  });

  it('gives the same clusters for the same seed', () => {
    const vectors = blobs([0, 3, 6, 9], 15, 12, 2);
    const first = runAll(sphericalKMeans(vectors, 4, 12, new Random(11)));
    const second = runAll(sphericalKMeans(vectors, 4, 12, new Random(11)));
    assert.deepEqual([...second.assignment], [...first.assignment]);
    assert.equal(second.cohesion, first.cohesion);
  });

  it('keeps k clusters non-empty even when points coincide', () => {
    const same: SparseVector = { indices: Int32Array.from([0]), values: Float32Array.from([1]) };
    const { assignment } = runAll(sphericalKMeans([same, same, same, same], 3, 2, new Random(3)));
    assert.equal(new Set(assignment).size, 3);
  });

  it('clusters the same over only the columns in use, once centroids are expanded back', () => {
    // Blobs over columns 0..11 spread out to every fifth column of 60.
    const vectors = blobs([0, 4, 8], 15, 12, 5).map((v) => ({ indices: v.indices.map((c) => c * 5), values: v.values }));
    const full = runAll(sphericalKMeans(vectors, 3, 60, new Random(9)));
    const compact = compactColumns(vectors, 60);
    assert.ok(compact.columns.length <= 12);
    const small = runAll(sphericalKMeans(compact.vectors, 3, compact.columns.length, new Random(9)));
    assert.deepEqual([...small.assignment], [...full.assignment]);
    assert.deepEqual(expandColumns(small.centroids, compact.columns, 60), full.centroids);
  });
});

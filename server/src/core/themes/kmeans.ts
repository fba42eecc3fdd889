/**
 * Spherical k-means (Dhillon and Modha, 2001): k-means on unit vectors with cosine
 * similarity, the classic way to cluster TF-IDF vectors of documents. Seeded with
 * k-means++ (Arthur and Vassilvitskii, 2007) from a seeded generator, so the same input
 * gives the same clusters; several restarts, keeping the most cohesive.
 */
import type { Random } from '../random';
import type { Steps } from '../steps';
import { SparseVector } from './vectors';

/** k unit-length centroids, stored column by column: weights[column * k + cluster]. */
export interface Centroids {
  k: number;
  dimensions: number;
  weights: Float64Array;
}

export interface Clustering {
  centroids: Centroids;
  /** Cluster of each vector. */
  assignment: Int32Array;
  /** Cosine similarity of each vector to its own centroid. */
  similarity: Float64Array;
  /** Mean of `similarity`: the higher, the tighter the clusters. */
  cohesion: number;
}

export interface KMeansOptions {
  restarts: number;
  maxIterations: number;
}

/** Iterations stop once no more than this share of the vectors changes cluster. */
const SETTLED_SHARE = 0.001;
/** Vectors compared with the centroids between two yields (a few hundred microseconds). */
const VECTORS_PER_STEP = 256;

const defaultKMeansOptions: KMeansOptions = { restarts: 4, maxIterations: 30 };

/** Cosine similarity of a unit vector to each centroid, written into `out` (length k). */
export function centroidSimilarities(vector: SparseVector, centroids: Centroids, out: Float64Array): void {
  const { k, weights } = centroids;
  out.fill(0);
  for (let i = 0; i < vector.indices.length; i++) {
    const value = vector.values[i];
    const base = vector.indices[i] * k;
    for (let c = 0; c < k; c++) out[c] += value * weights[base + c];
  }
}

export function nearestCentroid(vector: SparseVector, centroids: Centroids): { cluster: number; similarity: number } {
  const scores = new Float64Array(centroids.k);
  centroidSimilarities(vector, centroids, scores);
  return argmax(scores);
}

/** Clusters unit vectors (none of them zero) into k clusters, 1 <= k <= vectors.length. */
export function* sphericalKMeans(
  vectors: readonly SparseVector[],
  k: number,
  dimensions: number,
  random: Random,
  options: KMeansOptions = defaultKMeansOptions,
): Steps<Clustering> {
  let best: Clustering | undefined;
  for (let restart = 0; restart < Math.max(1, options.restarts); restart++) {
    const seeds = yield* kMeansPlusPlus(vectors, k, dimensions, random);
    const clustering = yield* refine(vectors, seeds, options.maxIterations);
    if (!best || clustering.cohesion > best.cohesion) best = clustering;
  }
  return best as Clustering;
}

/**
 * The same vectors over only the columns they use, renumbered in order (`columns[local]`
 * is the original column). A sample of a large corpus uses a fraction of its vocabulary,
 * and every centroid update and k-means++ step costs in proportion to the columns; the
 * clustering is the same, as unused columns only ever hold zeros.
 */
export function compactColumns(vectors: readonly SparseVector[], dimensions: number): { vectors: SparseVector[]; columns: Int32Array } {
  const local = new Int32Array(dimensions).fill(-1);
  for (const vector of vectors) for (let i = 0; i < vector.indices.length; i++) local[vector.indices[i]] = 0;
  let used = 0;
  for (let column = 0; column < dimensions; column++) if (local[column] === 0) local[column] = used++;
  const columns = new Int32Array(used);
  for (let column = 0; column < dimensions; column++) if (local[column] >= 0) columns[local[column]] = column;
  const renumbered = vectors.map((vector) => {
    const indices = new Int32Array(vector.indices.length);
    for (let i = 0; i < indices.length; i++) indices[i] = local[vector.indices[i]];
    return { indices, values: vector.values };
  });
  return { vectors: renumbered, columns };
}

/** Centroids over compacted columns, back over all `dimensions` columns (zero where unused). */
export function expandColumns(centroids: Centroids, columns: Int32Array, dimensions: number): Centroids {
  const { k } = centroids;
  const weights = new Float64Array(dimensions * k);
  for (let local = 0; local < columns.length; local++) weights.set(centroids.weights.subarray(local * k, local * k + k), columns[local] * k);
  return { k, dimensions, weights };
}

/** Lloyd iterations from given centroids until (almost) no vector changes cluster. */
export function* refine(vectors: readonly SparseVector[], start: Centroids, maxIterations: number): Steps<Clustering> {
  let centroids = start;
  const n = vectors.length;
  const assignment = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  const scores = new Float64Array(start.k);
  for (let iteration = 0; iteration < Math.max(1, maxIterations); iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      if (i % VECTORS_PER_STEP === VECTORS_PER_STEP - 1) yield;
      centroidSimilarities(vectors[i], centroids, scores);
      const { cluster, similarity: s } = argmax(scores);
      if (assignment[i] !== cluster) changed++;
      assignment[i] = cluster;
      similarity[i] = s;
    }
    if (changed <= n * SETTLED_SHARE) break;
    centroids = centroidsOf(vectors, assignment, similarity, start.k, start.dimensions);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += similarity[i];
  return { centroids, assignment, similarity, cohesion: n > 0 ? total / n : 0 };
}

/**
 * The normalised mean of each cluster's vectors. An empty cluster takes the vector that
 * fits its own cluster worst, so that k clusters stay k.
 */
function centroidsOf(
  vectors: readonly SparseVector[],
  assignment: Int32Array,
  similarity: Float64Array,
  k: number,
  dimensions: number,
): Centroids {
  const sizes = new Int32Array(k);
  for (const cluster of assignment) sizes[cluster]++;
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) continue;
    let worst = -1;
    for (let i = 0; i < vectors.length; i++) {
      if (sizes[assignment[i]] > 1 && (worst < 0 || similarity[i] < similarity[worst])) worst = i;
    }
    if (worst < 0) continue;
    sizes[assignment[worst]]--;
    assignment[worst] = c;
    similarity[worst] = 1;
    sizes[c]++;
  }
  const weights = new Float64Array(dimensions * k);
  vectors.forEach((vector, i) => {
    const cluster = assignment[i];
    for (let j = 0; j < vector.indices.length; j++) weights[vector.indices[j] * k + cluster] += vector.values[j];
  });
  const norms = new Float64Array(k);
  for (let base = 0; base < weights.length; base += k) for (let c = 0; c < k; c++) norms[c] += weights[base + c] * weights[base + c];
  for (let c = 0; c < k; c++) norms[c] = Math.sqrt(norms[c]);
  for (let base = 0; base < weights.length; base += k) for (let c = 0; c < k; c++) if (norms[c] > 0) weights[base + c] /= norms[c];
  return { k, dimensions, weights };
}

/** k-means++: each next seed is drawn with probability proportional to its squared distance from the nearest seed so far. */
function* kMeansPlusPlus(vectors: readonly SparseVector[], k: number, dimensions: number, random: Random): Steps<Centroids> {
  const n = vectors.length;
  const weights = new Float64Array(dimensions * k);
  const closest = new Float64Array(n).fill(-Infinity);
  let seed = Math.floor(random.next() * n);
  for (let c = 0; c < k; c++) {
    yield;
    const chosen = vectors[seed];
    for (let j = 0; j < chosen.indices.length; j++) weights[chosen.indices[j] * k + c] = chosen.values[j];
    const dense = new Float64Array(dimensions);
    for (let j = 0; j < chosen.indices.length; j++) dense[chosen.indices[j]] = chosen.values[j];
    let total = 0;
    const distances = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const v = vectors[i];
      for (let j = 0; j < v.indices.length; j++) s += v.values[j] * dense[v.indices[j]];
      if (s > closest[i]) closest[i] = s;
      const distance = Math.max(0, 1 - closest[i]);
      distances[i] = distance * distance;
      total += distances[i];
    }
    if (c === k - 1) break;
    seed = total > 0 ? drawWeighted(distances, total, random) : Math.floor(random.next() * n);
  }
  return { k, dimensions, weights };
}

function drawWeighted(weights: Float64Array, total: number, random: Random): number {
  let target = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0 && weights[i] > 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

function argmax(scores: Float64Array): { cluster: number; similarity: number } {
  let cluster = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[cluster]) cluster = c;
  return { cluster, similarity: scores[cluster] };
}

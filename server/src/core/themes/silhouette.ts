/**
 * Silhouette (Rousseeuw, 1987): how much closer each item is to its own cluster than to
 * the next nearest one, from -1 to 1, averaged. Used to choose the number of themes.
 * Distances are 1 - cosine similarity. An item alone in its cluster scores 0.
 */
import { Centroids, centroidSimilarities } from './kmeans';
import { SparseVector } from './vectors';

/** The exact silhouette from a full similarity matrix (small corpora). */
export function silhouette(similarity: Float64Array, n: number, assignment: Int32Array): number {
  const k = Math.max(...assignment) + 1;
  const sizes = new Int32Array(k);
  for (const cluster of assignment) sizes[cluster]++;
  let total = 0;
  const distanceSums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const own = assignment[i];
    if (sizes[own] < 2) continue;
    distanceSums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) distanceSums[assignment[j]] += 1 - similarity[i * n + j];
    const a = distanceSums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, distanceSums[c] / sizes[c]);
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  }
  return n > 0 ? total / n : 0;
}

/**
 * The simplified silhouette (Hruschka et al., 2004): distances to centroids instead of to
 * every member, O(n k) instead of O(n²), for corpora too large for the exact one.
 */
export function centroidSilhouette(vectors: readonly SparseVector[], centroids: Centroids, assignment: Int32Array): number {
  if (centroids.k < 2 || vectors.length === 0) return 0;
  const scores = new Float64Array(centroids.k);
  let total = 0;
  vectors.forEach((vector, i) => {
    centroidSimilarities(vector, centroids, scores);
    const a = 1 - scores[assignment[i]];
    let b = Infinity;
    for (let c = 0; c < centroids.k; c++) if (c !== assignment[i]) b = Math.min(b, 1 - scores[c]);
    if (Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  });
  return total / vectors.length;
}

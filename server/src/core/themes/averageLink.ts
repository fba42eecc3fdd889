/**
 * Average-link agglomerative clustering (UPGMA) over a full similarity matrix: for small
 * corpora, where k-means has too few points to settle and the O(n³) cost is nothing.
 * Every step merges the two clusters whose members are, on average, the most similar.
 */

export interface Merge {
  /** The cluster of each item after this merge, numbered 0.. in order of first member. */
  assignment: Int32Array;
  /** Mean pairwise similarity between the two clusters merged. */
  similarity: number;
}

/** `similarity[i * n + j]` for n items. Returns the n - 1 merges, from n - 1 clusters down to one. */
export function averageLinkMerges(similarity: Float64Array, n: number): Merge[] {
  const linkage = Float64Array.from(similarity);
  const size = new Int32Array(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const owner = Int32Array.from({ length: n }, (_, i) => i);
  const merges: Merge[] = [];
  for (let step = 1; step < n; step++) {
    let bestA = -1;
    let bestB = -1;
    let best = -Infinity;
    for (let a = 0; a < n; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b++) {
        if (alive[b] && linkage[a * n + b] > best) {
          best = linkage[a * n + b];
          bestA = a;
          bestB = b;
        }
      }
    }
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === bestA || c === bestB) continue;
      const merged = (size[bestA] * linkage[bestA * n + c] + size[bestB] * linkage[bestB * n + c]) / (size[bestA] + size[bestB]);
      linkage[bestA * n + c] = merged;
      linkage[c * n + bestA] = merged;
    }
    size[bestA] += size[bestB];
    alive[bestB] = false;
    for (let i = 0; i < n; i++) if (owner[i] === bestB) owner[i] = bestA;
    merges.push({ assignment: renumber(owner), similarity: best });
  }
  return merges;
}

function renumber(owner: Int32Array): Int32Array {
  const numbers = new Map<number, number>();
  return owner.map((o) => {
    let number = numbers.get(o);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(o, number);
    }
    return number;
  });
}

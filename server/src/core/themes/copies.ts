/**
 * Copies of one article, found before clustering: pasted into several files, the same
 * article would otherwise pull a centroid towards itself and become a "theme" of its own.
 * Exact copies share a text hash (same words, whatever the spacing or punctuation); near
 * copies (a line added, a typo fixed) have almost the same TF-IDF vector. Candidates for
 * the second test are articles that share their heaviest terms, so no pair is compared
 * blindly.
 */
import type { Steps } from '../steps';
import { SparseVector, heaviestColumns, sparseDot } from './vectors';

/** Cosine similarity above which two articles count as copies of one. */
const COPY_SIMILARITY = 0.9;
/** Heaviest terms per band: two articles sharing a band's terms are compared. */
const BAND_TERMS = 4;
const BANDS = 2;
/**
 * Each article is compared with at most this many earlier members of its bucket: a bucket
 * of thousands (a corpus written from a tiny vocabulary) must not cost millions of pairs.
 */
const MAX_COMPARISONS = 32;
/** Articles (or buckets) handled between two yields. */
const ITEMS_PER_STEP = 128;

/** For each article, the index of the first article with the same words: itself when it is an original. */
export function exactCopies(textHashes: readonly string[]): Int32Array {
  const first = new Map<string, number>();
  return Int32Array.from(textHashes, (hash, i) => {
    const original = first.get(hash);
    if (original !== undefined) return original;
    first.set(hash, i);
    return i;
  });
}

/**
 * Marks near copies among originals in `copyOf` (updated in place): each one then points
 * at the first article of its group. `vectors` may be undefined for articles not compared.
 */
export function* markNearCopies(vectors: readonly (SparseVector | undefined)[], copyOf: Int32Array): Steps<void> {
  const parent = Int32Array.from(copyOf.keys());
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const bandKeys: string[][] = [];
  for (let i = 0; i < vectors.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const vector = vectors[i];
    bandKeys.push(vector && copyOf[i] === i ? bandKeysOf(vector) : []);
  }
  for (let band = 0; band < BANDS; band++) {
    yield;
    const buckets = new Map<string, number[]>();
    bandKeys.forEach((keys, i) => {
      const key = keys[band];
      if (key === undefined) return;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    // Buckets are mostly single articles, a few hold thousands: steps count both.
    let visited = 0;
    for (const bucket of buckets.values()) {
      if (++visited % ITEMS_PER_STEP === 0) yield;
      for (let x = 1; x < bucket.length; x++) {
        if (++visited % ITEMS_PER_STEP === 0) yield;
        for (let y = Math.max(0, x - MAX_COMPARISONS); y < x; y++) {
          const a = bucket[y];
          const b = bucket[x];
          if (find(a) === find(b)) continue;
          if (sparseDot(vectors[a] as SparseVector, vectors[b] as SparseVector) >= COPY_SIMILARITY) {
            const [low, high] = find(a) < find(b) ? [find(a), find(b)] : [find(b), find(a)];
            parent[high] = low;
          }
        }
      }
    }
  }
  for (let i = 0; i < copyOf.length; i++) if (copyOf[i] === i) copyOf[i] = find(i);
  for (let i = 0; i < copyOf.length; i++) copyOf[i] = copyOf[copyOf[i]];
}

/**
 * One key per band: the columns of the band's group of heaviest terms. A vector too short
 * for a full band has a key for its first band only.
 */
function bandKeysOf(vector: SparseVector): string[] {
  const heaviest = heaviestColumns(vector, BANDS * BAND_TERMS);
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const columns = heaviest.slice(band * BAND_TERMS, (band + 1) * BAND_TERMS);
    if (columns.length === BAND_TERMS || (band === 0 && columns.length > 0)) keys.push(columns.sort((a, b) => a - b).join(','));
  }
  return keys;
}

/**
 * TF-IDF vectors over a vocabulary chosen from the corpus: terms in too few articles say
 * nothing shared, terms in most articles say nothing distinctive, so both are dropped.
 * Vectors are sparse, unit length, and cut to their heaviest terms, which keeps
 * clustering ten thousand articles fast and loses little of what an article is about.
 */
import type { ArticleTerms, TermKey } from './terms';

export interface SparseVector {
  /** Column numbers, ascending. */
  indices: Int32Array;
  values: Float32Array;
}

export interface Vocabulary {
  columns: Map<TermKey, number>;
  /** Term key of each column. */
  terms: TermKey[];
  idf: Float64Array;
}

export interface VocabularyOptions {
  /** A term must occur in at least this many articles. */
  minArticles: number;
  /** A term in more than this share of the articles is dropped (only in corpora of `commonTermsFrom` articles or more). */
  maxShare: number;
  /** Below this many articles, a share is too noisy to call a term common. */
  commonTermsFrom: number;
}

const defaultVocabularyOptions: VocabularyOptions = { minArticles: 2, maxShare: 0.5, commonTermsFrom: 10 };

/** Heaviest terms kept per article vector. */
const MAX_TERMS_PER_VECTOR = 120;

function documentFrequencies(articles: readonly ArticleTerms[]): Map<TermKey, number> {
  const df = new Map<TermKey, number>();
  for (const article of articles) for (const key of article.keys) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}

/**
 * Columns are ordered by `canonical` (a term's words), not by term key: keys depend on the
 * order words were first seen in, and clustering must not.
 */
export function buildVocabulary(
  articles: readonly ArticleTerms[],
  extraFeatures: readonly (readonly TermKey[])[],
  canonical: (key: TermKey) => string,
  options: VocabularyOptions = defaultVocabularyOptions,
): Vocabulary {
  const df = documentFrequencies(articles);
  for (const features of extraFeatures) for (const key of new Set(features)) df.set(key, (df.get(key) ?? 0) + 1);
  const n = articles.length;
  const minArticles = Math.min(options.minArticles, Math.max(1, n - 1));
  const maxArticles = n >= options.commonTermsFrom ? options.maxShare * n : n;
  const terms = [...df.entries()]
    .filter(([, count]) => count >= minArticles && count <= maxArticles)
    .map(([key]) => [key, canonical(key)] as const)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([key]) => key);
  const columns = new Map<TermKey, number>();
  const idf = new Float64Array(terms.length);
  terms.forEach((key, column) => {
    columns.set(key, column);
    idf[column] = Math.log((1 + n) / (1 + (df.get(key) ?? 0))) + 1;
  });
  return { columns, terms, idf };
}

/**
 * Sublinear TF (1 + ln tf) times IDF, unit length. Extra features (an article's
 * recognised organisations) count as terms seen once.
 */
export function tfidfVector(
  article: ArticleTerms,
  vocabulary: Vocabulary,
  extraFeatures: readonly TermKey[] = [],
  maxTerms = MAX_TERMS_PER_VECTOR,
): SparseVector {
  const columns: number[] = [];
  const weights: number[] = [];
  const add = (key: TermKey, count: number): void => {
    const column = vocabulary.columns.get(key);
    if (column === undefined) return;
    columns.push(column);
    weights.push((1 + Math.log(count)) * vocabulary.idf[column]);
  };
  for (let i = 0; i < article.keys.length; i++) add(article.keys[i], article.counts[i]);
  for (const key of new Set(extraFeatures)) add(key, 1);
  let order = Array.from(columns.keys());
  if (order.length > maxTerms) order = order.sort((a, b) => weights[b] - weights[a] || columns[a] - columns[b]).slice(0, maxTerms);
  order.sort((a, b) => columns[a] - columns[b]);
  let norm = 0;
  for (const i of order) norm += weights[i] * weights[i];
  norm = Math.sqrt(norm);
  return {
    indices: Int32Array.from(order, (i) => columns[i]),
    values: Float32Array.from(order, (i) => (norm > 0 ? weights[i] / norm : 0)),
  };
}

export function isZero(vector: SparseVector): boolean {
  return vector.indices.length === 0;
}

export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ca = a.indices[i];
    const cb = b.indices[j];
    if (ca === cb) dot += a.values[i++] * b.values[j++];
    else if (ca < cb) i++;
    else j++;
  }
  return dot;
}

export function denseDot(vector: SparseVector, dense: Float64Array): number {
  let dot = 0;
  for (let i = 0; i < vector.indices.length; i++) dot += vector.values[i] * dense[vector.indices[i]];
  return dot;
}

/** The unit-length mean direction of some vectors (zero when they cancel or are empty). */
export function meanDirection(vectors: readonly SparseVector[], dimensions: number): Float64Array {
  const sum = new Float64Array(dimensions);
  for (const vector of vectors) for (let i = 0; i < vector.indices.length; i++) sum[vector.indices[i]] += vector.values[i];
  normalise(sum);
  return sum;
}

export function normalise(dense: Float64Array): void {
  let norm = 0;
  for (let i = 0; i < dense.length; i++) norm += dense[i] * dense[i];
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dense.length; i++) dense[i] *= scale;
}

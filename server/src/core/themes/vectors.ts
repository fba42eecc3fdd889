/**
 * TF-IDF vectors over a vocabulary chosen from the corpus: terms in too few articles say
 * nothing shared, terms in most articles say nothing distinctive, so both are dropped.
 * Vectors are sparse, unit length, and cut to their heaviest terms, which keeps
 * clustering ten thousand articles fast and loses little of what an article is about.
 */
import type { Steps } from '../steps';
import type { ArticleTerms, TermKey } from './terms';
import { TermTable } from './termTable';

export interface SparseVector {
  /** Column numbers, ascending. */
  indices: Int32Array;
  values: Float32Array;
}

export interface Vocabulary {
  /** Term key -> column. */
  columns: TermTable;
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
/** Articles counted between two yields. */
const ARTICLES_PER_STEP = 64;

function* documentFrequencies(articles: readonly ArticleTerms[], extraFeatures: readonly (readonly TermKey[])[]): Steps<TermTable> {
  const df = new TermTable(articles.length * 16);
  for (let at = 0; at < articles.length; at++) {
    if (at % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const article = articles[at];
    for (let i = 0; i < article.keys.length; i++) df.add(article.keys[i], 1);
  }
  for (const features of extraFeatures) for (const key of new Set(features)) df.add(key, 1);
  return df;
}

/**
 * Columns are ordered by a term's words (`inCanonicalOrder`, see TermDictionary), not by
 * term key: keys depend on the order words were first seen in, and clustering must not.
 */
export function* buildVocabulary(
  articles: readonly ArticleTerms[],
  extraFeatures: readonly (readonly TermKey[])[],
  inCanonicalOrder: (keys: TermKey[]) => TermKey[],
  options: VocabularyOptions = defaultVocabularyOptions,
): Steps<Vocabulary> {
  const df = yield* documentFrequencies(articles, extraFeatures);
  const n = articles.length;
  const minArticles = Math.min(options.minArticles, Math.max(1, n - 1));
  const maxArticles = n >= options.commonTermsFrom ? options.maxShare * n : n;
  const kept: TermKey[] = [];
  df.forEach((key, count) => {
    if (count >= minArticles && count <= maxArticles) kept.push(key);
  });
  yield;
  const terms = inCanonicalOrder(kept);
  yield;
  const columns = new TermTable(terms.length);
  terms.forEach((key, column) => columns.set(key, column));
  return { columns, terms, idf: Float64Array.from(terms, (key) => Math.log((1 + n) / (1 + df.get(key))) + 1) };
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
  const { columns, idf } = vocabulary;
  const extras = extraFeatures.length > 0 ? [...new Set(extraFeatures)] : [];
  const candidates = article.keys.length + extras.length;
  const weights = new Float64Array(candidates);
  const found = new Int32Array(candidates);
  let count = 0;
  for (let i = 0; i < candidates; i++) {
    const extra = i >= article.keys.length;
    const column = columns.get(extra ? extras[i - article.keys.length] : article.keys[i]);
    if (column < 0) continue;
    weights[count] = sublinearTf(extra ? 1 : article.counts[i]) * idf[column];
    found[count++] = column;
  }
  const threshold = count > maxTerms ? nthLargest(weights.slice(0, count), maxTerms) : -Infinity;
  // Of the terms weighing exactly the threshold, the lowest columns are kept.
  let atThreshold = Math.min(count, maxTerms);
  for (let i = 0; i < count; i++) if (weights[i] > threshold) atThreshold--;
  const size = Math.min(count, maxTerms);
  // Column and place in `weights` packed in one double, so that a native sort orders them by column.
  const places = 2 ** Math.ceil(Math.log2(count + 1));
  const byColumn = new Float64Array(count);
  let candidatesAt = 0;
  for (let i = 0; i < count; i++) if (weights[i] >= threshold) byColumn[candidatesAt++] = found[i] * places + i;
  byColumn.subarray(0, candidatesAt).sort();
  const indices = new Int32Array(size);
  const kept = new Float64Array(size);
  let norm = 0;
  for (let i = 0, at = 0; i < candidatesAt; i++) {
    // Division and floor: `%` on doubles is a slow library call.
    const column = Math.floor(byColumn[i] / places);
    const weight = weights[byColumn[i] - column * places];
    if (weight === threshold && atThreshold-- <= 0) continue;
    indices[at] = column;
    kept[at++] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  const values = new Float32Array(size);
  if (norm > 0) for (let i = 0; i < size; i++) values[i] = kept[i] / norm;
  return { indices, values };
}

/** 1 + ln(count), from a table for the small counts most terms have: the logarithm is a slow call. */
function sublinearTf(count: number): number {
  return count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count] : 1 + Math.log(count);
}

const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

/** The `n`-th largest value (1-based), by quickselect; reorders `values`. */
function nthLargest(values: Float64Array, n: number): number {
  const target = values.length - n;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target];
}

/** The columns of the `count` heaviest terms, heaviest first (the lower column first among equals). */
export function heaviestColumns(vector: SparseVector, count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < vector.indices.length; i++) {
    const value = vector.values[i];
    if (top.length === count) {
      if (value <= vector.values[top[count - 1]]) continue;
      top.pop();
    }
    // Columns ascend, so an equal weight already kept has the lower column and stays ahead.
    let at = top.length;
    while (at > 0 && vector.values[top[at - 1]] < value) at--;
    top.splice(at, 0, i);
  }
  return top.map((i) => vector.indices[i]);
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

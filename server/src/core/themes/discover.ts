/**
 * Theme discovery over a whole corpus, from scratch:
 *   1. copies of one article are set aside (exact ones by text hash, near ones by cosine),
 *      so that they can neither form a theme of their own nor weigh twice;
 *   2. articles that match a user theme's keywords go to it;
 *   3. the others are clustered on TF-IDF vectors: average-link for small corpora,
 *      spherical k-means for larger ones; the number of themes is chosen by silhouette
 *      unless the user fixed it;
 *   4. themes are named by class-based TF-IDF; copies join their original's theme.
 * The returned model keeps what is needed to place a new or edited article later without
 * re-clustering: the vocabulary with its IDF and one centroid per automatic theme.
 */
import { averageLinkMerges } from './averageLink';
import { exactCopies, markNearCopies } from './copies';
import { Centroids, compactColumns, expandColumns, refine, sphericalKMeans } from './kmeans';
import { LABEL_TERMS, classKeywords, labelOf } from './naming';
import { Random, sampleIndices } from '../random';
import { centroidSilhouette, silhouette } from './silhouette';
import type { Steps } from '../steps';
import { ArticleTerms, TermDictionary, TermKey } from './terms';
import { UserTheme, UserThemeMatcher } from './userThemes';
import { SparseVector, Vocabulary, buildVocabulary, isZero, meanDirection, sparseDot, tfidfVector } from './vectors';

export type ThemeKind = 'user' | 'automatic' | 'other';

export interface Theme {
  id: string;
  label: string;
  keywords: string[];
  kind: ThemeKind;
}

export interface ThemeInput {
  terms: ArticleTerms;
  /** Recognised organisations, as dictionary terms (see `TermDictionary.organisationTerm`). */
  organisations?: readonly TermKey[];
}

export type ClusteringMethod = 'auto' | 'k-means' | 'average-link';

export interface ThemeOptions {
  /** Number of automatic themes; 0 chooses it. */
  count: number;
  userThemes: readonly UserTheme[];
  /** Most automatic themes chosen automatically. */
  maxThemes: number;
  seed: number;
  method: ClusteringMethod;
}

export const defaultThemeOptions: ThemeOptions = { count: 0, userThemes: [], maxThemes: 24, seed: 0x5eed, method: 'auto' };

/** How the last clustering went, for logs and benchmarks. */
export interface ClusteringSummary {
  method: 'average-link' | 'k-means' | 'none';
  /** Articles clustered: not copies, not taken by a user theme, not without any vocabulary term. */
  clustered: number;
}

export interface ThemeModel {
  themes: Theme[];
  clustering: ClusteringSummary;
  /** Index into `themes` for each input article. */
  assignment: Int32Array;
  /** For each input article, the index of the article it copies, or itself. */
  copyOf: Int32Array;
  vocabulary: Vocabulary;
  /** One centroid per automatic theme, in the order of `automaticThemes`. */
  centroids: Centroids | undefined;
  /** Index into `themes` of each centroid. */
  automaticThemes: number[];
  userMatcher: UserThemeMatcher;
  otherTheme: number;
}

/** Up to this many articles, average-link clustering; above it, k-means. */
const SMALL_CORPUS = 150;
/**
 * Average-link only merges clusters whose articles are, on average, more similar than a
 * typical pair of articles in the corpus (mean + one standard deviation of all pairs), and
 * at least this similar: unrelated articles stay apart even in a tiny corpus.
 */
const MIN_MERGE_SIMILARITY = 0.04;
/** The number of themes is chosen on a sample of at most this many articles. */
const SELECTION_SAMPLE = 1000;
/** The final k-means restarts run on a sample of at most this many, then refine on all. */
const SEEDING_SAMPLE = 1500;
const SELECTION_RESTARTS = 1;
/** Candidates in a row scoring below the best after which larger numbers of themes are not tried. */
const SELECTION_PATIENCE = 4;
/** Enough iterations to compare candidate numbers of themes; the final clustering runs longer. */
const SELECTION_ITERATIONS = 10;
const FINAL_RESTARTS = 3;
const MAX_ITERATIONS = 25;
export const OTHER_THEME_ID = 'other';

/** Articles turned into TF-IDF vectors between two yields. */
const VECTORS_PER_STEP = 32;

/**
 * A clustering and the TF-IDF vector it computed for each input article (undefined for
 * copies and articles of user themes). The vectors are not part of the model: a caller
 * takes what it needs from them (keywords) rather than keep them all.
 */
export interface ThemeDiscovery {
  model: ThemeModel;
  vectors: readonly (SparseVector | undefined)[];
}

/** Steps (see core/steps.ts): run them with `runAll` or `runInSlices`. */
export function* discoverThemes(
  inputs: readonly ThemeInput[],
  dictionary: TermDictionary,
  options: ThemeOptions = defaultThemeOptions,
): Steps<ThemeDiscovery> {
  const articles = inputs.map((input) => input.terms);
  const copyOf = exactCopies(articles.map((article) => article.textHash));
  const userMatcher = new UserThemeMatcher(options.userThemes, dictionary);
  const userTheme = Int32Array.from(articles, (article, i) => (copyOf[i] === i ? userMatcher.match(article) : -1));
  const toCluster = articles.flatMap((_, i) => (copyOf[i] === i && userTheme[i] < 0 ? [i] : []));

  const vocabulary = yield* buildVocabulary(
    toCluster.map((i) => articles[i]),
    toCluster.map((i) => inputs[i].organisations ?? []),
    (keys) => dictionary.inCanonicalOrder(keys),
  );
  const vectors: (SparseVector | undefined)[] = new Array(articles.length);
  for (let at = 0; at < toCluster.length; at++) {
    if (at % VECTORS_PER_STEP === VECTORS_PER_STEP - 1) yield;
    const i = toCluster[at];
    vectors[i] = tfidfVector(articles[i], vocabulary, inputs[i].organisations);
  }
  yield* markNearCopies(vectors, copyOf);
  const originals = toCluster.filter((i) => copyOf[i] === i);
  const clustered = originals.filter((i) => !isZero(vectors[i] as SparseVector));
  const clusterVectors = clustered.map((i) => vectors[i] as SparseVector);
  const { clusterOf, method } = yield* clusterArticles(clusterVectors, vocabulary.terms.length, options);

  const themes: Theme[] = options.userThemes.map((theme, i) => ({
    id: `user-${i + 1}`,
    label: theme.name,
    keywords: theme.keywords,
    kind: 'user',
  }));
  const clusterCount = clusterOf.reduce((max, c) => Math.max(max, c + 1), 0);
  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  clustered.forEach((article, i) => members[clusterOf[i]].push(article));
  members.sort((a, b) => b.length - a.length || a[0] - b[0]);
  const keywords = (yield* classKeywords(articles, members, dictionary)).map((keys) => keys.map((key) => dictionary.display(key)));
  const automaticThemes = members.map((_, i) => themes.length + i);
  members.forEach((_, i) => themes.push({ id: `theme-${i + 1}`, label: labelOf(keywords[i]), keywords: keywords[i], kind: 'automatic' }));
  makeLabelsUnique(themes);

  const assignment = new Int32Array(articles.length).fill(-1);
  userTheme.forEach((theme, i) => {
    if (theme >= 0) assignment[i] = theme;
  });
  members.forEach((list, c) => list.forEach((i) => (assignment[i] = automaticThemes[c])));
  let otherTheme = -1;
  for (let i = 0; i < articles.length; i++) {
    if (copyOf[i] !== i) assignment[i] = assignment[copyOf[i]];
    if (assignment[i] >= 0) continue;
    if (otherTheme < 0) {
      otherTheme = themes.length;
      themes.push({ id: OTHER_THEME_ID, label: 'Other', keywords: [], kind: 'other' });
    }
    assignment[i] = otherTheme;
  }
  const dimensions = vocabulary.terms.length;
  yield;
  const centroids = centroidsOf(members.map((list) => list.map((i) => vectors[i] as SparseVector)), dimensions);
  const clustering = { method, clustered: clustered.length };
  return { model: { themes, clustering, assignment, copyOf, vocabulary, centroids, automaticThemes, userMatcher, otherTheme }, vectors };
}

/** A cluster number for each vector, and how they were found. */
function* clusterArticles(
  vectors: readonly SparseVector[],
  dimensions: number,
  options: ThemeOptions,
): Steps<{ clusterOf: number[]; method: ClusteringSummary['method'] }> {
  const n = vectors.length;
  if (n < 2) return { clusterOf: n === 0 ? [] : [0], method: 'none' };
  if (options.method === 'average-link' || (options.method === 'auto' && n <= SMALL_CORPUS)) {
    return { clusterOf: averageLinkClusters(vectors, options.count), method: 'average-link' };
  }
  return { clusterOf: yield* kMeansClusters(vectors, dimensions, options), method: 'k-means' };
}

function averageLinkClusters(vectors: readonly SparseVector[], count: number): number[] {
  const n = vectors.length;
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    similarity[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) similarity[i * n + j] = similarity[j * n + i] = sparseDot(vectors[i], vectors[j]);
  }
  const merges = averageLinkMerges(similarity, n);
  if (count > 0) {
    const clusters = Math.min(count, n);
    return clusters === n ? [...Array(n).keys()] : [...merges[n - clusters - 1].assignment];
  }
  const threshold = Math.max(MIN_MERGE_SIMILARITY, typicalSimilarity(similarity, n));
  let best: number[] = [...Array(n).keys()];
  let bestScore = 0;
  for (const merge of merges) {
    if (merge.similarity < threshold) break;
    const clusters = Math.max(...merge.assignment) + 1;
    if (clusters < 2) break;
    const score = silhouette(similarity, n, merge.assignment);
    if (score > bestScore) {
      bestScore = score;
      best = [...merge.assignment];
    }
  }
  return best;
}

/** Mean plus one standard deviation of the similarities of all pairs. */
function typicalSimilarity(similarity: Float64Array, n: number): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      sum += similarity[i * n + j];
      sumOfSquares += similarity[i * n + j] ** 2;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const mean = sum / pairs;
  return mean + Math.sqrt(Math.max(0, sumOfSquares / pairs - mean * mean));
}

function* kMeansClusters(vectors: readonly SparseVector[], dimensions: number, options: ThemeOptions): Steps<number[]> {
  const random = new Random(options.seed);
  const k = options.count > 0 ? Math.min(options.count, vectors.length) : yield* chooseK(vectors, dimensions, options.maxThemes, random);
  const seeding = compactColumns(
    sampleIndices(vectors.length, SEEDING_SAMPLE, random).map((i) => vectors[i]),
    dimensions,
  );
  yield;
  const sampled = yield* sphericalKMeans(seeding.vectors, k, seeding.columns.length, random, { restarts: FINAL_RESTARTS, maxIterations: MAX_ITERATIONS });
  return [...(yield* refine(vectors, expandColumns(sampled.centroids, seeding.columns, dimensions), MAX_ITERATIONS)).assignment];
}

/**
 * The k with the best silhouette, on a sample, among a spread of candidates up to
 * `maxThemes`. Silhouette climbs towards the number of themes the corpus holds and falls
 * past it, with some noise: once SELECTION_PATIENCE candidates in a row score below the
 * best, the larger ones (the slowest to try) are not tried.
 */
function* chooseK(vectors: readonly SparseVector[], dimensions: number, maxThemes: number, random: Random): Steps<number> {
  const { vectors: sample, columns } = compactColumns(
    sampleIndices(vectors.length, SELECTION_SAMPLE, random).map((i) => vectors[i]),
    dimensions,
  );
  const limit = Math.min(maxThemes, Math.floor(Math.sqrt(sample.length)) + 1);
  let bestK = Math.min(2, sample.length);
  let bestScore = -Infinity;
  let worseInARow = 0;
  for (const k of candidateCounts(limit)) {
    const clustering = yield* sphericalKMeans(sample, k, columns.length, random, { restarts: SELECTION_RESTARTS, maxIterations: SELECTION_ITERATIONS });
    yield;
    const score = centroidSilhouette(sample, clustering.centroids, clustering.assignment);
    if (score > bestScore) {
      bestScore = score;
      bestK = k;
      worseInARow = 0;
    } else if (++worseInARow >= SELECTION_PATIENCE) {
      break;
    }
  }
  return bestK;
}

/** 2, 3, ... 8 one by one, then in steps of about a quarter, up to `limit`. */
function candidateCounts(limit: number): number[] {
  const counts: number[] = [];
  for (let k = 2; k <= limit; k += k < 8 ? 1 : Math.round(k / 4)) counts.push(k);
  return counts;
}

function centroidsOf(clusters: readonly (readonly SparseVector[])[], dimensions: number): Centroids | undefined {
  const k = clusters.length;
  if (k === 0) return undefined;
  const weights = new Float64Array(dimensions * k);
  clusters.forEach((vectors, c) => {
    meanDirection(vectors, dimensions).forEach((weight, column) => {
      if (weight !== 0) weights[column * k + c] = weight;
    });
  });
  return { k, dimensions, weights };
}

/** Two themes must not read the same: a repeated label gains its next keyword. */
function makeLabelsUnique(themes: Theme[]): void {
  const seen = new Set<string>();
  for (const theme of themes) {
    let label = theme.label;
    for (let extra = LABEL_TERMS; seen.has(label.toLowerCase()) && extra < theme.keywords.length; extra++) {
      label = `${label}, ${theme.keywords[extra]}`;
    }
    if (seen.has(label.toLowerCase())) label = `${label} (${theme.id})`;
    seen.add(label.toLowerCase());
    theme.label = label;
  }
}

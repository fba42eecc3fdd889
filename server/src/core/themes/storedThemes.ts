/**
 * A clustering kept between sessions. Clustering is deterministic, so a workspace opened
 * again would be clustered to the themes it had, which takes 20-30 s at 100k articles;
 * the clustering is kept instead, with the articles it was made of (file, place in the
 * file, text hash). Used again, it gives its themes to the articles still the same, and
 * the others are placed by its model as edits are; when too many changed, or the options
 * did, it is not used and the workspace is clustered again.
 *
 * Term keys are numbered in the order words are first seen, which differs from one session
 * to the next: the vocabulary is kept as words (see TermDictionary.writeTerms).
 */
import type { Centroids } from './kmeans';
import type { ClusteringSummary, Theme, ThemeModel, ThemeOptions } from './discover';
import type { Steps } from '../steps';
import type { TermDictionary, WrittenTerms } from './terms';
import { TermTable } from './termTable';
import { UserThemeMatcher } from './userThemes';

/** An article as a clustering knew it: its file, its index among the file's articles, and its text hash. */
export interface ClusteredArticle {
  uri: string;
  index: number;
  textHash: string;
}

/** Keywords chosen for an article at the clustering, and the organisations it mentioned then (see ThemeIndex). */
export interface ChosenKeywords {
  organisations: string;
  /** Columns of the vocabulary, heaviest first. */
  columns: readonly number[];
}

/** What a clustering leaves behind: its model, and per article (in the model's order) what it was and its keywords. */
export interface FinishedClustering {
  options: ThemeOptions;
  model: ThemeModel;
  articles: readonly ClusteredArticle[];
  keywords: readonly (ChosenKeywords | undefined)[];
}

/**
 * A clustering as stored: per article, columns of numbers rather than objects, the model's
 * own columns beside them. At 100k articles, objects made a file of 41 MB, deserialised in
 * 170 ms; columns make 28 MB, deserialised in 56 ms.
 */
export interface StoredThemes {
  /** The options clustered with, as JSON. */
  options: string;
  themes: Theme[];
  clustering: ClusteringSummary;
  automaticThemes: number[];
  otherTheme: number;
  vocabulary: WrittenTerms & { idf: Float64Array };
  centroids: Centroids | undefined;
  /** The files of the articles, each once. */
  files: string[];
  /** Per article: its file (in `files`), its index among the file's articles, its text hash. */
  articleFile: Int32Array;
  articleIndex: Int32Array;
  textHashes: string[];
  assignment: Int32Array;
  copyOf: Int32Array;
  /** Per article, KEYWORD_SLOTS columns of the vocabulary, heaviest first, -1 past the last. */
  keywordColumns: Int32Array;
  /** Per article, whether it was given keywords (1) or not (0). */
  hasKeywords: Uint8Array;
  /** Per article, the organisations it mentioned when its keywords were chosen (see ChosenKeywords). */
  keywordOrganisations: string[];
}

/** A stored clustering made the model of the articles of this session still the same. */
export interface RestoredThemes<T extends ClusteredArticle> {
  model: ThemeModel;
  /** The current articles still as the clustering knew them: those of the model (assignment, copyOf), in its order. */
  entries: T[];
  /** The keywords of the `i`-th of them, read from the stored columns when asked for. */
  keywordsOf(i: number): ChosenKeywords | undefined;
  /** The stored articles gone or changed since (the current ones not matched are new or changed). */
  gone: ClusteredArticle[];
}

/** Keywords kept per article; more are not stored. */
const KEYWORD_SLOTS = 12;
/** Articles matched between two yields. */
const ARTICLES_PER_STEP = 4096;

/** A finished clustering as it is stored, made in steps (see core/steps.ts). */
export function* storedThemes({ options, model, articles, keywords }: FinishedClustering, dictionary: TermDictionary): Steps<StoredThemes> {
  const count = articles.length;
  const files: string[] = [];
  const fileOf = new Map<string, number>();
  const articleFile = new Int32Array(count);
  const articleIndex = new Int32Array(count);
  const textHashes = new Array<string>(count);
  const keywordColumns = new Int32Array(count * KEYWORD_SLOTS).fill(-1);
  const hasKeywords = new Uint8Array(count);
  const keywordOrganisations = new Array<string>(count);
  for (let at = 0; at < count; at++) {
    if (at % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const { uri, index, textHash } = articles[at];
    let file = fileOf.get(uri);
    if (file === undefined) {
      file = files.length;
      fileOf.set(uri, file);
      files.push(uri);
    }
    articleFile[at] = file;
    articleIndex[at] = index;
    textHashes[at] = textHash;
    const chosen = keywords[at];
    if (chosen) keywordColumns.set(chosen.columns.slice(0, KEYWORD_SLOTS), at * KEYWORD_SLOTS);
    hasKeywords[at] = chosen ? 1 : 0;
    keywordOrganisations[at] = chosen?.organisations ?? '';
  }
  yield;
  return {
    options: JSON.stringify(options),
    themes: model.themes,
    clustering: model.clustering,
    automaticThemes: model.automaticThemes,
    otherTheme: model.otherTheme,
    vocabulary: { ...dictionary.writeTerms(model.vocabulary.terms), idf: model.vocabulary.idf },
    centroids: model.centroids,
    files,
    articleFile,
    articleIndex,
    textHashes,
    assignment: model.assignment,
    copyOf: model.copyOf,
    keywordColumns,
    hasKeywords,
    keywordOrganisations,
  };
}

/**
 * The stored clustering as the model of the current articles (`articlesOf` a file, in
 * order; `currentCount` in all), or why it cannot be: made with other options, or more than
 * `maxChangedShare` of its articles changed since.
 */
export function* restoreThemes<T extends ClusteredArticle>(
  stored: StoredThemes,
  articlesOf: (uri: string) => readonly T[] | undefined,
  currentCount: number,
  dictionary: TermDictionary,
  options: ThemeOptions,
  maxChangedShare: number,
): Steps<RestoredThemes<T> | string> {
  if (stored.options !== JSON.stringify(options)) return 'the theme options changed since';
  const count = stored.textHashes.length;
  const matched: T[] = [];
  const kept: number[] = [];
  const gone: ClusteredArticle[] = [];
  for (let at = 0; at < count; at++) {
    if (at % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const uri = stored.files[stored.articleFile[at]];
    const index = stored.articleIndex[at];
    const textHash = stored.textHashes[at];
    const article = articlesOf(uri)?.[index];
    if (article?.textHash === textHash) {
      matched.push(article);
      kept.push(at);
    } else {
      gone.push({ uri, index, textHash });
    }
  }
  const changed = currentCount - matched.length + gone.length;
  if (changed > maxChangedShare * Math.max(1, count)) return `${changed} articles added, changed or removed since, of ${count}`;
  yield;
  const terms = dictionary.readTerms(stored.vocabulary);
  if (!terms) return 'the term dictionary is full';
  yield;
  const columns = new TermTable(terms.length);
  terms.forEach((key, column) => columns.set(key, column));
  yield;
  const assignment = Int32Array.from(kept, (at) => stored.assignment[at]);
  const copyOf = Int32Array.from(kept, (at) => stored.copyOf[at]);
  yield;
  const model: ThemeModel = {
    themes: stored.themes,
    clustering: stored.clustering,
    assignment,
    copyOf,
    vocabulary: { columns, terms, idf: stored.vocabulary.idf },
    centroids: stored.centroids,
    automaticThemes: stored.automaticThemes,
    userMatcher: new UserThemeMatcher(options.userThemes, dictionary),
    otherTheme: stored.otherTheme,
  };
  return { model, entries: matched, keywordsOf: (i) => storedKeywords(stored, kept[i]), gone };
}

function storedKeywords(stored: StoredThemes, at: number): ChosenKeywords | undefined {
  if (!stored.hasKeywords[at]) return undefined;
  const slots = stored.keywordColumns.subarray(at * KEYWORD_SLOTS, (at + 1) * KEYWORD_SLOTS);
  const end = slots.indexOf(-1);
  return { organisations: stored.keywordOrganisations[at], columns: Array.from(end < 0 ? slots : slots.subarray(0, end)) };
}

/** Strings per part of the file: a part is deserialised in one turn. */
const STRINGS_PER_PART = 8192;
/** The columns of strings, written a part at a time after the rest. */
const STRING_COLUMNS = ['textHashes', 'keywordOrganisations'] as const;

/** The parts a SnapshotStore writes: the model and the columns of numbers, then the columns of strings in parts. */
export function* storedThemesParts(stored: StoredThemes): Generator<unknown> {
  const { textHashes, keywordOrganisations, ...rest } = stored;
  yield rest;
  for (const column of [textHashes, keywordOrganisations]) {
    for (let from = 0; from < column.length; from += STRINGS_PER_PART) yield column.slice(from, from + STRINGS_PER_PART);
  }
}

/** Reads back storedThemesParts; throws when they are not what it writes. */
export function* storedThemesFromParts(parts: Iterator<unknown>): Steps<StoredThemes> {
  const head = parts.next().value as Omit<StoredThemes, (typeof STRING_COLUMNS)[number]> | undefined;
  if (!head || typeof head.options !== 'string' || !Array.isArray(head.files) || !(head.articleFile instanceof Int32Array)) throw new Error('no theme model');
  const count = head.articleFile.length;
  const columns = [[], []] as string[][];
  for (const column of columns) {
    while (column.length < count) {
      const part = parts.next().value as unknown;
      if (!Array.isArray(part) || part.length === 0) throw new Error('articles missing');
      column.push(...(part as string[]));
      yield;
    }
  }
  const [textHashes, keywordOrganisations] = columns;
  const perArticle = [head.articleIndex, head.assignment, head.copyOf, head.hasKeywords, textHashes, keywordOrganisations];
  if (perArticle.some((column) => column?.length !== count) || head.keywordColumns?.length !== count * KEYWORD_SLOTS) {
    throw new Error('articles and model do not match');
  }
  return { ...head, textHashes, keywordOrganisations };
}

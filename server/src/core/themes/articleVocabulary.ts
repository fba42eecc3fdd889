/**
 * The terms of an article counted on their own, before any corpus-wide dictionary: its
 * content words as strings, and counts keyed by local word ids (a word's place in the
 * article's own vocabulary). A `TermDictionary` turns them into `ArticleTerms` by giving
 * each word its corpus-wide id (see `TermDictionary.termsOf`).
 *
 * Counting is most of the cost of theme terms and depends on one file alone, so it is a
 * per-file analysis (core/analyses.ts): the language server counts in its index workers
 * and keeps the counts in its index cache, and its own thread only translates them.
 */
import { createHash } from 'crypto';
import { AnalysedText, FileAnalysis, analysisOf } from '../analyses';
import { ownCopy } from '../text';
import { WORD_LIMIT, firstWord, isPhrase, phraseKey, secondWord } from './termKeys';
import { TermTable } from './termTable';
import { contentWordOf, scanWords } from './wordScan';

/** The title says what an article is about: its terms count this many times. */
const TITLE_WEIGHT = 2;
/** Surface words whose normalised form this thread remembers; beyond it they are normalised each time. */
const MAX_SURFACE_FORMS = 200_000;

export interface ArticleVocabulary {
  /** The article's content words, normalised, in order of first appearance (title first): word i has local id i. */
  words: readonly string[];
  /** Per word, 1 when it appeared as written and not only with the plural "s" that normalising strips. */
  bare: ArrayLike<number>;
  /** Per word, its occurrences (in the title counted TITLE_WEIGHT times). */
  wordCounts: ArrayLike<number>;
  /** Two-word phrases as pairs of local ids: first, second, first, second... */
  phrases: ArrayLike<number>;
  /** Per phrase, its occurrences (in the title counted TITLE_WEIGHT times). */
  phraseCounts: ArrayLike<number>;
  /** Equal for two articles whose words are equal, whatever their spacing, case and punctuation. */
  textHash: string;
  /** Content words in the article. */
  contentWords: number;
}

/** Surface word -> its normalised form ('' when not a content word), shared by the articles this thread counts. */
const normalisedForms = new Map<string, string>();

function normalised(surface: string): string {
  let word = normalisedForms.get(surface);
  if (word === undefined) {
    word = contentWordOf(surface);
    // Copies: a slice would keep the whole text it was cut from alive.
    if (normalisedForms.size < MAX_SURFACE_FORMS) normalisedForms.set(ownCopy(surface), ownCopy(word));
  }
  return word;
}

/**
 * Counts the terms of one article: its title (weighted) and its body, in a small table of
 * its own (it stays in the processor's cache). A phrase is two content words side by side,
 * with nothing but spaces and apostrophes between them.
 */
export function articleVocabulary(title: string, body: string): ArticleVocabulary {
  const occurrences = new TermTable((title.length + body.length) / 8);
  const words: string[] = [];
  const bare: number[] = [];
  const localIds = new Map<string, number>();
  /** Surface word -> local id, or -1 when it is not a content word. */
  const surfaceIds = new Map<string, number>();
  const surfaces: string[] = [];
  let contentWords = 0;
  const localId = (surface: string): number => {
    let id = surfaceIds.get(surface);
    if (id !== undefined) return id;
    const word = normalised(surface);
    id = word === '' ? -1 : localIds.get(word);
    if (id === undefined) {
      id = words.length < WORD_LIMIT ? words.length : -1;
      if (id >= 0) {
        localIds.set(word, id);
        words.push(word);
        bare.push(0);
      }
    }
    if (id >= 0 && surface === word) bare[id] = 1;
    surfaceIds.set(surface, id);
    return id;
  };
  const addText = (text: string, weight: number): void => {
    let previous = -1;
    scanWords(text, (surface) => {
      if (surface === undefined) {
        previous = -1;
        return;
      }
      surfaces.push(surface);
      const id = localId(surface);
      if (id >= 0) {
        contentWords++;
        occurrences.add(id, weight);
        if (previous >= 0) occurrences.add(phraseKey(previous, id), weight);
      }
      previous = id;
    });
  };
  addText(title, TITLE_WEIGHT);
  addText(body, 1);
  const wordCounts = new Uint32Array(words.length);
  const phrases: number[] = [];
  const phraseCounts: number[] = [];
  occurrences.forEach((key, count) => {
    if (!isPhrase(key)) wordCounts[key] = count;
    else {
      phrases.push(firstWord(key), secondWord(key));
      phraseCounts.push(count);
    }
  });
  return {
    words,
    bare: Uint8Array.from(bare),
    wordCounts,
    phrases: Uint32Array.from(phrases),
    phraseCounts: Uint32Array.from(phraseCounts),
    textHash: createHash('sha1').update(surfaces.join(' ')).digest('base64'),
    contentWords,
  };
}

/**
 * The vocabularies of a file's articles, in a few arrays for the whole file (cheaper to copy
 * between threads, to cache and to hold than arrays for each article).
 */
export interface FileVocabularies {
  /** Per article: how many words and phrases it has, and its `contentWords`. */
  shapes: Uint32Array;
  /** The words of every article in turn, separated by spaces (a word has none). */
  words: string;
  bare: UnsignedArray;
  wordCounts: UnsignedArray;
  phrases: UnsignedArray;
  phraseCounts: UnsignedArray;
  textHashes: string[];
}

const SHAPE_FIELDS = 3;

/** Counts and local ids are mostly small: each array of a file takes the narrowest type that holds its values. */
type UnsignedArray = Uint8Array | Uint16Array | Uint32Array;

function unsignedArray(length: number, largestValue: number): UnsignedArray {
  if (largestValue <= 0xff) return new Uint8Array(length);
  return largestValue <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

function largest(values: ArrayLike<number>): number {
  let result = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > result) result = values[i];
  return result;
}

/** Files counted by the first of the two analyses below to run on them, until the second takes the count. */
const counted = new WeakMap<AnalysedText, FileVocabularies>();

/**
 * A file's vocabularies, counted once for both analyses below, whichever runs first (the
 * vocabularies when a file is indexed, the text hashes when a theme index asks a file
 * indexed without them): the second takes the count, and it is not kept past that.
 */
function vocabulariesOf(file: AnalysedText): FileVocabularies {
  const known = counted.get(file);
  if (known) {
    counted.delete(file);
    return known;
  }
  const vocabularies = packed(file.articles.map((article) => articleVocabulary(article.title, bodyOf(file, article))));
  counted.set(file, vocabularies);
  return vocabularies;
}

/** Change the version whenever counting would give other vocabularies for the same text. */
export const vocabulariesAnalysis: FileAnalysis<FileVocabularies> = {
  name: 'themes.vocabularies',
  version: '1',
  analyse: vocabulariesOf,
};

/**
 * The articles' text hashes on their own: a theme index needs them as each file arrives,
 * and the vocabularies only when it clusters. Small, they are read from the index cache
 * with their file, and the vocabularies when first asked for (see decodeEntry).
 */
export const textHashesAnalysis: FileAnalysis<readonly string[]> = {
  name: 'themes.textHashes',
  version: '1',
  analyse: (file) => vocabulariesOf(file).textHashes,
};

function bodyOf(file: AnalysedText, article: AnalysedText['articles'][number]): string {
  return file.text.slice(file.lines.lineStart(article.bodyStartLine), article.endOffset);
}

function packed(vocabularies: readonly ArticleVocabulary[]): FileVocabularies {
  const shapes = new Uint32Array(vocabularies.length * SHAPE_FIELDS);
  vocabularies.forEach((vocabulary, i) => {
    shapes[i * SHAPE_FIELDS] = vocabulary.words.length;
    shapes[i * SHAPE_FIELDS + 1] = vocabulary.phraseCounts.length;
    shapes[i * SHAPE_FIELDS + 2] = vocabulary.contentWords;
  });
  const joined = (part: (vocabulary: ArticleVocabulary) => ArrayLike<number>): UnsignedArray => {
    const parts = vocabularies.map(part);
    const result = unsignedArray(parts.reduce((sum, values) => sum + values.length, 0), parts.reduce((most, values) => Math.max(most, largest(values)), 0));
    let at = 0;
    for (const values of parts) {
      result.set(values, at);
      at += values.length;
    }
    return result;
  };
  return {
    shapes,
    words: vocabularies.map((v) => v.words.join(' ')).filter((words) => words !== '').join(' '),
    bare: joined((v) => v.bare),
    wordCounts: joined((v) => v.wordCounts),
    phrases: joined((v) => v.phrases),
    phraseCounts: joined((v) => v.phraseCounts),
    textHashes: vocabularies.map((v) => v.textHash),
  };
}

function unpacked(file: FileVocabularies): ArticleVocabulary[] {
  const allWords = file.words === '' ? [] : file.words.split(' ');
  const vocabularies: ArticleVocabulary[] = [];
  let word = 0;
  let phrase = 0;
  file.textHashes.forEach((textHash, i) => {
    const wordsEnd = word + file.shapes[i * SHAPE_FIELDS];
    const phrasesEnd = phrase + file.shapes[i * SHAPE_FIELDS + 1];
    vocabularies.push({
      words: allWords.slice(word, wordsEnd),
      bare: file.bare.subarray(word, wordsEnd),
      wordCounts: file.wordCounts.subarray(word, wordsEnd),
      phrases: file.phrases.subarray(phrase * 2, phrasesEnd * 2),
      phraseCounts: file.phraseCounts.subarray(phrase, phrasesEnd),
      textHash,
      contentWords: file.shapes[i * SHAPE_FIELDS + 2],
    });
    word = wordsEnd;
    phrase = phrasesEnd;
  });
  return vocabularies;
}

/** The vocabularies of a file's articles, taken out of it (see takeVocabularies). */
export interface TakenVocabularies {
  /** By article: equal for two articles whose words are equal (see ArticleVocabulary.textHash). */
  textHashes: readonly string[];
  /** The vocabulary of the article at `index`; the file's are unpacked together, on the first call. */
  vocabulary(index: number): ArticleVocabulary;
}

/**
 * The vocabularies of a file's articles, in order: as the corpus computed them, or counted
 * now. Taken out of the file when first asked for: about as large as the terms a theme index
 * makes of them, they are needed once, when the index first needs the terms (the index
 * cache keeps its own copy).
 */
export function takeVocabularies(file: AnalysedText & { analyses: Record<string, unknown> }): TakenVocabularies {
  let vocabularies: ArticleVocabulary[] | undefined;
  const take = (): ArticleVocabulary[] => {
    const taken = unpacked(analysisOf(file, vocabulariesAnalysis));
    delete file.analyses[vocabulariesAnalysis.name];
    return taken;
  };
  return { textHashes: analysisOf(file, textHashesAnalysis), vocabulary: (index) => (vocabularies ??= take())[index] };
}

/**
 * Names for themes by class-based TF-IDF, as BERTopic names its topics (Grootendorst,
 * 2022): all articles of a theme are read as one document, and a term weighs
 *   (its frequency in the theme) × log(1 + average words per theme / its frequency in all themes),
 * so the top terms are frequent in this theme and rare in the others.
 */
import type { Steps } from '../steps';
import { ArticleTerms, TermDictionary, TermKey } from './terms';
import { TermTable } from './termTable';

const KEYWORDS_PER_THEME = 8;
export const LABEL_TERMS = 3;
/**
 * A keyword must occur in at least this share of a theme's articles, and in two of them
 * when it has two or more: one article (or one title) cannot name its theme alone.
 */
const MIN_ARTICLE_SHARE = 0.2;
/** Articles counted between two yields. */
const ARTICLES_PER_STEP = 64;

/** Keyword term keys for each class (a class is a list of article indices), best first. */
export function* classKeywords(
  articles: readonly ArticleTerms[],
  classes: readonly (readonly number[])[],
  dictionary: TermDictionary,
  count = KEYWORDS_PER_THEME,
): Steps<TermKey[][]> {
  const frequencies: { counts: TermTable; articleCounts: TermTable; size: number }[] = [];
  for (const members of classes) frequencies.push(yield* classFrequencies(articles, members));
  const overall = new TermTable();
  let totalWords = 0;
  for (const { counts } of frequencies) {
    counts.forEach((key, value) => {
      overall.add(key, value);
      totalWords += value;
    });
  }
  const averageWords = classes.length > 0 ? totalWords / classes.length : 0;
  const keywords: TermKey[][] = [];
  for (const { counts, articleCounts, size } of frequencies) {
    yield;
    let classWords = 0;
    counts.forEach((_, value) => (classWords += value));
    const minArticles = Math.max(Math.min(2, size), Math.ceil(MIN_ARTICLE_SHARE * size));
    const scored: [TermKey, number, number][] = [];
    counts.forEach((key, value) => {
      if (articleCounts.get(key) < minArticles) return;
      const tf = value / Math.max(1, classWords);
      scored.push([key, tf * Math.log(1 + averageWords / Math.max(1, overall.get(key))), 0]);
    });
    // Ties are broken by the terms' words, in the dictionary's canonical order: a theme of one
    // long article of words seen once has hundreds of thousands of tied terms, and spelling
    // both out at each comparison took seconds.
    const orders = dictionary.canonicalOrders(scored.map(([key]) => key));
    scored.forEach((entry, i) => (entry[2] = orders[i]));
    scored.sort((a, b) => b[1] - a[1] || a[2] - b[2]);
    keywords.push(distinctTerms(scored, dictionary, count));
  }
  return keywords;
}

/** Readable label from keywords: the first few, as the user reads them. */
export function labelOf(keywords: readonly string[]): string {
  return keywords.slice(0, LABEL_TERMS).join(', ');
}

function* classFrequencies(
  articles: readonly ArticleTerms[],
  members: readonly number[],
): Steps<{ counts: TermTable; articleCounts: TermTable; size: number }> {
  const counts = new TermTable();
  const articleCounts = new TermTable();
  for (let at = 0; at < members.length; at++) {
    if (at % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const { keys, counts: values } = articles[members[at]];
    for (let i = 0; i < keys.length; i++) {
      counts.add(keys[i], values[i]);
      articleCounts.add(keys[i], 1);
    }
  }
  return { counts, articleCounts, size: members.length };
}

/** How far down the ranking a phrase may still replace the words it is made of. */
const PHRASE_LOOKAHEAD = 4;
/** A phrase replaces a chosen word when it weighs at least this share of the word: it is how the word is mostly used. */
const PHRASE_SHARE = 0.5;

/**
 * The first `count` terms that say something new. A phrase takes the place of its chosen
 * words when it is how they are mostly used ("hate crime" rather than "hate" and "crime"),
 * even when it ranks a little below the last place; otherwise a phrase around a chosen
 * word, or a word inside a chosen phrase, adds nothing.
 */
function distinctTerms(ranked: readonly (readonly [TermKey, number, ...unknown[]])[], dictionary: TermDictionary, count: number): TermKey[] {
  const chosen: [TermKey, number][] = [];
  const coveredWords = new Set<TermKey>();
  for (const [key, score] of ranked.slice(0, count * PHRASE_LOOKAHEAD)) {
    const words = dictionary.wordsOf(key);
    const inside = chosen.filter(([term]) => term !== key && words.includes(term));
    if (words.some((word) => coveredWords.has(word) && !inside.some(([term]) => term === word))) continue;
    if (inside.length > 0) {
      if (inside.some(([, wordScore]) => score < PHRASE_SHARE * wordScore)) continue;
      chosen[chosen.indexOf(inside[0])] = [key, score];
      if (inside.length > 1) chosen.splice(chosen.indexOf(inside[1]), 1);
    } else if (chosen.length < count) {
      chosen.push([key, score]);
    } else {
      continue;
    }
    for (const word of words) coveredWords.add(word);
  }
  return chosen.map(([key]) => key);
}

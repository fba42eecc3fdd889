/**
 * Bag-of-words vectors and cosine similarity: the measure of lexical cohesion used to
 * tell a new article from a new section of the same one.
 */
import { isStopWord } from './stopwords';

export type TermVector = Map<string, number>;

/**
 * Lower-cased content words with a light plural strip, so "crimes" meets "crime".
 * A character loop rather than a Unicode regex: this runs over much of every file.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c > 127 && isLetter(lower[i]));
    const apostrophe = (c === 39 || c === 0x2019) && start >= 0;
    if (letter || apostrophe) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) addWord(words, lower.slice(start, i));
    start = -1;
  }
  return words;
}

/** "nurse's" and "nurses’" → "nurse" / "nurses": a trailing apostrophe and s. */
function stripPossessive(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, -1);
  const beforeLast = word.charCodeAt(word.length - 2);
  return last === 115 && (beforeLast === 39 || beforeLast === 0x2019) ? word.slice(0, -2) : word;
}

const LETTER = /\p{L}/u;
function isLetter(char: string): boolean {
  return LETTER.test(char);
}

function addWord(words: string[], raw: string): void {
  let word = stripPossessive(raw);
  if (word.length < 3 || isStopWord(word)) return;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
  words.push(word);
}

/**
 * Sublinear term frequency (1 + ln tf), so one word repeated often cannot dominate.
 * Takes text, or its content words when the caller already has them.
 */
export function termVector(text: string | string[]): TermVector {
  const counts: TermVector = new Map();
  for (const word of typeof text === 'string' ? contentWords(text) : text) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word, count] of counts) counts.set(word, 1 + Math.log(count));
  return counts;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

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
  const spans = new WordSpans(lower, 0, lower.length);
  while (spans.next()) {
    const word = contentForm(lower.slice(spans.start, spans.end));
    if (word !== undefined) words.push(word);
  }
  return words;
}

/** Shorter words ("an", "us", "tv") carry too little meaning to compare. */
const MIN_WORD_CHARS = 3;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LOWER_S = 0x73;

/**
 * The words of a lower-cased text from `start` to `end`, as contentWords splits them, given
 * as character ranges for callers that look words up without making a string of each: runs
 * of letters, with apostrophes after the first letter ("don't"), less a possessive ending
 * ("nurse's", "nurses’" → "nurse", "nurses"), at least MIN_WORD_CHARS long.
 * Call next() until it returns false.
 */
export class WordSpans {
  /** The current word: start inclusive, end exclusive. */
  start = 0;
  end = 0;

  constructor(
    private readonly lower: string,
    private position: number,
    private readonly stop: number,
  ) {}

  next(): boolean {
    const { lower, stop } = this;
    let i = this.position;
    while (i < stop) {
      while (i < stop && !isLetter(lower.charCodeAt(i))) i++;
      if (i === stop) break;
      const start = i;
      for (i++; i < stop; i++) {
        const c = lower.charCodeAt(i);
        if (!isLetter(c) && c !== APOSTROPHE && c !== RIGHT_QUOTE) break;
      }
      const end = withoutPossessive(lower, start, i);
      if (end - start >= MIN_WORD_CHARS) {
        this.position = i;
        this.start = start;
        this.end = end;
        return true;
      }
    }
    this.position = stop;
    return false;
  }
}

/** Where the word from `start` to `end` ends without a trailing apostrophe, or apostrophe and s. */
function withoutPossessive(lower: string, start: number, end: number): number {
  const last = lower.charCodeAt(end - 1);
  if (last === APOSTROPHE || last === RIGHT_QUOTE) return end - 1;
  if (end - start < 2 || last !== LOWER_S) return end;
  const beforeLast = lower.charCodeAt(end - 2);
  return beforeLast === APOSTROPHE || beforeLast === RIGHT_QUOTE ? end - 2 : end;
}

/**
 * `text` in lower case if every character keeps its offset, so that each line of the result
 * is that line lowered on its own; undefined if not. Only "İ" lowers to more UTF-16 units
 * (two), and lowering never looks across a line break: the one rule with context ("Σ" ends
 * a word as "ς") stops at characters that are neither letters nor marks.
 */
export function lowerCaseInPlace(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

/** A lower-case letter: a-z, or any letter outside ASCII. */
function isLetter(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  let known = nonAsciiLetters[c];
  if (known === UNKNOWN) {
    known = LETTER.test(String.fromCharCode(c)) ? IS_LETTER : NOT_LETTER;
    nonAsciiLetters[c] = known;
  }
  return known === IS_LETTER;
}

const LETTER = /\p{L}/u;
const UNKNOWN = 0;
const IS_LETTER = 1;
const NOT_LETTER = 2;
/**
 * Whether each UTF-16 unit is a letter, filled in as met: testing \p{L} for each
 * non-ASCII character was a large share of the time spent on lines holding them.
 */
const nonAsciiLetters = new Uint8Array(0x10000);

/** A word as compared, or undefined for a stop word: "crimes" → "crime", but "across" stays. */
export function contentForm(word: string): string | undefined {
  if (isStopWord(word)) return undefined;
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
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

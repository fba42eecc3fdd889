/**
 * The terms of an article for theme discovery: content words and two-word phrases.
 *
 * Words are normalised by `contentWords` (lower case, stop words out, light plural strip).
 * A phrase is two content words side by side, with no stop word, number or punctuation
 * between them, so "integrated care" is a phrase in "integrated care systems" but
 * "speed trust" is not one in "the speed of trust".
 *
 * Terms are numbers, not strings: a word gets an id in a shared `TermDictionary`, and a
 * phrase is the pair of its word ids packed into one number. Ten thousand articles hold
 * millions of phrase occurrences; numbers keep that in typed arrays instead of strings.
 */
import { contentWords } from '../cohesion';
import { createHash } from 'crypto';
import { TermTable } from './termTable';
import { ownCopy } from '../text';

/** Word ids stay below this, so that a phrase key (first + 1) * WORD_LIMIT + second is an exact double. */
const WORD_LIMIT = 2 ** 22;
/** Surface words whose word id is cached; beyond it they are normalised each time. */
const MAX_SURFACE_FORMS = 500_000;
/** Marks an organisation's entry in the dictionary, apart from any word spelled the same. */
const ORGANISATION_MARK = '\u0000';
/** The title says what an article is about: its terms count this many times. */
const TITLE_WEIGHT = 2;

export type TermKey = number;

export interface ArticleTerms {
  /** Term keys, ascending. */
  keys: Float64Array;
  /** Occurrences of each term (title terms counted TITLE_WEIGHT times), parallel to `keys`. */
  counts: Float32Array;
  /** Equal for two articles whose words are equal, whatever their spacing, case and punctuation. */
  textHash: string;
  /** Content words in the article. */
  words: number;
}

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

export class TermDictionary {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /** Surface word (lower case) -> the id of its normalised word, or -1 when it is not a content word. */
  private readonly surfaceIds = new Map<string, number>();
  /**
   * Per word id, whether it was seen as written ("service") and not only with the plural
   * "s" that normalising strips ("services"): words are shown as they are written.
   */
  private readonly seenBare: boolean[] = [];

  /**
   * Counts the terms of one article: its title (weighted) and its body, in a small table of
   * its own (it stays in the processor's cache), then sorts only the distinct terms.
   */
  articleTerms(title: string, body: string): ArticleTerms {
    const occurrences = new TermTable((title.length + body.length) / 8);
    const surfaces: string[] = [];
    let words = 0;
    const addText = (text: string, weight: number): void => {
      let previous = -1;
      scanWords(text, (surface) => {
        if (surface === undefined) {
          previous = -1;
          return;
        }
        surfaces.push(surface);
        const id = this.wordId(surface);
        if (id < 0) {
          previous = -1;
          return;
        }
        words++;
        occurrences.add(id, weight);
        if (previous >= 0) occurrences.add(phraseKey(previous, id), weight);
        previous = id;
      });
    };
    addText(title, TITLE_WEIGHT);
    addText(body, 1);
    return { ...sortedCounts(occurrences), textHash: createHash('sha1').update(surfaces.join(' ')).digest('base64'), words };
  }

  /**
   * A user's keyword ("integrated care", "ICS") as term keys: one key for one or two words,
   * the key of each phrase inside a longer keyword. Empty when no content word is left.
   */
  keywordTerms(keyword: string): TermKey[] {
    const ids: number[] = [];
    scanWords(keyword, (surface) => {
      const id = surface === undefined ? -1 : this.wordId(surface);
      if (id >= 0) ids.push(id);
    });
    if (ids.length === 1) return ids;
    const phrases: TermKey[] = [];
    for (let i = 1; i < ids.length; i++) phrases.push(phraseKey(ids[i - 1], ids[i]));
    return phrases;
  }

  /** A recognised organisation as one feature of its own, beside the words of its name. */
  organisationTerm(name: string): TermKey {
    return this.intern(ORGANISATION_MARK + name);
  }

  /** How a term is shown: its words as written, or an organisation's name. */
  display(key: TermKey): string {
    if (key < WORD_LIMIT) return this.displayWord(key);
    const first = Math.floor(key / WORD_LIMIT) - 1;
    return `${this.displayWord(first)} ${this.displayWord(key - (first + 1) * WORD_LIMIT)}`;
  }

  /** The words of a term: one for a word, two for a phrase. */
  wordsOf(key: TermKey): TermKey[] {
    if (key < WORD_LIMIT) return [key];
    const first = Math.floor(key / WORD_LIMIT) - 1;
    return [first, key - (first + 1) * WORD_LIMIT];
  }

  /** A key that orders terms the same way whatever order their words were first seen in. */
  canonical(key: TermKey): string {
    return this.wordsOf(key)
      .map((id) => this.words[id] ?? '')
      .join(' ');
  }

  private displayWord(id: number): string {
    const word = this.words[id] ?? '';
    if (word.startsWith(ORGANISATION_MARK)) return word.slice(ORGANISATION_MARK.length);
    return this.seenBare[id] ? word : `${word}s`;
  }

  /** The id of a surface word's normalised form, or -1 when it is not a content word. */
  private wordId(surface: string): number {
    let id = this.surfaceIds.get(surface);
    if (id === undefined) {
      const word = contentWords(surface)[0] ?? '';
      id = word === '' ? -1 : this.intern(word);
      if (id >= 0 && surface === word) this.seenBare[id] = true;
      if (this.surfaceIds.size < MAX_SURFACE_FORMS) this.surfaceIds.set(ownCopy(surface), id);
    }
    return id;
  }

  private intern(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      if (this.words.length >= WORD_LIMIT) return -1;
      id = this.words.length;
      const kept = ownCopy(word);
      this.wordIds.set(kept, id);
      this.words.push(kept);
      this.seenBare.push(word.startsWith(ORGANISATION_MARK));
    }
    return id;
  }
}

/** The keys of a table ascending, and the value of each. */
function sortedCounts(table: TermTable): { keys: Float64Array; counts: Float32Array } {
  const keys = new Float64Array(table.size);
  let at = 0;
  table.forEach((key) => (keys[at++] = key));
  keys.sort();
  const counts = new Float32Array(keys.length);
  for (let i = 0; i < keys.length; i++) counts[i] = table.get(keys[i]);
  return { keys, counts };
}

/**
 * Calls `onToken` with each lower-cased word of a text (a letter, then letters and
 * apostrophes), and with undefined for each run of other characters that breaks a phrase
 * (digits, punctuation). A hand-written scanner: a Unicode regular expression is several
 * times slower on the millions of words of a large corpus. Letters outside the Basic
 * Multilingual Plane count as breaks.
 */
function scanWords(original: string, onToken: (surface: string | undefined) => void): void {
  const text = original.toLowerCase();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let end = i + 1;
      for (let d = text.charCodeAt(end); end < n && (isLetter(d) || isApostrophe(d)); d = text.charCodeAt(++end));
      onToken(withoutPossessive(text.slice(i, end)));
      i = end;
    } else if (isSpace(c) || isApostrophe(c)) {
      i++;
    } else {
      let end = i + 1;
      for (let d = text.charCodeAt(end); end < n && !isLetter(d) && !isSpace(d); d = text.charCodeAt(++end));
      onToken(undefined);
      i = end;
    }
  }
}

/** "charity’s" and "patients’" read "charity" and "patients", as in `contentWords`. */
function withoutPossessive(word: string): string {
  let end = word.length;
  if (word.charCodeAt(end - 1) === 115 && isApostrophe(word.charCodeAt(end - 2))) end -= 2;
  else if (isApostrophe(word.charCodeAt(end - 1))) end -= 1;
  while (end > 1 && isApostrophe(word.charCodeAt(end - 1))) end--;
  return end === word.length ? word : word.slice(0, end);
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_QUOTE;
}

function isLetter(c: number): boolean {
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return true;
  return c > 127 && LETTER.test(String.fromCharCode(c));
}

function isSpace(c: number): boolean {
  return c <= 32 || (c > 127 && SPACE.test(String.fromCharCode(c)));
}

function phraseKey(first: number, second: number): TermKey {
  return (first + 1) * WORD_LIMIT + second;
}

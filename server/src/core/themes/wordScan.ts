/**
 * The words of a text as theme terms see them: lower-cased runs of letters, with the breaks
 * between them that end a phrase, and each word's normalised form (see `contentWords`).
 */
import { contentWords } from '../cohesion';

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/**
 * Calls `onToken` with each lower-cased word of a text (a letter, then letters and
 * apostrophes), and with undefined for each run of other characters that breaks a phrase
 * (digits, punctuation). A hand-written scanner: a Unicode regular expression is several
 * times slower on the millions of words of a large corpus. Letters outside the Basic
 * Multilingual Plane count as breaks.
 */
export function scanWords(original: string, onToken: (surface: string | undefined) => void): void {
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

/** The normalised form of a word as `scanWords` gives it ("services" → "service"), or '' when it is not a content word. */
export function contentWordOf(surface: string): string {
  return contentWords(surface)[0] ?? '';
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

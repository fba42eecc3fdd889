/**
 * What kind of character stands at a place in a text: the questions the tokeniser and the
 * title-case test ask of every character, answered for ASCII without a regular expression
 * (nearly every character of an English corpus is ASCII) and for the rest by Unicode class.
 */
const UPPER_CASE = /^\p{Lu}/u;
const LOWER_CASE = /^\p{Ll}/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
const NUMBER = /^\p{N}/u;

/**
 * The whole character at `i` (both halves of a surrogate pair), for a Unicode class test;
 * none outside the text, where callers that look ahead may ask ("St Thomas' " at the end).
 */
function characterAt(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** A character's classes as bits (see classesOf); `known`: its classes have been found. */
const CLASS = { known: 1, word: 2, upper: 4, lower: 8, space: 16, number: 32 } as const;

/**
 * By UTF-16 code unit outside ASCII, bar surrogates: its classes, found by the regular
 * expressions the first time it is met. The tokeniser asks about every curly quote, pound
 * sign and bullet of the corpus, and testing each afresh (a string made for each, then a
 * regular expression or two) cost a twentieth of tokenising an English text.
 */
const classes = new Uint8Array(0x10000);

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** The classes of the code unit `c`, not a surrogate (see classes); none past the text (NaN, undefined). */
function classesOf(c: number): number {
  if (!(c <= 0xffff)) return 0;
  let found = classes[c];
  if (found === 0) {
    const character = String.fromCharCode(c);
    found =
      CLASS.known |
      (WORD_CHARACTER.test(character) ? CLASS.word : 0) |
      (UPPER_CASE.test(character) ? CLASS.upper : 0) |
      (LOWER_CASE.test(character) ? CLASS.lower : 0) |
      (SPACE.test(character) ? CLASS.space : 0) |
      (NUMBER.test(character) ? CLASS.number : 0);
    classes[c] = found;
  }
  return found;
}

/** Letters, digits and combining marks. */
export function isWordCode(text: string, i: number): boolean {
  return isWordUnit(text.charCodeAt(i), text, i);
}

/** isWordCode, given the code unit `c` at `i`: an ASCII one is told without reading the text. */
export function isWordUnit(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (!isSurrogate(c)) return (classesOf(c) & CLASS.word) !== 0;
  return WORD_CHARACTER.test(characterAt(text, i));
}

export function isUpperCode(text: string, i: number): boolean {
  return isUpperUnit(text.charCodeAt(i), text, i);
}

/** isUpperCode, given the code unit `c` at `i` (see isWordUnit). */
export function isUpperUnit(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (!isSurrogate(c)) return (classesOf(c) & CLASS.upper) !== 0;
  return UPPER_CASE.test(characterAt(text, i));
}

export function isLowerCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  if (!isSurrogate(c)) return (classesOf(c) & CLASS.lower) !== 0;
  return LOWER_CASE.test(characterAt(text, i));
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A space other than " " and tab, which the tokeniser tests first: non-breaking, em spaces and the like. */
export function isOtherSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // A surrogate, alone, is no space (as /\s/ says of half a pair).
  return c > 127 && !isSurrogate(c) && (classesOf(c) & CLASS.space) !== 0;
}

/** Apostrophes, hyphens, slashes and "&" join two runs of letters into one word. */
export function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 38;
}

export function startsWithNumber(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 48 && c <= 57;
  if (!isSurrogate(c)) return (classesOf(c) & CLASS.number) !== 0;
  return NUMBER.test(characterAt(text, at));
}

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

/** Letters, digits and combining marks. */
export function isWordCode(text: string, i: number): boolean {
  return isWordUnit(text.charCodeAt(i), text, i);
}

/** isWordCode, given the code unit `c` at `i`: an ASCII one is told without reading the text. */
export function isWordUnit(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHARACTER.test(characterAt(text, i));
}

export function isUpperCode(text: string, i: number): boolean {
  return isUpperUnit(text.charCodeAt(i), text, i);
}

/** isUpperCode, given the code unit `c` at `i` (see isWordUnit). */
export function isUpperUnit(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_CASE.test(characterAt(text, i));
}

export function isLowerCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_CASE.test(characterAt(text, i));
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A space other than " " and tab, which the tokeniser tests first: non-breaking, em spaces and the like. */
export function isOtherSpace(text: string, i: number): boolean {
  return text.charCodeAt(i) > 127 && SPACE.test(text[i]);
}

/** Apostrophes, hyphens, slashes and "&" join two runs of letters into one word. */
export function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 38;
}

export function startsWithNumber(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? c >= 48 && c <= 57 : NUMBER.test(characterAt(text, at));
}

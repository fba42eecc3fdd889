/**
 * Term keys: a word is its id, a phrase is the pair of its word ids packed into one number.
 * The same packing serves word ids in a corpus-wide dictionary and within one article.
 */
export type TermKey = number;

/** Word ids stay below this, so that a phrase key (first + 1) * WORD_LIMIT + second is an exact double. */
export const WORD_LIMIT = 2 ** 22;

export function phraseKey(first: number, second: number): TermKey {
  return (first + 1) * WORD_LIMIT + second;
}

export function isPhrase(key: TermKey): boolean {
  return key >= WORD_LIMIT;
}

/** The first word of a phrase key. */
export function firstWord(key: TermKey): number {
  return Math.floor(key / WORD_LIMIT) - 1;
}

/** The second word of a phrase key. */
export function secondWord(key: TermKey): number {
  return key - (firstWord(key) + 1) * WORD_LIMIT;
}

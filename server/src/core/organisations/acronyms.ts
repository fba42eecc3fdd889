/**
 * Acronym definitions, after Schwartz & Hearst (2003), "A simple algorithm for identifying
 * abbreviation definitions in biomedical text": in "long form (SF)" or "SF (long form)",
 * the long form is the shortest run of words, ending next to the parenthesis, in which the
 * short form's characters appear in order, its first character starting a word.
 */

const ALPHANUMERIC = /[\p{L}\p{N}]/u;

/**
 * Where the long form starts in `candidate` (text just before, or inside, the parentheses),
 * or undefined when the short form cannot be read from it.
 */
export function longFormStart(shortForm: string, candidate: string): number | undefined {
  const short = shortForm.toLowerCase();
  const long = candidate.toLowerCase();
  let l = long.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s];
    if (!ALPHANUMERIC.test(c)) continue;
    while ((l >= 0 && long[l] !== c) || (s === 0 && l > 0 && ALPHANUMERIC.test(long[l - 1]))) l--;
    if (l < 0) return undefined;
    l--;
  }
  return long.lastIndexOf(' ', l) + 1;
}

/** How many words before "(SF)" the long form may span, as in the paper: min(|SF| + 5, 2|SF|). */
export function maxLongFormWords(shortForm: string): number {
  const length = shortForm.replace(/[^\p{L}\p{N}]/gu, '').length;
  return Math.min(length + 5, length * 2);
}

/** "ICSs" -> "ICS": a plural short form is defined by a plural long form, named in the singular. */
export function singularShortForm(shortForm: string): string {
  return /\p{Lu}s$/u.test(shortForm) ? shortForm.slice(0, -1) : shortForm;
}

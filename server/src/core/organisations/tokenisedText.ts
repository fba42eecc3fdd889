/**
 * A text's tokens with what its lines and words say about capitalisation: a heading in
 * title case says nothing by its capitals, and a word written in lower case somewhere in
 * the text is a common word there.
 */
import { isWordCode, startsWithNumber } from './characters';
import { TokenColumns, Tokens, isFullStop, keyHash, tokenise } from './tokens';

/** Tokens with what a line and a file say about capitalisation. */
export interface TokenisedText {
  tokens: Tokens;
  /** Whether a line is written in title case (a heading): its capitals say nothing. */
  isTitleLine(line: number): boolean;
  /** Whether a word is written in lower case somewhere in the text: a common word. */
  writtenInLowerCase(key: string): boolean;
}

/** With `columns`, the tokens are valid until the next text is tokenised into them (see tokenise). */
export function tokeniseText(text: string, isFunctionWord: (key: string) => boolean, columns?: TokenColumns): TokenisedText {
  const tokens = tokenise(text, columns);
  // Both answers are worked out on first use, line by line and word by word: most lines and words are never asked about.
  /** By line: 0 not yet known, 1 title case, 2 not. */
  let titleLines: Uint8Array | undefined;
  const isTitleLine = (line: number): boolean => {
    if (line < 0 || tokens.length === 0) return false;
    titleLines ??= new Uint8Array(tokens.line(tokens.length - 1) + 1);
    if (titleLines[line] === 0) {
      const from = firstTokenOnLine(tokens, line);
      titleLines[line] = isTitleCase(tokens, from, firstTokenOnLine(tokens, line + 1), isFunctionWord) ? 1 : 2;
    }
    return titleLines[line] === 1;
  };
  const answers = new Map<string, boolean>();
  let lowerCaseWords: Map<number, number[]> | undefined;
  const writtenInLowerCase = (key: string): boolean => {
    const hash = keyHash(key);
    // Most words asked about are names, never written in lower case: the bitmap says so at once.
    if (hash !== undefined && !tokens.mayBeLowerCaseWord(hash)) return false;
    let answer = answers.get(key);
    if (answer === undefined) {
      if (hash === undefined) answer = occursAsWord(text, key);
      else if (tokens.length <= SCANNED_TOKENS) answer = hasLowerCaseToken(tokens, key, hash);
      else answer = (lowerCaseWords ??= lowerCaseWordsByHash(tokens)).get(hash)?.some((i) => tokens.is(i, key)) ?? false;
      answers.set(key, answer);
    }
    return answer;
  };
  return { tokens, isTitleLine, writtenInLowerCase };
}

/** The first token on `line` or a later one (the tokens' lines never decrease); `tokens.length` when there is none. */
export function firstTokenOnLine(tokens: Tokens, line: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens.line(mid) < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Above this many tokens, the words written in lower case are listed by hash once, when the
 * first word is asked about, rather than scanned for each. A long file has so many distinct
 * words that its bitmap (see Tokens.mayBeLowerCaseWord) lets most names through, and each
 * name then cost a scan of the whole file.
 */
const SCANNED_TOKENS = 4096;

/** Whether a token is written exactly as `key` (whose hash is `hash`). */
function hasLowerCaseToken(tokens: Tokens, key: string, hash: number): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.isLowerCaseKey(i) && tokens.keyHash(i) === hash && tokens.is(i, key)) return true;
  }
  return false;
}

/** The tokens written in lower case, one for each distinct word, by the hash of their key. */
function lowerCaseWordsByHash(tokens: Tokens): Map<number, number[]> {
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isLowerCaseKey(i)) continue;
    const hash = tokens.keyHash(i);
    const words = byHash.get(hash);
    if (!words) byHash.set(hash, [i]);
    else if (!words.some((j) => sameText(tokens, i, j))) words.push(i);
  }
  return byHash;
}

function sameText(tokens: Tokens, i: number, j: number): boolean {
  const length = tokens.end(i) - tokens.start(i);
  if (tokens.end(j) - tokens.start(j) !== length) return false;
  const { source } = tokens;
  for (let k = 0; k < length; k++) if (source.charCodeAt(tokens.start(i) + k) !== source.charCodeAt(tokens.start(j) + k)) return false;
  return true;
}

/**
 * Whether `word` (lower case) occurs in `text` as a whole word, written exactly so: for
 * words with letters outside ASCII, which the tokens' hashes leave out.
 */
function occursAsWord(text: string, word: string): boolean {
  if (word === '') return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordLike(text, at - 1) && !isWordLike(text, at + word.length)) return true;
  }
  return false;
}

function isWordLike(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const c = text.charCodeAt(index);
  return isWordCode(text, index) || c === 39 || c === 0x2019 || c === 45;
}

/** Headings are short: a longer line is prose. */
const MAX_TITLE_TOKENS = 40;

/** Two or more content words, three in four capitalised, and no full stop at the end. */
function isTitleCase(tokens: Tokens, from: number, to: number, isFunctionWord: (key: string) => boolean): boolean {
  if (to <= from || to - from > MAX_TITLE_TOKENS || isFullStop(tokens, to - 1)) return false;
  let content = 0;
  let capitalised = 0;
  for (let i = from; i < to; i++) {
    if (!tokens.isWord(i) || startsWithNumber(tokens.source, tokens.start(i)) || isFunctionWord(tokens.key(i))) continue;
    content++;
    if (tokens.cap(i)) capitalised++;
  }
  return content >= 2 && capitalised * 4 >= content * 3;
}

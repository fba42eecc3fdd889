/**
 * Word tokens with what organisation recognition needs to know about each: its case, its
 * key for matching (lower case, apostrophes removed, so "King’s" = "King's" = "Kings"),
 * whether it is possessive, whether it starts a sentence, and which line it is on.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, apostrophes removed, "&" as "and". */
  key: string;
  /** True for words (letters or digits); false for a punctuation mark. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more upper-case letters and no lower-case ones, a plural "s" aside ("NHSE/I", "ICSs"). */
  upper: boolean;
  /** Ends in "'s" or "’s": the key without it, and where the apostrophe is. */
  possessive?: { key: string; at: number };
  /** First word of a sentence, a line, a quotation or a bullet: its case says nothing. */
  sentenceStart: boolean;
  /** Zero-based number of the line the token is on. */
  line: number;
}

// A word: letters and digits, joined by apostrophes, hyphens, slashes or "&" ("Bromley-by-Bow",
// "NHSE/I", "M&S", "King’s"); anything else that is not a space is a one-character token.
const TOKEN = /[\p{L}\p{N}]+(?:['’&/-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', '…', ';', '•', '|']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '–', '—', '-', '*']);
const UPPER_CASE = /^\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}&/-]+s?$/u;

export function wordKey(text: string): string {
  return text === '&' ? 'and' : text.toLowerCase().replace(/['’]/g, '');
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let scanned = 0;
  let startsSentence = true;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const gap = text.slice(scanned, start);
    const breaks = countLineBreaks(gap);
    if (breaks > 0) {
      line += breaks;
      startsSentence = true;
    }
    scanned = start + match[0].length;
    const value = match[0];
    const isWord = /^[\p{L}\p{N}]/u.test(value);
    const token: Token = {
      start,
      end: scanned,
      text: value,
      key: wordKey(value),
      word: isWord,
      cap: isWord && UPPER_CASE.test(value),
      upper: isWord && ACRONYM.test(value),
      sentenceStart: isWord && startsSentence,
      line,
    };
    const possessive = /['’]s$/i.exec(value);
    if (isWord && possessive && value.length > 2) {
      token.possessive = { key: wordKey(value.slice(0, -2)), at: start + value.length - 2 };
    }
    tokens.push(token);
    if (isWord) startsSentence = false;
    else if (SENTENCE_END.has(value)) startsSentence = true;
    else if (!OPENERS.has(value)) startsSentence = false;
    // An opening quote or bracket keeps the state: "said: “We" starts a sentence, "(the" does not.
  }
  return tokens;
}

function countLineBreaks(gap: string): number {
  let count = 0;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && gap.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** Lower case only: an ordinary word, not a name. */
export function isLowerWord(token: Token): boolean {
  return token.word && !token.cap && LOWER_CASE.test(token.text[0]);
}

export interface NameWord {
  key: string;
  /** As written, with straight apostrophes. */
  text: string;
}

/** The words of a name, without a leading "the" or a final possessive "'s". */
export function nameWords(name: string): NameWord[] {
  const tokens = tokenise(name).filter((token) => token.word || token.text === '&');
  if (tokens.length > 1 && tokens[0].key === 'the') tokens.shift();
  return tokens.map((token, index) => {
    const text = token.text.replace(/’/g, "'");
    const dropPossessive = token.possessive && index === tokens.length - 1 && tokens.length > 1;
    return dropPossessive ? { key: token.possessive!.key, text: text.slice(0, -2) } : { key: token.key, text };
  });
}

/** The key of a name: its word keys joined by spaces ("The King’s Fund" -> "kings fund"). */
export function nameKey(name: string): string {
  return nameWords(name)
    .map((word) => word.key)
    .join(' ');
}

/** Tokens with what a line and a file say about capitalisation. */
export interface TokenisedText {
  tokens: Token[];
  /** Lines written in title case (headings): their capitals say nothing. */
  titleLines: Set<number>;
  /** Keys of words written in lower case somewhere in the text: common words. */
  lowercaseKeys: Set<string>;
}

export function tokeniseText(text: string, isFunctionWord: (key: string) => boolean): TokenisedText {
  const tokens = tokenise(text);
  const lowercaseKeys = new Set<string>();
  const titleLines = new Set<number>();
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && isLowerWord(tokens[i])) lowercaseKeys.add(tokens[i].key);
    if (i === tokens.length || tokens[i].line !== tokens[lineStart].line) {
      if (isTitleCase(tokens, lineStart, i, isFunctionWord)) titleLines.add(tokens[lineStart].line);
      lineStart = i;
    }
  }
  return { tokens, titleLines, lowercaseKeys };
}

/** Two or more content words, three in four capitalised, and no full stop at the end. */
function isTitleCase(tokens: Token[], from: number, to: number, isFunctionWord: (key: string) => boolean): boolean {
  if (to <= from || ['.', '!', '?'].includes(tokens[to - 1].text)) return false;
  let content = 0;
  let capitalised = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (!token.word || isFunctionWord(token.key) || /^\p{N}/u.test(token.text)) continue;
    content++;
    if (token.cap) capitalised++;
  }
  return content >= 2 && capitalised * 4 >= content * 3;
}

/** A stable identifier made from a name: "The King’s Fund" -> "kings-fund". */
export function organisationId(name: string): string {
  const slug = nameKey(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'organisation';
}

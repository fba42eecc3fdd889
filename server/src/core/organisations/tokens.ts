/**
 * Word tokens with what organisation recognition needs to know about each: its case, its
 * key for matching (lower case, apostrophes removed, so "King’s" = "King's" = "Kings"),
 * whether it is possessive, whether it starts a sentence, and which line it is on.
 */

const WORD = 1;
const CAP = 2;
const UPPER = 4;
const SENTENCE_START = 8;

/**
 * One token. Its text and key are read from the source only when asked for: most words of a
 * corpus are never looked at closely, and recognition runs over all of them.
 */
export class Token {
  private textCache: string | undefined;
  private keyCache: string | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    private readonly flags: number,
    /** Zero-based number of the line the token is on. */
    readonly line: number,
  ) {}

  get text(): string {
    return (this.textCache ??= this.source.slice(this.start, this.end));
  }

  /** Lower case, apostrophes removed, "&" as "and". */
  get key(): string {
    return (this.keyCache ??= wordKey(this.text));
  }

  /** True for words (letters or digits); false for a punctuation mark. */
  get word(): boolean {
    return (this.flags & WORD) !== 0;
  }

  /** Starts with an upper-case letter. */
  get cap(): boolean {
    return (this.flags & CAP) !== 0;
  }

  /** Two or more upper-case letters and no lower-case ones, a plural "s" aside ("NHSE/I", "ICSs"). */
  get upper(): boolean {
    return (this.flags & UPPER) !== 0;
  }

  /** First word of a sentence, a line, a quotation or a bullet: its case says nothing. */
  get sentenceStart(): boolean {
    return (this.flags & SENTENCE_START) !== 0;
  }

  /** Ends in "'s" or "’s": the key without it, and where the apostrophe is. */
  get possessive(): { key: string; at: number } | undefined {
    if (this.end - this.start <= 2 || !this.word) return undefined;
    const last = this.source.charCodeAt(this.end - 1);
    const apostrophe = this.source.charCodeAt(this.end - 2);
    if ((last !== 115 && last !== 83) || (apostrophe !== 39 && apostrophe !== 0x2019)) return undefined;
    return { key: wordKey(this.source.slice(this.start, this.end - 2)), at: this.end - 2 };
  }
}

const SENTENCE_END = new Set(['.', '!', '?', ':', '…', ';', '•', '|']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '–', '—', '-', '*']);
const UPPER_CASE = /^\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

export function wordKey(text: string): string {
  if (text === '&' || text === '+') return 'and';
  if (isPlainLowerCase(text)) return text;
  const lower = text.toLowerCase();
  return lower.includes("'") || lower.includes('’') ? lower.replace(/['’]/g, '') : lower;
}

function isPlainLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Letters, digits and combining marks; ASCII answered without a regular expression. */
function isWordCode(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Apostrophes, hyphens, slashes and "&" join two runs of letters into one word. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 38;
}

function isUpperCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_CASE.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

/**
 * Words: letters and digits, joined by apostrophes, hyphens, slashes or "&" ("Bromley-by-Bow",
 * "NHSE/I", "M&S", "King’s"); anything else that is not a space is a one-character token.
 * A hand-written scanner: this runs over the whole corpus and a regular expression is slower.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let startsSentence = true;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (!(c === 13 && text.charCodeAt(i + 1) === 10)) line++;
      startsSentence = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || (c > 127 && SPACE.test(text[i]))) {
      i++;
      continue;
    }
    const start = i;
    if (isWordCode(text, i)) {
      // Count upper-case letters as we go: enough to tell an acronym without a regular expression.
      let uppers = 0;
      let others = 0;
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code < 128 ? isAsciiWord(code) : isWordCode(text, i)) {
          if (code >= 65 && code <= 90) uppers++;
          else if (code > 127 && isUpperCode(text, i)) uppers++;
          else if (!(code >= 48 && code <= 57)) others++;
          i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        } else if (i + 1 < length && isJoiner(code) && isWordCode(text, i + 1)) i++;
        else if (code === 46 && isLowerAscii(text.charCodeAt(i + 1)) && isLowerAscii(text.charCodeAt(i - 1))) {
          others++;
          i++;
        } else break;
      }
      const cap = isUpperCode(text, start);
      // "ICSs": one trailing lower-case "s" is a plural.
      const upper = cap && uppers >= 2 && (others === 0 || (others === 1 && text.charCodeAt(i - 1) === 115));
      const flags = WORD | (cap ? CAP : 0) | (upper ? UPPER : 0) | (startsSentence ? SENTENCE_START : 0);
      tokens.push(new Token(text, start, i, flags, line));
      startsSentence = false;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    i += width;
    tokens.push(new Token(text, start, i, 0, line));
    const value = width === 1 ? text[start] : text.slice(start, i);
    if (SENTENCE_END.has(value)) startsSentence = true;
    else if (!OPENERS.has(value)) startsSentence = false;
    // An opening quote or bracket keeps the state: "said: “We" starts a sentence, "(the" does not.
  }
  return tokens;
}

/** "&" and "+" stand for "and" inside names ("Asthma + Lung UK"). */
export function isAmpersand(token: Token): boolean {
  return token.text === '&' || token.text === '+';
}

/** Lower case only: an ordinary word, not a name. */
export function isLowerWord(token: Token): boolean {
  if (!token.word || token.cap) return false;
  const c = token.text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_CASE.test(String.fromCodePoint(token.text.codePointAt(0) ?? c));
}

export interface NameWord {
  key: string;
  /** As written, with straight apostrophes. */
  text: string;
}

/** The words of a name, without a leading "the" or a final possessive "'s". */
export function nameWords(name: string): NameWord[] {
  const tokens = tokenise(name).filter((token) => token.word || isAmpersand(token));
  if (tokens.length > 1 && tokens[0].key === 'the') tokens.shift();
  return tokens.map((token, index) => {
    const text = token.text.replace(/’/g, "'");
    const possessive = index === tokens.length - 1 && tokens.length > 1 ? token.possessive : undefined;
    return possessive ? { key: possessive.key, text: text.slice(0, -2) } : { key: token.key, text };
  });
}

/** The key of a name: its word keys joined by spaces ("The King’s Fund" -> "kings fund"). */
export function nameKey(name: string): string {
  return nameWords(name)
    .map((word) => word.key)
    .join(' ');
}

/** The name key of tokens `start`..`end` (inclusive): as nameKey() of their text, without tokenising it again. */
export function tokensKey(tokens: Token[], start: number, end: number): string {
  const words: Token[] = [];
  for (let i = start; i <= end; i++) if (tokens[i].word || isAmpersand(tokens[i])) words.push(tokens[i]);
  if (words.length > 1 && words[0].key === 'the') words.shift();
  const keys = words.map((token) => token.key);
  const last = words[words.length - 1];
  const possessive = words.length > 1 ? last?.possessive : undefined;
  if (possessive) keys[keys.length - 1] = possessive.key;
  return keys.join(' ');
}

/** Tokens with what a line and a file say about capitalisation. */
export interface TokenisedText {
  tokens: Token[];
  /** Whether a line is written in title case (a heading): its capitals say nothing. */
  isTitleLine(line: number): boolean;
  /** Whether a word is written in lower case somewhere in the text: a common word. */
  writtenInLowerCase(key: string): boolean;
}

export function tokeniseText(text: string, isFunctionWord: (key: string) => boolean): TokenisedText {
  const tokens = tokenise(text);
  // Both answers are worked out on first use: many texts never ask.
  let titleLines: Set<number> | undefined;
  const isTitleLine = (line: number): boolean => {
    if (!titleLines) {
      titleLines = new Set();
      let lineStart = 0;
      for (let i = 0; i <= tokens.length; i++) {
        if (i === tokens.length || tokens[i].line !== tokens[lineStart].line) {
          if (isTitleCase(tokens, lineStart, i, isFunctionWord)) titleLines.add(tokens[lineStart].line);
          lineStart = i;
        }
      }
    }
    return titleLines.has(line);
  };
  const answers = new Map<string, boolean>();
  const writtenInLowerCase = (key: string): boolean => {
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = occursAsWord(text, key)));
    return answer;
  };
  return { tokens, isTitleLine, writtenInLowerCase };
}

/**
 * Whether `word` (lower case) occurs in `text` as a whole word, written exactly so. A search
 * in the text, not a set of its words: only a few words are ever asked about, and building
 * the set would cost more than the searches.
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
function isTitleCase(tokens: Token[], from: number, to: number, isFunctionWord: (key: string) => boolean): boolean {
  if (to <= from || to - from > MAX_TITLE_TOKENS || ['.', '!', '?'].includes(tokens[to - 1].text)) return false;
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
  return idFromKey(nameKey(name));
}

/** The id for a name key (see nameKey). */
export function idFromKey(key: string): string {
  if (/^[a-z0-9]+(?: [a-z0-9]+)*$/.test(key)) return key.replace(/ /g, '-');
  const slug = key
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'organisation';
}

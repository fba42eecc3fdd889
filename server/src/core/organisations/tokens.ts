/**
 * Word tokens with what organisation recognition needs to know about each: its case, its
 * key for matching (lower case, apostrophes removed, so "King’s" = "King's" = "Kings"),
 * whether it is possessive, whether it starts a sentence, and which line it is on (a line
 * of prose hard-wrapped at a fixed width continues on the next: see isSoftWrap).
 * Names made of tokens are in names.ts; what a whole text says about case, in tokenisedText.ts.
 */
import { endianness } from 'os';
import { grown } from '../typedArrays';
import { isJoiner, isLowerAscii, isLowerCode, isOtherSpace, isUpperCode, isUpperUnit, isWordCode, isWordUnit } from './characters';
import { isApostrophe, keyByNumber, keyNumber, wordKey } from './keyTable';

const WORD = 1;
const CAP = 2;
const UPPER = 4;
const SENTENCE_START = 8;
/** The token's key hash is in its column: its characters are ASCII, bar "&" and "+" (see keyOf). */
const PLAIN_KEY = 16;
/** A plain-key word written exactly as its key: lower case, without apostrophes. */
const LOWER = 32;
/** A word ending in "'s" or "’s" after at least one other character (see possessiveAt). */
const POSSESSIVE = 64;

/**
 * The tokens of one text, held column by column in typed arrays: recognition runs over
 * every word of the corpus, and one object per token costs more to allocate and collect
 * than all the rest of the work. A token is its index; its text is read from the source
 * only when asked for. Its key is hashed while tokenising, and read from the table of keys
 * already made (keyTable.ts) when asked for: no string is made for a word seen before. The
 * key found is remembered by its number in that table (keyNumbers): recognition asks for
 * the key of a capitalised word a dozen times, and checking the table's key against the
 * text's characters each time cost more than anything else but tokenising.
 * Every accessor takes any index: outside the tokens, a token has no flags, no text and line -1.
 */
export class Tokens {
  constructor(
    readonly source: string,
    readonly length: number,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly lines: Int32Array,
    private readonly flags: Uint8Array,
    private readonly hashes: Int32Array,
    /** 1 + the key's number in the key table (see keyTable.ts) once looked up; 0 before, or for a key not in the table. */
    private readonly keyNumbers: Int32Array,
    private readonly lowerCaseBits: Uint32Array,
    /**
     * The capitalised tokens (see cap), in text order: every name starts at one, and the
     * passes that look for names go from one to the next rather than over every token
     * (about one in six is capitalised).
     */
    readonly capitalised: Int32Array,
  ) {}

  /**
   * False when no token written in lower case (see isLowerCaseKey) has a key with this hash:
   * a bitmap of those hashes, set while tokenising. True may be a false alarm.
   */
  mayBeLowerCaseWord(hash: number): boolean {
    const bit = lowerCaseBit(hash);
    return (this.lowerCaseBits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  private has(i: number): boolean {
    return i >= 0 && i < this.length;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  /** Zero-based number of the line the token is on, counting soft-wrapped lines as one; -1 outside the tokens. */
  line(i: number): number {
    return this.has(i) ? this.lines[i] : -1;
  }

  text(i: number): string {
    return this.has(i) ? this.source.slice(this.starts[i], this.ends[i]) : '';
  }

  /** Whether the token is written exactly `mark` ("(", "’s"), without building its text. */
  is(i: number, mark: string): boolean {
    if (!this.has(i) || this.ends[i] - this.starts[i] !== mark.length) return false;
    // Most marks asked about are one character (",", "("): compared as a code, which costs less than startsWith.
    return mark.length === 1 ? this.source.charCodeAt(this.starts[i]) === mark.charCodeAt(0) : this.source.startsWith(mark, this.starts[i]);
  }

  /** Lower case, apostrophes removed, "&" as "and"; "" outside the tokens. */
  key(i: number): string {
    if (!this.has(i)) return '';
    const number = this.keyNumber(i);
    return number >= 0 ? keyByNumber(number) : wordKey(this.source.slice(this.starts[i], this.ends[i]));
  }

  /**
   * The number of the token's key in the table of keys (see keyTable.ts), as numberOfKey()
   * gives it for the key; -1 for a key that has none there (not plain ASCII, its hash
   * taken by another key, the table full), and outside the tokens.
   */
  keyNumber(i: number): number {
    if (!this.has(i)) return -1;
    const known = this.keyNumbers[i];
    if (known !== 0) return known - 1;
    if ((this.flags[i] & PLAIN_KEY) === 0) return -1;
    const number = keyNumber(this.hashes[i], this.source, this.starts[i], this.ends[i]);
    if (number >= 0) this.keyNumbers[i] = number + 1;
    return number;
  }

  /** Written exactly as its key (lower case, no apostrophes; ASCII). */
  isLowerCaseKey(i: number): boolean {
    return (this.flags[i] & LOWER) !== 0;
  }

  /** The hash of the key of a token for which isLowerCaseKey() holds (see keyHash). */
  keyHash(i: number): number {
    return this.hashes[i];
  }

  /** True for words (letters or digits); false for a punctuation mark. */
  isWord(i: number): boolean {
    return (this.flags[i] & WORD) !== 0;
  }

  /** Starts with an upper-case letter. */
  cap(i: number): boolean {
    return (this.flags[i] & CAP) !== 0;
  }

  /** Two or more upper-case letters and no lower-case ones, a plural "s" aside ("NHSE/I", "ICSs"). */
  upper(i: number): boolean {
    return (this.flags[i] & UPPER) !== 0;
  }

  /** First word of a sentence, a line, a quotation or a bullet: its case says nothing. */
  sentenceStart(i: number): boolean {
    return (this.flags[i] & SENTENCE_START) !== 0;
  }

  /** Where the apostrophe of a final "'s" or "’s" is, or -1 when the token is not possessive. */
  possessiveAt(i: number): number {
    return (this.flags[i] & POSSESSIVE) !== 0 ? this.ends[i] - 2 : -1;
  }

  /** The key without a final "'s" (see possessiveAt); the key itself when there is none. */
  possessiveKey(i: number): string {
    const at = this.possessiveAt(i);
    return at < 0 ? this.key(i) : keyOf(this.source, this.starts[i], at);
  }
}

const SENTENCE_END_MARK = 1;
const OPENER_MARK = 2;
/**
 * By UTF-16 code unit: whether it ends a sentence, or opens a quotation or a bracket. A
 * table rather than Sets: tokenise asks about every punctuation mark of the corpus, and
 * the Sets' lookups took a twentieth of its time.
 */
const MARKS = new Uint8Array(0x10000);
for (const mark of '.!?:…;•|') MARKS[mark.charCodeAt(0)] |= SENTENCE_END_MARK;
for (const mark of '“"‘\'([«–—-*') MARKS[mark.charCodeAt(0)] |= OPENER_MARK;

/** Bits of the bitmap of lower-case words (see mayBeLowerCaseWord): a few hundred distinct words set a few percent of them. */
const LOWER_CASE_BITS = 1 << 13;

/** Fibonacci hashing: the top bits of the hash times 2^32 / φ, as the low bits of a word's hash differ too little. */
function lowerCaseBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 19;
}

/** One character more of a key's hash: its lower case, apostrophes skipped. ASCII and "’" only. */
function hashStep(hash: number, c: number): number {
  return isApostrophe(c) ? hash : (Math.imul(hash, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
}

/** Non-ASCII letters have their own lower cases (some longer), and "&" and "+" are "and": wordKey makes those keys. */
function hasPlainKey(c: number): boolean {
  return (c < 128 && c !== 38 && c !== 43) || c === 0x2019;
}

/** The hash of a key (ASCII) as tokenise computes it for a token with that key; undefined for other keys. */
export function keyHash(key: string): number | undefined {
  let hash = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!hasPlainKey(c)) return undefined;
    hash = hashStep(hash, c);
  }
  return hash;
}

/**
 * The number in the table of keys of a key (as Tokens.key gives it), added if need be: the
 * number that Tokens.keyNumber gives every token with this key, or -1 when they have none.
 */
export function numberOfKey(key: string): number {
  const hash = keyHash(key);
  return hash === undefined ? -1 : keyNumber(hash, key, 0, key.length);
}

/** wordKey() of `source` from `start` to `end`, from the table when it is there. */
function keyOf(source: string, start: number, end: number): string {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (!hasPlainKey(c)) return wordKey(source.slice(start, end));
    hash = hashStep(hash, c);
  }
  return internedKey(hash, source, start, end);
}

/** The key of plain-key text from `start` to `end` whose hash is `hash`. */
function internedKey(hash: number, source: string, start: number, end: number): string {
  const number = keyNumber(hash, source, start, end);
  return number >= 0 ? keyByNumber(number) : wordKey(source.slice(start, end));
}

/** The typed arrays a Tokens reads its fields from. */
interface TokenFields {
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  hashes: Int32Array;
  keyNumbers: Int32Array;
  flags: Uint8Array;
  lowerCaseBits: Uint32Array;
  capitalised: Int32Array;
}

/**
 * Growable columns of token fields, filled while tokenising, that the tokens are then read
 * from in place (see fields): a caller done with a text's tokens before it tokenises the
 * next gives the same columns for each. Tokens copied out of them into memory of their own,
 * text after text, cost fresh memory, and a page of fresh memory costs more to fault in
 * than the tokens it holds took to find (the tokens of 10k articles took 137 MB).
 */
export class TokenColumns {
  length = 0;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  flags: Uint8Array;
  hashes: Int32Array;
  /** Zeros, for the key numbers found later, one by one (see Tokens.key). */
  private keyNumbers: Int32Array;
  /** Indices of the capitalised tokens (see Tokens.capitalised). */
  capitalised: Int32Array;
  capitalisedLength = 0;
  /** The bitmap of lower-case words' hashes (see Tokens.mayBeLowerCaseWord). */
  readonly lowerCaseBits = new Uint32Array(LOWER_CASE_BITS / 32);

  constructor(capacity = 1 << 14) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.keyNumbers = new Int32Array(capacity);
    this.capitalised = new Int32Array(capacity);
  }

  /** Empties the columns for the next text. */
  clear(): void {
    this.length = 0;
    this.capitalisedLength = 0;
    this.lowerCaseBits.fill(0);
  }

  push(start: number, end: number, line: number, flags: number, hash: number): void {
    if (this.length === this.starts.length) this.grow();
    if ((flags & CAP) !== 0) this.capitalised[this.capitalisedLength++] = this.length;
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lines[i] = line;
    this.flags[i] = flags;
    this.hashes[i] = hash;
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    this.starts = grown(this.starts, capacity);
    this.ends = grown(this.ends, capacity);
    this.lines = grown(this.lines, capacity);
    this.flags = grown(this.flags, capacity);
    this.hashes = grown(this.hashes, capacity);
    this.keyNumbers = grown(this.keyNumbers, capacity);
    this.capitalised = grown(this.capitalised, capacity);
  }

  /** The columns' first `length` fields as they are, valid until the next text is tokenised into these columns. */
  fields(): TokenFields {
    const n = this.length;
    return {
      starts: this.starts.subarray(0, n),
      ends: this.ends.subarray(0, n),
      lines: this.lines.subarray(0, n),
      hashes: this.hashes.subarray(0, n),
      keyNumbers: this.keyNumbers.subarray(0, n).fill(0),
      flags: this.flags.subarray(0, n),
      lowerCaseBits: this.lowerCaseBits,
      capitalised: this.capitalised.subarray(0, this.capitalisedLength),
    };
  }
}

const BIG_ENDIAN = endianness() === 'BE';

/** Reused by every call of tokenise (which never runs inside another): the code units of the text being tokenised. */
let scratchUnits = Buffer.allocUnsafeSlow(1 << 16);

/**
 * The UTF-16 code units of `text`, in a typed array: the tokeniser reads every character of
 * the corpus through it rather than through text.charCodeAt, whose speed depends on how V8
 * holds the strings it was given before. Once tokenise has met texts held in several ways
 * (flat, sliced, concatenated; one or two bytes a character: names as well as files),
 * every charCodeAt cost a call, and tokenising took almost twice as long. The copy costs a
 * few milliseconds for 25 MB of text.
 */
function codeUnits(text: string): Uint16Array {
  if (scratchUnits.length < text.length * 2) scratchUnits = Buffer.allocUnsafeSlow(text.length * 4);
  const bytes = scratchUnits.write(text, 0, 'utf16le');
  // A Uint16Array reads the machine's byte order.
  if (BIG_ENDIAN) scratchUnits.subarray(0, bytes).swap16();
  return new Uint16Array(scratchUnits.buffer, scratchUnits.byteOffset, text.length);
}

/**
 * Words: letters and digits, joined by apostrophes, hyphens, slashes or "&" ("Bromley-by-Bow",
 * "NHSE/I", "M&S", "King’s"); anything else that is not a space is a one-character token.
 * A hand-written scanner: this runs over the whole corpus and a regular expression is slower.
 * The tokens are read from `columns` until the next text is tokenised into them; by default
 * from columns of their own, about the size a prose text needs.
 */
export function tokenise(text: string, columns = new TokenColumns(Math.max(16, text.length >> 2))): Tokens {
  columns.clear();
  const { lowerCaseBits } = columns;
  // Characters are read from here (beyond the text: undefined, as charCodeAt's NaN, fails every test); the text is for Unicode classes.
  const units = codeUnits(text);
  let line = 0;
  let lineStart = 0;
  /** Lower-case words of four letters or more on the line: prose, where a title-case heading has none. */
  let lowerWords = 0;
  let startsSentence = true;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = units[i];
    if (c === 10 || c === 13) {
      const lineEnd = i;
      if (c === 13 && units[i + 1] === 10) i++;
      i++;
      if (lowerWords === 0 || !isSoftWrap(text, lineStart, lineEnd, i)) {
        line++;
        startsSentence = true;
      }
      lineStart = i;
      lowerWords = 0;
      continue;
    }
    if (c === 32 || c === 9 || (c > 127 && isOtherSpace(text, i))) {
      i++;
      continue;
    }
    const start = i;
    if (isWordUnit(c, text, i)) {
      // Count upper-case letters as we go: enough to tell an acronym without a regular expression.
      let uppers = 0;
      let others = 0;
      // The key's hash as we go, while every character has a plain key; apostrophes are counted as they change the key.
      let hash = 0;
      let plain = true;
      let apostrophes = 0;
      while (i < length) {
        let code = units[i];
        // Lower-case ASCII letters first, a run of them at a time: most characters of a text are.
        if (code >= 97 && code <= 122) {
          const from = i;
          do {
            hash = (Math.imul(hash, 31) + code) | 0;
            code = units[++i];
          } while (code >= 97 && code <= 122 && i < length);
          others += i - from;
        } else if (code >= 65 && code <= 90) {
          uppers++;
          hash = (Math.imul(hash, 31) + code + 32) | 0;
          i++;
        } else if (code >= 48 && code <= 57) {
          hash = (Math.imul(hash, 31) + code) | 0;
          i++;
        } else if (code > 127 && isWordCode(text, i)) {
          if (isUpperCode(text, i)) uppers++;
          else others++;
          plain = false;
          i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        } else if (i + 1 < length && isJoiner(code) && isWordUnit(units[i + 1], text, i + 1)) {
          if (isApostrophe(code)) apostrophes++;
          else if (hasPlainKey(code)) hash = hashStep(hash, code);
          else plain = false;
          i++;
        } else if (code === 46 && isLowerAscii(units[i + 1]) && isLowerAscii(units[i - 1])) {
          others++;
          hash = hashStep(hash, code);
          i++;
        } else {
          if (isApostrophe(code) && isPluralPossessiveInName(text, start, i)) {
            apostrophes++;
            i++;
          }
          break;
        }
      }
      const cap = isUpperUnit(c, text, start);
      if (i - start >= 4 && isLowerAscii(c)) lowerWords++;
      // "ICSs": one trailing lower-case "s" is a plural.
      const last = units[i - 1];
      const upper = cap && uppers >= 2 && (others === 0 || (others === 1 && last === 115));
      const lowerCase = plain && uppers === 0 && apostrophes === 0;
      if (lowerCase) {
        const bit = lowerCaseBit(hash);
        lowerCaseBits[bit >>> 5] |= 1 << (bit & 31);
      }
      const keyFlags = plain ? PLAIN_KEY | (lowerCase ? LOWER : 0) : 0;
      const possessive = i - start > 2 && (last === 115 || last === 83) && isApostrophe(units[i - 2]) ? POSSESSIVE : 0;
      columns.push(start, i, line, WORD | (cap ? CAP : 0) | (upper ? UPPER : 0) | (startsSentence ? SENTENCE_START : 0) | keyFlags | possessive, hash);
      startsSentence = false;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    i += width;
    columns.push(start, i, line, width === 1 && hasPlainKey(c) ? PLAIN_KEY : 0, hashStep(0, c));
    // A surrogate pair's first unit has no marks.
    if ((MARKS[c] & SENTENCE_END_MARK) !== 0) startsSentence = true;
    else if ((MARKS[c] & OPENER_MARK) === 0) startsSentence = false;
    // An opening quote or bracket keeps the state: "said: “We" starts a sentence, "(the" does not.
  }
  const fields = columns.fields();
  return new Tokens(text, columns.length, fields.starts, fields.ends, fields.lines, fields.flags, fields.hashes, fields.keyNumbers, fields.lowerCaseBits, fields.capitalised);
}

/**
 * Whether the apostrophe at `at` ends the capitalised word from `start` as a plural
 * possessive inside a name ("St Thomas' NHS Foundation Trust", "Company Chemists'
 * Association"): after an "s", with a space and a capital letter next. Anywhere else it is
 * a mark of its own, as a closing quotation mark must be.
 */
function isPluralPossessiveInName(text: string, start: number, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return (
    (before === 115 || before === 83) &&
    at - start >= 2 &&
    isUpperCode(text, start) &&
    text.charCodeAt(at + 1) === 32 &&
    isUpperCode(text, at + 2)
  );
}

/** Prose lines hard-wrapped at a fixed width are at least this long (headings and navigation lines are shorter). */
const MIN_WRAPPED_LINE = 40;

/**
 * Whether the line break between the line `lineStart`..`lineEnd` and the one starting at
 * `next` only wraps a paragraph ("… according to the Royal College of\nPsychiatrists."):
 * a long line of prose (the caller checks it has lower-case words) that does not end a
 * sentence, followed by a line of the same prose (not a blank line, a bullet or a
 * quotation mark opening another paragraph's text).
 */
function isSoftWrap(text: string, lineStart: number, lineEnd: number, next: number): boolean {
  let last = lineEnd - 1;
  while (last >= lineStart && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
  if (last - lineStart + 1 < MIN_WRAPPED_LINE || (MARKS[text.charCodeAt(last)] & SENTENCE_END_MARK) !== 0) return false;
  return isWordCode(text, next);
}

/** "&" and "+" stand for "and" inside names ("Asthma + Lung UK"). */
export function isAmpersand(tokens: Tokens, i: number): boolean {
  return tokens.is(i, '&') || tokens.is(i, '+');
}

/** Lower case only: an ordinary word, not a name. */
export function isLowerWord(tokens: Tokens, i: number): boolean {
  return tokens.isWord(i) && !tokens.cap(i) && isLowerCode(tokens.source, tokens.start(i));
}

/** ".", "!" or "?": the end of a sentence (a colon or a semicolon may end a heading). */
export function isFullStop(tokens: Tokens, i: number): boolean {
  return tokens.is(i, '.') || tokens.is(i, '!') || tokens.is(i, '?');
}

/**
 * The tokens of no text, kept for as long as the process runs. V8's optimised code for the
 * functions that read tokens (most of recognition) checks for the hidden class of Tokens,
 * and is thrown away ("weak objects") once a full collection finds no Tokens left, as one
 * between two updates does: each update then compiled recognition again. Over rounds of the
 * 10k-article scan with a full collection between them, compiler threads took 780-790 ms
 * of CPU time in the second round and 760 in the third; 490 and 350 with these kept.
 */
export const NO_TOKENS = tokenise('');

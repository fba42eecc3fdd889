/**
 * Text to word tokens for duplicate detection.
 *
 * A token is a run of letters, digits and combining marks, with inner apostrophes kept
 * ("King’s" is one word). Each token is reduced to a 32-bit hash of its case-folded form,
 * with curly and straight apostrophes unified; punctuation, quotes, dashes and white space
 * are separators, so re-wrapping, changed spacing and "straight vs curly" do not matter.
 * The char offsets of every token are kept, so a match maps back to exact ranges.
 */

import { keepUint32, scratchUint32 } from './scratch';

export interface TokenizedText {
  /** Hash of each token's normalised form. */
  hashes: Uint32Array;
  /** Char offset of each token's first character. */
  starts: Uint32Array;
  /** Char offset just past each token's last character. */
  ends: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const APOSTROPHE = 0x27;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** Classes of UTF-16 units; 0 until a unit is first met. */
const SEPARATOR = 1;
/** A word character whose lower case is one UTF-16 unit, kept in LOWER. */
const SIMPLE_WORD = 2;
/** A word character that starts a surrogate pair or lower-cases to several units. */
const COMPLEX_WORD = 3;

/**
 * What each UTF-16 unit is, learnt on first sight: a regular-expression test per char of
 * curly quotes, dashes and accented letters was most of the time spent on such text.
 * ASCII is filled in up front.
 */
const CLASS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const char = String.fromCharCode(code);
  const word = /[A-Za-z0-9]/.test(char);
  CLASS[code] = word ? SIMPLE_WORD : SEPARATOR;
  LOWER[code] = char.toLowerCase().charCodeAt(0);
}

function classify(code: number): number {
  const char = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return (CLASS[code] = code <= 0xdbff ? COMPLEX_WORD : SEPARATOR);
  if (!WORD_CHAR.test(char)) return (CLASS[code] = SEPARATOR);
  const lower = char.toLowerCase();
  if (lower.length !== 1) return (CLASS[code] = COMPLEX_WORD);
  LOWER[code] = lower.charCodeAt(0);
  return (CLASS[code] = SIMPLE_WORD);
}

/** Apostrophes and the quotes used as apostrophes, all read as "'". */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x2032;
}

/** Length in UTF-16 units of the word character at `i`, or 0 if it is not one. */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code !== code) return 0; // NaN: past the end
  const kind = CLASS[code] || classify(code);
  if (kind === SEPARATOR) return 0;
  if (kind === SIMPLE_WORD) return 1;
  const next = text.charCodeAt(i + 1);
  const length = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  return WORD_CHAR.test(text.slice(i, i + length)) ? length : 0;
}

/**
 * Tokenizes `text`. Linear in its length; ASCII letters take a table lookup, other
 * characters a Unicode property test and `toLowerCase`.
 */
export function tokenize(text: string): TokenizedText {
  const { hashes, starts, ends, count } = tokensInScratch(text);
  return { hashes: hashes.slice(0, count), starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/**
 * The word hashes of `text` alone, as `tokenize` gives them, in a buffer that the next call
 * reuses: for a caller that is done with them at once. Winnowing every file in the index
 * workers made three arrays a file for the collector, two of them never read.
 */
export function wordHashes(text: string): Uint32Array {
  const { hashes, count } = tokensInScratch(text);
  return hashes.subarray(0, count);
}

/** The tokens of `text` in reused typed arrays, grown by doubling: the first `count` entries. */
function tokensInScratch(text: string): TokenBuffers & { count: number } {
  const estimate = Math.ceil(text.length / 5);
  const buffers: TokenBuffers = {
    hashes: scratchUint32('tokenHashes', estimate),
    starts: scratchUint32('tokenStarts', estimate),
    ends: scratchUint32('tokenEnds', estimate),
  };
  const count = fillTokens(text, buffers);
  keepUint32('tokenHashes', buffers.hashes);
  keepUint32('tokenStarts', buffers.starts);
  keepUint32('tokenEnds', buffers.ends);
  return { ...buffers, count };
}

interface TokenBuffers {
  hashes: Uint32Array<ArrayBuffer>;
  starts: Uint32Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
}

/**
 * Writes the tokens of `text` into `buffers`, growing them as needed; returns how many.
 *
 * Nothing but `return` follows the loop, on purpose: V8 optimises the loop in the middle
 * of the first long call (on-stack replacement), before anything after it has run, and a
 * call after the loop then made that code deoptimise at the loop's exit, again and again
 * (199 deoptimisations for 4,000 files in one scan; none since).
 */
function fillTokens(text: string, buffers: TokenBuffers): number {
  let { hashes, starts, ends } = buffers;
  let capacity = Math.min(hashes.length, starts.length, ends.length);
  let count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    const firstKind = CLASS[first] || classify(first);
    if (firstKind === SEPARATOR || (firstKind === COMPLEX_WORD && wordCharLength(text, i) === 0)) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    while (i < length) {
      const code = text.charCodeAt(i);
      const kind = CLASS[code] || classify(code);
      if (kind === SIMPLE_WORD) {
        hash = Math.imul(hash ^ LOWER[code], FNV_PRIME);
        i++;
        continue;
      }
      if (kind === COMPLEX_WORD) {
        const charLength = wordCharLength(text, i);
        if (charLength > 0) {
          const folded = text.slice(i, i + charLength).toLowerCase();
          for (let j = 0; j < folded.length; j++) hash = Math.imul(hash ^ folded.charCodeAt(j), FNV_PRIME);
          i += charLength;
          continue;
        }
        break;
      }
      // An apostrophe between two word characters stays inside the word.
      if (isApostrophe(code) && wordCharLength(text, i + 1) > 0) {
        hash = Math.imul(hash ^ APOSTROPHE, FNV_PRIME);
        i++;
        continue;
      }
      break;
    }
    if (count === capacity) {
      capacity *= 2;
      buffers.hashes = hashes = grow(hashes, capacity);
      buffers.starts = starts = grow(starts, capacity);
      buffers.ends = ends = grow(ends, capacity);
    }
    hashes[count] = hash;
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return count;
}

function grow(array: Uint32Array<ArrayBuffer>, capacity: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(capacity);
  grown.set(array.subarray(0, Math.min(array.length, capacity)));
  return grown;
}

/** Index of the first token starting at or after `offset`. */
export function tokenAtOrAfter(tokens: TokenizedText, offset: number): number {
  let low = 0;
  let high = tokens.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens.starts[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A content key for the normalised words [from, to): equal for two copies that differ
 * only in case, quotes, dashes or spacing. Two independent 32-bit FNV streams, as hex.
 */
export function passageFingerprint(hashes: Uint32Array, from: number, to: number): string {
  let first = FNV_OFFSET;
  let second = 0x01000193 ^ (to - from);
  for (let i = from; i < to; i++) {
    first = Math.imul(first ^ hashes[i], FNV_PRIME);
    second = Math.imul(second ^ (hashes[i] >>> 7) ^ (hashes[i] << 11), 0x5bd1e995);
    second ^= second >>> 15;
  }
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

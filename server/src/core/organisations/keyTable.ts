/**
 * Token keys (lower case, apostrophes removed, see wordKey) made once per distinct word and
 * numbered, found again by the hash that tokenise computes for plain-key (ASCII) words: the
 * same few thousand words make up most of a corpus, and reading a key from this table costs
 * no new string, where making it costs two (a slice and its lower case). A looked-up string
 * also keeps its hash, which every Map and Set that the key goes into would otherwise
 * compute again.
 *
 * The hash -> number index is open addressing over typed arrays rather than a Map: it is
 * asked once for every capitalised word of the corpus, and a Map's lookup cost a third of
 * recognising the names.
 */
import { ownCopy } from '../text';

/** Enough for the vocabulary of a large corpus; past it, keys are simply made each time. */
const MAX_KEYS = 1 << 18;

/** The keys by number. */
const keys: string[] = [];
/** Slots of the index (a power of two, at most half full): the hash and 1 + the key's number; 0 for an empty slot. */
let slotHashes = new Int32Array(1 << 12);
let slotNumbers = new Int32Array(1 << 12);

export function keyByNumber(number: number): string {
  return keys[number];
}

/**
 * The number of the key of plain-key text from `start` to `end` whose hash is `hash`,
 * adding it if need be; -1 when the table holds another key with that hash (or is full):
 * that key is then made each time.
 */
export function keyNumber(hash: number, source: string, start: number, end: number): number {
  const mask = slotNumbers.length - 1;
  let slot = spread(hash) & mask;
  while (slotNumbers[slot] !== 0) {
    if (slotHashes[slot] === hash) {
      const number = slotNumbers[slot] - 1;
      return isKeyOf(keys[number], source, start, end) ? number : -1;
    }
    slot = (slot + 1) & mask;
  }
  if (keys.length >= MAX_KEYS) return -1;
  keys.push(ownCopy(wordKey(source.slice(start, end))));
  slotHashes[slot] = hash;
  slotNumbers[slot] = keys.length;
  if (keys.length * 2 > slotNumbers.length) grow();
  return keys.length - 1;
}

/** Fibonacci hashing: the low bits of a word's hash differ too little to pick a slot. */
function spread(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 7;
}

function grow(): void {
  const hashes = slotHashes;
  const numbers = slotNumbers;
  slotHashes = new Int32Array(hashes.length * 2);
  slotNumbers = new Int32Array(numbers.length * 2);
  const mask = slotNumbers.length - 1;
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] === 0) continue;
    let slot = spread(hashes[i]) & mask;
    while (slotNumbers[slot] !== 0) slot = (slot + 1) & mask;
    slotHashes[slot] = hashes[i];
    slotNumbers[slot] = numbers[i];
  }
}

/** Whether `key` is the key of the plain-key text from `start` to `end`: its lower case without apostrophes. */
function isKeyOf(key: string, source: string, start: number, end: number): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (isApostrophe(c)) continue;
    if (key.charCodeAt(k++) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return k === key.length;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

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

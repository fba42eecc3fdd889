/**
 * Ids for the content words of the article splitter's cohesion windows (articleCohesion.ts),
 * looked up by their characters in a lower-cased text, without making a string of each.
 *
 * A hash table with open addressing over words as written ("crimes", "the"), each mapped
 * to the id of its content form (cohesion.ts's contentForm: "crime"), or to NOT_CONTENT
 * for a stop word. One table serves every file a thread splits: most words of a file are
 * its first use of them but not the corpus's, so a table per file missed most lookups, and
 * a miss (a string, a stop-word test, a Map lookup) cost more than the string it saved.
 * Slots and characters live in typed arrays side by side: the table outgrows the
 * processor's caches, and a probe then touches two cache lines instead of four objects.
 */
import { contentForm } from './cohesion';
import { ownCopy } from './text';
import { grown } from './typedArrays';

/** The id of a stop word, which counts in no window. */
export const NOT_CONTENT = -1;

/** Per slot: hash + 1 (0 when empty), id, where the word's characters start in `chars`, their count. */
const SLOT_FIELDS = 4;
const INITIAL_SLOTS = 1 << 12;
/** Beyond this many words (about 3 MB) the table is emptied, between two files. */
const MAX_WORDS = 1 << 16;

export class WordIds {
  /** Content form -> id; ids count up from 0, to index TermCounts. */
  private readonly vocabulary = new Map<string, number>();
  /** SLOT_FIELDS numbers a slot, kept at most half full. */
  private slots = new Int32Array(INITIAL_SLOTS * SLOT_FIELDS);
  private chars: Uint16Array = new Uint16Array(INITIAL_SLOTS * 8);
  private charsUsed = 0;
  private words = 0;

  /** Empties the table if it has grown too big. Ids change: call it only between files. */
  limitSize(): void {
    if (this.words <= MAX_WORDS) return;
    this.vocabulary.clear();
    this.slots = new Int32Array(INITIAL_SLOTS * SLOT_FIELDS);
    this.chars = new Uint16Array(INITIAL_SLOTS * 8);
    this.charsUsed = 0;
    this.words = 0;
  }

  /** The id of the word `lower.slice(start, end)`, or NOT_CONTENT. */
  idOf(lower: string, start: number, end: number): number {
    const key = hashChars(lower, start, end) + 1;
    const mask = this.slots.length / SLOT_FIELDS - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_FIELDS;
      const stored = this.slots[at];
      if (stored === 0) return this.add(at, lower, start, end, key);
      if (stored === key && this.slots[at + 3] === end - start && this.sameChars(this.slots[at + 2], lower, start, end)) {
        return this.slots[at + 1];
      }
    }
  }

  private sameChars(from: number, lower: string, start: number, end: number): boolean {
    for (let i = start, j = from; i < end; i++, j++) if (this.chars[j] !== lower.charCodeAt(i)) return false;
    return true;
  }

  private add(at: number, lower: string, start: number, end: number, key: number): number {
    const id = this.contentId(lower.slice(start, end));
    if (this.charsUsed + (end - start) > this.chars.length) this.chars = grown(this.chars, Math.max(this.charsUsed + (end - start), this.chars.length * 2));
    const from = this.charsUsed;
    for (let i = start; i < end; i++) this.chars[this.charsUsed++] = lower.charCodeAt(i);
    this.slots[at] = key;
    this.slots[at + 1] = id;
    this.slots[at + 2] = from;
    this.slots[at + 3] = end - start;
    if (++this.words * 2 > this.slots.length / SLOT_FIELDS) this.rehash();
    return id;
  }

  private contentId(word: string): number {
    const form = contentForm(word);
    if (form === undefined) return NOT_CONTENT;
    let id = this.vocabulary.get(form);
    if (id === undefined) {
      id = this.vocabulary.size;
      // Its own copy: the table outlives the file, whose whole text a slice would keep alive.
      this.vocabulary.set(ownCopy(form), id);
    }
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length / SLOT_FIELDS - 1;
    for (let at = 0; at < old.length; at += SLOT_FIELDS) {
      if (old[at] === 0) continue;
      let slot = old[at] & mask;
      while (this.slots[slot * SLOT_FIELDS] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + SLOT_FIELDS), slot * SLOT_FIELDS);
    }
  }
}

/** FNV-1a over UTF-16 units, cut to 30 bits so that it stays a small integer (+ 1) in V8. */
function hashChars(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * One file's mentions kept as numbers in a typed array, four per mention, rather than as
 * an object each: a corpus of 100k articles holds about a million mentions, and as objects
 * (with the lists that held them by file and by organisation) they took more memory than
 * anything else the organisations keep. Objects are made only when asked for: a hover
 * needs one, Find All References those of one organisation.
 */
import type { OrganisationMention } from './index';
import { ownCopy } from '../text';
import { nameAsWritten } from './names';
import { tableTranslation } from './translation';

/** Start, end, article, organisation number, spelling number: see FileMentions. */
const FIELDS = 5;
const ARTICLE = 2;
const ORGANISATION = 3;
const SPELLING = 4;

/**
 * Strings by number, so that a mention holds numbers rather than pointers. A string keeps
 * its number for the life of the table: organisation ids come from the gazetteer and from
 * names learned in the corpus, spellings from the mentions, a few thousand of each, which
 * an edit seldom adds to.
 */
export class Numbering {
  private readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      // Its own copy: a slice would keep the whole text it was cut from alive.
      const kept = ownCopy(text);
      number = this.strings.length;
      this.strings.push(kept);
      this.numbers.set(kept, number);
    }
    return number;
  }

  /** The number of a string already numbered; undefined for one never seen. */
  existingNumberOf(text: string): number | undefined {
    return this.numbers.get(text);
  }

  at(number: number): string {
    return this.strings[number];
  }

  /** Every string, at its number. */
  all(): readonly string[] {
    return this.strings;
  }

  /** The numbers here of the strings of another table (see tableTranslation). */
  translation(table: readonly string[]): (number: number) => number {
    return tableTranslation(table, (text) => this.numberOf(text));
  }

  /**
   * Numbers the strings of `table` as it does when this table is the start of it (a new
   * index taking in a memory made by the same numbering): every string then has the same
   * number in both. False otherwise: a table from a Numbering has no string twice, and one
   * that does is translated as usual (see translation), whatever this numbered of it.
   */
  adopt(table: readonly string[]): boolean {
    if (table.length < this.strings.length || this.strings.some((text, number) => table[number] !== text)) return false;
    for (let number = this.strings.length; number < table.length; number++) this.numberOf(table[number]);
    return this.strings.length === table.length;
  }
}

/** The numberings the mentions of every file of an index share. */
export interface MentionNumbers {
  ids: Numbering;
  /** Mentions as written (see nameAsWritten). */
  spellings: Numbering;
}

/** Another index's mention numbers to this one's (see FileMentions.renumbered). */
export interface MentionTranslation {
  ids(number: number): number;
  spellings(number: number): number;
  /** Every number is the same in both: mentions need no renumbering. */
  identity: boolean;
}

const SAME_NUMBERS: MentionTranslation = { ids: (number) => number, spellings: (number) => number, identity: true };

export function mentionTranslation(from: { ids: readonly string[]; spellings: readonly string[] }, numbers: MentionNumbers): MentionTranslation {
  if (numbers.ids.adopt(from.ids) && numbers.spellings.adopt(from.spellings)) return SAME_NUMBERS;
  return { ids: numbers.ids.translation(from.ids), spellings: numbers.spellings.translation(from.spellings), identity: false };
}

const NO_FIELDS = new Int32Array(0);

/**
 * A file with more mentions than this has them grouped by organisation (or by article)
 * once, when first asked for one organisation's (or one article's): a report and the
 * hovers' summaries ask for each of the file's organisations in turn, themes for each of
 * its articles, and a file naming thousands of organisations in thousands of articles took
 * seconds to scan that often. Smaller files are scanned each time.
 */
const SCANNED_MENTIONS = 256;

export class FileMentions {
  /** By field (ARTICLE, ORGANISATION): mention indices by value; see SCANNED_MENTIONS. */
  private readonly groups: Record<number, Map<number, number[]> | undefined> = {};

  private constructor(
    private readonly numbers: MentionNumbers,
    /** FIELDS numbers per mention, mentions in text order. */
    private readonly fields: Int32Array,
  ) {}

  /** `mentions` in text order, found in `text`. */
  static of(mentions: readonly OrganisationMention[], text: string, numbers: MentionNumbers): FileMentions {
    const fields = mentions.length === 0 ? NO_FIELDS : new Int32Array(mentions.length * FIELDS);
    mentions.forEach((mention, i) => {
      fields[i * FIELDS] = mention.start;
      fields[i * FIELDS + 1] = mention.end;
      fields[i * FIELDS + ARTICLE] = mention.article;
      fields[i * FIELDS + ORGANISATION] = numbers.ids.numberOf(mention.id);
      fields[i * FIELDS + SPELLING] = numbers.spellings.numberOf(nameAsWritten(text.slice(mention.start, mention.end)));
    });
    return new FileMentions(numbers, fields);
  }

  /**
   * Mentions as `numbered()` gave them from another index (as remembered between sessions,
   * see memory.ts), whose numbers `from` translates (see Numbering.translation).
   */
  static renumbered(fields: Int32Array, from: MentionTranslation, numbers: MentionNumbers): FileMentions {
    // Shared, not copied: a file's fields are never written once made (at a warm start, 40k files' worth).
    if (from.identity) return new FileMentions(numbers, fields);
    const own = new Int32Array(fields);
    for (let at = 0; at < own.length; at += FIELDS) {
      own[at + ORGANISATION] = from.ids(own[at + ORGANISATION]);
      own[at + SPELLING] = from.spellings(own[at + SPELLING]);
    }
    return new FileMentions(numbers, own);
  }

  /** The mentions as numbers, read through the index's numbering (see renumbered). */
  numbered(): Int32Array {
    return this.fields;
  }

  get length(): number {
    return this.fields.length / FIELDS;
  }

  id(i: number): string {
    return this.numbers.ids.at(this.fields[i * FIELDS + ORGANISATION]);
  }

  /** The mention as written, on one line, with straight apostrophes (see nameAsWritten). */
  written(i: number): string {
    return this.numbers.spellings.at(this.fields[i * FIELDS + SPELLING]);
  }

  start(i: number): number {
    return this.fields[i * FIELDS];
  }

  end(i: number): number {
    return this.fields[i * FIELDS + 1];
  }

  /** Index of the article in the file, or -1 outside any article. */
  article(i: number): number {
    return this.fields[i * FIELDS + ARTICLE];
  }

  mention(i: number): OrganisationMention {
    return { id: this.id(i), start: this.start(i), end: this.end(i), article: this.article(i) };
  }

  all(): OrganisationMention[] {
    return Array.from({ length: this.length }, (_, i) => this.mention(i));
  }

  /**
   * The ids mentioned (in one article, when given), each once, in order of first mention.
   * Told apart by number, the few of a file by a look along the list (a Set of the strings
   * cost 30 ms of restoring the million mentions of 100k articles), those of a file with
   * more mentions than SCANNED_MENTIONS by a Set.
   */
  ids(article?: number): string[] {
    const indices = article === undefined ? undefined : this.indicesWith(ARTICLE, article);
    const count = indices ? indices.length : this.length;
    const seen = count > SCANNED_MENTIONS ? new Set<number>() : undefined;
    const numbers: number[] = [];
    for (let k = 0; k < count; k++) {
      const number = this.fields[(indices ? indices[k] : k) * FIELDS + ORGANISATION];
      if (seen ? seen.has(number) : numbers.includes(number)) continue;
      seen?.add(number);
      numbers.push(number);
    }
    return numbers.map((number) => this.numbers.ids.at(number));
  }

  /** The mentions of one organisation, in text order. */
  of(id: string): OrganisationMention[] {
    const number = this.numbers.ids.existingNumberOf(id);
    return number === undefined ? [] : this.indicesWith(ORGANISATION, number).map((i) => this.mention(i));
  }

  /** Indices of the mentions whose `field` is `value`, in text order. */
  private indicesWith(field: typeof ARTICLE | typeof ORGANISATION, value: number): number[] {
    if (this.length <= SCANNED_MENTIONS) {
      const found: number[] = [];
      for (let i = 0; i < this.length; i++) if (this.fields[i * FIELDS + field] === value) found.push(i);
      return found;
    }
    const groups = (this.groups[field] ??= this.groupedBy(field));
    return groups.get(value) ?? [];
  }

  private groupedBy(field: number): Map<number, number[]> {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.length; i++) {
      const value = this.fields[i * FIELDS + field];
      const group = groups.get(value);
      if (group) group.push(i);
      else groups.set(value, [i]);
    }
    return groups;
  }

  /** The index of the mention that covers `offset`, its end included; -1 for none. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < this.start(mid)) high = mid - 1;
      else if (offset > this.end(mid)) low = mid + 1;
      else return mid;
    }
    return -1;
  }
}

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

/** Start, end, article, organisation number, spelling number: see FileMentions. */
const FIELDS = 5;

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
}

/** The numberings the mentions of every file of an index share. */
export interface MentionNumbers {
  ids: Numbering;
  /** Mentions as written (see nameAsWritten). */
  spellings: Numbering;
}

const NO_FIELDS = new Int32Array(0);

export class FileMentions {
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
      fields[i * FIELDS + 2] = mention.article;
      fields[i * FIELDS + 3] = numbers.ids.numberOf(mention.id);
      fields[i * FIELDS + 4] = numbers.spellings.numberOf(nameAsWritten(text.slice(mention.start, mention.end)));
    });
    return new FileMentions(numbers, fields);
  }

  /**
   * Mentions as `numbered()` gave them from another index, whose numbering `from` is: as
   * remembered between sessions (see memory.ts).
   */
  static renumbered(fields: Int32Array, from: { ids: readonly string[]; spellings: readonly string[] }, numbers: MentionNumbers): FileMentions {
    const own = new Int32Array(fields);
    for (let at = 0; at < own.length; at += FIELDS) {
      own[at + 3] = numbers.ids.numberOf(from.ids[own[at + 3]]);
      own[at + 4] = numbers.spellings.numberOf(from.spellings[own[at + 4]]);
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
    return this.numbers.ids.at(this.fields[i * FIELDS + 3]);
  }

  /** The mention as written, on one line, with straight apostrophes (see nameAsWritten). */
  written(i: number): string {
    return this.numbers.spellings.at(this.fields[i * FIELDS + 4]);
  }

  start(i: number): number {
    return this.fields[i * FIELDS];
  }

  end(i: number): number {
    return this.fields[i * FIELDS + 1];
  }

  /** Index of the article in the file, or -1 outside any article. */
  article(i: number): number {
    return this.fields[i * FIELDS + 2];
  }

  mention(i: number): OrganisationMention {
    return { id: this.id(i), start: this.start(i), end: this.end(i), article: this.article(i) };
  }

  all(): OrganisationMention[] {
    return Array.from({ length: this.length }, (_, i) => this.mention(i));
  }

  /** The ids mentioned (in one article, when given), in order of first mention. */
  ids(article?: number): Set<string> {
    const ids = new Set<string>();
    for (let i = 0; i < this.length; i++) if (article === undefined || this.article(i) === article) ids.add(this.id(i));
    return ids;
  }

  /** The mentions of one organisation, in text order. */
  of(id: string): OrganisationMention[] {
    const number = this.numbers.ids.existingNumberOf(id);
    const found: OrganisationMention[] = [];
    for (let i = 0; i < this.length; i++) if (this.fields[i * FIELDS + 3] === number) found.push(this.mention(i));
    return found;
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

/**
 * One file's mentions kept as numbers in a typed array, four per mention, rather than as
 * an object each: a corpus of 100k articles holds about a million mentions, and as objects
 * (with the lists that held them by file and by organisation) they took more memory than
 * anything else the organisations keep. Objects are made only when asked for: a hover
 * needs one, Find All References those of one organisation.
 */
import type { OrganisationMention } from './index';

/** Start, end, article, organisation number: see FileMentions. */
const FIELDS = 4;

/**
 * Organisation ids by number, so that a mention holds a number rather than a pointer. An id
 * keeps its number for the life of the table: ids come from the gazetteer and from names
 * learned in the corpus, a few thousand, which an edit seldom adds to.
 */
export class OrganisationNumbers {
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, number);
    }
    return number;
  }

  /** The number of an id already numbered; undefined for one never seen (mentioned nowhere). */
  existingNumberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(number: number): string {
    return this.ids[number];
  }
}

const NO_FIELDS = new Int32Array(0);

export class FileMentions {
  private constructor(
    private readonly numbers: OrganisationNumbers,
    /** FIELDS numbers per mention, mentions in text order. */
    private readonly fields: Int32Array,
  ) {}

  /** `mentions` in text order. */
  static of(mentions: readonly OrganisationMention[], numbers: OrganisationNumbers): FileMentions {
    const fields = mentions.length === 0 ? NO_FIELDS : new Int32Array(mentions.length * FIELDS);
    mentions.forEach((mention, i) => {
      fields[i * FIELDS] = mention.start;
      fields[i * FIELDS + 1] = mention.end;
      fields[i * FIELDS + 2] = mention.article;
      fields[i * FIELDS + 3] = numbers.numberOf(mention.id);
    });
    return new FileMentions(numbers, fields);
  }

  get length(): number {
    return this.fields.length / FIELDS;
  }

  id(i: number): string {
    return this.numbers.idOf(this.fields[i * FIELDS + 3]);
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
    const number = this.numbers.existingNumberOf(id);
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

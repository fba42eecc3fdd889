/**
 * Running counts per organisation, kept up to date file by file: each file's contribution
 * is subtracted when it changes and the new one added, so that a summary never has to
 * walk every file that mentions a large organisation.
 */
import { deserialize, serialize } from 'v8';
import type { FileMentions } from './mentions';
import { compareCodeUnits, ownCopy } from '../text';

export interface Tally {
  mentions: number;
  /** "uri#article" -> mentions in that article. */
  articles: Map<string, number>;
  /** Other organisation -> articles shared with it. */
  related: Map<string, number>;
  people: Map<string, number>;
  /** Spelling as written (straight apostrophes) -> mentions. */
  spellings: Map<string, number>;
}

/** Some organisations' tallies. */
type TallyEntries = [string, Tally][];

/** Counts saved in a group by Tallies.saved: a few milliseconds' work to serialise or to read back. */
const COUNTS_PER_GROUP = 20_000;

/** A group of tallies as saved (see Tallies.saved): its organisations, and the group serialised. */
export interface SavedTallies {
  ids: string[];
  bytes: Uint8Array;
}

export class Tallies {
  private readonly byOrganisation = new Map<string, Tally>();
  /** Organisation -> the saved group that holds its tally, for the groups restored and not read yet. */
  private readonly unread = new Map<string, SavedTallies>();

  get(id: string): Tally | undefined {
    this.read(id);
    return this.byOrganisation.get(id);
  }

  /** Reads the restored group that holds `id`'s tally, if it is not read yet. */
  private read(id: string): void {
    const group = this.unread.get(id);
    if (!group) return;
    for (const other of group.ids) this.unread.delete(other);
    for (const [other, tally] of deserialize(group.bytes) as TallyEntries) this.byOrganisation.set(other, tally);
  }

  /**
   * Every tally, a group of organisations at a time, serialised (the caller may pause between
   * groups, as long as no file is applied meanwhile): for a later session (see restore).
   * Groups restored and not read since are given back as they came.
   */
  *saved(): Generator<SavedTallies> {
    // Both taken before the first pause: a group read meanwhile (a hover) must not be given twice.
    const unread = new Set(this.unread.values());
    const entries = [...this.byOrganisation];
    yield* unread;
    let group: TallyEntries = [];
    let counts = 0;
    for (const entry of entries) {
      const { articles, related, people, spellings } = entry[1];
      group.push(entry);
      counts += articles.size + related.size + people.size + spellings.size;
      if (counts >= COUNTS_PER_GROUP) {
        yield savedGroup(group);
        group = [];
        counts = 0;
      }
    }
    if (group.length > 0) yield savedGroup(group);
  }

  /**
   * Takes in the tallies an earlier session saved (see saved), each group read when one of
   * its organisations is first asked for: far quicker than applying every file again, and a
   * warm start asks for none before it is ready (at 100k articles, reading them all took
   * ~300 ms of it, and their Maps were a large part of what its collections copied).
   */
  restore(groups: Iterable<SavedTallies>): void {
    this.byOrganisation.clear();
    this.unread.clear();
    for (const group of groups) for (const id of group.ids) this.unread.set(id, group);
  }

  /**
   * Adds (sign 1) or removes (sign -1) one file's mentions and ties. The file's counts are
   * gathered first, so that the shared tallies are touched once per organisation and
   * article, not once per mention.
   */
  apply(uri: string, mentions: FileMentions, ties: { id: string; person: string }[], sign: 1 | -1): void {
    const inFile = new Map<string, { mentions: number; spellings: Map<string, number>; articles: Map<number, number> }>();
    for (let i = 0; i < mentions.length; i++) {
      const id = mentions.id(i);
      let counts = inFile.get(id);
      if (!counts) inFile.set(id, (counts = { mentions: 0, spellings: new Map(), articles: new Map() }));
      counts.mentions++;
      bump(counts.spellings, mentions.written(i), 1);
      const article = mentions.article(i);
      if (article >= 0) bump(counts.articles, article, 1);
    }
    const idsByArticle = new Map<number, string[]>();
    // "uri#article", made once per article rather than once per organisation in it.
    const articleKeys: string[] = [];
    for (const [id, counts] of inFile) {
      const tally = this.tally(id);
      tally.mentions += sign * counts.mentions;
      for (const [spelling, count] of counts.spellings) bump(tally.spellings, spelling, sign * count);
      for (const [article, count] of counts.articles) {
        bump(tally.articles, (articleKeys[article] ??= `${uri}#${article}`), sign * count);
        let ids = idsByArticle.get(article);
        if (!ids) idsByArticle.set(article, (ids = []));
        ids.push(id);
      }
    }
    for (const [article, ids] of idsByArticle) {
      const together = mostMentioned(ids, (id) => inFile.get(id)!.articles.get(article)!);
      for (const id of together) {
        const related = this.tally(id).related;
        for (const other of together) if (other !== id) bump(related, other, sign);
      }
    }
    for (const tie of ties) bumpText(this.tally(tie.id).people, tie.person, sign);
    for (const id of inFile.keys()) {
      if (this.byOrganisation.get(id)?.mentions === 0) this.byOrganisation.delete(id);
    }
  }

  private tally(id: string): Tally {
    let tally = this.get(id);
    if (!tally) {
      tally = { mentions: 0, articles: new Map(), related: new Map(), people: new Map(), spellings: new Map() };
      this.byOrganisation.set(id, tally);
    }
    return tally;
  }
}

/**
 * The organisations of one article counted as mentioned with each other. Every pair counts
 * in an ordinary article, but one that names thousands (a directory, a list of members, a
 * page of capitals) would make millions of pairs: there only the most mentioned count, in
 * an order that does not depend on the order of the mentions, so that removing the file
 * takes away exactly what adding it counted.
 */
const MAX_RELATED_PER_ARTICLE = 50;

function mostMentioned(ids: string[], mentions: (id: string) => number): string[] {
  if (ids.length <= MAX_RELATED_PER_ARTICLE) return ids;
  const ranked = [...ids].sort((a, b) => mentions(b) - mentions(a) || compareCodeUnits(a, b));
  return ranked.slice(0, MAX_RELATED_PER_ARTICLE);
}

/**
 * bump() for a piece of a file's text: a text new to the counts is kept as a copy of its own
 * (see ownCopy); one already there is counted under the copy made then, as Map.set keeps an
 * existing key. Copying every mention's text cost more than the rest of the tallying.
 */
function bumpText(counts: Map<string, number>, text: string, by: number): void {
  bump(counts, counts.has(text) ? text : ownCopy(text), by);
}

function bump<K>(counts: Map<K, number>, key: K, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

function savedGroup(group: TallyEntries): SavedTallies {
  return { ids: group.map(([id]) => id), bytes: serialize(group) };
}

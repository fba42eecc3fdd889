/**
 * Running counts per organisation, kept up to date file by file: each file's contribution
 * is subtracted when it changes and the new one added, so that a summary never has to
 * walk every file that mentions a large organisation.
 */
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

/** Some organisations' tallies (see Tallies.copies). */
export type TallyEntries = [string, Tally][];

/** Counts copied at a time by Tallies.copies: a few milliseconds' work. */
const COUNTS_PER_COPY = 20_000;

export class Tallies {
  private readonly byOrganisation = new Map<string, Tally>();

  get(id: string): Tally | undefined {
    return this.byOrganisation.get(id);
  }

  /**
   * Copies of every tally, a group of organisations at a time (the caller may pause between
   * groups, as long as no file is applied meanwhile): for a later session (see restore),
   * made now because applying files changes the tallies in place.
   */
  *copies(): Generator<TallyEntries> {
    let group: TallyEntries = [];
    let counts = 0;
    for (const [id, tally] of this.byOrganisation) {
      const { mentions, articles, related, people, spellings } = tally;
      group.push([id, { mentions, articles: new Map(articles), related: new Map(related), people: new Map(people), spellings: new Map(spellings) }]);
      counts += articles.size + related.size + people.size + spellings.size;
      if (counts >= COUNTS_PER_COPY) {
        yield group;
        group = [];
        counts = 0;
      }
    }
    if (group.length > 0) yield group;
  }

  /** Takes in tallies copied by an earlier session (see copies), as they are: far quicker than applying every file again. */
  restore(groups: Iterable<TallyEntries>): void {
    this.byOrganisation.clear();
    for (const group of groups) for (const [id, tally] of group) this.byOrganisation.set(id, tally);
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
    let tally = this.byOrganisation.get(id);
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

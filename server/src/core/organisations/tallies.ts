/**
 * Running counts per organisation, kept up to date file by file: each file's contribution
 * is subtracted when it changes and the new one added, so that a summary never has to
 * walk every file that mentions a large organisation.
 */
import type { IndexedFile } from '../corpus';

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

interface MentionLike {
  id: string;
  start: number;
  end: number;
  article: number;
}

export class Tallies {
  private readonly byOrganisation = new Map<string, Tally>();

  get(id: string): Tally | undefined {
    return this.byOrganisation.get(id);
  }

  /** Adds (sign 1) or removes (sign -1) one file's mentions and ties. */
  apply(file: IndexedFile, mentions: MentionLike[], ties: { id: string; person: string }[], sign: 1 | -1): void {
    const perArticle = new Map<number, Set<string>>();
    for (const mention of mentions) {
      const tally = this.tally(mention.id);
      tally.mentions += sign;
      const spelling = file.text.slice(mention.start, mention.end).replace(/’/g, "'");
      bump(tally.spellings, spelling, sign);
      if (mention.article < 0) continue;
      bump(tally.articles, `${file.uri}#${mention.article}`, sign);
      let ids = perArticle.get(mention.article);
      if (!ids) perArticle.set(mention.article, (ids = new Set()));
      ids.add(mention.id);
    }
    for (const ids of perArticle.values()) {
      for (const id of ids) for (const other of ids) if (other !== id) bump(this.tally(id).related, other, sign);
    }
    for (const tie of ties) bump(this.tally(tie.id).people, tie.person, sign);
    for (const mention of mentions) {
      const tally = this.byOrganisation.get(mention.id);
      if (tally && tally.mentions === 0) this.byOrganisation.delete(mention.id);
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

function bump(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

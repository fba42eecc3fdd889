/**
 * What a hover says about an organisation, computed from the index once per index
 * generation and kept: mentions and articles, the articles that mention it most, the
 * organisations most often mentioned in the same articles, and the people tied to it.
 */
import type { Organisation, OrganisationIndex } from './index';
import { Steps, runAll } from '../steps';

export interface ArticleRef {
  uri: string;
  relativePath: string;
  title: string;
  /** Zero-based line of the article's title. */
  line: number;
  mentions: number;
}

export interface OrganisationSummary {
  organisation: Organisation;
  mentions: number;
  articles: number;
  /** Articles with the most mentions first; the same title pasted into several files counts once. */
  topArticles: ArticleRef[];
  /** Organisations mentioned in the same articles, most shared articles first. */
  related: { id: string; name: string; articles: number }[];
  /** People tied to it in the text, most often tied first. */
  people: { name: string; count: number }[];
  /** The spellings used in the corpus, most frequent first. */
  spellings: string[];
}

export interface SummaryLimits {
  articles: number;
  related: number;
  people: number;
}

const DEFAULT_LIMITS: SummaryLimits = { articles: 5, related: 5, people: 5 };

/**
 * Summaries kept until the organisation's mentions change: an edit recomputes only the
 * summaries of the organisations the edited files mention.
 */
export class OrganisationSummaries {
  private readonly cache = new Map<string, { summary: OrganisationSummary; generation: number }>();

  constructor(
    private readonly index: OrganisationIndex,
    private readonly limits: SummaryLimits = DEFAULT_LIMITS,
  ) {}

  summary(id: string): OrganisationSummary | undefined {
    return this.fresh(id)?.summary ?? runAll(this.computing(id));
  }

  /** The kept summary, if the organisation's mentions did not change since it was computed. */
  private fresh(id: string): { summary: OrganisationSummary } | undefined {
    const cached = this.cache.get(id);
    return cached && cached.generation >= this.index.changedInGeneration(id) ? cached : undefined;
  }

  /** Organisations whose summary would be computed on the next hover, most mentioned first. */
  stale(): string[] {
    const stale: [string, number][] = [];
    for (const id of this.index.mentionedIds()) {
      if (this.fresh(id)) continue;
      stale.push([id, this.index.fileCountOf(id)]);
    }
    return stale.sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  /**
   * Computes the stale summaries, most mentioned organisations first, so that hovers find
   * them ready; in rounds until one ran with no update of the index meanwhile, as an update
   * makes more stale. A step reads one file (see computing).
   */
  *warmingSteps(): Steps {
    let generation: number;
    do {
      generation = this.index.generation;
      for (const id of this.stale()) {
        yield;
        if (!this.fresh(id)) yield* this.computing(id);
      }
    } while (this.index.generation !== generation);
  }

  /**
   * Computes a summary and keeps it, a step for each file whose articles it names: a file is
   * read from the index cache and the texts file, and the 20 of the most mentioned
   * organisation of a workspace of 100k articles took 260 ms, which a hover waited for. An
   * update of the index between two steps leaves the summary stale.
   */
  private *computing(id: string): Steps<OrganisationSummary | undefined> {
    const generation = this.index.generation;
    const organisation = this.index.organisation(id);
    const tally = this.index.tallies.get(id);
    const summary = organisation && tally && {
      organisation,
      mentions: tally.mentions,
      articles: tally.articles.size,
      topArticles: yield* this.topArticles(tally.articles),
      related: top(tally.related, this.limits.related).map(([other, articles]) => ({
        id: other,
        name: this.index.organisation(other)?.name ?? other,
        articles,
      })),
      people: top(tally.people, this.limits.people).map(([name, count]) => ({ name, count })),
      spellings: top(tally.spellings, Number.MAX_SAFE_INTEGER).map(([spelling]) => spelling),
    };
    if (summary) this.cache.set(id, { summary, generation });
    else this.cache.delete(id);
    return summary;
  }

  /** The articles with most mentions; the same title pasted into several files counts once. */
  private *topArticles(counts: Map<string, number>): Steps<ArticleRef[]> {
    // Enough candidates to survive the removal of repeated titles, without sorting them all.
    const candidates = top(counts, this.limits.articles * 4);
    const seen = new Set<string>();
    const articles: ArticleRef[] = [];
    for (const [key, mentions] of candidates) {
      const hash = key.lastIndexOf('#');
      const uri = key.slice(0, hash);
      yield;
      const file = this.index.file(uri);
      const article = file?.articles[Number(key.slice(hash + 1))];
      if (!file || !article || seen.has(article.title)) continue;
      seen.add(article.title);
      articles.push({ uri, relativePath: file.relativePath, title: article.title, line: article.startLine, mentions });
      if (articles.length === this.limits.articles) break;
    }
    return articles;
  }
}

/** The `limit` largest counts, ties broken by key, without sorting every entry. */
function top(counts: Map<string, number>, limit: number): [string, number][] {
  const order = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  if (counts.size <= limit * 8) return [...counts].sort(order).slice(0, limit);
  const best: [string, number][] = [];
  for (const entry of counts) {
    if (best.length === limit && order(entry, best[limit - 1]) >= 0) continue;
    best.push(entry);
    best.sort(order);
    if (best.length > limit) best.pop();
  }
  return best;
}

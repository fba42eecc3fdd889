/**
 * What a hover says about an organisation, computed from the index once per index
 * generation and kept: mentions and articles, the articles that mention it most, the
 * organisations most often mentioned in the same articles, and the people tied to it.
 */
import type { Organisation, OrganisationIndex } from './index';

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

export class OrganisationSummaries {
  private cache = new Map<string, OrganisationSummary>();
  private generation = -1;

  constructor(
    private readonly index: OrganisationIndex,
    private readonly limits: SummaryLimits = DEFAULT_LIMITS,
  ) {}

  summary(id: string): OrganisationSummary | undefined {
    if (this.generation !== this.index.generation) {
      this.cache = new Map();
      this.generation = this.index.generation;
    }
    let summary = this.cache.get(id);
    if (!summary) {
      summary = this.compute(id);
      if (summary) this.cache.set(id, summary);
    }
    return summary;
  }

  private compute(id: string): OrganisationSummary | undefined {
    const organisation = this.index.organisation(id);
    if (!organisation) return undefined;
    const articleCounts: ArticleRef[] = [];
    const related = new Map<string, number>();
    const people = new Map<string, number>();
    const spellings = new Map<string, number>();
    let mentions = 0;
    for (const [uri, list] of this.index.mentionsOf(id)) {
      const file = this.index.file(uri);
      if (!file) continue;
      mentions += list.length;
      const perArticle = new Map<number, number>();
      for (const mention of list) {
        perArticle.set(mention.article, (perArticle.get(mention.article) ?? 0) + 1);
        const spelling = file.text.slice(mention.start, mention.end).replace(/’/g, "'");
        spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
      }
      const inFile = this.index.mentionsIn(uri);
      const others = new Map<number, Set<string>>();
      for (const mention of inFile.mentions) {
        if (mention.id === id || !perArticle.has(mention.article) || mention.article < 0) continue;
        let set = others.get(mention.article);
        if (!set) others.set(mention.article, (set = new Set()));
        set.add(mention.id);
      }
      for (const ids of others.values()) for (const other of ids) related.set(other, (related.get(other) ?? 0) + 1);
      for (const tie of inFile.ties) if (tie.id === id) people.set(tie.person, (people.get(tie.person) ?? 0) + 1);
      for (const [article, count] of perArticle) {
        if (article < 0) continue;
        const { title, startLine } = file.articles[article];
        articleCounts.push({ uri, relativePath: file.relativePath, title, line: startLine, mentions: count });
      }
    }
    return {
      organisation,
      mentions,
      articles: articleCounts.length,
      topArticles: topArticles(articleCounts, this.limits.articles),
      related: [...related]
        .map(([other, articles]) => ({ id: other, name: this.index.organisation(other)?.name ?? other, articles }))
        .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
        .slice(0, this.limits.related),
      people: [...people]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .slice(0, this.limits.people),
      spellings: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([spelling]) => spelling),
    };
  }
}

function topArticles(articles: ArticleRef[], limit: number): ArticleRef[] {
  articles.sort((a, b) => b.mentions - a.mentions || a.relativePath.localeCompare(b.relativePath) || a.line - b.line);
  const seen = new Set<string>();
  const top: ArticleRef[] = [];
  for (const article of articles) {
    if (seen.has(article.title)) continue;
    seen.add(article.title);
    top.push(article);
    if (top.length === limit) break;
  }
  return top;
}

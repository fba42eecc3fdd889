/**
 * Themes: agreement with known topics (purity, NMI) on the labelled corpus of
 * bench/gold/themes and on generated corpora, the time to find the themes of 10k articles,
 * the time to place one edited article, and theme search latency.
 * Targets (issue 5): NMI ≥ 0.8; themes of 10k articles ≤ 5 s; query p95 ≤ 10 ms.
 */
import * as path from 'path';
import { Corpus } from '../server/src/core/corpus';
import { CorpusSearch } from '../server/src/core/search/corpusSearch';
import { ClusteringMethod, defaultThemeOptions } from '../server/src/core/themes/discover';
import { agreement } from '../server/src/core/themes/metrics';
import { ThemeIndex } from '../server/src/core/themes/themeIndex';
import { generateCorpus } from './generate';
import { labelledThemeCorpus } from './gold/themes/corpus';
import { benchSizes, fmt, msSince, peakRssMB, percentile } from './measure';

const GOLD = path.resolve(__dirname, '../bench/gold/themes');
const QUERIES = [
  'integrated care', 'mental health', 'nursing vacancies', 'nhs app', 'care home', 'council tax', 'pay', 'integ', 'recru',
  'menatl health', 'digital records', 'crisis teams', 'junior doctors', 'discharge', 'Mind', 'budgets', 'records online',
];
const QUERY_ROUNDS = 20;

interface Labelled {
  corpus: Corpus;
  /** Topic of each article, by "path#line" of its title (0-based). */
  labels: Map<string, string>;
}

/** Themes against labels; an article the splitter merged into another one counts with that one's label. */
function score(themes: ThemeIndex, labels: Map<string, string>): { purity: number; nmi: number; articles: number } {
  const articles = themes.articles().filter((a) => labels.has(`${a.uri}#${a.article.startLine}`));
  const result = agreement(
    articles.map((a) => a.themeId),
    articles.map((a) => labels.get(`${a.uri}#${a.article.startLine}`) as string),
  );
  return { ...result, articles: articles.length };
}

function corpusOf(files: { path: string; text: string }[]): Corpus {
  const corpus = new Corpus();
  corpus.apply(files.map((file) => ({ uri: file.path, relativePath: file.path, text: file.text })));
  return corpus;
}

function goldCorpus(articlesPerTopic: number): Labelled & { generated: number } {
  const gold = labelledThemeCorpus(GOLD, { articlesPerTopic, seed: 7, copyRate: 0.1 });
  const labels = new Map(gold.articles.map((a) => [`${a.path}#${a.line}`, a.topic]));
  return { corpus: corpusOf(gold.files), labels, generated: gold.articles.length };
}

function generatedCorpus(size: number): Labelled {
  const generated = generateCorpus({ articles: size, seed: 42 });
  const labels = new Map(generated.articles.map((a) => [`${generated.files[a.file].path}#${a.line}`, a.topic]));
  return { corpus: corpusOf(generated.files), labels };
}

function themesOf(corpus: Corpus, method: ClusteringMethod = 'auto'): { themes: ThemeIndex; ms: number; used: string } {
  const start = process.hrtime.bigint();
  let used = '';
  const themes = new ThemeIndex({ ...defaultThemeOptions, method }, undefined, (found) => (used = found.how === 'clustered' ? found.method : found.how)).attach(corpus);
  themes.themes();
  return { themes, ms: msSince(start), used };
}

function benchGold(): void {
  console.log('labelled corpus (bench/gold/themes: 6 topics, 10% pasted copies)');
  console.log('articles written | articles found | method | themes | purity | NMI | ms');
  for (const perTopic of [15, 30, 60]) {
    const { corpus, labels, generated } = goldCorpus(perTopic);
    const methods: ClusteringMethod[] = perTopic === 30 ? ['auto', 'average-link', 'k-means'] : ['auto'];
    for (const method of methods) {
      const { themes, ms, used } = themesOf(corpus, method);
      const { purity, nmi, articles } = score(themes, labels);
      console.log([generated, articles, `${method}: ${used}`, themes.themes().length, fmt(purity, 3), fmt(nmi, 3), Math.round(ms)].join(' | '));
    }
  }
}

function benchGenerated(): void {
  console.log('\ngenerated corpus (bench/generate.ts, 5 topics from small vocabularies)');
  console.log('articles written | found | themes | purity | NMI | themes s | edit p50/p95 ms | search index ms | query p50/p95 ms | peak RSS MB');
  for (const size of benchSizes([1000, 10000])) {
    const { corpus, labels } = generatedCorpus(size);
    const { themes, ms } = themesOf(corpus);
    const { purity, nmi } = score(themes, labels);

    const files = [...corpus.all()];
    const edits: number[] = [];
    for (let i = 0; i < 100; i++) {
      const file = files[(i * 7919) % files.length];
      const start = process.hrtime.bigint();
      corpus.apply([{ uri: file.uri, relativePath: file.relativePath, text: `${file.text}\nCouncils said discharge plans for round ${i} were agreed.\n` }]);
      themes.themes();
      edits.push(msSince(start));
    }

    const search = new CorpusSearch(themes);
    const buildStart = process.hrtime.bigint();
    search.search('warm up');
    const buildMs = msSince(buildStart);
    const queries: number[] = [];
    for (let round = 0; round < QUERY_ROUNDS; round++) {
      for (const query of QUERIES) {
        const start = process.hrtime.bigint();
        search.search(query);
        queries.push(msSince(start));
      }
    }
    console.log(
      [size, corpus.stats().articles, themes.themes().length, fmt(purity, 3), fmt(nmi, 3), fmt(ms / 1000, 2),
        `${fmt(percentile(edits, 50), 2)}/${fmt(percentile(edits, 95), 2)}`, Math.round(buildMs),
        `${fmt(percentile(queries, 50), 2)}/${fmt(percentile(queries, 95), 2)}`, peakRssMB()].join(' | '),
    );
  }
}

export async function benchThemes(): Promise<void> {
  benchGold();
  benchGenerated();
}

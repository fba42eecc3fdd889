/**
 * Organisations: quality on the gold set (mention- and entity-level precision, recall and
 * F1; acronym -> full-name accuracy), ours with and without the shipped gazetteer, beside
 * compromise's `.organizations()`; recognition throughput next to indexing alone; hover
 * latency on a generated 10k-article workspace.
 * Targets (issue 4): entity-level F1 >= 0.85; indexing + recognition keeps at least half of
 * the throughput of indexing alone ("share kept" >= 50%); hover p95 < 10 ms on 10k articles.
 */
import nlp from 'compromise';
import { Corpus } from '../server/src/core/corpus';
import { OrganisationIndex } from '../server/src/core/organisations/index';
import { OrganisationSummaries } from '../server/src/core/organisations/summary';
import { organisationId } from '../server/src/core/organisations/names';
import { organisationHover } from '../server/src/organisations/hover';
import { generateCorpus } from './generate';
import { benchSizes, fmt, msSince, percentile } from './measure';
import { GoldArticle, Prediction, acronymScore, entityScore, f1, loadGold, mentionScore } from './organisationsGold';

export async function benchOrganisations(): Promise<void> {
  const gold = loadGold();
  const systems: [string, Prediction[]][] = [
    ['ours', ours(gold, new OrganisationIndex())],
    ['ours, no gazetteer', ours(gold, new OrganisationIndex({ builtIn: { organisations: [], ignore: [] } }))],
    ['compromise', gold.map(compromiseOrganisations)],
  ];
  // h*.txt were written after the recogniser's rules were settled on the others.
  const heldOut = (article: GoldArticle): boolean => article.name.startsWith('h');
  const subsets: [string, (article: GoldArticle) => boolean][] = [
    ['all', () => true],
    ['development', (article) => !heldOut(article)],
    ['held out', heldOut],
  ];
  for (const [subset, keep] of subsets) {
    const articles = gold.filter(keep);
    const mentions = articles.reduce((sum, article) => sum + article.mentions.length, 0);
    const entities = new Set(articles.flatMap((article) => article.mentions.map((mention) => mention.id))).size;
    console.log(`
Gold set, ${subset}: ${articles.length} articles, ${mentions} mentions of ${entities} organisations.`);
    console.log('system | mentions P/R/F1 (span) | mentions F1 (span + id) | entities P/R/F1 | acronym definitions | acronym mentions');
    for (const [name, all] of systems) {
      const predictions = all.filter((_, index) => keep(gold[index]));
      const spans = f1(mentionScore(articles, predictions, false));
      const withIds = f1(mentionScore(articles, predictions, true));
      const entity = f1(entityScore(articles, predictions));
      const acronyms = acronymScore(articles, predictions);
      console.log(
        [name, triple(spans), fmt(withIds.f1, 3), triple(entity), `${acronyms.resolved}/${acronyms.definitions}`, `${acronyms.mentionsResolved}/${acronyms.mentions}`].join(' | '),
      );
    }
  }
  printErrors(gold, systems[0][1]);
  await benchSpeed();
}

function triple(score: ReturnType<typeof f1>): string {
  return `${fmt(score.precision, 3)}/${fmt(score.recall, 3)}/${fmt(score.f1, 3)}`;
}

/** The gold articles as one corpus (one file each), so that names propagate between them as in a workspace. */
function ours(gold: GoldArticle[], index: OrganisationIndex): Prediction[] {
  const corpus = new Corpus();
  index.attach(corpus);
  corpus.apply(gold.map((article) => ({ uri: article.name, relativePath: article.name, text: article.text })));
  return gold.map((article) => index.mentionsIn(article.name).mentions.map(({ start, end, id }) => ({ start, end, id })));
}

function compromiseOrganisations(article: GoldArticle): Prediction {
  const found = nlp(article.text).organizations().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  return found.map(({ text, offset }) => {
    // compromise includes trailing punctuation ("NHS England."); trim it as a reader would.
    const trimmed = text.replace(/[\s.,;:!?'"’”)]+$/u, '');
    return { start: offset.start, end: offset.start + trimmed.length, id: organisationId(trimmed) };
  });
}

/** The misses and false alarms of our recogniser, so the figures can be read. */
function printErrors(gold: GoldArticle[], predictions: Prediction[]): void {
  const misses: string[] = [];
  const false_: string[] = [];
  gold.forEach((article, index) => {
    const predicted = new Set(predictions[index].map((p) => `${p.start}:${p.end}`));
    const spans = new Set(article.mentions.map((m) => `${m.start}:${m.end}`));
    for (const mention of article.mentions) if (!predicted.has(`${mention.start}:${mention.end}`)) misses.push(mention.text);
    for (const p of predictions[index]) if (!spans.has(`${p.start}:${p.end}`)) false_.push(article.text.slice(p.start, p.end));
  });
  console.log(`\nOur missed mentions (${misses.length}): ${misses.join('; ')}`);
  console.log(`Our mentions not in the gold set (${false_.length}): ${false_.join('; ')}`);
}

async function benchSpeed(): Promise<void> {
  console.log(
    '\narticles | MB | indexing MB/s | indexing + organisations MB/s | share kept | share kept, CPU time | organisations | mentions | one edit p95 ms | hover p50/p95 ms (ready) | first hover after an edit p95 ms',
  );
  for (const size of benchSizes([10000])) {
    const generated = generateCorpus({ articles: size, seed: 7 });
    const inputs = generated.files.map((file) => ({ uri: `file:///bench/${file.path}`, relativePath: file.path, text: file.text }));
    const megabytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0) / 1e6;

    // CPU time too: on a busy machine it varies less than the time on the clock.
    const plainStart = process.hrtime.bigint();
    const plainCpuStart = process.cpuUsage();
    new Corpus().apply(inputs);
    const plainCpu = cpuSeconds(plainCpuStart);
    const plainSeconds = msSince(plainStart) / 1000;

    const corpus = new Corpus();
    const index = new OrganisationIndex().attach(corpus);
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    corpus.apply(inputs);
    const cpu = cpuSeconds(cpuStart);
    const seconds = msSince(start) / 1000;

    // Hovers once the summaries are ready (the server computes them in idle moments after each update).
    const summaries = new OrganisationSummaries(index);
    for (const id of summaries.stale()) summaries.summary(id);
    const places = samplePlaces(index, 1000);
    const ready = places.map(([uri, offset]) => timeHover(index, summaries, uri, offset));

    // An edit makes the summaries of the organisations its file mentions stale; the first hover on one computes it.
    const edits: number[] = [];
    const firstHovers: number[] = [];
    for (let i = 0; i < 100; i++) {
      const input = inputs[(i * 7919) % inputs.length];
      const editStart = process.hrtime.bigint();
      corpus.apply([{ ...input, text: `${input.text}\nThe charity Bench Helpers ${i} said it would help.\n` }]);
      edits.push(msSince(editStart));
      const mention = index.mentionsIn(input.uri).mentions[0];
      if (mention) firstHovers.push(timeHover(index, summaries, input.uri, mention.start + 1));
    }
    let organisations = 0;
    let mentions = 0;
    for (const id of index.mentionedIds()) {
      organisations++;
      for (const list of index.mentionsOf(id).values()) mentions += list.length;
    }
    console.log(
      [size, fmt(megabytes), fmt(megabytes / plainSeconds), fmt(megabytes / seconds), `${Math.round((100 * plainSeconds) / seconds)}%`, `${Math.round((100 * plainCpu) / cpu)}%`, organisations, mentions,
        fmt(percentile(edits, 95), 2), `${fmt(percentile(ready, 50), 3)}/${fmt(percentile(ready, 95), 3)}`, fmt(percentile(firstHovers, 95), 2)].join(' | '),
    );
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
}

function samplePlaces(index: OrganisationIndex, count: number): [string, number][] {
  const all: [string, number][] = [];
  for (const id of index.mentionedIds()) {
    for (const [uri, list] of index.mentionsOf(id)) for (const mention of list) all.push([uri, mention.start + 1]);
  }
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

function timeHover(index: OrganisationIndex, summaries: OrganisationSummaries, uri: string, offset: number): number {
  const file = index.file(uri)!;
  const start = process.hrtime.bigint();
  const hover = organisationHover(index, summaries, file, offset);
  const elapsed = msSince(start);
  if (!hover) throw new Error(`no hover at ${uri}:${offset}`);
  return elapsed;
}



/**
 * Duplicated passages: recall and precision on planted copies, the time from an edit to
 * updated diagnostics, bad input, and the same corpus through jscpd and sim_text.
 *
 * The corpus: articles of pseudo-English with a Zipf-distributed vocabulary (function
 * words plus 20,000 invented content words), so that, as in real prose, no 25-word run
 * recurs by chance. The shared generator (bench/generate.ts) draws every sentence from a
 * few dozen phrases, so its articles share long runs everywhere; it is used here for the
 * no-copies check of a corpus made only of such text. Planted into the corpus, with a gold
 * list: exact copies, copies re-wrapped with other quotes and case, and copies with a few
 * words substituted, added or removed; of whole articles and of single paragraphs; some
 * copied twice (a group of three).
 *
 * Targets (issue 3): recall ≥ 0.95 exact, ≥ 0.90 near; precision ≥ 0.98; nothing on a
 * corpus without copies; an edit to updated diagnostics ≤ 50 ms in a 10k-article workspace.
 * `npm run bench -- duplicates --sizes 10000,100000` adds the 100k run.
 */
import { npmToolBin } from './tools';
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Corpus } from '../server/src/core/corpus';
import { DuplicateIndex } from '../server/src/core/duplicates/engine';
import { ReportedDuplicate, duplicatesReport, findDuplicates } from '../server/src/core/duplicates/report';
import { scanFolder } from '../server/src/core/scan';
import { duplicateDiagnostics } from '../server/src/duplicates/diagnostics';
import { defaultSettings } from '../server/src/settings';
import { generateCorpus } from './generate';
import { benchSizes, fmt, msSince, percentile, writeCorpus } from './measure';
import { Random } from './random';

type Category = 'exact' | 'rewrapped' | 'edited';
type Scope = 'article' | 'paragraph';

interface Range {
  path: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

interface GoldPair {
  category: Category;
  scope: Scope;
  source: Range;
  copy: Range;
}

interface Paragraph {
  text: string;
}

interface ArticleBlock {
  title: string;
  paragraphs: Paragraph[];
}

interface Plant {
  category: Category;
  scope: Scope;
  source: ArticleBlock | Paragraph;
  copy: ArticleBlock | Paragraph;
}

const FUNCTION_WORDS = (
  'the of and to a in that is was for on with as by at from it he she they his her their this be are were ' +
  'has have had not but or which who will would can could an one all there been more when its than into ' +
  'also about after over some only other new most year years out up said what so no may if these two first ' +
  'people time like just any them we our us because before between under while where those then both such'
).split(' ');
const SYLLABLES = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(' ');
const CODAS = ['', '', 'n', 'r', 's', 'l', 't', 'nd', 'st', 'rt'];
const CONTENT_WORDS = 20_000;
const FUNCTION_WORD_SHARE = 0.45;

class Prose {
  private readonly content: string[] = [];
  private readonly contentCumulative: Float64Array;
  private readonly functionCumulative: Float64Array;

  constructor(private readonly random: Random) {
    const seen = new Set<string>();
    const words = new Random(7);
    while (this.content.length < CONTENT_WORDS) {
      let word = '';
      for (let s = words.int(1, 3); s > 0; s--) word += words.pick(SYLLABLES);
      word += words.pick(CODAS);
      if (!seen.has(word)) {
        seen.add(word);
        this.content.push(word);
      }
    }
    this.contentCumulative = zipf(CONTENT_WORDS);
    this.functionCumulative = zipf(FUNCTION_WORDS.length);
  }

  word(): string {
    if (this.random.chance(FUNCTION_WORD_SHARE)) return FUNCTION_WORDS[sample(this.functionCumulative, this.random.next())];
    return this.content[sample(this.contentCumulative, this.random.next())];
  }

  words(count: number): string[] {
    return Array.from({ length: count }, () => this.word());
  }

  sentence(): string {
    const words = this.words(this.random.int(8, 24));
    if (words.length > 12 && this.random.chance(0.3)) words[this.random.int(3, 8)] += ',';
    const text = `${capitalise(words.join(' '))}.`;
    return this.random.chance(0.08) ? `“${text}” said ${capitalise(this.word())} ${capitalise(this.word())}.` : text;
  }

  paragraph(): Paragraph {
    const sentences: string[] = [];
    for (let s = this.random.int(2, 6); s > 0; s--) sentences.push(this.sentence());
    return { text: sentences.join(' ') };
  }

  article(): ArticleBlock {
    const paragraphs: Paragraph[] = [];
    for (let p = this.random.int(3, 9); p > 0; p--) paragraphs.push(this.paragraph());
    return { title: capitalise(this.words(this.random.int(4, 9)).join(' ')), paragraphs };
  }
}

function zipf(size: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 2.7);
  for (let rank = 0; rank < size; rank++) cumulative[rank] /= total;
  return cumulative;
}

function sample(cumulative: Float64Array, value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Re-wrapped at a random width, straight quotes, and the first words in capitals. */
function restyle(text: string, random: Random): string {
  const width = random.int(50, 80);
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/[“”]/g, '"').split(' ')) {
    if (line && line.length + word.length >= width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  lines[0] = lines[0].toUpperCase();
  return lines.join('\n');
}

/** About one edit (substitution, insertion or deletion of a word) per 40 words, at least two. */
function edit(text: string, random: Random, prose: Prose): string {
  const words = text.split(' ');
  for (let edits = Math.max(2, Math.round(words.length / 40)); edits > 0; edits--) {
    const at = random.int(1, words.length - 2);
    const kind = random.int(0, 2);
    if (kind === 0) words[at] = prose.word();
    else if (kind === 1) words.splice(at, 0, prose.word());
    else words.splice(at, 1);
  }
  return words.join(' ');
}

function transform(text: string, category: Category, random: Random, prose: Prose): string {
  if (category === 'rewrapped') return restyle(text, random);
  if (category === 'edited') return edit(text, random, prose);
  return text;
}

interface PlantedCorpus {
  files: { path: string; text: string }[];
  gold: GoldPair[];
}

const CATEGORIES: Category[] = ['exact', 'rewrapped', 'edited'];
/** Share of articles used as the source of a planted copy. */
const PLANT_RATE = 0.06;
const MIN_PARAGRAPH_WORDS = 40;

function plantedCorpus(articleCount: number, seed: number, plantRate = PLANT_RATE): PlantedCorpus {
  const random = new Random(seed);
  const prose = new Prose(random);
  const articles = Array.from({ length: articleCount }, () => prose.article());
  const files: ArticleBlock[][] = [];
  for (let i = 0; i < articles.length; ) {
    const count = random.int(1, 4);
    files.push(articles.slice(i, i + count));
    i += count;
  }
  // Sources and targets come from separate halves, so that no copy is copied again.
  const plants: Plant[] = [];
  const sources = articles.slice(0, articleCount >> 1);
  const sourceSet = new Set(sources);
  const targetFiles = files.filter((file) => !file.some((article) => sourceSet.has(article)));
  const originals = new Set(articles);
  const plantCount = Math.round(articleCount * plantRate);
  for (let p = 0; p < plantCount; p++) {
    const sourceArticle = sources[p % sources.length];
    const category = CATEGORIES[p % CATEGORIES.length];
    const scope: Scope = random.chance(0.5) ? 'article' : 'paragraph';
    const copies = random.chance(0.2) ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const target = random.pick(targetFiles);
      if (scope === 'article') {
        const copy: ArticleBlock = {
          title: category === 'rewrapped' ? sourceArticle.title.toUpperCase() : sourceArticle.title,
          paragraphs: sourceArticle.paragraphs.map((paragraph) => ({ text: transform(paragraph.text, category, random, prose) })),
        };
        target.splice(random.int(0, target.length), 0, copy);
        plants.push({ category, scope, source: sourceArticle, copy });
      } else {
        const candidates = sourceArticle.paragraphs.filter((paragraph) => paragraph.text.split(' ').length >= MIN_PARAGRAPH_WORDS);
        if (candidates.length === 0) continue;
        const source = random.pick(candidates);
        const copy: Paragraph = { text: transform(source.text, category, random, prose) };
        const host = random.pick(target.filter((article) => originals.has(article)));
        host.paragraphs.splice(random.int(0, host.paragraphs.length), 0, copy);
        plants.push({ category, scope, source, copy });
      }
    }
  }
  return render(files, plants);
}

function render(files: ArticleBlock[][], plants: Plant[]): PlantedCorpus {
  const ranges = new Map<ArticleBlock | Paragraph, Range>();
  const rendered = files.map((articles, index) => {
    const filePath = `folder-${String(Math.floor(index / 100)).padStart(4, '0')}/file-${String(index).padStart(6, '0')}.txt`;
    let text = '';
    let line = 0;
    const add = (part: string, owner?: ArticleBlock | Paragraph): void => {
      const start = text.length;
      text += part;
      if (owner) ranges.set(owner, { path: filePath, start, end: text.length, startLine: line, endLine: line + (part.match(/\n/g)?.length ?? 0) });
      line += part.match(/\n/g)?.length ?? 0;
    };
    articles.forEach((article, a) => {
      if (a > 0) add('\n\n');
      const articleStart = text.length;
      const articleLine = line;
      add(`${article.title}\n\n`);
      article.paragraphs.forEach((paragraph, p) => {
        if (p > 0) add('\n\n');
        add(paragraph.text, paragraph);
      });
      ranges.set(article, { path: filePath, start: articleStart, end: text.length, startLine: articleLine, endLine: line });
    });
    return { path: filePath, text: `${text}\n` };
  });
  const gold = plants.map((plant) => ({
    category: plant.category,
    scope: plant.scope,
    source: ranges.get(plant.source)!,
    copy: ranges.get(plant.copy)!,
  }));
  return { files: rendered, gold };
}

/** A finding between two places, in lines (0-based, inclusive), as every tool can report it. */
interface FoundPair {
  a: { path: string; startLine: number; endLine: number };
  b: { path: string; startLine: number; endLine: number };
  kind?: 'exact' | 'near';
}

function lineOverlap(range: Range, found: FoundPair['a']): number {
  if (range.path !== found.path) return 0;
  const shared = Math.min(range.endLine, found.endLine) - Math.max(range.startLine, found.startLine) + 1;
  return Math.max(0, shared) / (range.endLine - range.startLine + 1);
}

/** A gold pair is found when one reported pair covers at least half of each of its two sides. */
function recall(gold: GoldPair[], found: FoundPair[], category: Category | 'near'): number {
  const wanted = gold.filter((pair) => (category === 'near' ? pair.category !== 'exact' : pair.category === category));
  if (wanted.length === 0) return NaN;
  const byPath = new Map<string, FoundPair[]>();
  for (const pair of found) for (const side of [pair.a.path, pair.b.path]) byPath.set(side, [...(byPath.get(side) ?? []), pair]);
  const hit = wanted.filter((pair) =>
    (byPath.get(pair.source.path) ?? []).some(
      (f) =>
        (lineOverlap(pair.source, f.a) >= 0.5 && lineOverlap(pair.copy, f.b) >= 0.5) ||
        (lineOverlap(pair.source, f.b) >= 0.5 && lineOverlap(pair.copy, f.a) >= 0.5),
    ),
  );
  return hit.length / wanted.length;
}

/** A reported group is right when every copy lies mostly on a planted range (source or copy). */
function precision(gold: GoldPair[], groups: ReportedDuplicate[], kind: 'exact' | 'near'): { value: number; reported: number } {
  const planted = new Map<string, Range[]>();
  for (const pair of gold) for (const range of [pair.source, pair.copy]) planted.set(range.path, [...(planted.get(range.path) ?? []), range]);
  const ofKind = groups.filter((group) => group.kind === kind);
  const right = ofKind.filter((group) =>
    group.passages.every((passage) => {
      const lines = { path: passage.path, startLine: passage.startLine - 1, endLine: passage.endLine - 1 };
      const span = lines.endLine - lines.startLine + 1;
      return (planted.get(passage.path) ?? []).some((range) => {
        const shared = Math.min(range.endLine, lines.endLine) - Math.max(range.startLine, lines.startLine) + 1;
        return shared >= 0.5 * span;
      });
    }),
  );
  return { value: ofKind.length === 0 ? NaN : right.length / ofKind.length, reported: ofKind.length };
}

function pairsOfGroups(groups: ReportedDuplicate[]): FoundPair[] {
  const pairs: FoundPair[] = [];
  for (const group of groups) {
    const places = group.passages.map((p) => ({ path: p.path, startLine: p.startLine - 1, endLine: p.endLine - 1 }));
    for (let i = 0; i < places.length; i++) for (let j = i + 1; j < places.length; j++) pairs.push({ a: places[i], b: places[j], kind: group.kind });
  }
  return pairs;
}

interface ToolRun {
  seconds: number;
  peakMB: number;
  pairs: FoundPair[];
}

/** Best of two runs (the first also warms the file cache), each under /usr/bin/time for wall time and peak memory. */
function timed(command: string, args: string[], cwd: string): { seconds: number; peakMB: number } {
  const first = timedOnce(command, args, cwd);
  const second = timedOnce(command, args, cwd);
  return second.seconds <= first.seconds ? second : first;
}

function timedOnce(command: string, args: string[], cwd: string): { seconds: number; peakMB: number } {
  const stats = path.join(os.tmpdir(), `seed-bench-time-${process.pid}`);
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`${path.basename(command)} exited with ${result.status}: ${(result.stderr ?? '').slice(-300)}`);
  const [seconds, kilobytes] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, peakMB: Math.round(kilobytes / 1024) };
}

function runOurs(root: string, out: string): ToolRun {
  const bench = path.join(__dirname, 'bench.js');
  const run = timed(process.execPath, [bench, 'duplicates', '--child', root, out], root);
  const groups = JSON.parse(readFileSync(out, 'utf8')) as ReportedDuplicate[];
  return { seconds: run.seconds, peakMB: run.peakMB, pairs: pairsOfGroups(groups) };
}

function runJscpd(root: string, out: string): ToolRun {
  const jscpd = npmToolBin('jscpd', '5.3.3');
  const args = ['--format', 'txt', '--min-tokens', '25', '--max-gap-lines', '2', '--reporters', 'json', '--output', out, '--silent', '.'];
  const run = timed(jscpd, args, root);
  const report = JSON.parse(readFileSync(path.join(out, 'jscpd-report.json'), 'utf8')) as {
    duplicates: { firstFile: JscpdSide; secondFile: JscpdSide; kind: string }[];
  };
  const side = (file: JscpdSide) => ({ path: file.name.replace(/^\.\//, ''), startLine: file.start - 1, endLine: file.end - 1 });
  return { seconds: run.seconds, peakMB: run.peakMB, pairs: report.duplicates.map((d) => ({ a: side(d.firstFile), b: side(d.secondFile) })) };
}

interface JscpdSide {
  name: string;
  start: number;
  end: number;
}

function runSimText(root: string, out: string): ToolRun | string {
  if (spawnSync('sh', ['-c', 'command -v sim_text']).status !== 0) {
    return 'sim_text not installed (apt-get install similarity-tester): skipped';
  }
  const run = timed('sh', ['-c', `sim_text -n -a -r 25 -R . > ${JSON.stringify(out)}`], root);
  const pairs: FoundPair[] = [];
  const line = /^(.+?): line (\d+)-(\d+)\s*\|(.+?): line (\d+)-(\d+)\s*\[\d+\]$/;
  for (const text of readFileSync(out, 'utf8').split('\n')) {
    const m = line.exec(text.trim());
    if (!m) continue;
    const side = (file: string, from: string, to: string) => ({ path: file.replace(/^\.\//, ''), startLine: Number(from) - 1, endLine: Number(to) - 1 });
    pairs.push({ a: side(m[1], m[2], m[3]), b: side(m[4], m[5], m[6]) });
  }
  return { seconds: run.seconds, peakMB: run.peakMB, pairs };
}

/** A comparison tool that fails is reported as such; the other rows still print. */
function attempt(run: () => ToolRun | string): ToolRun | string {
  try {
    return run();
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

/** The child process measured for our own row: scan the folder, find duplicates, write the groups. */
async function childRun(root: string, out: string): Promise<void> {
  const { corpus } = await scanFolder(root, defaultSettings);
  await fs.writeFile(out, JSON.stringify(duplicatesReport(findDuplicates(corpus))));
}

function fileInputs(files: { path: string; text: string }[]) {
  return files.map((file) => ({ uri: file.path, relativePath: file.path, text: file.text }));
}

/**
 * In memory: the article splitter's time and the duplicate engine's time over the whole
 * corpus, then (up to 20k articles) edit-to-diagnostics: re-index one file, update the
 * duplicate index, and build the diagnostics of every affected file.
 */
function inMemory(planted: PlantedCorpus, measureEdits: boolean): { splitSeconds: number; engineSeconds: number; withCopies: number[]; plain: number[] } {
  const corpus = new Corpus();
  let start = process.hrtime.bigint();
  corpus.apply(fileInputs(planted.files));
  const splitSeconds = msSince(start) / 1000;
  const index = new DuplicateIndex(defaultSettings.duplicates);
  start = process.hrtime.bigint();
  index.update({ updated: [...corpus.all()], removed: [] });
  const engineSeconds = msSince(start) / 1000;
  if (!measureEdits) return { splitSeconds, engineSeconds, withCopies: [], plain: [] };
  let affected = new Set<string>();
  corpus.onChange((change) => (affected = index.update(change)));
  const byPath = new Map(planted.files.map((file) => [file.path, file]));
  const measure = (filePath: string, i: number): number => {
    const file = byPath.get(filePath)!;
    const words = file.text.split(' ');
    words[Math.floor(words.length / 2)] = `edited${i}`;
    const editStart = process.hrtime.bigint();
    corpus.apply([{ uri: file.path, relativePath: file.path, text: words.join(' ') }]);
    for (const uri of affected) duplicateDiagnostics(uri, index.groupsIn(uri), defaultSettings.duplicates);
    return msSince(editStart);
  };
  const copyFiles = [...new Set(planted.gold.map((pair) => pair.copy.path))];
  const withCopies = copyFiles.slice(0, 100).map(measure);
  const plain = planted.files.filter((file) => !copyFiles.includes(file.path)).slice(0, 100).map((file, i) => measure(file.path, i));
  return { splitSeconds, engineSeconds, withCopies, plain };
}

function badInput(): void {
  const random = new Random(11);
  const prose = new Prose(random);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 50e6) {
    const text = prose.paragraph().text;
    paragraphs.push(text);
    size += text.length + 2;
  }
  const cases: [string, string][] = [
    ['50 MB file', paragraphs.join('\n\n')],
    ['1 MB single line', paragraphs.join(' ').slice(0, 1e6)],
    ['10,000 identical lines', `${paragraphs[0]}\n`.repeat(10_000)],
  ];
  console.log('\nbad input | seconds | groups | heap MB after');
  for (const [name, text] of cases) {
    const start = process.hrtime.bigint();
    const corpus = new Corpus();
    const index = new DuplicateIndex();
    corpus.onChange((change) => index.update(change));
    corpus.apply([{ uri: 'bad.txt', relativePath: 'bad.txt', text }]);
    const seconds = msSince(start) / 1000;
    console.log(`${name} | ${fmt(seconds, 2)} | ${index.groups().length} | ${Math.round(process.memoryUsage().heapUsed / 1e6)}`);
  }
}

function noCopies(): void {
  const plain = plantedCorpus(10_000, 5, 0);
  const reported = findDuplicatesOf(plain.files);
  console.log(`no-copies corpus (10,000 articles of varied prose): ${reported.length} groups reported`);
  const shared = generateCorpus({ articles: 2000, seed: 42 });
  const phraseGroups = findDuplicatesOf(shared.files);
  console.log(
    `shared generator (2,000 articles built from a few dozen phrases, no planted copies): ${phraseGroups.length} groups ` +
      '(its sentences recur verbatim, so 25-word runs repeat by chance; not a target)',
  );
}

function findDuplicatesOf(files: { path: string; text: string }[]) {
  const corpus = new Corpus();
  corpus.apply(fileInputs(files));
  return findDuplicates(corpus);
}

export async function benchDuplicates(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) return childRun(process.argv[child + 1], process.argv[child + 2]);

  noCopies();
  for (const size of benchSizes([10_000])) {
    const planted = plantedCorpus(size, 42);
    const megabytes = planted.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;
    console.log(`\n${size} articles, ${planted.files.length} files, ${fmt(megabytes)} MB, ${planted.gold.length} planted copies`);
    const root = await writeCorpus({ files: planted.files, articles: [] }, `dup-${size}`);
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-bench-dup-out-'));
    try {
      const ours = runOurs(root, path.join(work, 'ours.json'));
      const groups = JSON.parse(readFileSync(path.join(work, 'ours.json'), 'utf8')) as ReportedDuplicate[];
      for (const kind of ['exact', 'near'] as const) {
        const p = precision(planted.gold, groups, kind);
        console.log(`seed-curator ${kind}: ${p.reported} groups reported, precision ${fmt(p.value, 3)}`);
      }
      console.log(`seed-curator groups of 3+ copies: ${groups.filter((g) => g.passages.length >= 3).length} (planted: copied twice ≈ 20%)`);
      const rows: [string, ToolRun | string][] = [
        ['seed-curator', ours],
        ['jscpd 5.3.3', attempt(() => runJscpd(root, path.join(work, 'jscpd')))],
        ['sim_text', attempt(() => runSimText(root, path.join(work, 'sim.txt')))],
      ];
      console.log('tool | seconds | peak RSS MB | recall exact | recall re-wrapped | recall edited | recall near (re-wrapped + edited)');
      for (const [name, run] of rows) {
        if (typeof run === 'string') {
          console.log(`${name} | ${run}`);
          continue;
        }
        const r = (category: Category | 'near') => fmt(recall(planted.gold, run.pairs, category), 3);
        console.log(`${name} | ${fmt(run.seconds, 2)} | ${run.peakMB} | ${r('exact')} | ${r('rewrapped')} | ${r('edited')} | ${r('near')}`);
      }
      const memory = inMemory(planted, size <= 20_000);
      console.log(`in memory: article splitter ${fmt(memory.splitSeconds, 2)} s, duplicate engine ${fmt(memory.engineSeconds, 2)} s`);
      if (memory.withCopies.length > 0) {
        const { withCopies, plain } = memory;
        console.log(
          'edit to diagnostics of all affected files, ms p50/p95: ' +
            `file holding a copy ${fmt(percentile(withCopies, 50))}/${fmt(percentile(withCopies, 95))}, ` +
            `other file ${fmt(percentile(plain, 50))}/${fmt(percentile(plain, 95))} (target ≤ 50)`,
        );
      }
    } finally {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(work, { recursive: true, force: true });
    }
  }
  badInput();
}

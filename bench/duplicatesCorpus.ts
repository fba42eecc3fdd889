/**
 * The corpus of the duplicates benchmark, with its gold list of planted copies.
 *
 * Articles of pseudo-English with a Zipf-distributed vocabulary (function words plus
 * 20,000 invented content words), so that, as in real prose, no 25-word run recurs by
 * chance. Planted into it: exact copies, copies re-wrapped with other quotes and case, and
 * copies with a few words substituted, added or removed; of whole articles and of single
 * paragraphs; some copied twice (a group of three).
 */
import { Random } from '../server/src/core/random';

export type Category = 'exact' | 'rewrapped' | 'edited';
export type Scope = 'article' | 'paragraph';

export interface Range {
  path: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export interface GoldPair {
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

export class Prose {
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

export interface PlantedCorpus {
  files: { path: string; text: string }[];
  gold: GoldPair[];
}

const CATEGORIES: Category[] = ['exact', 'rewrapped', 'edited'];
/** Share of articles used as the source of a planted copy. */
const PLANT_RATE = 0.06;
const MIN_PARAGRAPH_WORDS = 40;

export function plantedCorpus(articleCount: number, seed: number, plantRate = PLANT_RATE): PlantedCorpus {
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


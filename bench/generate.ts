/**
 * A deterministic generator of corpora shaped like our users' folders: files of one to
 * four articles, each a title (in several shapes), often a byline or date, then paragraphs
 * of varied sentences, sometimes section headings and bullet lists; some files
 * hard-wrapped, some ending in navigation boilerplate. The prose (bench/generateProse.ts)
 * tells one story per article in a topic's words, so that themes and organisations have
 * something to find and the splitter can tell articles apart; every article records its
 * topic, which the benchmarks use as a label. No passage is copied: by chance, no run of
 * 25 words recurs. The same seed gives the same corpus.
 */
import { Random } from '../server/src/core/random';
import { StoryWriter } from './generateProse';
import { NAVIGATION, TOPICS } from './generateVocabulary';

export { TOPICS } from './generateVocabulary';

export interface GeneratedArticle {
  /** Index into `files`. */
  file: number;
  title: string;
  topic: string;
  /** 0-based line of the title in its file. */
  line: number;
  /** Offsets of the whole article in its file's text, end exclusive. */
  startOffset: number;
  endOffset: number;
}

export interface GeneratedCorpus {
  files: { path: string; text: string }[];
  articles: GeneratedArticle[];
}

export interface GenerateOptions {
  articles: number;
  seed: number;
  /** Share of files ending in navigation boilerplate. */
  boilerplateRate?: number;
}

/** Share of articles with a byline or date line under the title. */
const BYLINE_SHARE = 0.6;
/** Share of the others whose first paragraph opens "Name writing at Outlet:". */
const INLINE_BYLINE_SHARE = 0.15;
/** Share of files whose paragraphs are hard-wrapped. */
const WRAPPED_SHARE = 0.1;
const SECTION_SHARE = 0.15;
const BULLETS_SHARE = 0.08;

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const random = new Random(options.seed);
  const corpus: GeneratedCorpus = { files: [], articles: [] };
  let remaining = options.articles;
  while (remaining > 0) {
    const count = Math.min(remaining, random.int(1, 4));
    remaining -= count;
    appendFile(corpus, random, count, options.boilerplateRate ?? 0.2);
  }
  return corpus;
}

function appendFile(corpus: GeneratedCorpus, random: Random, articleCount: number, boilerplateRate: number): void {
  const fileIndex = corpus.files.length;
  const wrapWidth = random.chance(WRAPPED_SHARE) ? random.int(60, 80) : 0;
  const lines: string[] = [];
  let offset = 0;
  const push = (line: string): void => {
    lines.push(line);
    offset += line.length + 1;
  };
  let previousTopic = '';
  for (let a = 0; a < articleCount; a++) {
    if (a > 0) push('');
    const hasByline = random.chance(BYLINE_SHARE);
    let topic = random.pick(TOPICS);
    // Without a byline or date, an article on the subject of the one before reads as a section of it, to people too.
    while (!hasByline && topic.name === previousTopic) topic = random.pick(TOPICS);
    previousTopic = topic.name;
    const writer = new StoryWriter(random, topic);
    const startOffset = offset;
    const line = lines.length;
    const title = writer.title();
    push(title);
    push('');
    if (hasByline) {
      for (const byline of writer.bylineLines()) push(byline);
      push('');
    }
    const opening = !hasByline && random.chance(INLINE_BYLINE_SHARE) ? writer.inlineByline() : '';
    const paragraphs = random.int(3, 9);
    for (let p = 0; p < paragraphs; p++) {
      // A section has at least two paragraphs: a heading over the last few lines reads as the next article's title.
      if (p > 1 && p < paragraphs - 2 && random.chance(SECTION_SHARE)) {
        push(writer.sectionHeading());
        push('');
      }
      if (p > 0 && random.chance(BULLETS_SHARE)) {
        const mark = random.pick(['•', '-', '*']);
        for (let b = random.int(2, 4); b > 0; b--) push(`${mark} ${writer.sentence()}`);
      } else {
        for (const wrapped of wrap(`${p === 0 ? opening : ''}${writer.paragraph()}`, wrapWidth)) push(wrapped);
      }
      push('');
    }
    lines.pop();
    offset -= 1;
    corpus.articles.push({ file: fileIndex, title, topic: topic.name, line, startOffset, endOffset: offset - 1 });
  }
  if (random.chance(boilerplateRate)) {
    push('');
    for (const nav of NAVIGATION.slice(0, random.int(1, NAVIGATION.length))) {
      push(nav);
      push('');
    }
    lines.pop();
  }
  const folder = `folder-${String(Math.floor(fileIndex / 100)).padStart(4, '0')}`;
  corpus.files.push({ path: `${folder}/file-${String(fileIndex).padStart(6, '0')}.txt`, text: `${lines.join('\n')}\n` });
}

/** The paragraph as one line, or broken at spaces into lines of at most `width` characters (0: unwrapped). */
function wrap(paragraph: string, width: number): string[] {
  if (width === 0) return [paragraph];
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

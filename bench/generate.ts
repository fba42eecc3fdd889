/**
 * A deterministic generator of corpora shaped like our users' folders: files of one to
 * four articles (title, sometimes a byline or date, paragraphs, section headings, bullet
 * lists), some with navigation boilerplate at the end. The text is English-like, drawn from
 * per-topic vocabularies, so that themes and organisations have something to find; every
 * article records its topic, which the benchmarks use as a label.
 */
import { Random } from './random';

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

interface Topic {
  name: string;
  subjects: string[];
  actions: string[];
  objects: string[];
  organisations: string[];
}

export const TOPICS: Topic[] = [
  {
    name: 'integrated care',
    subjects: ['local systems', 'integrated care boards', 'place partnerships', 'system leaders', 'health and care partners'],
    actions: ['are pooling budgets for', 'are redesigning', 'have agreed shared plans for', 'are joining up', 'are still negotiating'],
    objects: ['community services', 'discharge from hospital', 'population health', 'neighbourhood teams', 'joint commissioning'],
    organisations: ['NHS England', 'the Local Government Association', 'The King\u2019s Fund'],
  },
  {
    name: 'mental health',
    subjects: ['talking therapy services', 'crisis teams', 'young people', 'community mental health teams', 'peer workers'],
    actions: ['are struggling to reach', 'have cut waiting times for', 'report rising demand for', 'are expanding', 'are rethinking'],
    objects: ['anxiety and depression support', 'early intervention', 'school counselling', 'out-of-area placements', 'psychological care'],
    organisations: ['Mind', 'the Royal College of Psychiatrists', 'the Mental Health Foundation'],
  },
  {
    name: 'workforce',
    subjects: ['nursing vacancies', 'junior doctors', 'care workers', 'international recruits', 'agency staff'],
    actions: ['are leaving faster than new staff can replace', 'are pressing for changes to', 'are central to', 'depend on', 'have stretched'],
    objects: ['rota planning', 'pay awards', 'training places', 'retention schemes', 'overtime budgets'],
    organisations: ['the Royal College of Nursing', 'the British Medical Association', 'Skills for Care'],
  },
  {
    name: 'digital records',
    subjects: ['patients', 'general practices', 'hospital trusts', 'app developers', 'clinical safety officers'],
    actions: ['can now view', 'are testing', 'have switched on', 'worry about the security of', 'are linking'],
    objects: ['online health records', 'shared care records', 'the NHS App', 'electronic prescribing', 'remote consultations'],
    organisations: ['NHS Digital', 'the Information Commissioner\u2019s Office', 'Healthwatch England'],
  },
  {
    name: 'social care funding',
    subjects: ['councils', 'care home providers', 'self-funders', 'home care agencies', 'unpaid carers'],
    actions: ['cannot keep pace with', 'are warning about', 'are absorbing the cost of', 'face cuts to', 'are lobbying over'],
    objects: ['the cap on care costs', 'fee rates', 'market sustainability', 'council tax precepts', 'respite breaks'],
    organisations: ['the Association of Directors of Adult Social Services', 'Care England', 'the Care Quality Commission'],
  },
];

const CONNECTORS = ['Meanwhile,', 'In practice,', 'According to one manager,', 'Even so,', 'For now,', 'By contrast,', 'As a result,'];
const CLOSINGS = [
  'across the region', 'over the coming year', 'despite tight budgets', 'in most areas', 'since the pandemic',
  'for the first time', 'at a faster rate than expected', 'with mixed results',
];
const FIRST_NAMES = ['Priya', 'Tom', 'Aisha', 'Gareth', 'Mei', 'Olu', 'Sarah', 'Declan', 'Nadia', 'Rhys'];
const SURNAMES = ['Patel', 'Hughes', 'Okafor', 'Lloyd', 'Chen', 'Adeyemi', 'Walsh', 'Murphy', 'Khan', 'Evans'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const NAVIGATION = ['Previous', 'Next', 'Share this article', 'Back to top'];

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
  const lines: string[] = [];
  let offset = 0;
  const push = (line: string): void => {
    lines.push(line);
    offset += line.length + 1;
  };
  for (let a = 0; a < articleCount; a++) {
    if (a > 0) push('');
    const topic = random.pick(TOPICS);
    const startOffset = offset;
    const line = lines.length;
    const title = articleTitle(random, topic);
    push(title);
    push('');
    if (random.chance(0.4)) {
      push(random.chance(0.5) ? `By ${personName(random)}` : `${random.int(1, 28)} ${random.pick(MONTHS)} ${random.int(2018, 2025)}`);
      push('');
    }
    const paragraphs = random.int(3, 9);
    for (let p = 0; p < paragraphs; p++) {
      if (p > 1 && random.chance(0.15)) {
        push(sectionHeading(random, topic));
        push('');
      }
      if (random.chance(0.1)) {
        for (let b = random.int(2, 4); b > 0; b--) push(`  \u2022 ${sentence(random, topic)}`);
      } else {
        push(paragraph(random, topic));
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

function articleTitle(random: Random, topic: Topic): string {
  const subject = capitalise(random.pick(topic.subjects));
  const forms = [
    () => `${subject} ${random.pick(topic.actions)} ${random.pick(topic.objects)}`,
    () => `Why ${random.pick(topic.subjects)} ${random.pick(topic.actions)} ${random.pick(topic.objects)}?`,
    () => `${capitalise(random.pick(topic.objects))}: what ${random.pick(topic.subjects)} told ${random.pick(topic.organisations)}`,
  ];
  return random.pick(forms)();
}

function sectionHeading(random: Random, topic: Topic): string {
  return capitalise(random.pick(topic.objects));
}

function sentence(random: Random, topic: Topic): string {
  const forms = [
    () => `${capitalise(random.pick(topic.subjects))} ${random.pick(topic.actions)} ${random.pick(topic.objects)} ${random.pick(CLOSINGS)}.`,
    () => `${random.pick(CONNECTORS)} ${random.pick(topic.subjects)} ${random.pick(topic.actions)} ${random.pick(topic.objects)}.`,
    () => `\u201c${capitalise(random.pick(topic.objects))} matters more than ever,\u201d said ${personName(random)} of ${random.pick(topic.organisations)}.`,
    () => `${capitalise(random.pick(topic.organisations))} says ${random.pick(topic.subjects)} ${random.pick(topic.actions)} ${random.pick(topic.objects)}.`,
    () => `A report found that ${random.int(12, 87)}% of ${random.pick(topic.subjects)} ${random.pick(topic.actions)} ${random.pick(topic.objects)} ${random.pick(CLOSINGS)}.`,
  ];
  return random.pick(forms)();
}

function paragraph(random: Random, topic: Topic): string {
  const sentences: string[] = [];
  for (let s = random.int(2, 6); s > 0; s--) sentences.push(sentence(random, topic));
  return sentences.join(' ');
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

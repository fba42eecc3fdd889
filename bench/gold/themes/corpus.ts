/**
 * A labelled corpus for measuring themes: articles composed from hand-written sentence
 * banks, one per topic (`<topic>.txt`: "title: ..." lines, then one sentence a line),
 * mixed with sentences common to all topics (`common.txt`) and a few borrowed from other
 * topics, so that topics share vocabulary as real ones do. Several articles per file, and
 * some articles pasted again into a later file, as curators do. Deterministic for a seed.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { Random } from '../../../server/src/core/random';

export interface LabelledArticle {
  path: string;
  /** 0-based line of the title. */
  line: number;
  topic: string;
}

export interface LabelledCorpus {
  files: { path: string; text: string }[];
  articles: LabelledArticle[];
  topics: string[];
}

export interface LabelledCorpusOptions {
  articlesPerTopic: number;
  seed: number;
  /** Share of articles pasted again into a later file. */
  copyRate: number;
}

interface Bank {
  topic: string;
  titles: string[];
  sentences: string[];
}

const COMMON_BANK = 'common.txt';
const COMMON_SHARE = 0.25;
const BORROWED_SHARE = 0.08;

export function labelledThemeCorpus(folder: string, options: LabelledCorpusOptions): LabelledCorpus {
  const banks = readBanks(folder);
  const common = readLines(path.join(folder, COMMON_BANK));
  const random = new Random(options.seed);
  const drafts: { topic: string; text: string[] }[] = [];
  for (const bank of banks) {
    for (let i = 0; i < options.articlesPerTopic; i++) drafts.push({ topic: bank.topic, text: composeArticle(bank, banks, common, random) });
  }
  shuffle(drafts, random);
  for (const draft of [...drafts]) {
    if (random.chance(options.copyRate)) drafts.splice(random.int(drafts.indexOf(draft) + 1, drafts.length), 0, draft);
  }
  const corpus: LabelledCorpus = { files: [], articles: [], topics: banks.map((bank) => bank.topic) };
  for (let next = 0; next < drafts.length; ) {
    const filePath = `gold-${String(corpus.files.length).padStart(4, '0')}.txt`;
    const lines: string[] = [];
    for (let count = random.int(1, 3); count > 0 && next < drafts.length; count--, next++) {
      if (lines.length > 0) lines.push('');
      corpus.articles.push({ path: filePath, line: lines.length, topic: drafts[next].topic });
      lines.push(...drafts[next].text);
    }
    corpus.files.push({ path: filePath, text: `${lines.join('\n')}\n` });
  }
  return corpus;
}

/** Title, blank line, then paragraphs of two to four sentences separated by blank lines. */
function composeArticle(bank: Bank, banks: readonly Bank[], common: readonly string[], random: Random): string[] {
  const used = new Set<string>();
  const sentences: string[] = [];
  for (let count = random.int(6, 12); sentences.length < count; ) {
    const roll = random.next();
    const source =
      roll < COMMON_SHARE ? common : roll < COMMON_SHARE + BORROWED_SHARE ? random.pick(banks).sentences : bank.sentences;
    const sentence = random.pick(source);
    if (used.has(sentence)) continue;
    used.add(sentence);
    sentences.push(sentence);
  }
  const lines = [random.pick(bank.titles), ''];
  for (let i = 0; i < sentences.length; ) {
    const size = random.int(2, 4);
    lines.push(sentences.slice(i, i + size).join(' '), '');
    i += size;
  }
  lines.pop();
  return lines;
}

function readBanks(folder: string): Bank[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt') && name !== COMMON_BANK)
    .sort()
    .map((name) => {
      const lines = readLines(path.join(folder, name));
      return {
        topic: name.replace(/\.txt$/, ''),
        titles: lines.filter((line) => line.startsWith('title: ')).map((line) => line.slice('title: '.length)),
        sentences: lines.filter((line) => !line.startsWith('title: ')),
      };
    });
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * Soak: 10,000 random edits, as typed and pasted into open documents, across the files of
 * a generated 1k-article workspace. Each edit goes through the editor's own text model
 * (vscode-languageserver-textdocument, as in the server) and is applied to a core Corpus
 * as one batch, as the server does after each debounced change; a listener keeps the
 * articles of every file incrementally, as an analysis would.
 *
 * Checks that the corpus and the listener's state equal a fresh index of the final texts
 * (throws if not), and prints heap used at the start, after the edits and after a GC, to
 * show memory returns to its baseline. Run with `npm run bench -- soak`; not run by default.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article, LineSpan } from '../server/src/core/articles';
import { Corpus, FileInput } from '../server/src/core/corpus';
import { generateCorpus } from './generate';
import { fmt, msSince, percentile } from './measure';
import { Random } from '../server/src/core/random';

const ARTICLES = 1000;
const EDITS = 10_000;
const SEED = 7;

const TYPED = ['e', 's', ' ', 'the ', ' council', 'flood ', 'nurses', '. ', ', and ', 'Meanwhile, '];
const AWKWARD = ['😀', '👩‍👩‍👧', 'e\u0301', 'שלום', 'مرحبا', '\u00a0', '\t', '\u200b', '\r\n', '\r', '...', '“', '”'];
const NEW_ARTICLE = [
  '\n\nLibrary hours extended on weekdays\n\nBy Sam Ode\n\nThe central library will stay open until eight in the evening from next month, after a survey of readers.\n\n',
  '\n\nWhy are bus routes being cut?\n\n3 May 2024\n\nThe county council says falling fares and rising fuel costs leave it no choice over the rural routes.\n\n',
  '\n\nPrevious\n\nNext\n\nShare this article\n',
];

interface Edit {
  uri: string;
  startOffset: number;
  endOffset: number;
  text: string;
}

/** Typing, deleting, line breaks, new articles, pastes from other files and awkward characters. */
function randomEdit(random: Random, documents: TextDocument[]): Edit {
  const document = random.pick(documents);
  const text = document.getText();
  const at = random.int(0, text.length);
  const edit = (endOffset: number, inserted: string): Edit => ({ uri: document.uri, startOffset: at, endOffset: Math.min(endOffset, text.length), text: inserted });
  const kind = random.next();
  if (kind < 0.3) return edit(at, random.pick(TYPED));
  // Deletions balance the insertions, so that the workspace keeps roughly its size.
  if (kind < 0.6) return edit(at + (random.chance(0.9) ? random.int(1, 30) : random.int(100, 600)), '');
  if (kind < 0.7) return edit(at, random.pick(['\n', '\n\n', '\r\n']));
  if (kind < 0.78) return edit(at + random.int(0, 200), random.pick(NEW_ARTICLE));
  if (kind < 0.9) {
    const source = random.pick(documents).getText();
    const from = random.int(0, source.length);
    return edit(at + random.int(0, 300), source.slice(from, from + random.int(1, 300)));
  }
  return edit(at, random.pick(AWKWARD));
}

function heapMB(): number {
  return process.memoryUsage().heapUsed / 1e6;
}

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** What must not drift: the articles and boilerplate of every file. */
function articleState(file: { articles: Article[]; boilerplate: LineSpan[] } | undefined): string {
  return JSON.stringify(file && { articles: file.articles, boilerplate: file.boilerplate });
}

export async function benchSoak(): Promise<void> {
  const generated = generateCorpus({ articles: ARTICLES, seed: SEED });
  const documents = generated.files.map((file, i) => TextDocument.create(`file:///soak/${file.path}`, 'plaintext', i, file.text));
  const inputs = (): FileInput[] => documents.map((document) => ({ uri: document.uri, relativePath: document.uri, text: document.getText() }));
  const corpus = new Corpus();
  const incremental = new Map<string, { articles: Article[]; boilerplate: LineSpan[] }>();
  corpus.onChange(({ updated, removed }) => {
    for (const file of updated) incremental.set(file.uri, { articles: file.articles, boilerplate: file.boilerplate });
    for (const uri of removed) incremental.delete(uri);
  });
  corpus.apply(inputs());
  const times = new Float64Array(EDITS);
  const hasGc = collectGarbage();
  const start = { heap: heapMB(), stats: corpus.stats() };

  const random = new Random(SEED);
  for (let i = 0; i < EDITS; i++) {
    const edit = randomEdit(random, documents);
    const index = documents.findIndex((document) => document.uri === edit.uri);
    const before = documents[index];
    const range = { start: before.positionAt(edit.startOffset), end: before.positionAt(edit.endOffset) };
    const after = TextDocument.update(before, [{ range, text: edit.text }], before.version + 1);
    documents[index] = after;
    const started = process.hrtime.bigint();
    corpus.apply([{ uri: after.uri, relativePath: after.uri, text: after.getText(), version: after.version }]);
    times[i] = msSince(started);
  }
  const afterEdits = { heap: heapMB(), stats: corpus.stats() };

  const fresh = new Corpus();
  fresh.apply(inputs());
  const drifted: string[] = [];
  for (const file of fresh.all()) {
    const expected = articleState(file);
    if (articleState(corpus.get(file.uri)) !== expected) drifted.push(`${file.uri} (corpus)`);
    if (articleState(incremental.get(file.uri)) !== expected) drifted.push(`${file.uri} (listener)`);
  }
  const equal = drifted.length === 0 && corpus.size === fresh.size && incremental.size === fresh.size;

  // Heap holding the edited corpus, then holding a fresh index of the same texts instead:
  // the difference is what the edits left behind.
  const freshUris = [...fresh.all()].map((file) => file.uri);
  fresh.apply([], freshUris);
  collectGarbage();
  const afterGc = heapMB();
  corpus.apply([], freshUris);
  fresh.apply(inputs());
  collectGarbage();
  const freshHeap = heapMB();

  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${EDITS} edits over ${start.stats.files} files (${start.stats.articles} → ${afterEdits.stats.articles} articles, ` +
    `${fmt(start.stats.bytes / 1e6, 2)} → ${fmt(afterEdits.stats.bytes / 1e6, 2)} M chars)`);
  console.log(`re-index per edit: p50 ${fmt(percentile(sorted, 50), 2)} ms, p95 ${fmt(percentile(sorted, 95), 2)} ms, max ${fmt(sorted[sorted.length - 1], 1)} ms`);
  console.log(`state after edits equals a fresh index of the final texts: ${equal ? 'yes' : `NO, ${drifted.length} differences`}`);
  console.log(`heap used MB: start ${fmt(start.heap)} | after edits ${fmt(afterEdits.heap)} | after GC ${fmt(afterGc)} | ` +
    `a fresh index of the final texts instead ${fmt(freshHeap)} (edits left ${Math.round((afterGc - freshHeap) * 1000)} KB behind)` +
    (hasGc ? '' : ' (no --expose-gc: figures include garbage)'));
  if (!equal) throw new Error(`soak: incremental state drifted from a fresh index: ${drifted.slice(0, 5).join(', ')}`);
}

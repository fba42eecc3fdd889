import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitArticles } from '../articles';
import { Corpus, IndexedFile, giveSplit } from '../corpus';
import { fileAnalyses } from '../fileAnalyses';
import { storedFingerprints } from './analysis';
import { DuplicateIndex, DuplicateOptions, UpdateHelpers } from './engine';
import { BatchHalf, seedsOfHalf } from './freshBatch';

const fixtures = join(__dirname, '../../../../test/fixtures/duplicates');
const article = (name: string): string => readFileSync(join(fixtures, `${name}.txt`), 'utf8').trimEnd();
const harbour = article('harbour');
const orchard = article('orchard');
const library = article('library');
const unrelated = article('unrelated');

/** Words as the engine counts them: letters and digits, with inner apostrophes. */
/** Words as a reader counts them: runs between white space that hold a letter or a digit. */
const wordsIn = (text: string): number => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Indexes `files` (path -> text) and returns the engine, fed the way the server feeds it. */
function analyse(files: Record<string, string>, options: Partial<DuplicateOptions> = {}) {
  const corpus = new Corpus();
  const index = new DuplicateIndex(options);
  const changes: Set<string>[] = [];
  corpus.onChange((change) => changes.push(index.update(change)));
  const put = (more: Record<string, string>, removed: string[] = []) =>
    corpus.apply(
      Object.entries(more).map(([path, text]) => ({ uri: path, relativePath: path, text })),
      removed,
    );
  put(files);
  return { corpus, index, put, changes };
}

/** Zero-based line and column of `needle` in `text`, and of its end. */
function rangeOf(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, 'needle not in text');
  const at = (offset: number) => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: at(start), end: at(start + needle.length), startOffset: start, endOffset: start + needle.length };
}

/** Deterministic prose-like filler: words drawn from the fixtures by a seeded generator. */
function filler(seed: number, words: number): string {
  const vocabulary = [...new Set([harbour, orchard, library, unrelated].join(' ').toLowerCase().match(/[a-z]+/g))];
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(vocabulary[state % vocabulary.length]);
  }
  return `${out.join(' ')}.`;
}

function rewrap(text: string, width: number): string {
  return text
    .split(/\n\n/)
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        if (line && line.length + word.length + 1 > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n\n');
}

describe('DuplicateIndex', () => {
  it('finds an exact article copied into another file, with precise ranges', () => {
    const a = `${harbour}\n\n${orchard}\n`;
    const b = `${library}\n\n${harbour}\n`;
    const { index } = analyse({ 'a.txt': a, 'b.txt': b });
    const groups = index.groups();
    assert.equal(groups.length, 1);
    const [group] = groups;
    assert.equal(group.kind, 'exact');
    assert.equal(group.similarity, 1);
    assert.equal(group.words, wordsIn(harbour));
    assert.deepEqual(
      group.passages.map((p) => [p.relativePath, p.start, p.end]),
      [
        ['a.txt', rangeOf(a, harbour).start, rangeOf(a, harbour).end],
        ['b.txt', rangeOf(b, harbour).start, rangeOf(b, harbour).end],
      ],
    );
    assert.ok(group.wholeArticle);
    assert.equal(group.passages[1].article?.title, 'Harbour lights return to Port Ellis');
  });

  it('counts the words of a copy as its article counts them: a hyphenated word once, the section headings too', () => {
    const shop = [
      'Co-op shop reopens on the harbour front',
      '',
      'The community-owned shop on the harbour front reopened on Saturday after a six-month refit paid for by a crowd-funded share offer. ' +
        'Volunteers re-stocked the shelves overnight, and the first customers queued from seven in the morning for bread, fish and second-hand books.',
      '',
      'What the members decided',
      '',
      'At a well-attended meeting the members voted to keep prices low for long-standing customers and to open a small café at the back of the shop. ' +
        'The shop will also take orders by phone for people who live on the far side of the bay and cannot easily walk in.',
    ].join('\n');
    const { index, corpus } = analyse({ 'a.txt': `${shop}\n\n${orchard}\n`, 'b.txt': `${library}\n\n${shop}\n` });
    const [group, ...rest] = index.groups();
    assert.equal(rest.length, 0);
    assert.ok(group.wholeArticle);
    assert.equal(group.words, wordsIn(shop));
    for (const passage of group.passages) {
      const article = corpus.get(passage.uri)!.articles.find((candidate) => candidate.title === passage.article?.title)!;
      assert.deepEqual(article.sections.map((section) => section.title), ['What the members decided']);
      assert.equal(passage.words, article.wordCount);
    }
  });

  it('finds a passage repeated within one file', () => {
    const paragraph = orchard.split('\n\n')[2];
    const text = `${harbour}\n\n${paragraph}\n\n${unrelated}\n\n${paragraph}\n`;
    const { index } = analyse({ 'one.txt': text });
    const [group, ...rest] = index.groups();
    assert.equal(rest.length, 0);
    const first = rangeOf(text, paragraph);
    const second = rangeOf(text, paragraph, first.endOffset);
    assert.deepEqual(
      group.passages.map((p) => [p.startOffset, p.endOffset]),
      [
        [first.startOffset, first.endOffset],
        [second.startOffset, second.endOffset],
      ],
    );
  });

  it('treats re-wrapped text, curly quotes, dashes and case as the same words', () => {
    const styled = rewrap(harbour, 38)
      .replace(/"([^"]*)"/g, '“$1”')
      .replace(/'/g, '’')
      .replace('Port Ellis', 'PORT ELLIS')
      .replace(/, /g, ' — ');
    const { index } = analyse({ 'plain.txt': `${orchard}\n\n${harbour}\n`, 'styled.txt': `${styled}\n\n${library}\n` });
    const [group, ...rest] = index.groups();
    assert.equal(rest.length, 0);
    assert.equal(group.kind, 'exact');
    const styledCopy = group.passages.find((p) => p.relativePath === 'styled.txt')!;
    assert.deepEqual([styledCopy.start, styledCopy.end], [rangeOf(styled, styled).start, rangeOf(styled, styled).end]);
  });

  it('reports a copy with a few edited, added and removed words as a near duplicate', () => {
    const edited = harbour
      .replace('eleven dark winters', 'twelve long winters')
      .replace('by hand and', 'by hand, one by one, and')
      .replace(' donated by a local boatyard', ' from a boatyard')
      .replace('keepers who tended the lights', 'keepers who looked after the lights');
    const { index } = analyse({ 'a.txt': `${harbour}\n`, 'b.txt': `${library}\n\n${edited}\n` });
    const [group, ...rest] = index.groups();
    assert.equal(rest.length, 0);
    assert.equal(group.kind, 'near');
    assert.ok(group.similarity > 0.9 && group.similarity < 1, `similarity ${group.similarity}`);
    const copy = group.passages.find((p) => p.relativePath === 'b.txt')!;
    assert.deepEqual(copy.start, rangeOf(`${library}\n\n${edited}`, edited).start);
    assert.deepEqual(copy.end, rangeOf(`${library}\n\n${edited}`, edited).end);
  });

  it('does not let a copy spill into neighbouring paragraphs that happen to end or start alike', () => {
    const paragraph = library.split('\n\n')[1];
    const a = `${filler(1, 80)} of the year.\n\n${paragraph}\n\nThe end came ${filler(2, 60)}\n`;
    const b = `${filler(3, 80)} of the year.\n\n${paragraph}\n\nThe end came ${filler(4, 60)}\n`;
    const copies = analyse({ 'a.txt': a, 'b.txt': b }).index.groups()[0].passages;
    assert.deepEqual(
      copies.map((p) => [p.startOffset, p.endOffset]),
      [a, b].map((text) => [rangeOf(text, paragraph).startOffset, rangeOf(text, paragraph).endOffset]),
    );
  });

  it('makes one group of three places for a passage with three copies', () => {
    const { index } = analyse({
      'a.txt': `${harbour}\n`,
      'b.txt': `${orchard}\n\n${harbour}\n`,
      'c.txt': `${harbour}\n\n${library}\n`,
    });
    const groups = index.groups();
    assert.equal(groups.length, 1);
    assert.deepEqual(
      groups[0].passages.map((p) => p.relativePath),
      ['a.txt', 'b.txt', 'c.txt'],
    );
  });

  it('finds the same groups from the fingerprints the corpus computed with the files (as the server does)', () => {
    const files = {
      'a.txt': `${harbour}\n\n${unrelated}\n`,
      'b.txt': `${orchard}\n\n${harbour.replace(/\bthe\b/, 'a')}\n`,
      'c.txt': `${library}\n\n${library}\n`,
    };
    const withStored = new Corpus({ analyses: fileAnalyses });
    withStored.apply(Object.entries(files).map(([path, text]) => ({ uri: path, relativePath: path, text })));
    assert.ok([...withStored.all()].every((file) => storedFingerprints(file) !== undefined));
    const index = new DuplicateIndex();
    index.update({ updated: [...withStored.all()], removed: [] });
    const groups = analyse(files).index.groups();
    assert.equal(groups.length, 2);
    assert.deepEqual(index.groups(), groups);
  });

  describe('with work handed to other threads', () => {
    const files = {
      'a.txt': `${harbour}\n\n${unrelated}\n`,
      'b.txt': `${orchard}\n\n${harbour.replace(/\bthe\b/, 'a')}\n`,
      'c.txt': `${library}\n\n${library}\n`,
      'd.txt': `A story of its own\n\n${filler(7, 200)}\n`,
    };

    /** The groups `updateAlongside` finds with `seedsOfHalf`, and the files it gave to split. */
    async function alongside(seedsOfHalf?: UpdateHelpers['seedsOfHalf']): Promise<{ index: DuplicateIndex; prepared: string[] }> {
      const corpus = new Corpus({ analyses: fileAnalyses, articlesWhenRead: true });
      corpus.apply(Object.entries(files).map(([path, text]) => ({ uri: path, relativePath: path, text })));
      const index = new DuplicateIndex();
      let prepared: string[] = [];
      const split = async (toSplit: IndexedFile[]) => {
        prepared = toSplit.map((file) => file.uri).sort();
        for (const file of toSplit) giveSplit(file, splitArticles(file.text));
      };
      await index.updateAlongside({ updated: [...corpus.all()], removed: [] }, { split, seedsOfHalf });
      return { index, prepared };
    }

    it('finds the same groups when the files of the pairs are split into articles while they are matched', async () => {
      const { index, prepared } = await alongside();
      // d.txt shares no seed: it is neither matched nor split.
      assert.deepEqual(prepared, ['a.txt', 'b.txt', 'c.txt']);
      assert.deepEqual(index.groups(), analyse(files).index.groups());
      assert.ok(index.groups().some((group) => group.wholeArticle));
    });

    it('finds the same groups when half of the seeds are found elsewhere, or that fails half way, and stays right through later edits', async () => {
      const elsewhere = async (half: BatchHalf) => structuredClone(seedsOfHalf(half));
      // A thread that dies while sorting leaves its half of the entries out of order.
      const failing = async (half: BatchHalf) => {
        half.keys.reverse();
        throw new Error('worker thread exited');
      };
      for (const seeds of [elsewhere, failing]) {
        const { index } = await alongside(seeds);
        assert.deepEqual(index.groups(), analyse(files).index.groups());
        const edited = { ...files, 'd.txt': `${library}\n` };
        const corpus = new Corpus({ analyses: fileAnalyses });
        corpus.apply([{ uri: 'd.txt', relativePath: 'd.txt', text: edited['d.txt'] }]);
        index.update({ updated: [...corpus.all()], removed: ['a.txt'] });
        const { ['a.txt']: _, ...remaining } = edited;
        assert.deepEqual(index.groups(), analyse(remaining).index.groups());
      }
    });
  });

  it('keeps a paragraph found in a third file as its own group beside the whole-article copy', () => {
    const paragraph = harbour.split('\n\n')[1];
    const { index } = analyse({ 'a.txt': `${harbour}\n\n${orchard}\n`, 'b.txt': `${harbour}\n`, 'c.txt': `${library}\n\n${paragraph}\n` });
    const groups = index.groups().map((g) => [g.words, g.passages.map((p) => p.relativePath)]);
    assert.deepEqual(groups.sort(), [
      [wordsIn(harbour), ['a.txt', 'b.txt']],
      [wordsIn(paragraph), ['a.txt', 'b.txt', 'c.txt']],
    ].sort());
  });

  it('reports nothing for unrelated articles, an empty file or a file of punctuation', () => {
    const files: Record<string, string> = {
      'h.txt': harbour,
      'o.txt': orchard,
      'l.txt': library,
      'u.txt': unrelated,
      'empty.txt': '',
      'marks.txt': '—— … !!! ?? ——\n\n\n',
    };
    for (let seed = 1; seed <= 20; seed++) files[`f${seed}.txt`] = filler(seed, 400);
    assert.deepEqual(analyse(files).index.groups(), []);
  });

  it('gives CRLF files the same line and column ranges as an editor', () => {
    const crlf = `${unrelated}\n\n${harbour}\n`.replace(/\n/g, '\r\n');
    const { index } = analyse({ 'a.txt': harbour, 'crlf.txt': crlf });
    const copy = index.groups()[0].passages.find((p) => p.relativePath === 'crlf.txt')!;
    const expected = rangeOf(crlf, harbour.replace(/\n/g, '\r\n'));
    assert.deepEqual([copy.start, copy.end], [expected.start, expected.end]);
  });

  it('does not report runs shorter than minWords', () => {
    const sentence = 'the brass housings had been stored in a fish merchant loft since the breakwater was rebuilt';
    const a = `${filler(1, 200)} ${sentence} ${filler(2, 200)}`;
    const b = `${filler(3, 200)} ${sentence} ${filler(4, 200)}`;
    assert.equal(analyse({ 'a.txt': a, 'b.txt': b }).index.groups().length, 0);
    const lowered = analyse({ 'a.txt': a, 'b.txt': b }, { minWords: 10 }).index.groups();
    assert.equal(lowered.length, 1);
    assert.equal(lowered[0].words, 16);
  });

  it('does not report a run of fewer than minWords words as shown, though it matches as more', () => {
    // 9 words, 15 as matched: each part of a hyphenated word is matched on its own.
    const sentence = 'the well-to-do co-op members re-elected a long-serving part-time treasurer';
    const a = `${filler(5, 200)} ${sentence} ${filler(6, 200)}`;
    const b = `${filler(7, 200)} ${sentence} ${filler(8, 200)}`;
    assert.equal(analyse({ 'a.txt': a, 'b.txt': b }, { minWords: 12 }).index.groups().length, 0);
    const shown = analyse({ 'a.txt': a, 'b.txt': b }, { minWords: 9 }).index.groups();
    assert.equal(shown.length, 1);
    assert.equal(shown[0].words, 9);
  });

  it('recognises a footer repeated in many files as boilerplate', () => {
    const footer = orchard.split('\n\n')[2] + ' ' + unrelated.split('\n\n')[3];
    const files: Record<string, string> = {};
    for (let seed = 1; seed <= 12; seed++) files[`f${seed}.txt`] = `${filler(seed, 300)}\n\n${footer}\n`;
    files['h1.txt'] = harbour;
    files['h2.txt'] = harbour;
    const groups = analyse(files).index.groups();
    assert.deepEqual(
      groups.map((g) => g.passages.map((p) => p.relativePath)),
      [['h1.txt', 'h2.txt']],
    );
  });

  it('leaves out ignored passages', () => {
    const { index } = analyse({ 'a.txt': harbour, 'b.txt': `${orchard}\n\n${harbour}` });
    const fingerprint = index.groups()[0].passages[0].fingerprint;
    const changed = index.setIgnored([fingerprint]);
    assert.deepEqual([...changed].sort(), ['a.txt', 'b.txt']);
    assert.deepEqual(index.groups(), []);
    // The same list again, in another order, changes nothing; an empty one brings the group back.
    assert.deepEqual([...index.setIgnored(new Set([fingerprint]))], []);
    assert.deepEqual([...index.setIgnored([])].sort(), ['a.txt', 'b.txt']);
    assert.equal(index.groups().length, 1);
  });

  it('updates every file sharing a passage when one copy is edited away', () => {
    const { index, put, changes } = analyse({
      'a.txt': harbour,
      'b.txt': `${orchard}\n\n${harbour}`,
      'c.txt': library,
    });
    assert.equal(index.groups().length, 1);
    put({ 'b.txt': orchard });
    assert.deepEqual([...changes[changes.length - 1]].sort(), ['a.txt', 'b.txt']);
    assert.deepEqual(index.groups(), []);
    put({ 'c.txt': `${library}\n\n${harbour}` });
    assert.deepEqual(index.groupsIn('a.txt')[0].passages.map((p) => p.relativePath), ['a.txt', 'c.txt']);
    put({}, ['a.txt']);
    assert.deepEqual(index.groups(), []);
  });

  it('stays bounded on repetitive and single-line input', () => {
    const line = 'the same line of words repeated again and again in this file\n';
    const single = (filler(7, 60_000) + ' ').repeat(3).replace(/\n/g, ' ');
    const { index } = analyse({ 'repeat.txt': line.repeat(10_000), 'single.txt': single });
    for (const group of index.groups()) assert.ok(group.passages.length >= 2);
    assert.ok(index.groups().length < 10);
  });
});

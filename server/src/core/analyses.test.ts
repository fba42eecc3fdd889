import { strict as assert } from 'assert';
import { FileAnalysis, analysesSignature, analysisOf } from './analyses';
import { encodeEntry, decodeEntry } from './cache/indexCache';
import { Corpus, analyseText, indexFile, indexedFile } from './corpus';
import { contentHash } from './text';

const TEXT = [
  'Ferry timetable changes for the winter',
  '',
  'The Harbour Board says the last ferry to Lismore will leave at six from November, after a fall in evening passengers.',
  'Islanders who work late in Oban say they will have to stay over on the mainland twice a week, and the shop owners on the pier expect fewer visitors at the weekend until the spring timetable begins.',
  '',
  'Library opens on Sundays',
  '',
  'By Ana Ruiz',
  '',
  'The town library will open on Sunday afternoons from March, run by volunteers from the Friends of the Library.',
  'The council pays for heating and the building, while the volunteers open the doors, lend books and run a reading group for children whose parents work through the week and cannot come on other days.',
  '',
].join('\n');

/** Counts its calls, to see when the corpus runs it. */
function titleLengths(): FileAnalysis<number[]> & { calls: number } {
  const analysis = {
    name: 'test.titleLengths',
    version: '1',
    calls: 0,
    analyse: ({ articles }: { articles: { title: string }[] }) => {
      analysis.calls++;
      return articles.map((article) => article.title.length);
    },
  };
  return analysis;
}

describe('file analyses', () => {
  it('are computed with each file the corpus indexes, once', () => {
    const analysis = titleLengths();
    const corpus = new Corpus({ analyses: [analysis] });
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: TEXT }]);
    const file = corpus.get('a')!;
    assert.equal(analysis.calls, 1);
    assert.deepEqual(analysisOf(file, analysis), file.articles.map((article) => article.title.length));
    assert.deepEqual(file.articles.map((article) => article.title), ['Ferry timetable changes for the winter', 'Library opens on Sundays']);
    assert.equal(analysis.calls, 1, 'read from the file, not computed again');
  });

  it('are computed on first use, and kept, when the corpus was not asked for them', () => {
    const analysis = titleLengths();
    const file = indexFile({ uri: 'a', relativePath: 'a.txt', text: TEXT });
    assert.equal(analysis.calls, 0);
    assert.deepEqual(analysisOf(file, analysis), [38, 24]);
    analysisOf(file, analysis);
    assert.equal(analysis.calls, 1);
  });

  it('run again when a file changes, not when it is applied unchanged', () => {
    const analysis = titleLengths();
    const corpus = new Corpus({ analyses: [analysis] });
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: TEXT }]);
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: TEXT }]);
    assert.equal(analysis.calls, 1);
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: TEXT.replace('Library opens on Sundays', 'Library opens on Sunday') }]);
    assert.equal(analysis.calls, 2);
    assert.deepEqual(analysisOf(corpus.get('a')!, analysis), [38, 23]);
  });

  it('leave a file unsplit under articlesWhenRead until something reads its articles', () => {
    const textOnly: FileAnalysis<number> = { name: 'test.length', version: '1', analyse: ({ text }) => text.length };
    const eager = analyseText(TEXT, [textOnly]);
    const unsplit = analyseText(TEXT, [textOnly], { articlesWhenRead: true });
    assert.deepEqual(unsplit, { analyses: { 'test.length': TEXT.length } }, 'no articles nor boilerplate made');
    assert.deepEqual(analyseText(TEXT, [titleLengths()], { articlesWhenRead: true }), analyseText(TEXT, [titleLengths()]), 'split for an analysis that reads the articles');
    const file = indexedFile({ uri: 'a', relativePath: 'a.txt', text: TEXT }, decodeEntry(encodeEntry(unsplit, 'a'), 'a'), contentHash(TEXT));
    assert.deepEqual(file.boilerplate, eager.boilerplate);
    assert.deepEqual(file.articles, eager.articles);
    assert.equal(file.articles, file.articles, 'split once');

    const corpus = new Corpus({ analyses: [textOnly], articlesWhenRead: true });
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: TEXT }]);
    assert.deepEqual(corpus.get('a')!.articles, eager.articles);
  });

  it('must have distinct names', () => {
    assert.throws(() => new Corpus({ analyses: [titleLengths(), titleLengths()] }), /test\.titleLengths/);
  });

  it('have a signature that follows names and versions, whatever their order', () => {
    const a = { name: 'a', version: '1', analyse: () => 0 };
    const b = { name: 'b', version: '1', analyse: () => 0 };
    assert.equal(analysesSignature([a, b]), analysesSignature([b, a]));
    assert.notEqual(analysesSignature([a, b]), analysesSignature([a, { ...b, version: '2' }]));
    assert.equal(analysesSignature([]), '');
  });
});

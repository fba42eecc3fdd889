import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyDocument, articleLine } from '../../../test/property/adversarialText';
import { splitArticles } from './articles';
import { Corpus, CorpusChange, indexFile } from './corpus';

const URIS = ['a.txt', 'b.txt', 'notes/c.md', 'd.txt', 'e.txt'];

/** Mostly article-like text, so that files hold articles; sometimes anything at all. */
const fileText = fc.oneof(
  { weight: 3, arbitrary: fc.array(articleLine, { maxLength: 30 }).map((lines) => lines.join('\n')) },
  anyDocument,
);

interface Batch {
  /** A text of `undefined` repeats the file's current text, as when a saved file is reported changed. */
  puts: { uri: string; text: string | undefined; version: number | undefined }[];
  removes: string[];
}

/** One call to `apply`: new texts for some files and removals of others, never the same file twice. */
const batch: fc.Arbitrary<Batch> = fc.shuffledSubarray(URIS).chain((uris) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: uris.length }),
      fc.array(fc.tuple(fc.option(fileText, { nil: undefined }), fc.option(fc.nat(), { nil: undefined })), {
        minLength: uris.length,
        maxLength: uris.length,
      }),
    )
    .map(([split, contents]) => ({
      puts: uris.slice(0, split).map((uri, i) => ({ uri, text: contents[i][0], version: contents[i][1] })),
      removes: uris.slice(split),
    })),
);

interface ModelFile {
  text: string;
  version: number | undefined;
}

describe('Corpus (properties)', () => {
  it('after any sequence of batches, holds what a fresh index of the final texts holds', () => {
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 12 }), (batches) => {
        const corpus = new Corpus();
        const changes: CorpusChange[] = [];
        corpus.onChange((change) => changes.push(change));
        const model = new Map<string, ModelFile>();
        for (const { puts, removes } of batches) {
          const inputs = puts.map(({ uri, text, version }) => ({ uri, relativePath: uri, text: text ?? model.get(uri)?.text ?? '', version }));
          const changed = inputs.filter((input) => model.get(input.uri)?.text !== input.text).map((input) => input.uri);
          const removed = removes.filter((uri) => model.has(uri));
          for (const { uri, text, version } of inputs) {
            const previous = model.get(uri);
            // An unchanged text keeps its version unless a new one is given.
            model.set(uri, { text, version: previous?.text === text ? version ?? previous.version : version });
          }
          for (const uri of removes) model.delete(uri);

          const before = changes.length;
          const change = corpus.apply(inputs, removes);
          assert.deepEqual(change.updated.map((file) => file.uri), changed);
          assert.deepEqual(change.removed, removed);
          // Listeners hear of a batch once, and only when something changed.
          assert.equal(changes.length - before, changed.length + removed.length > 0 ? 1 : 0);

          assert.equal(corpus.size, model.size);
          let articles = 0;
          let bytes = 0;
          for (const [uri, { text, version }] of model) {
            const file = corpus.get(uri);
            assert.ok(file, uri);
            assert.equal(file.text, text);
            assert.equal(file.version, version);
            assert.deepEqual(file.articles, splitArticles(text).articles);
            articles += file.articles.length;
            bytes += text.length;
          }
          assert.deepEqual(corpus.stats(), { files: model.size, articles, bytes });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('gives a file split when read the boilerplate and articles of splitArticles, whichever is read first', () => {
    fc.assert(
      fc.property(fileText, fc.boolean(), (text, boilerplateFirst) => {
        const file = indexFile({ uri: 'a.txt', relativePath: 'a.txt', text }, [], true);
        const split = splitArticles(text);
        if (boilerplateFirst) assert.deepEqual(file.boilerplate, split.boilerplate);
        assert.deepEqual(file.articles, split.articles);
        assert.deepEqual(file.boilerplate, split.boilerplate);
      }),
      { numRuns: 200 },
    );
  });
});

import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyDocument, anyWorkspace } from '../../../test/property/adversarialText';
import { Corpus } from './corpus';
import { OrganisationIndex } from './organisations/index';

const corpusOf = (texts: string[]): Corpus => {
  const corpus = new Corpus();
  corpus.apply(texts.map((text, i) => ({ uri: `file${i}.txt`, relativePath: `file${i}.txt`, text })));
  return corpus;
};

/** Edits to a workspace: file number (modulo the file count) and its new text, or null to delete it. */
const anyEdits = fc.array(fc.tuple(fc.nat(), fc.option(anyDocument)), { maxLength: 6 });

describe('organisation recogniser (properties)', () => {
  it('finds mentions inside their files, in order, in the article that holds them, of known organisations', () => {
    fc.assert(
      fc.property(anyWorkspace, (texts) => {
        const corpus = corpusOf(texts);
        const index = new OrganisationIndex().attach(corpus);
        for (const file of corpus.all()) {
          let previousEnd = 0;
          for (const mention of index.mentionsIn(file.uri).mentions) {
            const label = `${file.uri} ${mention.start}-${mention.end} ${mention.id}`;
            assert.ok(mention.start >= previousEnd && mention.start < mention.end && mention.end <= file.text.length, label);
            previousEnd = mention.end;
            const holder = file.articles.findIndex((a) => a.startOffset <= mention.start && mention.end <= a.endOffset);
            assert.equal(mention.article, holder, label);
            assert.ok(index.organisation(mention.id), label);
            assert.ok(index.mentionsOf(mention.id).get(file.uri)?.some((each) => each.start === mention.start && each.end === mention.end), label);
            assert.deepEqual(index.mentionAt(file.uri, mention.start), mention, label);
          }
        }
        for (const id of index.mentionedIds()) {
          const definition = index.organisation(id)?.definition;
          if (!definition) continue;
          const source = corpus.get(definition.uri);
          assert.ok(source && definition.start < definition.end && definition.end <= source.text.length, id);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('after any edits, finds what a fresh index of the final texts finds', () => {
    fc.assert(
      fc.property(anyWorkspace, anyEdits, (texts, edits) => {
        const corpus = corpusOf(texts);
        const index = new OrganisationIndex().attach(corpus);
        for (const [n, text] of edits) {
          const uri = `file${n % texts.length}.txt`;
          if (text === null) corpus.apply([], [uri]);
          else corpus.apply([{ uri, relativePath: uri, text }]);
        }
        const freshCorpus = new Corpus();
        freshCorpus.apply([...corpus.all()].map(({ uri, relativePath, text }) => ({ uri, relativePath, text })));
        const fresh = new OrganisationIndex().attach(freshCorpus);
        const uris = [...corpus.all()].map((file) => file.uri);
        assert.deepEqual(uris.map((uri) => index.mentionsIn(uri)), uris.map((uri) => fresh.mentionsIn(uri)));
        assert.deepEqual([...index.mentionedIds()].sort(), [...fresh.mentionedIds()].sort());
      }),
      { numRuns: 60 },
    );
  });
});

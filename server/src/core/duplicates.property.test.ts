import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyDocument, anyWorkspace } from '../../../test/property/adversarialText';
import { Corpus } from './corpus';
import { DuplicateIndex } from './duplicates/engine';
import { tokenize } from './duplicates/tokens';
import { LineIndex } from './text';

const workspaceCorpus = (texts: string[]): Corpus => {
  const corpus = new Corpus();
  corpus.apply(texts.map((text, i) => ({ uri: `file${i}.txt`, relativePath: `file${i}.txt`, text })));
  return corpus;
};

describe('duplicate detection (properties)', () => {
  it('tokenizes any text into ordered, non-overlapping words inside it, none in excluded lines', () => {
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.nat(), (text, a, b) => {
        // Excluded ranges are whole lines (boilerplate spans), as the engine passes them.
        const lines = new LineIndex(text);
        const [first, last] = [a % lines.lineCount, b % lines.lineCount].sort((x, y) => x - y);
        const [start, end] = [lines.lineStart(first), lines.lineEnd(last)];
        const tokens = tokenize(text, [{ start, end }]);
        assert.equal(tokens.starts.length, tokens.hashes.length);
        for (let i = 0; i < tokens.starts.length; i++) {
          assert.ok(tokens.starts[i] < tokens.ends[i] && tokens.ends[i] <= text.length);
          if (i > 0) assert.ok(tokens.starts[i] >= tokens.ends[i - 1]);
          assert.ok(tokens.ends[i] <= start || tokens.starts[i] >= end, `token ${i} is inside the excluded range`);
        }
      }),
    );
  });

  it('reports groups of two or more passages, inside their files, with matching positions', () => {
    fc.assert(
      fc.property(anyWorkspace, (texts) => {
        const corpus = workspaceCorpus(texts);
        const index = new DuplicateIndex();
        index.update({ updated: [...corpus.all()], removed: [] });
        for (const group of index.groups()) {
          assert.ok(group.passages.length >= 2);
          assert.ok(group.similarity >= 0 && group.similarity <= 1);
          if (group.kind === 'exact') assert.equal(group.similarity, 1);
          for (const passage of group.passages) {
            const file = corpus.get(passage.uri);
            assert.ok(file, passage.uri);
            assert.ok(passage.startOffset >= 0 && passage.startOffset < passage.endOffset && passage.endOffset <= file.text.length);
            assert.deepEqual(passage.start, file.lines.positionAt(passage.startOffset));
            assert.deepEqual(passage.end, file.lines.positionAt(passage.endOffset));
            assert.ok(passage.words > 0);
            assert.ok(index.groupsIn(passage.uri).includes(group));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

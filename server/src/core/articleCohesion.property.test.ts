import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TermCounts } from './articleCohesion';
import { cosine, termVector } from './cohesion';

/** Few words, so that the two sides share some, all or none of them. */
const words = fc.array(fc.constantFrom('river', 'flood', 'barrier', 'school', 'meals', 'pupils', 'council', 'winter'), { maxLength: 60 });
/** Words in lines: TermCounts receives a window line by line. */
const lines = fc.array(words, { maxLength: 8 });

function counted(windowLines: string[][], ids: Map<string, number>, into: TermCounts): TermCounts {
  into.clear();
  for (const line of windowLines) {
    into.add(line.map((word) => {
      if (!ids.has(word)) ids.set(word, ids.size);
      return ids.get(word)!;
    }));
  }
  return into;
}

describe('TermCounts (properties)', () => {
  it("gives exactly cohesion.ts's cosine of term vectors, however often its counts are cleared and reused", () => {
    const [before, after] = [new TermCounts(), new TermCounts()];
    fc.assert(
      fc.property(fc.array(fc.tuple(lines, lines), { minLength: 1, maxLength: 4 }), (pairs) => {
        // The splitter shares two TermCounts between all comparisons of all files.
        for (const [a, b] of pairs) {
          const ids = new Map<string, number>();
          const similarity = counted(a, ids, before).cosine(counted(b, ids, after));
          assert.equal(similarity, cosine(termVector(a.flat()), termVector(b.flat())));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts more distinct terms than it first has room for', () => {
    const terms = Array.from({ length: 3000 }, (_, i) => `term${i}`);
    const before = [terms.slice(0, 2000), terms.slice(0, 100)];
    const after = [terms.slice(1500), terms.slice(2900)];
    const ids = new Map<string, number>();
    const similarity = counted(before, ids, new TermCounts()).cosine(counted(after, ids, new TermCounts()));
    assert.equal(similarity, cosine(termVector(before.flat()), termVector(after.flat())));
    assert.ok(similarity > 0);
  });
});

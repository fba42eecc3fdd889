import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyText } from '../../../test/property/adversarialText';
import { WordSpans, contentWords } from './cohesion';
import { NOT_CONTENT, WordIds } from './wordIds';

/** Texts sharing words, in any case, with plurals, possessives and stop words among them. */
const sharedWords = fc
  .array(fc.constantFrom('Flood', 'floods', 'FLOOD’S', 'barrier', 'Barriers', 'the', 'THEIR', 'don’t', 'nurse\'s', 'é', 'Ωmega', '—', ' ', '\n'), { maxLength: 30 })
  .map((pieces) => pieces.join(' '));

/** The ids WordIds gives the words of `text`, stop words left out, as the splitter reads them. */
function idsOf(table: WordIds, text: string): number[] {
  const lower = text.toLowerCase();
  const spans = new WordSpans(lower, 0, lower.length);
  const ids: number[] = [];
  while (spans.next()) {
    const id = table.idOf(lower, spans.start, spans.end);
    if (id !== NOT_CONTENT) ids.push(id);
  }
  return ids;
}

describe('WordIds (properties)', () => {
  it("gives one id to each of contentWords' words, the same id to the same word, across texts", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sharedWords, anyText(120)), { minLength: 1, maxLength: 6 }), (texts) => {
        const table = new WordIds();
        const idOfWord = new Map<string, number>();
        const wordOfId = new Map<number, string>();
        for (const text of texts) {
          const words = contentWords(text);
          const ids = idsOf(table, text);
          assert.equal(ids.length, words.length);
          words.forEach((word, i) => {
            assert.equal(idOfWord.get(word) ?? ids[i], ids[i], word);
            assert.equal(wordOfId.get(ids[i]) ?? word, word, word);
            idOfWord.set(word, ids[i]);
            wordOfId.set(ids[i], word);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its ids while it grows past its first size', () => {
    const table = new WordIds();
    // Digits spelled as letters a-j: distinct words, none ending in a plural "s".
    const words = Array.from({ length: 20_000 }, (_, i) => `word${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
    const first = words.map((word) => idsOf(table, word)[0]);
    assert.equal(new Set(first).size, words.length);
    assert.deepEqual(words.map((word) => idsOf(table, word)[0]), first);
  });
});

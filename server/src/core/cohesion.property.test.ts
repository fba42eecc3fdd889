import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyLine, anyText } from '../../../test/property/adversarialText';
import { contentWords, cosine, lowerCaseInPlace, termVector } from './cohesion';
import { isStopWord } from './stopwords';

const anyWords = fc.oneof(anyText(200), fc.array(anyLine, { maxLength: 5 }).map((lines) => lines.join(' ')));
const EPSILON = 1e-9;
/** Any Unicode, with the characters whose lower case is special and the apostrophes words may hold. */
const anyUnicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('İ', 'Σ', 'ς', 'ß', 'K', '𐐀', '\ud801', "'", '’', 's', 'S', 'a', 'É', ' ', '\n', '\r', '-'), { maxLength: 40 }).map((pieces) => pieces.join('')),
  anyWords,
);

/** contentWords as first written, with Unicode regexes: the character loop must agree with it. */
function contentWordsByRegex(text: string): string[] {
  const lower = text.toLowerCase();
  // Classified one UTF-16 unit at a time, as the loop does: a lone half of a pair is no letter.
  const classes = Array.from({ length: lower.length }, (_, i) => {
    const unit = lower[i];
    return /\p{L}/u.test(unit) ? 'L' : /['’]/.test(unit) ? 'A' : ' ';
  }).join('');
  const words: string[] = [];
  for (const run of classes.matchAll(/L[LA]*/g)) {
    const word = lower.slice(run.index, run.index + run[0].length).replace(/['’]s?$/, '');
    if (word.length < 3 || isStopWord(word)) continue;
    words.push(word.length > 4 && /[^s]s$/.test(word) ? word.slice(0, -1) : word);
  }
  return words;
}

describe('cohesion (properties)', () => {
  it('keeps only lower-case content words of three or more characters, with no spaces', () => {
    fc.assert(
      fc.property(anyWords, (text) => {
        for (const word of contentWords(text)) {
          assert.ok(word.length >= 3, word);
          assert.equal(word, word.toLowerCase());
          assert.ok(!/\s/.test(word), word);
          assert.ok(!isStopWord(word), word);
        }
      }),
    );
  });

  it('weighs every term at least 1 and never NaN', () => {
    fc.assert(
      fc.property(anyWords, (text) => {
        for (const weight of termVector(text).values()) assert.ok(weight >= 1, String(weight));
      }),
    );
  });

  it('gives a symmetric similarity between 0 and 1, 1 for a text with itself', () => {
    fc.assert(
      fc.property(anyWords, anyWords, (a, b) => {
        const [va, vb] = [termVector(a), termVector(b)];
        const similarity = cosine(va, vb);
        assert.ok(similarity >= 0 && similarity <= 1 + EPSILON, String(similarity));
        assert.ok(Math.abs(similarity - cosine(vb, va)) < EPSILON);
        assert.equal(cosine(va, va) > 1 - EPSILON, va.size > 0);
      }),
    );
  });

  it('finds the same words as Unicode regexes do, in any Unicode text', () => {
    fc.assert(fc.property(anyUnicode, (text) => assert.deepEqual(contentWords(text), contentWordsByRegex(text))), { numRuns: 500 });
  });

  it('lowers a whole text in place only when each line of it is that line lowered on its own', () => {
    fc.assert(
      fc.property(anyUnicode, (text) => {
        const lower = lowerCaseInPlace(text);
        assert.equal(lower === undefined, text.includes('İ'));
        if (lower === undefined) return;
        let start = 0;
        for (const line of text.split(/\r\n|\r|\n/)) {
          assert.equal(lower.slice(start, start + line.length), line.toLowerCase());
          start += line.length + (text.startsWith('\r\n', start + line.length) ? 2 : 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

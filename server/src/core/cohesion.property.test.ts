import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyLine, anyText } from '../../../test/property/adversarialText';
import { contentWords, cosine, termVector } from './cohesion';
import { isStopWord } from './stopwords';

const anyWords = fc.oneof(anyText(200), fc.array(anyLine, { maxLength: 5 }).map((lines) => lines.join(' ')));
const EPSILON = 1e-9;

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
});

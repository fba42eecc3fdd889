import { strict as assert } from 'node:assert';
import { passageFingerprint, tokenAtOrAfter, tokenize } from './tokens';

const words = (text: string) => {
  const tokens = tokenize(text);
  return Array.from(tokens.starts, (start, i) => text.slice(start, tokens.ends[i]));
};
const sameWords = (a: string, b: string) => assert.deepEqual([...tokenize(a).hashes], [...tokenize(b).hashes]);

describe('tokenize', () => {
  it('keeps words with inner apostrophes and their exact offsets', () => {
    assert.deepEqual(words('“King’s Fund” — co-produced, 70 NHS leaders…'), ['King’s', 'Fund', 'co', 'produced', '70', 'NHS', 'leaders']);
  });

  it('folds case, quotes, apostrophes, dashes and white space away', () => {
    sameWords('‘Moving at the speed of trust’ – the journey', "'moving AT the\n speed of   trust' - the JOURNEY");
    sameWords('the charity’s website', "the charity's website");
    sameWords('Ärzte über Öl', 'ärzte ÜBER öl');
  });

  it('reads letters outside the basic plane and combining marks as word characters', () => {
    assert.deepEqual(words('𝒜lpha cafe\u0301 x'), ['𝒜lpha', 'cafe\u0301', 'x']);
  });

  it('survives empty, punctuation-only and lone-surrogate text', () => {
    assert.equal(tokenize('').hashes.length, 0);
    assert.equal(tokenize('— … !!! ?? \r\n').hashes.length, 0);
    assert.deepEqual(words('a\uD800b'), ['a', 'b']);
  });

  it('finds the first token at an offset, and fingerprints passages by their normalised words', () => {
    const tokens = tokenize('alpha beta gamma');
    assert.equal(tokenAtOrAfter(tokens, 0), 0);
    assert.equal(tokenAtOrAfter(tokens, 7), 2);
    assert.equal(tokenAtOrAfter(tokens, 99), 3);
    const curly = tokenize('It’s “Here”');
    const plain = tokenize("it's here");
    assert.equal(passageFingerprint(curly.hashes, 0, 2), passageFingerprint(plain.hashes, 0, 2));
    assert.notEqual(passageFingerprint(plain.hashes, 0, 2), passageFingerprint(plain.hashes, 0, 1));
  });
});

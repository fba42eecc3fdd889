import { strict as assert } from 'assert';
import { isLowerCode, isOtherSpace, isUpperCode, isWordCode, startsWithNumber } from './characters';

describe('organisation character tests', () => {
  it('answer false outside the text, before it and past its end, whatever it ends with', () => {
    for (const text of ['', 'Thomas’', 'Ökumenische', '2024']) {
      for (const at of [-1, text.length, text.length + 2]) {
        const label = `${JSON.stringify(text)} at ${at}`;
        assert.equal(isWordCode(text, at), false, label);
        assert.equal(isUpperCode(text, at), false, label);
        assert.equal(isLowerCode(text, at), false, label);
        assert.equal(startsWithNumber(text, at), false, label);
      }
    }
    assert.deepEqual([isWordCode('Ök', 0), isUpperCode('Ök', 0), isLowerCode('Ök', 1), startsWithNumber('2024', 0)], [true, true, true, true]);
  });

  it('answer as the Unicode classes do for every character outside ASCII, asked twice (the second answer is remembered)', () => {
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCharCode(code)}`;
      const expected = [/[\p{L}\p{N}\p{M}]/u.test(text[1]), /^\p{Lu}/u.test(text[1]), /^\p{Ll}/u.test(text[1]), /\s/u.test(text[1]), /^\p{N}/u.test(text[1])];
      for (let time = 0; time < 2; time++) {
        assert.deepEqual([isWordCode(text, 1), isUpperCode(text, 1), isLowerCode(text, 1), isOtherSpace(text, 1), startsWithNumber(text, 1)], expected, `U+${code.toString(16)}`);
      }
    }
  });

  it('read a character outside the Basic Multilingual Plane whole, and half of one as no letter', () => {
    const text = 'x𝐀y';
    assert.deepEqual([isWordCode(text, 1), isUpperCode(text, 1)], [true, true]);
    assert.deepEqual([isWordCode(text.slice(0, 2), 1), isOtherSpace(text, 1), isOtherSpace(text, 2)], [false, false, false]);
    assert.equal(isUpperCode(text[2] + 'y', 0), false, 'a lone low surrogate');
  });
});

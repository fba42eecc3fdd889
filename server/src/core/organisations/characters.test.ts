import { strict as assert } from 'assert';
import { isLowerCode, isUpperCode, isWordCode, startsWithNumber } from './characters';

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
});

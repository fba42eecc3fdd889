import { strict as assert } from 'assert';
import { capitalisedKeys } from './capitalisedKeys';
import { tokenise } from './tokens';

describe('capitalised keys', () => {
  it('lists each capitalised word of a text once, and a possessive also without its "s', () => {
    const text = 'The Harbour Trust met the King’s Fund. Harbour Trust Funds and the Fund’s staff, the Trust said.';
    assert.deepEqual([...new Set(capitalisedKeys(tokenise(text)))].sort(), ['fund', 'funds', 'harbour', 'kings', 'king', 'the', 'trust'].sort());
    const keys = capitalisedKeys(tokenise(text)).filter((key) => key !== 'funds' && key !== 'fund' && key !== 'kings' && key !== 'king');
    assert.deepEqual(keys, ['the', 'harbour', 'trust'], 'a word written again, not possessive, is listed once');
  });

  it('lists the words of each text anew', () => {
    assert.deepEqual(capitalisedKeys(tokenise('Harbour Trust')), ['harbour', 'trust']);
    assert.deepEqual(capitalisedKeys(tokenise('Harbour Trust')), ['harbour', 'trust']);
  });
});

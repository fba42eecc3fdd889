import { strict as assert } from 'assert';
import { tokenise } from './tokens';

describe('table of token keys', () => {
  it('keys words whose hashes collide each by its own letters, every time it is asked', () => {
    // "adcnspav" and "otelozmv" have the same 32-bit hash (found by search): the table can number only one.
    const tokens = tokenise('Adcnspav met otelozmv; ADCNSPAV met Otelozmv.');
    const keys = (): string[] => [0, 2, 4, 6].map((i) => tokens.key(i));
    assert.deepEqual(keys(), ['adcnspav', 'otelozmv', 'adcnspav', 'otelozmv']);
    assert.deepEqual(keys(), ['adcnspav', 'otelozmv', 'adcnspav', 'otelozmv'], 'the second time, from what the first one remembered');
    assert.deepEqual([0, 1].map((i) => tokenise('otelozmv adcnspav').key(i)), ['otelozmv', 'adcnspav'], 'in another text, in the other order');
  });

  it('keeps keys apart past the growth of its index', () => {
    const words = Array.from({ length: 20000 }, (_, i) => `Word${i.toString(36)}x`);
    const tokens = tokenise(words.join(' '));
    assert.equal(tokens.length, words.length);
    for (let i = 0; i < words.length; i += 997) assert.equal(tokens.key(i), words[i].toLowerCase());
    const again = tokenise(words.join(' '));
    for (let i = 0; i < words.length; i++) assert.equal(again.key(i), words[i].toLowerCase());
  });
});

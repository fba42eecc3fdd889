import { strict as assert } from 'assert';
import { TermDictionary } from './terms';
import { TermTable } from './termTable';

describe('TermTable', () => {
  it('counts word and phrase keys like a Map, across many growths', () => {
    const dictionary = new TermDictionary();
    const { keys } = dictionary.articleTerms('', 'integrated care boards plan integrated care and social care for older people in the county');
    const table = new TermTable(1);
    const expected = new Map<number, number>();
    // Keys far apart too: high word ids and phrases of them.
    const all = [...keys, 2 ** 22 - 1, (2 ** 22 - 1 + 1) * 2 ** 22 + 5, 0];
    for (let round = 1; round <= 3; round++) {
      for (const key of all) {
        table.add(key, round);
        expected.set(key, (expected.get(key) ?? 0) + round);
      }
    }
    assert.equal(table.size, expected.size);
    for (const [key, count] of expected) assert.equal(table.get(key), count, `key ${key}`);
    const seen = new Map<number, number>();
    table.forEach((key, value) => seen.set(key, value));
    assert.deepEqual(new Map([...seen].sort((a, b) => a[0] - b[0])), new Map([...expected].sort((a, b) => a[0] - b[0])));
  });

  it('tells an absent key by -1 and keeps the last value set', () => {
    const table = new TermTable();
    assert.equal(table.get(42), -1);
    for (let key = 0; key < 1000; key++) table.set(key * 4_194_304 + 7, key);
    table.set(7, 99);
    assert.equal(table.get(7), 99);
    assert.equal(table.get(999 * 4_194_304 + 7), 999);
    assert.equal(table.get(1000 * 4_194_304 + 7), -1);
    assert.equal(table.size, 1000);
  });
});

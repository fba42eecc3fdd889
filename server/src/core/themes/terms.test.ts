import { strict as assert } from 'assert';
import fc from 'fast-check';
import { compareCodeUnits } from '../text';
import { TermDictionary } from './terms';

function shown(dictionary: TermDictionary, title: string, body: string): Record<string, number> {
  const terms = dictionary.articleTerms(title, body);
  return Object.fromEntries(Array.from(terms.keys, (key, i) => [dictionary.display(key), terms.counts[i]]));
}

describe('TermDictionary', () => {
  it('counts content words and the phrases of adjacent ones, the title twice', () => {
    const dictionary = new TermDictionary();
    const counts = shown(dictionary, 'Hate crime', 'Hate crime rose. The speed of trust matters.');
    assert.equal(counts['hate crime'], 3);
    assert.equal(counts['crime'], 3);
    assert.equal(counts['speed'], 1);
    assert.equal(counts['speed trust'], undefined, 'no phrase across a stop word');
    assert.equal(counts['crime rose'], 1);
    assert.equal(counts['rose speed'], undefined, 'no phrase across a full stop');
    assert.equal(counts['the'], undefined);
  });

  it('reads plurals and possessives as one word, shown as written', () => {
    const dictionary = new TermDictionary();
    const counts = shown(dictionary, 'Charity', 'The charity’s services and one service. Patients’ records.');
    assert.equal(counts['charity'], 3);
    assert.equal(counts['service'], 2);
    assert.equal(counts['patients records'], 1, 'a word seen only in the plural is shown in the plural');
  });

  it('counts a long article and a short one after it as it counts each alone', () => {
    // A thousand invented words (letters without "s", so no plural to strip) and their phrases.
    const letters = 'abcdefghijklmnopqrtuvwxyz';
    const long = Array.from({ length: 1000 }, (_, i) => `zor${letters[Math.floor(i / 625)]}${letters[Math.floor(i / 25) % 25]}${letters[i % 25]}`).join(' ');
    const short = 'Harbour lights return to the harbour town.';
    const both = new TermDictionary();
    const longCounts = shown(both, 'Long', long);
    assert.equal(Object.keys(longCounts).length, 1 + 1000 + 999);
    // Each word and phrase of the body once, the title twice.
    assert.deepEqual(Object.entries(longCounts).filter(([term, count]) => count !== (term === 'long' ? 2 : 1)), []);
    assert.deepEqual(shown(both, 'Short', short), shown(new TermDictionary(), 'Short', short));
    assert.deepEqual(longCounts, shown(new TermDictionary(), 'Long', long));
  });

  it('gives copies with other spacing and punctuation the same text hash, and other words another', () => {
    const dictionary = new TermDictionary();
    const a = dictionary.articleTerms('Title', 'One two,  three.\r\nFour');
    const b = dictionary.articleTerms('Title', 'One two three\n\nfour');
    const c = dictionary.articleTerms('Title', 'One two three five');
    assert.equal(a.textHash, b.textHash);
    assert.notEqual(a.textHash, c.textHash);
  });

  it('turns keywords into the same terms as article text', () => {
    const dictionary = new TermDictionary();
    const [phrase] = dictionary.keywordTerms('Integrated Care');
    const terms = dictionary.articleTerms('', 'integrated care');
    assert.ok(Array.from(terms.keys).includes(phrase));
    assert.deepEqual(dictionary.keywordTerms('the of'), []);
    assert.equal(dictionary.keywordTerms('integrated care systems').length, 2);
  });

  it('sorts terms as their words sort, without spelling them out', () => {
    // Words that are prefixes of others, joiners, digits, letters outside ASCII, and organisations' names with spaces.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'é', '9', '-', "'", 'ß'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('NHS', 'NHS England', 'Age UK', 'Age'), { maxLength: 4 }), (bodies, organisations) => {
        const dictionary = new TermDictionary();
        const keys = new Set<number>();
        for (const body of bodies) for (const key of dictionary.articleTerms('', body.join(' ')).keys) keys.add(key);
        for (const name of organisations) keys.add(dictionary.organisationTerm(name));
        const byString = [...keys].sort((a, b) => compareCodeUnits(dictionary.canonical(a), dictionary.canonical(b)));
        assert.deepEqual(dictionary.inCanonicalOrder([...keys]), byString);
        const orders = dictionary.canonicalOrders(byString);
        assert.ok(orders.every((order, i) => i === 0 || orders[i - 1] < order), 'the orders of sorted terms rise');
      }),
      { numRuns: 200 },
    );
  });

  it('survives odd text', () => {
    const dictionary = new TermDictionary();
    for (const text of ['', '\u0000\ud800\udfff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 İSTANBUL ﬁnance', "'''’’’", 'a'.repeat(100_000)]) {
      const terms = dictionary.articleTerms(text, text);
      assert.equal(terms.keys.length, terms.counts.length);
    }
  });
});

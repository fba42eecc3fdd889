import { strict as assert } from 'assert';
import { Random } from '../random';
import { runAll } from '../steps';
import { ArticleTerms, TermDictionary } from './terms';
import { Vocabulary, buildVocabulary, heaviestColumns, tfidfVector } from './vectors';

const WORDS = ['harbour', 'ferry', 'pier', 'tide', 'gull', 'beacon', 'anchor', 'rope', 'cargo', 'crane', 'dock', 'quay', 'mooring', 'buoy', 'keel', 'mast'];

/** Articles of words drawn from a small pool, so that many terms weigh exactly the same. */
function articles(count: number, seed: number): { dictionary: TermDictionary; terms: ArticleTerms[] } {
  const random = new Random(seed);
  const dictionary = new TermDictionary();
  const terms = Array.from({ length: count }, () => {
    const body = Array.from({ length: random.int(5, 60) }, () => random.pick(WORDS)).join(' ');
    return dictionary.articleTerms('', body);
  });
  return { dictionary, terms };
}

/** The definition, written plainly: every term's weight, the heaviest kept (lower column first among equals), unit length. */
function referenceVector(article: ArticleTerms, vocabulary: Vocabulary, maxTerms: number): Map<number, number> {
  const weighted: [number, number][] = [];
  article.keys.forEach((key, i) => {
    const column = vocabulary.terms.indexOf(key);
    if (column >= 0) weighted.push([column, (1 + Math.log(article.counts[i])) * vocabulary.idf[column]]);
  });
  const kept = weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxTerms);
  const norm = Math.hypot(...kept.map(([, weight]) => weight));
  return new Map(kept.map(([column, weight]) => [column, weight / norm]));
}

describe('tfidfVector', () => {
  it('keeps the heaviest terms, the lower columns among equal weights, as a unit vector in column order', () => {
    const { dictionary, terms } = articles(60, 5);
    const vocabulary = runAll(buildVocabulary(terms, [], (keys) => dictionary.inCanonicalOrder(keys)));
    for (const maxTerms of [3, 10, 1000]) {
      for (const article of terms) {
        const vector = tfidfVector(article, vocabulary, [], maxTerms);
        const expected = referenceVector(article, vocabulary, maxTerms);
        assert.deepEqual([...vector.indices], [...expected.keys()].sort((a, b) => a - b));
        vector.indices.forEach((column, i) => assert.ok(Math.abs(vector.values[i] - (expected.get(column) as number)) < 1e-6));
      }
    }
  });

  it('counts extra features once, whatever their repeats', () => {
    const dictionary = new TermDictionary();
    const organisation = dictionary.organisationTerm('Harbour Trust');
    const terms = [dictionary.articleTerms('', 'ferry pier'), dictionary.articleTerms('', 'ferry tide'), dictionary.articleTerms('', 'gull tide')];
    const extras = [[organisation, organisation], [organisation], []];
    const vocabulary = runAll(buildVocabulary(terms, extras, (keys) => dictionary.inCanonicalOrder(keys)));
    const once = tfidfVector(terms[0], vocabulary, [organisation]);
    assert.deepEqual(tfidfVector(terms[0], vocabulary, [organisation, organisation]), once);
    assert.ok(heaviestColumns(once, 10).some((column) => vocabulary.terms[column] === organisation));
  });
});

describe('heaviestColumns', () => {
  it('orders columns by weight, the lower column first among equals', () => {
    const vector = { indices: Int32Array.from([1, 4, 6, 9, 12]), values: Float32Array.from([0.2, 0.5, 0.2, 0.5, 0.1]) };
    assert.deepEqual(heaviestColumns(vector, 3), [4, 9, 1]);
    assert.deepEqual(heaviestColumns(vector, 10), [4, 9, 1, 6, 12]);
  });
});

import { strict as assert } from 'node:assert';
import { AnalysisCache, analyse, maskedWords } from './analysis';

describe('file analysis', () => {
  it('masks the words of boilerplate lines so that they match nothing, and leaves the rest', () => {
    const text = 'Share this article\nthe river rose\nShare this article\n';
    const second = text.indexOf('Share', 1);
    const analysis = analyse(text);
    const masked = maskedWords(analysis, [{ startLine: 2, endLine: 2, startOffset: second, endOffset: text.length }], 7);
    const plain = analysis.tokens.hashes;
    assert.deepEqual([...masked.subarray(0, 6)], [...plain.subarray(0, 6)]);
    for (let i = 6; i < 9; i++) {
      assert.notEqual(masked[i], plain[i - 6], `word ${i} still equals its unmasked copy`);
      assert.ok(!plain.includes(masked[i]));
    }
    assert.equal(new Set(masked.subarray(6)).size, 3);
    assert.equal(maskedWords(analysis, [], 7), masked, 'computed once');
    const other = maskedWords(analyse(text), [{ startLine: 2, endLine: 2, startOffset: second, endOffset: text.length }], 8);
    for (let i = 6; i < 9; i++) assert.notEqual(other[i], masked[i], 'another file masks with other values');
  });

  it('keeps analyses within its budget, least recently used out first', () => {
    // Room for two of these analyses (about 1,550 bytes each with their text), not three.
    const cache = new AnalysisCache(3500);
    const text = (n: number) => ({ text: Array.from({ length: 60 }, (_, i) => `w${n}x${i}`).join(' ') });
    const first = cache.get(1, text(1));
    assert.equal(cache.get(1, text(1)), first, 'a cached analysis is returned again');
    const second = cache.get(2, text(2));
    cache.get(1, text(1));
    cache.get(3, text(3));
    assert.equal(cache.get(1, text(1)), first, 'recently used, so kept');
    assert.notEqual(cache.get(2, text(2)), second, 'least recently used, so dropped and analysed again');
  });
});

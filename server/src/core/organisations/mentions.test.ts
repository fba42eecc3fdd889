import { strict as assert } from 'assert';
import { FileMentions, OrganisationNumbers } from './mentions';

describe('mentions kept as numbers', () => {
  const mentions = [
    { id: 'nhs-england', start: 4, end: 15, article: 0 },
    { id: 'kings-fund', start: 30, end: 41, article: 0 },
    { id: 'nhs-england', start: 90, end: 101, article: -1 },
  ];

  it('gives back the mentions they were made from, one by one or by organisation', () => {
    const numbers = new OrganisationNumbers();
    const kept = FileMentions.of(mentions, numbers);
    assert.equal(kept.length, 3);
    assert.deepEqual(kept.all(), mentions);
    assert.deepEqual(kept.of('nhs-england'), [mentions[0], mentions[2]]);
    assert.deepEqual(kept.of('never-mentioned'), []);
    // Another file numbers the same ids alike and new ones after them.
    const other = FileMentions.of([{ id: 'mind', start: 0, end: 4, article: 2 }, mentions[1]], numbers);
    assert.deepEqual(other.all(), [{ id: 'mind', start: 0, end: 4, article: 2 }, mentions[1]]);
    assert.equal(FileMentions.of([], numbers).length, 0);
  });

  it('finds the mention under an offset, its end included', () => {
    const kept = FileMentions.of(mentions, new OrganisationNumbers());
    assert.equal(kept.indexAt(3), -1);
    assert.equal(kept.indexAt(4), 0);
    assert.equal(kept.indexAt(15), 0);
    assert.equal(kept.indexAt(16), -1);
    assert.equal(kept.indexAt(35), 1);
    assert.equal(kept.indexAt(101), 2);
    assert.equal(kept.indexAt(500), -1);
    assert.equal(FileMentions.of([], new OrganisationNumbers()).indexAt(0), -1);
  });
});

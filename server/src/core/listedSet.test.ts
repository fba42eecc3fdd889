import { strict as assert } from 'assert';
import { ListedSet } from './listedSet';

describe('ListedSet', () => {
  it('keeps the order of addition, as a list and after a removal', () => {
    const set = new ListedSet();
    for (const item of ['b', 'a', 'c']) set.add(item);
    assert.deepEqual([...set], ['b', 'a', 'c']);
    assert.equal(set.size, 3);
    set.delete('a');
    set.add('a');
    set.add('d');
    assert.deepEqual([...set], ['b', 'c', 'a', 'd']);
    assert.equal(set.size, 4);
  });

  it('ignores the removal of an item it does not hold', () => {
    const set = new ListedSet();
    set.add('a');
    set.delete('z');
    assert.deepEqual([...set], ['a']);
  });
});

import { strict as assert } from 'assert';
import { CapitalsIndex } from './capitals';

describe('index of capitalised words', () => {
  it('finds the files that contain every word asked for', () => {
    const index = new CapitalsIndex();
    index.set('a', ['nhs', 'england', 'nhs', 'trust', 'england']);
    index.set('b', ['nhs', 'providers']);
    index.set('c', ['england']);
    assert.deepEqual(index.filesWithAll(['nhs', 'england']).sort(), ['a']);
    assert.deepEqual(index.filesWithAll(['nhs']).sort(), ['a', 'b']);
    assert.deepEqual(index.filesWithAll(['unknown', 'nhs']), []);
    assert.deepEqual(index.filesWithAll([]), []);
    // A word written more than once is one of the file's words.
    assert.deepEqual(index.keysOf('a'), ['nhs', 'england', 'trust']);
  });

  it('forgets what a file held when it is replaced or deleted, through many versions', () => {
    const index = new CapitalsIndex();
    index.set('stays', ['mind']);
    // Enough replacements for the lists to be rebuilt several times.
    for (let version = 0; version < 50; version++) index.set('edited', [version % 2 === 0 ? 'mind' : 'crisis', 'charity', 'charity']);
    assert.deepEqual(index.filesWithAll(['mind']).sort(), ['stays']);
    assert.deepEqual(index.filesWithAll(['crisis', 'charity']), ['edited']);
    index.delete('edited');
    assert.deepEqual(index.filesWithAll(['charity']), []);
    // Words no current file holds are forgotten by a rebuild, and found again once a file holds them.
    index.set('new', ['crisis']);
    assert.deepEqual(index.filesWithAll(['crisis']), ['new']);
    index.delete('never indexed');
    index.clear();
    assert.deepEqual(index.filesWithAll(['mind']), []);
  });

  it('takes keys by their numbers in a table as it takes the keys, through rebuilds', () => {
    const table = ['nhs', 'england', 'trust', 'mind', 'crisis'];
    const byTable = new CapitalsIndex();
    const byKeys = new CapitalsIndex();
    // Replacements enough to rebuild the lists (and renumber the keys) several times.
    for (let version = 0; version < 40; version++) {
      const numbers = Int32Array.from(version % 3 === 0 ? [0, 1] : version % 3 === 1 ? [3, 2] : [4, 0, 2]);
      const uri = `file ${version % 4}`;
      byTable.setFromTable(uri, numbers, table);
      byKeys.set(uri, Array.from(numbers, (n) => table[n]));
    }
    for (const words of [['nhs'], ['nhs', 'england'], ['mind'], ['crisis', 'trust'], ['trust']]) {
      assert.deepEqual(byTable.filesWithAll(words).sort(), byKeys.filesWithAll(words).sort(), words.join(' '));
      assert.ok(byKeys.filesWithAll(words).length > 0, words.join(' '));
    }
  });

  it('gives a later session the same files through a snapshot, which then takes changes as before', () => {
    const original = new CapitalsIndex();
    original.set('a', ['nhs', 'england', 'trust']);
    original.set('b', ['mind', 'nhs']);
    original.set('gone', ['crisis']);
    original.set('a', ['nhs', 'england']);
    original.delete('gone');
    const restored = new CapitalsIndex();
    restored.restore(original.snapshot());
    const words = [['nhs'], ['nhs', 'england'], ['trust'], ['crisis'], ['mind', 'nhs']];
    for (const asked of words) assert.deepEqual(restored.filesWithAll(asked).sort(), original.filesWithAll(asked).sort(), asked.join(' '));
    // Keys no file holds any longer are not carried over.
    assert.deepEqual(original.snapshot().keys.sort(), ['england', 'mind', 'nhs']);
    for (const index of [original, restored]) {
      index.set('b', ['trust']);
      index.set('c', ['crisis', 'nhs']);
    }
    for (const asked of words) assert.deepEqual(restored.filesWithAll(asked).sort(), original.filesWithAll(asked).sort(), asked.join(' '));
    assert.deepEqual(restored.filesWithAll(['nhs']).sort(), ['a', 'c']);
  });

  it('lists the files of a snapshot in the order asked for when it names them all, in the order they were set otherwise', () => {
    const original = new CapitalsIndex();
    original.set('a', ['nhs', 'england']);
    original.set('b', ['mind', 'nhs']);
    original.set('c', ['crisis']);
    original.set('a', ['nhs', 'trust']);
    assert.deepEqual(original.snapshot().uris, ['b', 'c', 'a']);
    assert.deepEqual(original.snapshot(['a', 'b']).uris, ['b', 'c', 'a']);
    const ordered = original.snapshot(['a', 'b', 'c']);
    assert.deepEqual(ordered.uris, ['a', 'b', 'c']);
    const restored = new CapitalsIndex();
    restored.restore(ordered);
    for (const asked of [['nhs'], ['trust'], ['england'], ['mind', 'nhs'], ['crisis']]) {
      assert.deepEqual(restored.filesWithAll(asked).sort(), original.filesWithAll(asked).sort(), asked.join(' '));
    }
  });

  it('takes changes to a restored snapshot before any lookup as after one', () => {
    const original = new CapitalsIndex();
    original.set('a', ['nhs', 'england']);
    original.set('b', ['mind', 'nhs']);
    original.set('c', ['crisis']);
    const restored = new CapitalsIndex();
    restored.restore(original.snapshot());
    for (const index of [original, restored]) {
      index.delete('b');
      index.set('d', ['mind', 'england']);
      index.set('e', ['trust']);
    }
    for (const asked of [['nhs'], ['england'], ['mind'], ['crisis'], ['trust'], ['mind', 'england']]) {
      assert.deepEqual(restored.filesWithAll(asked).sort(), original.filesWithAll(asked).sort(), asked.join(' '));
    }
    assert.deepEqual(restored.filesWithAll(['england']).sort(), ['a', 'd']);
  });
});

import { strict as assert } from 'assert';
import { deserialize, serialize } from 'v8';
import { Corpus } from '../corpus';
import { DuplicateIndex } from './engine';
import { joinedList, listFromJoined } from '../text';
import { snapshotFromParts, snapshotParts } from './snapshot';

const PASSAGE = 'The new ward will open in the spring, the trust said, after a long search for nurses who could staff it through the night and at weekends.';

/** Parts as a snapshot file gives them back: each serialised on its own. */
function readBack(parts: unknown[]): IterableIterator<unknown> {
  return parts.map((part) => deserialize(serialize(part))).values();
}

describe('duplicate index snapshot parts', () => {
  it('give back the files, their hashes and ids, and the groups', () => {
    const corpus = new Corpus();
    const texts = ['a.txt', 'b.txt', 'c.txt'].map((name, i) => ({ uri: `file:///w/${name}`, relativePath: name, text: `Heading ${i}\n\n${PASSAGE} ${PASSAGE}\n` }));
    corpus.apply(texts);
    const index = new DuplicateIndex({ minWords: 10 });
    index.update({ updated: [...corpus.all()], removed: [] });
    const snapshot = index.snapshot();
    assert.equal(snapshot.files.ids.length, 3);
    assert.ok(snapshot.groups.length > 0);
    assert.deepStrictEqual(snapshotFromParts(readBack(snapshotParts(snapshot))), deserialize(serialize(snapshot)));
  });

  it('give back an empty index', () => {
    const snapshot = new DuplicateIndex().snapshot();
    assert.deepStrictEqual(snapshotFromParts(readBack(snapshotParts(snapshot))).files, { uris: [], hashes: [], ids: new Uint32Array(0) });
  });

  it('are refused when the lists of files do not match', () => {
    const corpus = new Corpus();
    corpus.apply([{ uri: 'file:///w/a.txt', relativePath: 'a.txt', text: PASSAGE }]);
    const index = new DuplicateIndex();
    index.update({ updated: [...corpus.all()], removed: [] });
    const parts = snapshotParts(index.snapshot());
    parts[1] = joinedList([...listFromJoined(parts[1] as string), 'file:///w/extra.txt']);
    assert.throws(() => snapshotFromParts(readBack(parts)), /^Error: the duplicate index's list of files is damaged$/);
    parts[1] = 42;
    assert.throws(() => snapshotFromParts(readBack(parts)), /^Error: the duplicate index has no list of files$/);
  });
});

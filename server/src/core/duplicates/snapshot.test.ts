import { strict as assert } from 'assert';
import { deserialize, serialize } from 'v8';
import { Corpus } from '../corpus';
import { DuplicateIndex } from './engine';
import { joinedList, listFromJoined } from '../text';
import { runAll } from '../steps';
import { RoomToGrow } from '../cache/snapshotFile';
import { headFromParts, snapshotParts, tablesFromParts } from './snapshot';

const PASSAGE = 'The new ward will open in the spring, the trust said, after a long search for nurses who could staff it through the night and at weekends.';

/** Parts as a snapshot file gives them back: each serialised on its own (see snapshotFile.test.ts for RoomToGrow's room). */
function readBack(parts: unknown[]): IterableIterator<unknown> {
  return parts.map((part) => deserialize(serialize(part instanceof RoomToGrow ? part.array : part))).values();
}

function indexOf(...texts: string[]): DuplicateIndex {
  const corpus = new Corpus();
  corpus.apply(texts.map((text, i) => ({ uri: `file:///w/${i}.txt`, relativePath: `${i}.txt`, text })));
  const index = new DuplicateIndex({ minWords: 10 });
  index.update({ updated: [...corpus.all()], removed: [] });
  return index;
}

describe('duplicate index snapshot parts', () => {
  it('give back the files, their hashes and ids, the groups, and the tables', () => {
    const index = indexOf(...[0, 1, 2].map((i) => `Heading ${i}\n\n${PASSAGE} ${PASSAGE}\n`));
    const snapshot = index.snapshot();
    assert.equal(snapshot.files.ids.length, 3);
    assert.ok(snapshot.groups.length > 0);
    const { head, tables } = snapshotParts(snapshot, 'k1');
    const { head: headRead, key } = headFromParts(readBack(head));
    assert.equal(key, 'k1');
    const { tables: expectedTables, ...expectedHead } = deserialize(serialize(snapshot)) as typeof snapshot;
    assert.deepStrictEqual(headRead, expectedHead);
    assert.deepStrictEqual(tablesFromParts(readBack(tables), key), expectedTables);
  });

  it('give back an empty index', () => {
    const { head } = snapshotParts(new DuplicateIndex().snapshot(), 'k1');
    assert.deepStrictEqual(headFromParts(readBack(head)).head.files, { uris: [], hashes: [], ids: new Uint32Array(0) });
  });

  it('are refused when the lists of files do not match', () => {
    const { head } = snapshotParts(indexOf(PASSAGE).snapshot(), 'k1');
    head[1] = joinedList([...listFromJoined(head[1] as string), 'file:///w/extra.txt']);
    assert.throws(() => headFromParts(readBack(head)), /^Error: the duplicate index's list of files is damaged$/);
    head[1] = 42;
    assert.throws(() => headFromParts(readBack(head)), /^Error: the duplicate index has no list of files$/);
  });

  it('refuse tables saved with another head', () => {
    const index = indexOf(PASSAGE);
    const { tables } = snapshotParts(index.snapshot(), 'k1');
    const { head } = snapshotParts(index.snapshot(), 'k2');
    assert.throws(() => tablesFromParts(readBack(tables), headFromParts(readBack(head)).key), /^Error: the fingerprint tables were saved with another duplicate index$/);
  });
});

describe('a duplicate index restored without its tables', () => {
  const texts = [0, 1].map((i) => `Heading ${i}\n\n${PASSAGE}\n`);

  it('shows its groups and takes no change until it has them', () => {
    const index = indexOf(...texts);
    const { head, tables } = snapshotParts(index.snapshot(), 'k1');
    const corpus = new Corpus();
    corpus.apply(texts.map((text, i) => ({ uri: `file:///w/${i}.txt`, relativePath: `${i}.txt`, text })));
    const { index: restored, changedFiles } = runAll(DuplicateIndex.fromSnapshot(headFromParts(readBack(head)).head, [...corpus.all()]));
    assert.equal(changedFiles, 0);
    assert.equal(index.groups().length, 1);
    assert.deepEqual(restored.groups(), index.groups());
    assert.throws(() => restored.update({ updated: [], removed: ['file:///w/0.txt'] }), /before it has its fingerprint tables/);
    assert.deepEqual([...runAll(restored.takeTables(tablesFromParts(readBack(tables), 'k1')))], []);
    assert.deepEqual([...restored.update({ updated: [], removed: ['file:///w/0.txt'] })].sort(), ['file:///w/0.txt', 'file:///w/1.txt']);
    assert.deepEqual(restored.groups(), []);
  });

  it('refuses tables of other files', () => {
    const { head } = snapshotParts(indexOf(...texts).snapshot(), 'k1');
    const { tables } = snapshotParts(indexOf(texts[0]).snapshot(), 'k1');
    const corpus = new Corpus();
    corpus.apply([{ uri: 'file:///w/0.txt', relativePath: '0.txt', text: texts[0] }]);
    const { index: restored } = runAll(DuplicateIndex.fromSnapshot(headFromParts(readBack(head)).head, [...corpus.all()]));
    assert.throws(() => runAll(restored.takeTables(tablesFromParts(readBack(tables), 'k1'))), /do not match the duplicate index's files/);
    assert.equal(restored.needsTables, true);
  });
});

import { strict as assert } from 'assert';
import { truncateSync } from 'fs';
import * as path from 'path';
import { KnownFiles } from './knownFiles';
import { SavedKnownFiles, openKeptTexts, savedKnownFilesFrom, savedKnownFilesParts } from './keptTexts';
import { temporaryFolder } from '../fixtures/temporaryFolder';

describe('the texts file kept between sessions', () => {
  const folder = temporaryFolder('seed-kept-', 'each');
  let file: string;
  beforeEach(() => {
    file = path.join(folder(), 'storage', 'texts.bin');
  });

  /** A session that keeps `text` for a file at `filePath`; returns what it would save. */
  const session = (saved: SavedKnownFiles | undefined, text: string, filePath = '/w/a.txt') => {
    const { kept, restarted } = openKeptTexts(file, saved);
    const stored = kept.texts.appendText(text);
    const known = KnownFiles.of([...kept.known.files(), { path: filePath, stamp: { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 }, readAtMs: 1, hash: text, stored, length: text.length }]);
    kept.texts.close();
    return { saved: { tag: kept.tag, known }, restarted, stored };
  };

  it('keeps the texts of one session for the next, which appends after them', () => {
    const first = session(undefined, 'the first text');
    assert.equal(first.restarted, undefined);
    const second = session(first.saved, 'a second text ’', '/w/b.txt');
    assert.equal(second.restarted, undefined);
    assert.equal(second.saved.tag, first.saved.tag);
    assert.equal(second.stored.offset, first.stored.offset + first.stored.length);
    const { kept } = openKeptTexts(file, second.saved);
    assert.deepEqual(
      [...kept.known.files()].map((known) => kept.texts.read(known.stored).toString('utf8')),
      ['the first text', 'a second text ’'],
    );
    kept.texts.close();
  });

  /** Why the texts file was started afresh for `saved`, if it was. */
  const restartedFor = (saved: SavedKnownFiles, textsFile = file, wasteAllowedBytes?: number): string | undefined => {
    const { kept, restarted } = openKeptTexts(textsFile, saved, wasteAllowedBytes);
    kept.texts.close();
    if (restarted) assert.equal(kept.known.size, 0);
    return restarted;
  };

  it('starts afresh, saying why, when the known files were saved with another texts file, or one cut short or gone', () => {
    const other = session(undefined, 'a text elsewhere').saved;
    const first = session(undefined, 'the first text');
    assert.notEqual(first.saved.tag, other.tag);
    assert.match(restartedFor(other) ?? '', /not the one they were saved with/);

    const again = session(undefined, 'a text to cut');
    truncateSync(file, again.stored.offset + 2);
    assert.match(restartedFor(again.saved) ?? '', /shorter than they say/);
    assert.match(restartedFor(again.saved, path.join(folder(), 'never made.bin')) ?? '', /is gone/);
  });

  it('starts afresh once it holds more texts no known file needs than texts they need', () => {
    const first = session(undefined, 'x'.repeat(100));
    const noneNeeded = { ...first.saved, known: KnownFiles.of([]) };
    assert.equal(restartedFor(first.saved, file, 0), undefined);
    assert.equal(restartedFor(noneNeeded, file, 1000), undefined);
    assert.match(restartedFor(noneNeeded, file, 0) ?? '', /mostly texts no longer needed/);
  });

  it('saves the known files with the tag as parts, and refuses parts of anything else', async () => {
    const { saved } = session(undefined, 'a text');
    const back = await savedKnownFilesFrom(savedKnownFilesParts(saved)[Symbol.iterator]());
    assert.equal(back.tag, saved.tag);
    assert.ok(back.known.equals(saved.known));
    const empty = await savedKnownFilesFrom(savedKnownFilesParts({ tag: 'tag', known: KnownFiles.of([]) })[Symbol.iterator]());
    assert.equal(empty.known.size, 0);
    await assert.rejects(savedKnownFilesFrom(['tag', '/a', 'h', [1, 2]][Symbol.iterator]()), /not a list of known files/);
    await assert.rejects(savedKnownFilesFrom(['tag', '/a\0/b', 'h', new Float64Array(8)][Symbol.iterator]()), /do not line up/);
  });
});

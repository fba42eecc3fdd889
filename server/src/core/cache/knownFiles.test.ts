import { strict as assert } from 'assert';
import { appendFileSync, rmSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { FileStamp, stampOf } from '../files';
import { KnownFile, KnownFiles, RACY_MS } from './knownFiles';
import { temporaryFolder } from '../fixtures/temporaryFolder';

const stamp: FileStamp = { size: 120, mtimeMs: 1_700_000_000_000.25, ctimeMs: 1_700_000_000_500.5, ino: 4242 };

function known(path: string, overrides: Partial<KnownFile> = {}): KnownFile {
  return { path, stamp, readAtMs: stamp.ctimeMs + RACY_MS, hash: `hash of ${path}`, stored: { offset: 100, length: 120 }, length: 118, ...overrides };
}

/** The file's fields, as a plain object to compare. */
function fields({ path, stamp, readAtMs, hash, stored, length }: KnownFile): KnownFile {
  return { path, stamp, readAtMs, hash, stored, length };
}

describe('known files', () => {
  it('gives a file as it was read when its stamp is the same now, and nothing when any part of the stamp differs', () => {
    const files = KnownFiles.of([known('/w/a.txt'), known('/w/b.txt', { stored: { offset: 220, length: 120 } })]);
    assert.equal(files.find('/w/b.txt'), 1);
    assert.equal(files.find('/w/c.txt'), undefined);
    assert.ok(files.unchanged(files.at(1), { ...stamp }));
    assert.deepEqual(fields(files.at(1)), known('/w/b.txt', { stored: { offset: 220, length: 120 } }));
    for (const change of [{ size: 121 }, { mtimeMs: stamp.mtimeMs + 0.001 }, { ctimeMs: stamp.ctimeMs + 1 }, { ino: 4243 }]) {
      assert.ok(!files.unchanged(files.at(0), { ...stamp, ...change }), JSON.stringify(change));
    }
  });

  it('finds files asked for in its order, in another, and again', () => {
    const paths = ['/w/a.txt', '/w/b.txt', '/w/c.txt', '/w/d.txt'];
    const files = KnownFiles.of(paths.map((path) => known(path)));
    const asked = ['/w/a.txt', '/w/b.txt', '/w/new.txt', '/w/d.txt', '/w/c.txt', '/w/d.txt', '/w/a.txt', '/w/b.txt'];
    assert.deepEqual(asked.map((path) => files.find(path)), [0, 1, undefined, 3, 2, 3, 0, 1]);
  });

  it('does not trust a stamp taken within RACY_MS of the last change, by modification or change time', () => {
    const racy = KnownFiles.of([known('/w/a.txt', { readAtMs: stamp.ctimeMs + RACY_MS - 1 })]);
    assert.ok(!racy.unchanged(racy.at(0), stamp));
    const changedLater = { ...stamp, mtimeMs: stamp.ctimeMs + 10 };
    const byModification = KnownFiles.of([known('/w/a.txt', { stamp: changedLater, readAtMs: stamp.ctimeMs + RACY_MS })]);
    assert.ok(!byModification.unchanged(byModification.at(0), changedLater));
    const trusting = KnownFiles.of([known('/w/a.txt', { readAtMs: stamp.ctimeMs })], 0);
    assert.ok(trusting.unchanged(trusting.at(0), stamp));
  });

  it('gives back every file from its columns, as another thread would build them', () => {
    const files = [known('/w/a.txt'), known('/w/ü 2.txt', { hash: 'h2', stored: { offset: 9_000_000_000, length: 5 }, length: 3 })];
    const columns = KnownFiles.of(files).columns;
    const rebuilt = new KnownFiles(structuredClone(columns));
    assert.deepEqual([...rebuilt.files()].map(fields), files);
    assert.ok(rebuilt.equals(KnownFiles.of(files)));
    assert.ok(!rebuilt.equals(KnownFiles.of([files[0]])));
    assert.ok(!rebuilt.equals(KnownFiles.of([files[0], { ...files[1], readAtMs: 1 }])));
    assert.throws(() => new KnownFiles({ ...columns, hashes: 'only one' }), /do not line up/);
  });

  it("refuses columns in which a text has a length no text can have, and gives the others' lengths as they were", () => {
    const columns = KnownFiles.of([known('/w/a.txt'), known('/w/b.txt', { length: 2 ** 29 - 24 })]).columns;
    for (const length of [-1, 2.5, 2 ** 31, NaN]) {
      const damaged = structuredClone(columns);
      damaged.numbers[damaged.numbers.length - 1] = length;
      assert.throws(() => new KnownFiles(damaged), /no length a text can have/, String(length));
    }
    assert.deepEqual([...new KnownFiles(columns).files()].map((file) => file.length), [118, 2 ** 29 - 24]);
  });

  it('says where the texts end and how many bytes they take', () => {
    const files = KnownFiles.of([known('/w/a.txt', { stored: { offset: 30, length: 10 } }), known('/w/c.txt', { stored: { offset: 60, length: 7 } }), known('/w/b.txt', { stored: { offset: 50, length: 5 } })]);
    assert.deepEqual(files.extent(), { end: 67, bytes: 22 });
  });

  describe('on disk', () => {
    const folder = temporaryFolder('seed-known-', 'each');

    /** `count` files written now, known as read long after, their stamps then trusted. */
    function writtenFiles(count: number): KnownFiles {
      const files: KnownFile[] = [];
      for (let i = 0; i < count; i++) {
        const file = path.join(folder(), `${i}.txt`);
        writeFileSync(file, `text ${i}`);
        const status = stampOf(statSync(file));
        files.push(known(file, { stamp: status, readAtMs: Math.max(status.mtimeMs, status.ctimeMs) + RACY_MS }));
      }
      return KnownFiles.of(files);
    }

    it('tells an unchanged file from one changed since, by its stamp now', () => {
      const files = writtenFiles(3);
      appendFileSync(files.pathAt(1), ' and more');
      rmSync(files.pathAt(2));
      assert.deepEqual([0, 1, 2].map((row) => files.unchangedOnDisk(row)), [true, false, false]);
    });

    it('looks at many files ahead on a thread of their own, and then goes by the stamps it took', async () => {
      const files = writtenFiles(1000);
      appendFileSync(files.pathAt(1), ' and more');
      await files.lookAhead();
      // Changed after the thread looked: seen as the thread saw it (the editor's watcher reports such a change).
      appendFileSync(files.pathAt(0), ' and more');
      rmSync(files.pathAt(999));
      assert.deepEqual([0, 1, 2, 999].map((row) => files.unchangedOnDisk(row)), [true, false, true, true]);
      files.stopLookingAhead();
      assert.deepEqual([0, 1, 2, 999].map((row) => files.unchangedOnDisk(row)), [false, false, true, false]);
    });
  });
});

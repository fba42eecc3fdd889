import { strict as assert } from 'assert';
import { mkdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { stampOf } from '../files';
import { joinedList } from '../text';
import { StampsAhead } from './stampsAhead';
import { temporaryFolder } from '../fixtures/temporaryFolder';

describe('stamps taken ahead, on a thread of their own', () => {
  const folder = temporaryFolder('seed-stamps-', 'each');

  it('gives each regular file its stamp as stat gives it, and none for a folder or a missing file', async () => {
    const files = ['a.txt', 'ü b.txt', 'c.txt'].map((name, i) => {
      const file = path.join(folder(), name);
      writeFileSync(file, 'x'.repeat(10 * i));
      return file;
    });
    mkdirSync(path.join(folder(), 'sub'));
    const paths = [files[0], path.join(folder(), 'sub'), files[1], path.join(folder(), 'gone.txt'), files[2]];
    const ahead = new StampsAhead(joinedList(paths), paths.length);
    await ahead.ended;
    assert.deepEqual(ahead.stampAt(0), stampOf(statSync(files[0])));
    assert.equal(ahead.stampAt(1), undefined);
    assert.deepEqual(ahead.stampAt(2), stampOf(statSync(files[1])));
    assert.equal(ahead.stampAt(3), undefined);
    assert.deepEqual(ahead.stampAt(4), stampOf(statSync(files[2])));
    assert.equal(ahead.stampAt(5), undefined);
  });
});

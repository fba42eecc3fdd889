import { strict as assert } from 'assert';
import { readdirSync } from 'fs';
import * as os from 'os';
import { ScratchFile } from './scratchFile';

describe('scratch file', () => {
  const ours = (): string[] => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`seed-curator-test-${process.pid}-`));

  it('gives back what was appended, by place, in any order', () => {
    const scratch = ScratchFile.create('test');
    const values = ['first', '', 'a third, longer value ’ with UTF-8', 'x'.repeat(100_000)].map((text) => Buffer.from(text));
    const places = values.map((value, i) => (i % 2 === 0 ? scratch.append(value) : scratch.appendText(value.toString())));
    for (const i of [3, 0, 2, 1, 0]) assert.deepEqual(scratch.read(places[i]), values[i]);
    assert.throws(() => scratch.read({ offset: places[3].offset + 10, length: 100_000 }), /ends before/);
    scratch.close();
  });

  it('takes appends through a handle shared with another thread after every earlier one, either way', () => {
    const scratch = ScratchFile.create('test');
    const other = ScratchFile.attach(scratch.share());
    const places = ['mine', 'theirs ’', 'mine again', 'theirs again'].map((text, i) => (i % 2 === 0 ? scratch : other).appendText(text));
    assert.deepEqual(places.map((place) => place.offset), [0, 4, 4 + Buffer.byteLength('theirs ’'), 4 + Buffer.byteLength('theirs ’') + 10]);
    assert.equal(scratch.read(places[1]).toString(), 'theirs ’');
    assert.equal(other.read(places[2]).toString(), 'mine again');
    scratch.close();
  });

  it('leaves no file behind', () => {
    const scratch = ScratchFile.create('test');
    scratch.append(Buffer.from('something'));
    scratch.close();
    assert.deepEqual(ours(), []);
  });
});

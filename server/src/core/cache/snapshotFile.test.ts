import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { RoomToGrow, readSnapshot, writeSnapshot } from './snapshotFile';
import { temporaryFolder } from '../fixtures/temporaryFolder';

describe('snapshot file', () => {
  const folder = temporaryFolder('seed-snapshot-', 'each');
  let file: string;
  const parts = [{ names: ['NHS England', 'GGI'], numbers: new Int32Array([4, 15, 0]) }, new Map([['abc', { n: 1 }]]), []];

  beforeEach(() => {
    file = path.join(folder(), 'nested', 'memory.bin');
  });

  it('gives back the parts written under the same identity, in order, and nothing left behind', async () => {
    const size = await writeSnapshot(file, 'code 1', parts);
    assert.equal((await fs.stat(file)).size, size);
    const read = await readSnapshot(file, 'code 1');
    assert.ok(read.ok);
    assert.deepEqual([...read.parts], parts);
    assert.deepEqual(await fs.readdir(path.dirname(file)), ['memory.bin']);
  });

  it('writes typed arrays as their bytes and gives them back of the same kind, a view as its own part only', async () => {
    const table = new Int32Array([7, -1, 2 ** 31 - 1, -(2 ** 31)]);
    const typed = [table.subarray(1, 3), new Uint32Array([2 ** 32 - 1]), new Float64Array([0.25, -3]), new Uint8Array([1, 0, 1]), new Int32Array(0)];
    // A one-byte part first, so that the numbers after it are not aligned in the file.
    await writeSnapshot(file, 'code 1', [new Uint8Array([9]), ...typed, { after: 'the arrays' }]);
    const read = await readSnapshot(file, 'code 1');
    assert.ok(read.ok);
    assert.deepEqual([...read.parts], [new Uint8Array([9]), new Int32Array([-1, 2 ** 31 - 1]), ...typed.slice(1), { after: 'the arrays' }]);
    const bytes = await fs.readFile(file);
    assert.ok(bytes.includes(Buffer.from(new Float64Array([0.25, -3]).buffer)), 'the doubles are in the file as they are in memory');
  });

  it('gives back a part written as RoomToGrow with room for half as many numbers again, written nowhere else', async () => {
    const growing = [new Float64Array([0.5, 1.5, 2.5, 3.5, 4.5]), new Int32Array([5, -6, 7]), new Uint32Array(100_000).fill(9)];
    // A one-byte part first, so that the numbers after it are not aligned in the file.
    await writeSnapshot(file, 'code 1', [new Uint8Array([1]), ...growing.map((array) => new RoomToGrow(array)), new Int32Array([8, 8])]);
    const read = await readSnapshot(file, 'code 1');
    assert.ok(read.ok);
    const [, ...back] = [...read.parts] as Int32Array[];
    assert.deepEqual(back.map((array) => [array.constructor.name, array.length]), [['Float64Array', 8], ['Int32Array', 5], ['Uint32Array', 150_000], ['Int32Array', 2]]);
    back.slice(0, 3).forEach((array, i) => assert.deepEqual([...array.subarray(0, growing[i].length)], [...growing[i]]));
    // Filling the room changes no other part.
    back.slice(0, 3).forEach((array, i) => array.fill(-1, growing[i].length));
    assert.deepEqual([...back[3]], [8, 8]);
    assert.ok(!(await fs.readFile(file)).includes(Buffer.from(new Uint32Array(1000).buffer)), 'the room is not in the file');
  });

  it('gives back a part larger than the slices it is written in', async () => {
    const large = Uint32Array.from({ length: 2_500_000 }, (_, i) => Math.imul(i, 2654435761) >>> 0);
    await writeSnapshot(file, 'code 1', [large, 'after']);
    const read = await readSnapshot(file, 'code 1');
    assert.ok(read.ok);
    const [back, after] = [...read.parts];
    assert.ok(back instanceof Uint32Array && back.length === large.length && back.every((value, i) => value === large[i]));
    assert.equal(after, 'after');
    // A byte damaged in the third slice of the checksum is found as one in the first would be.
    const bytes = await fs.readFile(file);
    bytes[9_000_000] ^= 1;
    await fs.writeFile(file, bytes);
    const damaged = await readSnapshot(file, 'code 1');
    assert.ok(!damaged.ok && /checksum/.test(damaged.reason), JSON.stringify(damaged));
  });

  it('removes what a writer killed while writing left behind, not what a running one is writing', async () => {
    await writeSnapshot(file, 'code 1', parts);
    // No process has a number this high on Linux (at most 2^22), macOS or Windows.
    const left = `${file}.${2 ** 30}.tmp`;
    const ours = `${file}.${process.pid}.tmp`;
    for (const temporary of [left, ours]) await fs.writeFile(temporary, 'half a snapshot');
    assert.ok((await readSnapshot(file, 'code 1')).ok);
    assert.deepEqual((await fs.readdir(path.dirname(file))).sort(), ['memory.bin', `memory.bin.${process.pid}.tmp`]);
  });

  it('refuses a file of other code, a damaged or truncated one, and says when there is none', async () => {
    assert.deepEqual(await readSnapshot(file, 'code 1'), { ok: false, reason: 'none yet' });
    await writeSnapshot(file, 'code 1', parts);
    const other = await readSnapshot(file, 'code 2');
    assert.ok(!other.ok && /identity|other/i.test(other.reason), JSON.stringify(other));
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 30] ^= 0xff;
    await fs.writeFile(file, bytes);
    const damaged = await readSnapshot(file, 'code 1');
    assert.ok(!damaged.ok && /checksum/.test(damaged.reason), JSON.stringify(damaged));
    await fs.writeFile(file, bytes.subarray(0, bytes.length >> 1));
    assert.equal((await readSnapshot(file, 'code 1')).ok, false);
    await fs.writeFile(file, 'not a snapshot at all');
    assert.equal((await readSnapshot(file, 'code 1')).ok, false);
  });
});

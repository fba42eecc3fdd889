import { strict as assert } from 'assert';
import { closeSync, openSync, promises as fs, readSync } from 'fs';
import * as path from 'path';
import { CacheFileWriter, SLICE_BYTES } from './cacheFile';
import { fileChecksum } from './fileChecksum';
import { temporaryFolder } from '../fixtures/temporaryFolder';

describe('cache file checksum, on another thread for a file of several slices', () => {
  const folder = temporaryFolder('seed-checksum-', 'each');

  /** A cache file of `entries`, as the writer checksums it; its path and size. */
  async function written(entries: Uint8Array[]): Promise<{ file: string; size: number }> {
    const file = path.join(folder(), 'cache.bin');
    const handle = await fs.open(file, 'w');
    const writer = new CacheFileWriter('identity', entries.map((bytes, i) => [String(i), bytes.length]), async (pieces) => void (await handle.writev(pieces)));
    for (const bytes of entries) await writer.add(bytes);
    const size = await writer.finish();
    await handle.close();
    return { file, size };
  }

  async function checksumOf(file: string, length: number): Promise<Buffer> {
    const fd = openSync(file, 'r');
    try {
      return await fileChecksum(fd, length);
    } finally {
      closeSync(fd);
    }
  }

  function storedChecksum(file: string, size: number): Buffer {
    const fd = openSync(file, 'r');
    const stored = Buffer.alloc(20);
    readSync(fd, stored, 0, 20, size - 20);
    closeSync(fd);
    return stored;
  }

  it('gives the checksum the writer wrote, over several slices (on a thread), two (here) and one', async () => {
    const values = [Uint8Array.from([7]), Uint8Array.from({ length: 2 * SLICE_BYTES + 5 }, (_, i) => i % 253), Uint8Array.from([1, 2])];
    const twoSlices = [Uint8Array.from({ length: SLICE_BYTES + 5 }, (_, i) => i % 251)];
    for (const entries of [values, twoSlices, values.slice(0, 1)]) {
      const { file, size } = await written(entries);
      assert.ok((await checksumOf(file, size - 20)).equals(storedChecksum(file, size)));
    }
  });

  it('fails when the file is shorter than asked, hashed here or on a thread', async () => {
    for (const length of [3, 2 * SLICE_BYTES + 3]) {
      const { file, size } = await written([new Uint8Array(length)]);
      await assert.rejects(checksumOf(file, size + 1), /ends before its checksum/);
    }
  });
});

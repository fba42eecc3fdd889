import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { CACHE_FORMAT, decodeCacheFile, encodeCacheFile } from './cacheFile';

const IDENTITY = 'code abc v8 11.3';
const ENTRIES: [string, Uint8Array][] = [
  ['hash-one', Uint8Array.from([1, 2, 3])],
  ['hash-two', new Uint8Array(0)],
  ['hash-été', Buffer.from('a longer value, with some text in it')],
];

async function encoded(identity = IDENTITY, entries = ENTRIES): Promise<Buffer> {
  return Buffer.concat(await encodeCacheFile(identity, entries));
}

/** The same file with another header, re-checksummed: only the header check can reject it. */
function withHeader(file: Buffer, header: unknown): Buffer {
  const magicLength = 'SEEDINDEX\n'.length;
  const oldLength = file.readUInt32LE(magicLength);
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const rest = file.subarray(magicLength + 4 + oldLength, file.length - 20);
  const body = Buffer.concat([file.subarray(0, magicLength), length, json, rest]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

describe('index cache file', () => {
  it('gives back the entries it was given', async () => {
    const decoded = decodeCacheFile(await encoded(), IDENTITY);
    assert.ok(decoded.ok);
    assert.deepEqual([...decoded.entries].map(([key, value]) => [key, [...value]]), ENTRIES.map(([key, value]) => [key, [...value]]));
  });

  it('holds no entries when given none', async () => {
    const decoded = decodeCacheFile(await encoded(IDENTITY, []), IDENTITY);
    assert.ok(decoded.ok);
    assert.equal(decoded.entries.size, 0);
  });

  it('rejects a file cut short, at every length', async () => {
    const file = await encoded();
    for (let length = 0; length < file.length; length++) {
      const decoded = decodeCacheFile(file.subarray(0, length), IDENTITY);
      assert.equal(decoded.ok, false, `cut at ${length} of ${file.length}`);
    }
  });

  it('rejects a file with any byte changed', async () => {
    const file = await encoded();
    for (let at = 0; at < file.length; at++) {
      const damaged = Buffer.from(file);
      damaged[at] ^= 0x40;
      assert.equal(decodeCacheFile(damaged, IDENTITY).ok, false, `byte ${at} changed`);
    }
  });

  it('says why it rejects a file', async () => {
    const file = await encoded();
    const damaged = Buffer.from(file);
    damaged[damaged.length - 30] ^= 1;
    assert.deepEqual(decodeCacheFile(damaged, IDENTITY), { ok: false, reason: 'checksum mismatch: the file is damaged or truncated' });
    assert.deepEqual(decodeCacheFile(Buffer.from('just some text that is long enough to be checked'), IDENTITY), {
      ok: false,
      reason: 'not an index cache file',
    });
    assert.deepEqual(decodeCacheFile(file, 'code def v8 11.3'), { ok: false, reason: 'made by another version of Seed Curator' });
  });

  it('rejects a file of another format, or with a header that does not add up, even with a valid checksum', async () => {
    const file = await encoded();
    const older = withHeader(file, { format: CACHE_FORMAT - 1, identity: IDENTITY, entries: ENTRIES.length });
    assert.deepEqual(decodeCacheFile(older, IDENTITY), { ok: false, reason: `format ${CACHE_FORMAT - 1}, expected ${CACHE_FORMAT}` });
    const tooMany = withHeader(file, { format: CACHE_FORMAT, identity: IDENTITY, entries: ENTRIES.length + 1 });
    assert.deepEqual(decodeCacheFile(tooMany, IDENTITY), { ok: false, reason: 'entries run past the end of the file' });
    const tooFew = withHeader(file, { format: CACHE_FORMAT, identity: IDENTITY, entries: ENTRIES.length - 1 });
    assert.deepEqual(decodeCacheFile(tooFew, IDENTITY), { ok: false, reason: 'bytes left over after the last entry' });
    assert.equal(decodeCacheFile(withHeader(file, { format: CACHE_FORMAT, identity: IDENTITY, entries: ENTRIES.length }), IDENTITY).ok, true);
  });
});

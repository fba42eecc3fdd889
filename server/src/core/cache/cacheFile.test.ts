import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { CACHE_FORMAT, CacheFileWriter, EntryLine, ReadCacheFile, SLICE_BYTES, checkCacheFileFraming, readCacheFile } from './cacheFile';

const IDENTITY = 'code abc v8 11.3';
const ENTRIES: [string, Uint8Array][] = [
  ['hash-one', Uint8Array.from([1, 2, 3])],
  ['hash-two', new Uint8Array(0)],
  ['hash-été', Buffer.from('a longer value, with some text in it')],
];

async function encoded(identity = IDENTITY, entries = ENTRIES, counts: (number | undefined)[] = []): Promise<Buffer> {
  const written: Buffer[] = [];
  const writer = new CacheFileWriter(
    identity,
    entries.map(([key, value], i): EntryLine => (counts[i] === undefined ? [key, value.length] : [key, value.length, counts[i]])),
    async (pieces) => void written.push(...pieces),
  );
  for (const [, value] of entries) await writer.add(value);
  const size = await writer.finish();
  const file = Buffer.concat(written);
  assert.equal(size, file.length);
  return file;
}

function readerOf(file: Buffer) {
  return (into: Buffer, length: number, position: number): number => (position >= file.length ? 0 : file.copy(into, 0, position, Math.min(file.length, position + length)));
}

function check(file: Buffer, identity = IDENTITY): Promise<ReadCacheFile> {
  const readAt = readerOf(file);
  return readCacheFile(
    readAt,
    file.length,
    identity,
    async (entries) => entries.map(([, { offset, length }]) => Buffer.from(file.subarray(offset, offset + length))),
    async (length) => checksum(file.subarray(0, length)),
  );
}

/** The checksum of the format: the SHA-1 of the SHA-1s of the 4 MB slices. */
function checksum(bytes: Buffer): Buffer {
  const slices = createHash('sha1');
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) slices.update(createHash('sha1').update(bytes.subarray(at, at + SLICE_BYTES)).digest());
  return slices.digest();
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
  return Buffer.concat([body, checksum(body)]);
}

describe('index cache file', () => {
  it('gives back each value it was given, in order', async () => {
    const checked = await check(await encoded());
    assert.ok(checked.ok);
    assert.deepEqual(checked.values.map(([key, bytes]) => [key, [...bytes]]), ENTRIES.map(([key, value]) => [key, [...value]]));
  });

  it('checks a file of several slices, its values read whole', async () => {
    const large: [string, Uint8Array][] = [['small', Uint8Array.from([9])], ['large', Uint8Array.from({ length: (9 << 20) + 7 }, (_, i) => i % 251)]];
    const file = await encoded(IDENTITY, large);
    const checked = await check(file);
    assert.ok(checked.ok);
    assert.ok(checked.values[1][1].equals(large[1][1]));
    const damaged = Buffer.from(file);
    damaged[6 << 20] ^= 1;
    assert.equal((await check(damaged)).ok, false);
  });

  it('holds no entries when given none', async () => {
    const checked = await check(await encoded(IDENTITY, []));
    assert.ok(checked.ok);
    assert.equal(checked.values.length, 0);
  });

  it('writes only values that match the header, and all of them', async () => {
    const writer = new CacheFileWriter(IDENTITY, [['a', 2], ['b', 1]], async () => undefined);
    await assert.rejects(writer.add(Uint8Array.from([1])), /does not match the header/);
    const short = new CacheFileWriter(IDENTITY, [['a', 2]], async () => undefined);
    await assert.rejects(short.finish(), /missing/);
  });

  it('rejects a file cut short, at every length', async () => {
    const file = await encoded();
    for (let length = 0; length < file.length; length++) {
      const checked = await check(file.subarray(0, length));
      assert.equal(checked.ok, false, `cut at ${length} of ${file.length}`);
    }
  });

  it('rejects a file with any byte changed', async () => {
    const file = await encoded();
    for (let at = 0; at < file.length; at++) {
      const damaged = Buffer.from(file);
      damaged[at] ^= 0x40;
      assert.equal((await check(damaged)).ok, false, `byte ${at} changed`);
    }
  });

  it('says why it rejects a file', async () => {
    const file = await encoded();
    const damaged = Buffer.from(file);
    damaged[damaged.length - 30] ^= 1;
    assert.deepEqual(await check(damaged), { ok: false, reason: 'checksum mismatch: the file is damaged or truncated' });
    assert.deepEqual(await check(Buffer.from('just some text that is long enough to be checked')), { ok: false, reason: 'not an index cache file' });
    assert.deepEqual(await check(file, 'code def v8 11.3'), { ok: false, reason: 'made by another version of Seed Curator' });
  });

  it('reads with the header the count its writer kept with a value, and refuses a count that is not one', async () => {
    const file = await encoded(IDENTITY, ENTRIES, [2, undefined, 0]);
    const framing = checkCacheFileFraming(readerOf(file), file.length, IDENTITY);
    assert.ok(framing.ok);
    assert.deepEqual([...framing.counts], [['hash-one', 2], ['hash-été', 0]]);
    assert.deepEqual((await check(file)).ok, true);
    const lengths = ENTRIES.map(([key, value]) => [key, value.length]);
    for (const count of [-1, 1.5, '2', null]) {
      const bad = withHeader(file, { format: CACHE_FORMAT, identity: IDENTITY, entries: [[...lengths[0], count], ...lengths.slice(1)] });
      assert.deepEqual(await check(bad), { ok: false, reason: 'header lists an entry it cannot describe' }, String(count));
    }
    const tooLong = withHeader(file, { format: CACHE_FORMAT, identity: IDENTITY, entries: [[...lengths[0], 2, 3], ...lengths.slice(1)] });
    assert.deepEqual(await check(tooLong), { ok: false, reason: 'header lists an entry it cannot describe' });
  });

  it('rejects a file of another format, or with a header that does not add up, even with a valid checksum', async () => {
    const file = await encoded();
    const lengths = ENTRIES.map(([key, value]) => [key, value.length]);
    const header = (entries: unknown, format = CACHE_FORMAT) => withHeader(file, { format, identity: IDENTITY, entries });
    assert.deepEqual(await check(header(lengths, CACHE_FORMAT - 1)), { ok: false, reason: `format ${CACHE_FORMAT - 1}, expected ${CACHE_FORMAT}` });
    assert.deepEqual(await check(header([...lengths, ['hash-three', 1]])), { ok: false, reason: 'entries run past the end of the file' });
    assert.deepEqual(await check(header(lengths.slice(0, -1))), { ok: false, reason: 'bytes left over after the last entry' });
    assert.deepEqual(await check(header([['hash-one', 3], ['hash-one', 0], ['hash-été', ENTRIES[2][1].length]])), { ok: false, reason: 'entry hash-one is listed twice' });
    assert.deepEqual(await check(header([['hash-one', -3]])), { ok: false, reason: 'header lists an entry it cannot describe' });
    assert.deepEqual(await check(header(3)), { ok: false, reason: 'header has no entry list' });
    assert.equal((await check(header(lengths))).ok, true);
    // A file of the format before, checksummed as then (the SHA-1 of the whole), is named as such, not as damaged.
    const earlier = header(lengths, CACHE_FORMAT - 1);
    const body = earlier.subarray(0, earlier.length - 20);
    assert.deepEqual(await check(Buffer.concat([body, createHash('sha1').update(body).digest()])), {
      ok: false,
      reason: `format ${CACHE_FORMAT - 1}, expected ${CACHE_FORMAT}`,
    });
  });
});

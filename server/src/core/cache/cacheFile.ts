/**
 * The bytes of the index cache file, and the checks that keep a damaged or foreign file
 * from being trusted:
 *
 *   "SEEDINDEX\n"  magic
 *   u32            length of the header, then the header: JSON {format, identity, entries}
 *   entries        u16 key length, key (UTF-8), u32 value length, value; `entries` times
 *   20 bytes       SHA-1 of everything before it
 *
 * A file whose checksum, magic, format, identity or framing is off is rejected whole, with
 * the reason: a truncated file, a file written by another version of the code, or random
 * bytes.
 */
import { createHash } from 'crypto';

/** Raise when the layout above changes. */
export const CACHE_FORMAT = 1;
const MAGIC = Buffer.from('SEEDINDEX\n', 'latin1');
const CHECKSUM_BYTES = 20;
/** The checksum of a large cache is computed in slices of this many bytes, with a turn for other work in between. */
const CHECKSUM_SLICE_BYTES = 4 << 20;

interface Header {
  format: number;
  identity: string;
  entries: number;
}

/**
 * The file's bytes in pieces (written in order); the checksum is the last piece. Yields to
 * the event loop while checksumming, so that a server writing its cache goes on answering.
 */
export async function encodeCacheFile(identity: string, entries: Iterable<[string, Uint8Array]>): Promise<Buffer[]> {
  const body: Buffer[] = [];
  let count = 0;
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key, 'utf8');
    const frame = Buffer.alloc(2 + keyBytes.length + 4);
    frame.writeUInt16LE(keyBytes.length, 0);
    keyBytes.copy(frame, 2);
    frame.writeUInt32LE(value.length, 2 + keyBytes.length);
    body.push(frame, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    count++;
  }
  const header: Header = { format: CACHE_FORMAT, identity, entries: count };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(headerBytes.length, 0);
  const pieces = [MAGIC, headerLength, headerBytes, ...body];
  const checksum = createHash('sha1');
  let sinceYield = 0;
  for (const piece of pieces) {
    checksum.update(piece);
    sinceYield += piece.length;
    if (sinceYield >= CHECKSUM_SLICE_BYTES) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  pieces.push(checksum.digest());
  return pieces;
}

export type DecodedCacheFile = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; reason: string };

/** The entries of a cache file made with `identity`; the values are views into `bytes`. */
export function decodeCacheFile(bytes: Uint8Array, identity: string): DecodedCacheFile {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (reason: string): DecodedCacheFile => ({ ok: false, reason });
  if (data.length < MAGIC.length + 4 + CHECKSUM_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    return fail('not an index cache file');
  }
  const end = data.length - CHECKSUM_BYTES;
  const checksum = createHash('sha1').update(data.subarray(0, end)).digest();
  if (!checksum.equals(data.subarray(end))) return fail('checksum mismatch: the file is damaged or truncated');

  let at = MAGIC.length;
  const headerLength = data.readUInt32LE(at);
  at += 4;
  if (at + headerLength > end) return fail('header runs past the end of the file');
  let header: Partial<Header>;
  try {
    header = JSON.parse(data.toString('utf8', at, at + headerLength)) as Partial<Header>;
  } catch {
    return fail('header is not valid JSON');
  }
  at += headerLength;
  if (header.format !== CACHE_FORMAT) return fail(`format ${String(header.format)}, expected ${CACHE_FORMAT}`);
  if (header.identity !== identity) return fail('made by another version of Seed Curator');
  if (typeof header.entries !== 'number') return fail('header has no entry count');

  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < header.entries; i++) {
    if (at + 2 > end) return fail('entries run past the end of the file');
    const keyLength = data.readUInt16LE(at);
    at += 2;
    if (at + keyLength + 4 > end) return fail('entries run past the end of the file');
    const key = data.toString('utf8', at, at + keyLength);
    at += keyLength;
    const valueLength = data.readUInt32LE(at);
    at += 4;
    if (at + valueLength > end) return fail('entries run past the end of the file');
    entries.set(key, data.subarray(at, at + valueLength));
    at += valueLength;
  }
  if (at !== end) return fail('bytes left over after the last entry');
  return { ok: true, entries };
}

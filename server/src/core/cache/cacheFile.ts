/**
 * The bytes of the index cache file, and the checks that keep a damaged or foreign file
 * from being trusted:
 *
 *   "SEEDINDEX\n"  magic
 *   u32            length of the header, then the header: JSON {format, identity, entries}
 *                  where entries lists [key, value length] or [key, value length, count]
 *                  in the order of the values; a count is a number its writer keeps with
 *                  the value for readers that want it without the value (the index cache:
 *                  the file's articles, see indexCache.ts)
 *   values         back to back
 *   20 bytes       the checksum of everything before it: the SHA-1 of the SHA-1s of its
 *                  4 MB slices, hashed as they are written, and on another thread when
 *                  read (see fileChecksum.ts); the index cache checks its entries' own
 *                  checksums instead, when read
 *
 * The header says where every value is, so a reader can leave the values on disk and read
 * one when it is asked for: at 100k articles the values take a few hundred megabytes.
 *
 * A file whose checksum, magic, format, identity or framing is off is rejected whole, with
 * the reason: a truncated file, a file written by another version of the code, or random
 * bytes.
 */
import { createHash } from 'crypto';
import { ReadAt, readUpTo } from '../files';
import type { Place } from '../scratchFile';

/** Raise when the layout above changes. */
export const CACHE_FORMAT = 4;
const MAGIC = Buffer.from('SEEDINDEX\n', 'latin1');
const CHECKSUM_BYTES = 20;
/** The file is checksummed by slices of this many bytes, and written in pieces of about as many, with a turn for other work in between. */
export const SLICE_BYTES = 4 << 20;

/** An entry of the header: key, value length and the count kept with the value, if any. */
export type EntryLine = [string, number] | [string, number, number];

interface Header {
  format: number;
  identity: string;
  entries: EntryLine[];
}

export type CheckedCacheFile = { ok: true; entries: Map<string, Place>; counts: Map<string, number> } | { ok: false; reason: string };

export type ReadCacheFile = { ok: true; values: [string, Buffer][] } | { ok: false; reason: string };

/** Where a cache file's parts are, as read from its start: its header (if it parses) and where the values begin and end. */
type Layout = { header: Partial<Header> | undefined; at: number; end: number };

/**
 * The values of a cache file of `size` bytes made with `identity`, each read whole through
 * `readValues`, given their keys and places (so that their bytes can be read on other
 * threads, see readPlacesInBackground),
 * once the whole file is checked; or why the file is not to be trusted. `checksumOf` gives
 * the checksum of the file's first `length` bytes (see fileChecksum.ts), while the values
 * are read.
 */
export async function readCacheFile(
  readAt: ReadAt,
  size: number,
  identity: string,
  readValues: (entries: [string, Place][]) => Promise<Buffer[]>,
  checksumOf: (length: number) => Promise<Buffer>,
): Promise<ReadCacheFile> {
  const layout = layoutOf(readAt, size);
  if ('reason' in layout) return layout;
  const checked = entriesOf(layout, identity);
  const entries = checked.ok ? [...checked.entries] : [];
  // Both settled before either is taken: the caller may close the file once this returns.
  const [reading, checking] = await Promise.allSettled([
    readValues(entries).then((values) => values.map((value, i): [string, Buffer] => [entries[i][0], value])),
    checksumOf(layout.end),
  ]);
  if (reading.status === 'rejected') throw reading.reason;
  if (checking.status === 'rejected') throw checking.reason;
  // A header that does not describe the values may be damaged: damage is reported before
  // the header's faults, which it may have caused.
  if (!checking.value.equals(readUpTo(readAt, CHECKSUM_BYTES, layout.end))) return { ok: false, reason: 'checksum mismatch: the file is damaged or truncated' };
  return checked.ok ? { ok: true, values: reading.value } : checked;
}

/**
 * readCacheFile without the checksum: reads the header only. For files whose values carry
 * checksums of their own, checked when read (see indexCache.ts).
 */
export function checkCacheFileFraming(readAt: ReadAt, size: number, identity: string): CheckedCacheFile {
  const layout = layoutOf(readAt, size);
  return 'reason' in layout ? layout : entriesOf(layout, identity);
}

function layoutOf(readAt: ReadAt, size: number): Layout | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  const start = readUpTo(readAt, MAGIC.length + 4, 0);
  if (size < MAGIC.length + 4 + CHECKSUM_BYTES || start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
    return fail('not an index cache file');
  }
  const end = size - CHECKSUM_BYTES;
  const headerLength = start.readUInt32LE(MAGIC.length);
  const at = MAGIC.length + 4;
  const header = at + headerLength <= end ? parsedHeader(readUpTo(readAt, headerLength, at)) : undefined;
  // The format before the checksum: a file of another format has another checksum too, and is no damaged file.
  if (header && header.format !== CACHE_FORMAT) return fail(`format ${String(header.format)}, expected ${CACHE_FORMAT}`);
  return { header, at: at + headerLength, end };
}

function entriesOf({ header, at, end }: Layout, identity: string): CheckedCacheFile {
  const fail = (reason: string): CheckedCacheFile => ({ ok: false, reason });
  if (at > end) return fail('header runs past the end of the file');
  if (!header) return fail('header is not valid JSON');
  if (header.identity !== identity) return fail('made by another version of Seed Curator');
  if (!Array.isArray(header.entries)) return fail('header has no entry list');

  const entries = new Map<string, Place>();
  const counts = new Map<string, number>();
  const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
  for (const entry of header.entries as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isCount(entry[1]) || !(entry.length === 2 || (entry.length === 3 && isCount(entry[2])))) {
      return fail('header lists an entry it cannot describe');
    }
    const [key, length, count] = entry as EntryLine;
    if (at + length > end) return fail('entries run past the end of the file');
    if (entries.has(key)) return fail(`entry ${key} is listed twice`);
    entries.set(key, { offset: at, length });
    if (count !== undefined) counts.set(key, count);
    at += length;
  }
  if (at !== end) return fail('bytes left over after the last entry');
  return { ok: true, entries, counts };
}

function parsedHeader(bytes: Buffer): Partial<Header> | undefined {
  try {
    const header: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof header === 'object' && header !== null ? (header as Partial<Header>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file piece by piece through `write`: the header for `entries` (keys, value
 * lengths and counts, in order) first, then each value given to `add` in that order, then the
 * checksum. Says where each value is, for reading the file back without checking it again.
 */
export class CacheFileWriter {
  private readonly checksum = new SlicedChecksum();
  private pieces: Buffer[] = [];
  private piecesBytes = 0;
  private at: number;
  private next = 0;
  readonly places = new Map<string, Place>();

  constructor(
    identity: string,
    private readonly entries: readonly EntryLine[],
    private readonly write: (pieces: Buffer[]) => Promise<void>,
  ) {
    const header: Header = { format: CACHE_FORMAT, identity, entries: [...entries] };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32LE(headerBytes.length, 0);
    for (const piece of [MAGIC, headerLength, headerBytes]) this.push(piece);
    this.at = this.piecesBytes;
  }

  private push(piece: Buffer): void {
    this.checksum.update(piece);
    this.pieces.push(piece);
    this.piecesBytes += piece.length;
  }

  /** The next value, which must have the length the header gives it. */
  async add(value: Uint8Array): Promise<void> {
    const [key, length] = this.entries[this.next++] ?? [];
    if (key === undefined || value.length !== length) throw new Error('a cache entry does not match the header');
    this.places.set(key, { offset: this.at, length });
    this.at += length;
    // A large value (a table of the duplicate index) is checksummed and written a slice at a time, as the rest.
    for (let at = 0; at === 0 || at < value.byteLength; at += SLICE_BYTES) {
      this.push(Buffer.from(value.buffer, value.byteOffset + at, Math.min(SLICE_BYTES, value.byteLength - at)));
      if (this.piecesBytes >= SLICE_BYTES) await this.flush();
    }
  }

  /** Writes the checksum after the last value; returns the file's size. */
  async finish(): Promise<number> {
    if (this.next !== this.entries.length) throw new Error('a cache entry is missing');
    const checksum = this.checksum.digest();
    this.pieces.push(checksum);
    await this.flush();
    return this.at + checksum.length;
  }

  private async flush(): Promise<void> {
    const pieces = this.pieces;
    this.pieces = [];
    this.piecesBytes = 0;
    await this.write(pieces);
  }
}

/** The checksum of the layout above, of bytes given in pieces of any size. */
export class SlicedChecksum {
  /** The hash of the slices' hashes, the hash of the slice being filled, and how full it is. */
  private readonly slices = createHash('sha1');
  private slice = createHash('sha1');
  private sliceBytes = 0;

  update(piece: Uint8Array): void {
    for (let at = 0; at < piece.length; ) {
      const taken = Math.min(SLICE_BYTES - this.sliceBytes, piece.length - at);
      this.slice.update(piece.subarray(at, at + taken));
      at += taken;
      this.sliceBytes += taken;
      if (this.sliceBytes === SLICE_BYTES) this.endSlice();
    }
  }

  digest(): Buffer {
    if (this.sliceBytes > 0) this.endSlice();
    return this.slices.digest();
  }

  private endSlice(): void {
    this.slices.update(this.slice.digest());
    this.slice = createHash('sha1');
    this.sliceBytes = 0;
  }
}

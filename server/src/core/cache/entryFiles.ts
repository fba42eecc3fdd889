/**
 * Files of index cache entries, read one entry at a time: the cache file as last checked or
 * written, kept open, and spill files, where entries made since the last save go once
 * there are too many to hold in memory (a first scan of 100k articles makes a few hundred
 * megabytes of them).
 */
import { closeSync } from 'fs';
import { readUpTo, readerOf } from '../files';
import { Place, ScratchFile, readPlace } from '../scratchFile';

export abstract class EntryFile {
  abstract readonly places: Map<string, Place>;
  /** Throws when the file ends before `place`. */
  abstract readAt(place: Place): Buffer;
  abstract close(): void;

  /** The bytes of an entry, or undefined when the file has none with this hash; throws when the file ends before it. */
  read(hash: string): Buffer | undefined {
    const place = this.places.get(hash);
    return place && this.readAt(place);
  }
}

/**
 * A scan asks for the entries mostly in the order they were written (the order of the
 * walk): one read takes this many bytes from an entry on, and the entries after it in them
 * are served from memory. One read for each of 40k entries of a few kilobytes, at 100k
 * articles, cost most of a warm scan's reading.
 */
const READ_AHEAD_BYTES = 1 << 20;

export class OpenEntryFile extends EntryFile {
  /** The bytes read last, from `offset` on. */
  private readAhead: { offset: number; bytes: Buffer } | undefined;

  constructor(
    /** Open for reading: a later rename of another file over its path does not change what it reads. */
    private readonly fd: number,
    readonly places: Map<string, Place>,
  ) {
    super();
  }

  readAt(place: Place): Buffer {
    const ahead = this.readAhead;
    const from = ahead ? place.offset - ahead.offset : -1;
    if (ahead && from >= 0 && from + place.length <= ahead.bytes.length) return ahead.bytes.subarray(from, from + place.length);
    if (place.length >= READ_AHEAD_BYTES) return readPlace(this.fd, place);
    const bytes = readUpTo(readerOf(this.fd), READ_AHEAD_BYTES, place.offset);
    if (bytes.length < place.length) throw new Error('the file ends before it');
    this.readAhead = { offset: place.offset, bytes };
    return bytes.subarray(0, place.length);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class SpillFile extends EntryFile {
  private readonly scratch = ScratchFile.create('cache');
  readonly places = new Map<string, Place>();

  append(hash: string, bytes: Uint8Array): void {
    this.places.set(hash, this.scratch.append(bytes));
  }

  readAt(place: Place): Buffer {
    return this.scratch.read(place);
  }

  close(): void {
    this.scratch.close();
  }
}

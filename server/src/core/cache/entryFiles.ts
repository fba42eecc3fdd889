/**
 * Files of index cache entries, read one entry at a time: the cache file as last checked or
 * written, kept open, and spill files, where entries made since the last save go once
 * there are too many to hold in memory (a first scan of 100k articles makes a few hundred
 * megabytes of them).
 */
import { closeSync } from 'fs';
import { readInto, readerOf } from '../files';
import { Place, ScratchFile, readPlace } from '../scratchFile';

export abstract class EntryFile {
  abstract readonly places: Map<string, Place>;
  /** The bytes at `place`, to keep (a save writes them out later). Throws when the file ends before `place`. */
  abstract readAt(place: Place): Buffer;
  abstract close(): void;

  /**
   * The bytes of an entry, or undefined when the file has none with this hash, for a caller
   * that decodes them at once: the next read may write over them. Throws when the file ends
   * before the entry.
   */
  readToDecode(hash: string): Buffer | undefined {
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
  /** For readAt: a buffer of its own for each read ahead, as the entries given out are kept. */
  private readonly toKeep: ReadAhead;
  /**
   * For readToDecode: one buffer, read into again and again. A warm start reads the whole
   * file (350 MB at 100k articles) to decode its entries' heads; with a fresh megabyte for
   * each read, the memory cost the server thread ten times what the reads did (page faults).
   */
  private readonly toDecode: ReadAhead;

  constructor(
    /** Open for reading: a later rename of another file over its path does not change what it reads. */
    private readonly fd: number,
    readonly places: Map<string, Place>,
  ) {
    super();
    this.toKeep = new ReadAhead(fd, false);
    this.toDecode = new ReadAhead(fd, true);
  }

  readAt(place: Place): Buffer {
    return this.toKeep.bytesAt(place);
  }

  override readToDecode(hash: string): Buffer | undefined {
    const place = this.places.get(hash);
    return place && this.toDecode.bytesAt(place);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The bytes read last from a file, from `offset` on; the next read goes into a new buffer, or with `reuse` into the same one. */
class ReadAhead {
  private bytes: Buffer | undefined;
  private offset = 0;
  private length = 0;

  constructor(
    private readonly fd: number,
    private readonly reuse: boolean,
  ) {}

  bytesAt(place: Place): Buffer {
    const from = place.offset - this.offset;
    if (this.bytes && from >= 0 && from + place.length <= this.length) return this.bytes.subarray(from, from + place.length);
    if (place.length >= READ_AHEAD_BYTES) return readPlace(this.fd, place);
    const bytes = this.reuse && this.bytes ? this.bytes : Buffer.allocUnsafe(READ_AHEAD_BYTES);
    // Nothing is served from the buffer until the read is done: a read that fails may have written over part of it.
    this.length = 0;
    this.bytes = bytes;
    this.offset = place.offset;
    this.length = readInto(readerOf(this.fd), bytes, place.offset);
    if (this.length < place.length) throw new Error('the file ends before it');
    return bytes.subarray(0, place.length);
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

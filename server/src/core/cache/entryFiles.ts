/**
 * Files of index cache entries, read one entry at a time: the cache file as last checked or
 * written, kept open, and spill files, where entries made since the last save go once
 * there are too many to hold in memory (a first scan of 100k articles makes a few hundred
 * megabytes of them).
 */
import { closeSync } from 'fs';
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

export class OpenEntryFile extends EntryFile {
  constructor(
    /** Open for reading: a later rename of another file over its path does not change what it reads. */
    private readonly fd: number,
    readonly places: Map<string, Place>,
  ) {
    super();
  }

  readAt(place: Place): Buffer {
    return readPlace(this.fd, place);
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

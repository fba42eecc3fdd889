/**
 * A temporary file of this process, written by appending and read back by place: for data
 * a large workspace makes too much of to hold in memory all along (file texts, index cache
 * entries waiting for a save), yet wants back now and then. Unlike memory, what it holds
 * leaves the process's resident set; the system keeps it in its file cache while it can.
 *
 * Threads of the process may append to the same file (see share and attach): each reserves
 * its bytes with an atomic add on a shared end, then writes them there, so the index workers
 * keep the texts they read without passing them through the server's thread.
 */
import { closeSync, fstatSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readUpTo, readUpToInBackground, readerOf } from './files';

/** Where some bytes are in a file. */
export interface Place {
  offset: number;
  length: number;
}

/** Exactly the bytes at `place` of the open file `fd`; throws when the file ends before them. */
export function readPlace(fd: number, place: Place): Buffer {
  return whole(readUpTo(readerOf(fd), place.length, place.offset), place);
}

/**
 * readPlace of each place on libuv's threads: this thread does not copy the bytes. The
 * memory for all of them is taken before any is read: taking it for one while those
 * threads wrote into another's held this thread up, as the kernel lets one of the two go
 * on at a time. Reading the 44 parts (220 MB) of a 100k workspace's snapshots, this thread
 * was held 270-420 ms; 15-37 ms with the memory taken first. A place with `room` is read
 * into memory of its own (not a pool's) that many bytes larger, past the end of the
 * Buffer returned, where the system gives pages only once they are written to.
 */
export function readPlacesInBackground(fd: number, places: readonly (Place & { room?: number })[]): Promise<Buffer[]> {
  const memory = places.map((place) => (place.room ? Buffer.allocUnsafeSlow(place.length + place.room) : Buffer.allocUnsafe(place.length)));
  return Promise.all(places.map(async (place, i) => whole(await readUpToInBackground(fd, place.length, place.offset, memory[i]), place)));
}

function whole(bytes: Buffer, place: Place): Buffer {
  if (bytes.length < place.length) throw new Error('the file ends before it');
  return bytes;
}

let created = 0;

/** Scratch files that keep their name while open (Windows): closed and removed when the process exits. */
const named = new Set<ScratchFile>();
let closesOnExit = false;

/** What another thread needs to append to a scratch file (see ScratchFile.attach). */
export interface SharedScratch {
  fd: number;
  /** One 64-bit integer: the end of what has been reserved. */
  end: SharedArrayBuffer;
}

export class ScratchFile {
  private readonly end: BigInt64Array;

  private constructor(
    private readonly fd: number,
    /** Undefined once removed from its folder (where the system lets an open file go without a name). */
    private path: string | undefined,
    end = new SharedArrayBuffer(8),
  ) {
    this.end = new BigInt64Array(end);
  }

  /** For another thread of this process to append to this file. */
  share(): SharedScratch {
    return { fd: this.fd, end: this.end.buffer as SharedArrayBuffer };
  }

  /** The file another thread shared, to append to; it stays that thread's to close. */
  static attach(shared: SharedScratch): ScratchFile {
    return new ScratchFile(shared.fd, undefined, shared.end);
  }

  /** Where `length` bytes are written: after every reservation before it, in any thread. */
  private reserve(length: number): Place {
    return { offset: Number(Atomics.add(this.end, 0, BigInt(length))), length };
  }

  /** Throws when the temporary folder cannot take a file. */
  static create(purpose: string): ScratchFile {
    const file = path.join(os.tmpdir(), `seed-curator-${purpose}-${process.pid}-${++created}.tmp`);
    const fd = openSync(file, 'w+', 0o600);
    try {
      // Nameless, it goes with the process however the process ends.
      unlinkSync(file);
      return new ScratchFile(fd, undefined);
    } catch {
      // Windows keeps an open file's name: it is removed on close, or when the process exits.
      const scratch = new ScratchFile(fd, file);
      named.add(scratch);
      if (!closesOnExit) process.once('exit', () => named.forEach((each) => each.close()));
      closesOnExit = true;
      return scratch;
    }
  }

  /**
   * The file `file`, kept when closed, appended to after what it holds; made if absent, and
   * emptied with `fresh`. For texts kept between sessions (see keptTexts.ts).
   */
  static openKept(file: string, { fresh = false } = {}): ScratchFile {
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(file, fresh ? 'w+' : 'r+', 0o600);
    const scratch = new ScratchFile(fd, undefined);
    scratch.end[0] = BigInt(fstatSync(fd).size);
    return scratch;
  }

  /** Throws when the disk is full. */
  append(bytes: Uint8Array): Place {
    const place = this.reserve(bytes.length);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, place.offset + written);
    return place;
  }

  /** `text` as UTF-8, without making a buffer of it first. Throws when the disk is full. */
  appendText(text: string): Place {
    const place = this.reserve(Buffer.byteLength(text, 'utf8'));
    if (writeSync(this.fd, text, place.offset, 'utf8') !== place.length) throw new Error('the scratch file took only part of a text');
    return place;
  }

  read(place: Place): Buffer {
    return readPlace(this.fd, place);
  }

  close(): void {
    closeSync(this.fd);
    if (this.path !== undefined) rmSync(this.path, { force: true });
    this.path = undefined;
    named.delete(this);
  }
}

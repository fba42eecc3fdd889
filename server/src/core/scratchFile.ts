/**
 * A temporary file of this process, written by appending and read back by place: for data
 * a large workspace makes too much of to hold in memory all along (file texts, index cache
 * entries waiting for a save), yet wants back now and then. Unlike memory, what it holds
 * leaves the process's resident set; the system keeps it in its file cache while it can.
 */
import { closeSync, openSync, rmSync, unlinkSync, writeSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readUpTo, readerOf } from './files';

/** Where some bytes are in a file. */
export interface Place {
  offset: number;
  length: number;
}

/** Exactly the bytes at `place` of the open file `fd`; throws when the file ends before them. */
export function readPlace(fd: number, place: Place): Buffer {
  const bytes = readUpTo(readerOf(fd), place.length, place.offset);
  if (bytes.length < place.length) throw new Error('the file ends before it');
  return bytes;
}

let created = 0;

/** Scratch files that keep their name while open (Windows): closed and removed when the process exits. */
const named = new Set<ScratchFile>();
let closesOnExit = false;

export class ScratchFile {
  private size = 0;

  private constructor(
    private readonly fd: number,
    /** Undefined once removed from its folder (where the system lets an open file go without a name). */
    private path: string | undefined,
  ) {}

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

  /** Throws when the disk is full. */
  append(bytes: Uint8Array): Place {
    const place = { offset: this.size, length: bytes.length };
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    this.size += bytes.length;
    return place;
  }

  /** `text` as UTF-8, without making a buffer of it first. Throws when the disk is full. */
  appendText(text: string): Place {
    const place = { offset: this.size, length: Buffer.byteLength(text, 'utf8') };
    if (writeSync(this.fd, text, this.size, 'utf8') !== place.length) throw new Error('the scratch file took only part of a text');
    this.size += place.length;
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

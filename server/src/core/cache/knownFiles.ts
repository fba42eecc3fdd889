/**
 * The files a scan read, as they were when it read them: their stamp (see FileStamp), the
 * hash of their content and where their text was kept (the texts file, see keptTexts.ts).
 * A later scan that finds a file with the same stamp takes its text and index from there
 * and does not read it: at a warm start of 100k articles, opening, reading, decoding and
 * hashing 40k files was most of the work besides the server thread's.
 *
 * Git's "racy clean" rule: a stamp taken within a moment of the file's last change is not
 * trusted, as a write right after the read, within the file system's timestamp resolution,
 * leaves the times as they were.
 */
import { FileStamp, sameStamp } from '../files';
import { joinedList, listFromJoined } from '../text';
import type { Place } from '../scratchFile';

/** Stamps taken less than this long after the file last changed are not trusted (see above). */
export const RACY_MS = 3000;

/** A file as a scan read it. */
export interface KnownFile {
  /** Its absolute path. */
  path: string;
  stamp: FileStamp;
  /** When the stamp was taken (Date.now()). */
  readAtMs: number;
  hash: string;
  /** Where its text is in the texts file (exactly the file's bytes), and its length in characters. */
  stored: Place;
  length: number;
}

/**
 * KnownFiles as plain data, for another thread or a snapshot: paths and hashes each as one
 * string (see joinedList), and the numbers of each file in a row of NUMBERS. 80k strings of
 * their own took ten times as long to read back from a snapshot, and 35-50 ms more to send
 * to the index worker.
 */
export interface KnownFilesColumns {
  paths: string;
  hashes: string;
  numbers: Float64Array;
}

const NUMBERS = 8;

export class KnownFiles {
  private byPath: Map<string, number> | undefined;
  private readonly paths: string[];
  private readonly hashes: string[];

  /** Throws when the columns do not describe the same files. */
  constructor(
    readonly columns: KnownFilesColumns,
    readonly racyMs = RACY_MS,
  ) {
    this.paths = listFromJoined(columns.paths);
    this.hashes = listFromJoined(columns.hashes);
    if (this.hashes.length !== this.paths.length || columns.numbers.length !== this.paths.length * NUMBERS) {
      throw new Error('the known files do not line up');
    }
  }

  static of(files: readonly KnownFile[], racyMs?: number): KnownFiles {
    const numbers = new Float64Array(files.length * NUMBERS);
    files.forEach(({ stamp, readAtMs, stored, length }, i) => {
      numbers.set([stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, readAtMs, stored.offset, stored.length, length], i * NUMBERS);
    });
    return new KnownFiles({ paths: joinedList(files.map((file) => file.path)), hashes: joinedList(files.map((file) => file.hash)), numbers }, racyMs);
  }

  get size(): number {
    return this.paths.length;
  }

  /** Where the file at `path` is in the list (see `at`), if it is there. */
  find(path: string): number | undefined {
    this.byPath ??= new Map(this.paths.map((known, i) => [known, i]));
    return this.byPath.get(path);
  }

  /** Whether `known` (one of these files) is unchanged since it was read: its stamp now, `stamp`, is the one it had then, and that one can be trusted. */
  unchanged(known: KnownFile, stamp: FileStamp): boolean {
    const changedAt = Math.max(known.stamp.mtimeMs, known.stamp.ctimeMs);
    return sameStamp(known.stamp, stamp) && known.readAtMs - changedAt >= this.racyMs;
  }

  *files(): IterableIterator<KnownFile> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  /** The end of the last text, and the bytes the texts take (each file's text is its own: a scan keeps every text it reads). */
  extent(): { end: number; bytes: number } {
    const { numbers } = this.columns;
    let end = 0;
    let bytes = 0;
    for (let at = 0; at < numbers.length; at += NUMBERS) {
      end = Math.max(end, numbers[at + 5] + numbers[at + 6]);
      bytes += numbers[at + 6];
    }
    return { end, bytes };
  }

  equals(other: KnownFiles): boolean {
    const [a, b] = [this.columns, other.columns];
    return a.paths === b.paths && a.hashes === b.hashes && a.numbers.length === b.numbers.length && a.numbers.every((n, i) => n === b.numbers[i]);
  }

  at(i: number): KnownFile {
    // Read in place: a view of each row made 40k rows cost 27-31 ms instead of 17-25 (a loop measured alone).
    const n = this.columns.numbers;
    const at = i * NUMBERS;
    return {
      path: this.paths[i],
      stamp: { size: n[at], mtimeMs: n[at + 1], ctimeMs: n[at + 2], ino: n[at + 3] },
      readAtMs: n[at + 4],
      hash: this.hashes[i],
      stored: { offset: n[at + 5], length: n[at + 6] },
      length: n[at + 7],
    };
  }
}

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
import { constants } from 'buffer';
import { Stats, statSync } from 'fs';
import { FileStamp, sameStamp, stampOf } from '../files';
import { joinedList, listFromJoined, positionsOf } from '../text';
import type { Place } from '../scratchFile';
import { StampsAhead } from './stampsAhead';

/** Stamps taken less than this long after the file last changed are not trusted (see above). */
export const RACY_MS = 3000;

/** A file as a scan read it. */
export interface KnownFile {
  /** Its absolute path. */
  readonly path: string;
  readonly stamp: FileStamp;
  /** When the stamp was taken (Date.now()). */
  readonly readAtMs: number;
  readonly hash: string;
  /** Where its text is in the texts file (exactly the file's bytes), and its length in characters. */
  readonly stored: Place;
  readonly length: number;
}

/**
 * KnownFiles as plain data, for a snapshot: paths and hashes each as one string (see
 * joinedList), and the numbers of each file in a row of NUMBERS. 80k strings of their own
 * took ten times as long to read back.
 */
export interface KnownFilesColumns {
  paths: string;
  hashes: string;
  numbers: Float64Array;
}

const NUMBERS = 8;
/**
 * Fewer files are looked at in the scan's thread: a thread of their own costs this one 1-5 ms
 * to start, about what a thousand stats cost it.
 */
const MIN_FILES_LOOKED_AT_AHEAD = 1000;
/** Where a row holds the length of the file's text, in characters. */
const LENGTH = 7;

export class KnownFiles {
  private byPath: Map<string, number> | undefined;
  /** The row after the one `find` found last. */
  private nextRow = 0;
  private readonly paths: string[];
  private readonly hashes: string[];
  private ahead: StampsAhead | undefined;

  /** Throws when the columns do not describe the same files. */
  constructor(
    readonly columns: KnownFilesColumns,
    private readonly racyMs = RACY_MS,
  ) {
    this.paths = listFromJoined(columns.paths);
    this.hashes = listFromJoined(columns.hashes);
    if (this.hashes.length !== this.paths.length || columns.numbers.length !== this.paths.length * NUMBERS) {
      throw new Error('the known files do not line up');
    }
    for (let at = LENGTH; at < columns.numbers.length; at += NUMBERS) {
      const length = columns.numbers[at];
      if (!(Number.isInteger(length) && length >= 0 && length <= constants.MAX_STRING_LENGTH)) throw new Error('a known file has no length a text can have');
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
    // A scan walks the files in the order the last one saved them: the path after the last
    // one found is compared first. At a warm start of 40k files, the map of every path (made
    // from strings not hashed yet) and the hashing of each path walked took 90 ms.
    if (this.paths[this.nextRow] === path) return this.nextRow++;
    this.byPath ??= positionsOf(this.paths);
    const row = this.byPath.get(path);
    if (row !== undefined) this.nextRow = row + 1;
    return row;
  }

  /** Whether `known` (one of these files) is unchanged since it was read: its stamp now, `stamp`, is the one it had then, and that one can be trusted. */
  unchanged(known: KnownFile, stamp: FileStamp): boolean {
    const changedAt = Math.max(known.stamp.mtimeMs, known.stamp.ctimeMs);
    return sameStamp(known.stamp, stamp) && known.readAtMs - changedAt >= this.racyMs;
  }

  /**
   * Starts taking the files' stamps on a thread of their own (see StampsAhead), which
   * unchangedOnDisk then uses. For a scan to call once the editor watches the files, as
   * for its own stamps: a file changed after its stamp was taken and before the watching
   * began would be taken as unchanged until it changes again. Settles when the thread has ended.
   */
  lookAhead(): Promise<void> {
    if (!this.ahead && this.size >= MIN_FILES_LOOKED_AT_AHEAD) {
      try {
        this.ahead = new StampsAhead(this.columns.paths, this.size);
      } catch {
        // No thread: the stamps are taken here, as they always can be.
      }
    }
    return this.ahead?.ended ?? Promise.resolve();
  }

  /** Stops the thread lookAhead started, if it has not ended, and forgets its stamps: a later scan takes its own. */
  stopLookingAhead(): void {
    this.ahead?.stop();
    this.ahead = undefined;
  }

  /**
   * Whether the file in row `row` is unchanged since it was read (see `unchanged`), by its
   * stamp now, or as lookAhead's thread took it.
   */
  unchangedOnDisk(row: number): boolean {
    const stampAhead = this.ahead?.stampAt(row);
    if (stampAhead) return this.unchanged(this.at(row), stampAhead);
    let status: Stats | undefined;
    try {
      status = statSync(this.paths[row], { throwIfNoEntry: false });
    } catch {
      // Whatever keeps it from being looked at is said when it is read.
      return false;
    }
    return status?.isFile() === true && this.unchanged(this.at(row), stampOf(status));
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

  /** The file in row `i` (see KnownRow). */
  at(i: number): KnownFile {
    return new KnownRow(this, i);
  }

  pathAt(i: number): string {
    return this.paths[i];
  }

  hashAt(i: number): string {
    return this.hashes[i];
  }
}

/**
 * A file of KnownFiles, read from its row of the columns when asked. A warm start keeps one
 * for each file it does not read (40k at 100k articles): as plain objects with their stamp
 * and place, those were 11 objects a file for the collector (its eight numbers each boxed),
 * 440k of the 1.6M objects in the server's heap when it was ready.
 */
class KnownRow implements KnownFile {
  constructor(
    private readonly files: KnownFiles,
    private readonly row: number,
  ) {}

  get path(): string {
    return this.files.pathAt(this.row);
  }

  get hash(): string {
    return this.files.hashAt(this.row);
  }

  get stamp(): FileStamp {
    return { size: this.number(0), mtimeMs: this.number(1), ctimeMs: this.number(2), ino: this.number(3) };
  }

  get readAtMs(): number {
    return this.number(4);
  }

  get stored(): Place {
    return { offset: this.number(5), length: this.number(6) };
  }

  /**
   * A small integer (checked when the columns were read: see KnownFiles), as a number read
   * from the Float64Array would not be: kept by each of 40k files' texts and lines at a warm
   * start, it was a heap number each time.
   */
  get length(): number {
    return this.number(LENGTH) | 0;
  }

  /** Field `field` of the row, in the order KnownFiles.of writes them. */
  private number(field: number): number {
    return this.files.columns.numbers[this.row * NUMBERS + field];
  }
}

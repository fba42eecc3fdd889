/**
 * The stamps (see FileStamp) of a list of files, taken on a thread of its own while a scan
 * goes through the same files: at a warm start of 100k articles the server thread's own
 * `stat` of each of the 40k known files took 0.36-0.43 s of its 0.9-1.0 s scan (about 6 µs
 * a call on this VM) while the other core was mostly idle. The thread, which only looks,
 * goes through the list faster than the scan, which does more for each file; a stamp it has
 * not taken yet (or for a file it could not look at) is for the caller to take itself.
 */
import { Worker } from 'worker_threads';
import type { FileStamp } from '../files';
import { LIST_SEPARATOR } from '../text';

/** Numbers a stamp takes in the shared array: size, mtimeMs, ctimeMs, ino, as the thread writes them. */
const FIELDS = 4;

/**
 * Plain JavaScript, run as it is (eval), as the checksum thread (see fileChecksum.ts): for
 * each path, its stamp in FIELDS numbers of `stamps` (NaN when it is not a regular file or
 * could not be looked at), then the count of paths looked at in `taken`.
 */
const STAMPS_THREAD = `
const { workerData } = require('worker_threads');
const { statSync } = require('fs');
const { paths, separator, stamps, taken } = workerData;
const list = paths.split(separator);
for (let row = 0; row < list.length; row++) {
  let status;
  try {
    status = statSync(list[row], { throwIfNoEntry: false });
  } catch {}
  const at = row * ${FIELDS};
  if (status && status.isFile()) {
    stamps[at] = status.size;
    stamps[at + 1] = status.mtimeMs;
    stamps[at + 2] = status.ctimeMs;
    stamps[at + 3] = status.ino;
  } else stamps[at] = NaN;
  Atomics.store(taken, 0, row + 1);
}
`;

export class StampsAhead {
  /** Settles when the thread has ended: all stamps taken, stopped, or failed. */
  readonly ended: Promise<void>;
  private readonly thread: Worker;
  private readonly stamps: Float64Array;
  private readonly taken: Int32Array;

  /** Starts taking the stamps of `paths` (a joinedList of `count` absolute paths); throws when no thread can start. */
  constructor(paths: string, count: number) {
    this.stamps = new Float64Array(new SharedArrayBuffer(count * FIELDS * Float64Array.BYTES_PER_ELEMENT));
    this.taken = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    // No node options of the server's own (a profiler, a TypeScript loader): this code needs none.
    this.thread = new Worker(STAMPS_THREAD, { eval: true, execArgv: [], workerData: { paths, separator: LIST_SEPARATOR, stamps: this.stamps, taken: this.taken } });
    // It must not keep a process from ending; a thread that fails leaves its stamps to the caller.
    this.thread.unref();
    this.ended = new Promise((resolve) => {
      this.thread.once('exit', () => resolve());
      this.thread.on('error', () => resolve());
    });
  }

  /** The stamp of the file in row `row`, if the thread has taken it and the file is a regular file. */
  stampAt(row: number): FileStamp | undefined {
    if (row >= Atomics.load(this.taken, 0)) return undefined;
    const at = row * FIELDS;
    const size = this.stamps[at];
    if (Number.isNaN(size)) return undefined;
    return { size, mtimeMs: this.stamps[at + 1], ctimeMs: this.stamps[at + 2], ino: this.stamps[at + 3] };
  }

  stop(): void {
    void this.thread.terminate();
  }
}

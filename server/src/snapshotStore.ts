/**
 * A value a feature keeps in the storage folder between sessions (see
 * core/cache/snapshotFile.ts), tied to the server's code, with the log lines that say what
 * became of it: read, saved, or not used and why (then the feature works it out again).
 */
import * as path from 'path';
import { NO_SNAPSHOT, readSnapshot, writeSnapshot } from './core/cache/snapshotFile';
import type { Log } from './context';
import { errorMessage } from './core/errors';

/** After the last change, what is kept between sessions (index cache, duplicate index, organisations memory) is saved again after this delay. */
export const SAVE_AFTER_CHANGES_MS = 60_000;

/** One save waiting to run; scheduling another replaces it. A waiting save never keeps the server alive. */
export class SaveTimer {
  private timer: NodeJS.Timeout | undefined;

  schedule(delayMs: number, save: () => Promise<void>): void {
    this.cancel();
    this.timer = setTimeout(() => void save(), delayMs);
    this.timer.unref();
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}

export class SnapshotStore {
  private readonly saveTimer = new SaveTimer();

  /**
   * `name` says what is kept ("Organisations memory"), `fallback` what the feature does
   * without it ("recognising every file").
   */
  constructor(
    private readonly storage: { folder: string; identity: string },
    private readonly log: Log,
    private readonly fileName: string,
    private readonly name: string,
    private readonly fallback: string,
  ) {}

  get file(): string {
    return path.join(this.storage.folder, this.fileName);
  }

  private get identity(): string {
    return `${this.storage.identity} ${this.fileName}`;
  }

  /** The value made by the same code, if there is one to trust; `describe` says what was read. */
  async load<T>(fromParts: (parts: IterableIterator<unknown>) => Promise<T>, describe: (value: T) => string): Promise<T | undefined> {
    const started = Date.now();
    const read = await readSnapshot(this.file, this.identity);
    if (!read.ok) return read.reason === NO_SNAPSHOT ? undefined : this.ignored(read.reason);
    let value: T;
    try {
      value = await fromParts(read.parts);
    } catch (error) {
      return this.ignored(String(error));
    }
    this.log.info(`${this.name}: ${describe(value)} read from ${this.file} in ${Date.now() - started} ms.`);
    return value;
  }

  /** Says why the file on disk is not used. */
  ignored(reason: string): undefined {
    this.log.warn(`${this.name} ${this.file} ignored (${reason}); ${this.fallback}.`);
    return undefined;
  }

  /** Calls `save` in `delayMs`, unless called again before then (see SaveTimer). */
  saveAfter(delayMs: number, save: () => Promise<void>): void {
    this.saveTimer.schedule(delayMs, save);
  }

  /**
   * Writes the parts `make` gives; `what` says what they hold. Says whether it was written: a
   * failure is logged, not thrown, and the next session works without.
   */
  async save(make: () => Promise<{ parts: Iterable<unknown>; what: string }>): Promise<boolean> {
    const started = Date.now();
    try {
      const { parts, what } = await make();
      const size = await writeSnapshot(this.file, this.identity, parts);
      this.log.info(`${this.name}: saved ${what} (${(size / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms.`);
      return true;
    } catch (error) {
      this.log.warn(`${this.name}: could not save ${this.file} (${errorMessage(error)}).`);
      return false;
    }
  }
}

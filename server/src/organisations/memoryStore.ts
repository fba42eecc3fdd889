/**
 * Keeps what organisation recognition found (see core/organisations/memory.ts) in the
 * extension's storage folder between sessions, so that reopening a workspace recognises
 * only what changed. Tied to the server's code and to the workspace gazetteers in effect:
 * made with others, the memory is not used. The file is read while the workspace is
 * scanned, before the gazetteers are known (they are read from the folders the scan
 * finds), so it names the gazetteers it was made with in a part of its own, checked after.
 */
import * as path from 'path';
import { NO_SNAPSHOT, readSnapshot, writeSnapshot } from '../core/cache/snapshotFile';
import type { OrganisationIndex } from '../core/organisations/index';
import { runInSlices } from '../core/steps';
import { contentHash } from '../core/text';
import { RecognitionMemory, memoryFromParts, memoryParts } from '../core/organisations/memory';
import type { Log } from '../context';

const FILE = 'organisations-memory.bin';

/** A memory read from the file, and the digest of the workspace gazetteers it was made with. */
export interface StoredMemory {
  gazetteers: string;
  memory: RecognitionMemory;
}

export class RecognitionStore {
  constructor(
    private readonly storage: { folder: string; identity: string },
    private readonly log: Log,
  ) {}

  private get file(): string {
    return path.join(this.storage.folder, FILE);
  }

  private get identity(): string {
    return `${this.storage.identity} organisations`;
  }

  /** The memory made by the same code, if there is one to trust; read in slices. */
  async load(): Promise<StoredMemory | undefined> {
    const started = Date.now();
    const read = await readSnapshot(this.file, this.identity);
    if (!read.ok) return read.reason === NO_SNAPSHOT ? undefined : this.ignored(read.reason);
    let stored: StoredMemory;
    try {
      const gazetteers = read.parts.next().value;
      if (typeof gazetteers !== 'string') throw new Error('no gazetteers named');
      stored = { gazetteers, memory: await runInSlices(memoryFromParts(read.parts)) };
    } catch (error) {
      return this.ignored(String(error));
    }
    this.log.info(`Organisations memory: ${stored.memory.files.size} files read from ${this.file} in ${Date.now() - started} ms.`);
    return stored;
  }

  /** Says why the file on disk is not used; every file is then recognised. */
  private ignored(reason: string): undefined {
    this.log.warn(`Organisations memory ${this.file} ignored (${reason}); recognising every file.`);
    return undefined;
  }

  /** The memory when it was made under `gazetteers` (the workspace gazetteers in effect, as text). */
  matching(stored: StoredMemory, gazetteers: string): RecognitionMemory | undefined {
    if (stored.gazetteers === contentHash(gazetteers)) return stored.memory;
    this.log.info('Organisations memory not used: the workspace gazetteers changed since it was made; recognising every file.');
    return undefined;
  }

  /** No update of the index may start until the memory is made (see OrganisationIndex.rememberSteps); it is made in slices. */
  async save(index: OrganisationIndex, gazetteers: string): Promise<void> {
    const started = Date.now();
    try {
      const memory = await runInSlices(index.rememberSteps());
      const size = await writeSnapshot(this.file, this.identity, [contentHash(gazetteers), ...memoryParts(memory)]);
      this.log.info(`Organisations memory: saved ${memory.files.size} files (${(size / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms.`);
    } catch (error) {
      this.log.warn(`Organisations memory: could not save ${this.file} (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
}

/**
 * Keeps what organisation recognition found (see core/organisations/memory.ts) in the
 * extension's storage folder between sessions, so that reopening a workspace recognises
 * only what changed. Tied to the server's code and to the workspace gazetteers in effect:
 * made with others, the memory is not used.
 */
import * as path from 'path';
import { NO_SNAPSHOT, readSnapshot, writeSnapshot } from '../core/cache/snapshotFile';
import type { OrganisationIndex } from '../core/organisations/index';
import { runInSlices } from '../core/steps';
import { contentHash } from '../core/text';
import { RecognitionMemory, memoryFromParts, memoryParts } from '../core/organisations/memory';
import type { Log } from '../context';

const FILE = 'organisations-memory.bin';

export class RecognitionStore {
  constructor(
    private readonly storage: { folder: string; identity: string },
    private readonly log: Log,
  ) {}

  private get file(): string {
    return path.join(this.storage.folder, FILE);
  }

  /** `gazetteers`: the workspace gazetteers in effect, as text. */
  private identity(gazetteers: string): string {
    return `${this.storage.identity} organisations ${contentHash(gazetteers)}`;
  }

  /** The memory made under the same code and gazetteers, if there is one to trust. */
  async load(gazetteers: string): Promise<RecognitionMemory | undefined> {
    const started = Date.now();
    const read = await readSnapshot(this.file, this.identity(gazetteers));
    if (!read.ok) {
      if (read.reason !== NO_SNAPSHOT) this.log.warn(`Organisations memory ${this.file} ignored (${read.reason}); recognising every file.`);
      return undefined;
    }
    let memory: RecognitionMemory;
    try {
      memory = await runInSlices(memoryFromParts(read.parts));
    } catch (error) {
      this.log.warn(`Organisations memory ${this.file} ignored (${String(error)}); recognising every file.`);
      return undefined;
    }
    this.log.info(`Organisations memory: ${memory.files.size} files read from ${this.file} in ${Date.now() - started} ms.`);
    return memory;
  }

  /** No update of the index may start until the memory is made (see OrganisationIndex.rememberSteps); it is made in slices. */
  async save(index: OrganisationIndex, gazetteers: string): Promise<void> {
    const started = Date.now();
    try {
      const memory = await runInSlices(index.rememberSteps());
      const size = await writeSnapshot(this.file, this.identity(gazetteers), memoryParts(memory));
      this.log.info(`Organisations memory: saved ${memory.files.size} files (${(size / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms.`);
    } catch (error) {
      this.log.warn(`Organisations memory: could not save ${this.file} (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
}

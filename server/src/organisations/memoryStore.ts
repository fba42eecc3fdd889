/**
 * Keeps what organisation recognition found (see core/organisations/memory.ts) in the
 * extension's storage folder between sessions, so that reopening a workspace recognises
 * only what changed. Tied to the server's code and to the workspace gazetteers in effect:
 * made with others, the memory is not used. The file is read while the workspace is
 * scanned, before the gazetteers are known (they are read from the folders the scan
 * finds), so it names the gazetteers it was made with in a part of its own, checked after.
 */
import type { OrganisationIndex } from '../core/organisations/index';
import { runInSlices } from '../core/steps';
import { contentHash } from '../core/text';
import { RecognitionMemory, memoryFromParts, memoryParts } from '../core/organisations/memory';
import type { Log } from '../context';
import { SnapshotStore } from '../snapshotStore';

/** A memory read from the file, and the digest of the workspace gazetteers it was made with. */
export interface StoredMemory {
  gazetteers: string;
  memory: RecognitionMemory;
}

export class RecognitionStore {
  private readonly store: SnapshotStore;

  constructor(
    storage: { folder: string; identity: string },
    private readonly log: Log,
  ) {
    this.store = new SnapshotStore(storage, log, 'organisations-memory.bin', 'Organisations memory', 'recognising every file');
  }

  /** The memory made by the same code, if there is one to trust; read in slices. */
  load(): Promise<StoredMemory | undefined> {
    return this.store.load(
      async (parts) => {
        const gazetteers = parts.next().value;
        if (typeof gazetteers !== 'string') throw new Error('no gazetteers named');
        return { gazetteers, memory: await runInSlices(memoryFromParts(parts)) };
      },
      (stored) => `${stored.memory.files.size} files`,
    );
  }

  /** The memory when it was made under `gazetteers` (the workspace gazetteers in effect, as text). */
  matching(stored: StoredMemory, gazetteers: string): RecognitionMemory | undefined {
    if (stored.gazetteers === contentHash(gazetteers)) return stored.memory;
    this.log.info('Organisations memory not used: the workspace gazetteers changed since it was made; recognising every file.');
    return undefined;
  }

  saveAfter(delayMs: number, save: () => Promise<void>): void {
    this.store.saveAfter(delayMs, save);
  }

  /** No update of the index may start until the memory is made (see OrganisationIndex.rememberSteps); it is made in slices. */
  async save(index: OrganisationIndex, gazetteers: string): Promise<void> {
    await this.store.save(async () => {
      const memory = await runInSlices(index.rememberSteps());
      return { parts: savedParts(contentHash(gazetteers), memory), what: `${memory.files.size} files` };
    });
  }
}

/** The hash of the gazetteers the memory was made under, then the memory's parts, made as they are written. */
function* savedParts(gazetteersHash: string, memory: RecognitionMemory): Generator<unknown> {
  yield gazetteersHash;
  yield* memoryParts(memory);
}

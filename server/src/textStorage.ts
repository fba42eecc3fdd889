/**
 * Where the indexer keeps the texts of the files it scans: in the texts file of the storage
 * folder, with what it knows of those files, so that the next session need not read the
 * unchanged ones again (see core/cache/keptTexts.ts and knownFiles.ts); without a storage
 * folder, in a temporary file; failing that, in memory.
 */
import * as path from 'path';
import { KnownFile, KnownFiles } from './core/cache/knownFiles';
import { KeptTexts, openKeptTexts, savedKnownFilesFrom, savedKnownFilesParts } from './core/cache/keptTexts';
import type { ScratchFile } from './core/scratchFile';
import { scratchForTexts } from './core/storedText';
import { errorMessage } from './core/errors';
import type { Log } from './context';
import { SnapshotStore } from './snapshotStore';

const TEXTS_FILE = 'texts.bin';
const KNOWN_FILES = 'known-files.bin';

export interface ScanTexts {
  texts?: ScratchFile;
  /** Files read before whose texts are in `texts`, by path. */
  known?: KnownFiles;
}

export class TextStorage {
  private opened: Promise<void> | undefined;
  private texts: ScratchFile | undefined;
  /** The texts file of the storage folder, when it is used. */
  private kept: KeptTexts | undefined;
  /** The files the last scan read (their texts kept as their bytes), by URI. */
  private readonly read = new Map<string, KnownFile>();
  /** The known files as last saved or read back. */
  private saved: KnownFiles | undefined;
  /** Files were read or forgotten since then. */
  private changed = false;
  private readonly store: SnapshotStore | undefined;

  /** `storage`: the storage folder, and the identity of the code that made the known files there. */
  constructor(
    private readonly storage: { folder: string; identity: string } | undefined,
    private readonly log: Log,
  ) {
    this.store = storage && new SnapshotStore(storage, log, KNOWN_FILES, 'Known files', 'reading every file');
  }

  /** Where a scan keeps texts, and the files it need not read. */
  async forScan(): Promise<ScanTexts> {
    this.opened ??= this.open();
    await this.opened;
    if (!this.kept) return { texts: this.texts };
    // Before the first scan, the files the last session read; then those of the last scan.
    const known = this.read.size > 0 ? KnownFiles.of([...this.read.values()]) : this.kept.known;
    return { texts: this.texts, known };
  }

  /** A file a scan met: `known` says how it was read, if its text was kept as its bytes; `unread`, that it was not read now. */
  scanned(uri: string, { known, unread }: { known?: KnownFile; unread?: true }): void {
    if (!unread) this.changed ||= known !== undefined || this.read.has(uri);
    if (known) this.read.set(uri, known);
    else this.read.delete(uri);
  }

  /**
   * Saves the files read whose content is still the one indexed (`hashOf` gives the
   * corpus's hash of a file not open in the editor), unless they are those saved already.
   */
  async save(hashOf: (uri: string) => string | undefined): Promise<void> {
    const { kept, store } = this;
    if (!kept || !store) return;
    const files = [...this.read].filter(([uri, file]) => hashOf(uri) === file.hash).map(([, file]) => file);
    // Every file unread and unchanged since, as at a warm start: comparing them all cost 50 ms there.
    if (!this.changed && files.length === this.read.size && files.length === this.saved?.size) return;
    const known = KnownFiles.of(files);
    this.changed = false;
    if (this.saved?.equals(known)) return;
    this.saved = known;
    await store.save(async () => ({ parts: savedKnownFilesParts({ tag: kept.tag, known }), what: `${known.size} files` }));
  }

  private async open(): Promise<void> {
    const { storage, store } = this;
    if (storage && store) {
      const file = path.join(storage.folder, TEXTS_FILE);
      const saved = await store.load(savedKnownFilesFrom, ({ known }) => `${known.size} files`);
      try {
        const { kept, restarted } = openKeptTexts(file, saved);
        if (restarted) store.ignored(restarted);
        this.kept = kept;
        // Saved with another texts file: to be saved again, with this one's tag.
        this.saved = restarted ? undefined : saved?.known;
        this.texts = kept.texts;
        return;
      } catch (error) {
        this.log.warn(`Texts file ${file} could not be opened (${errorMessage(error)}); texts are kept in a temporary file.`);
      }
    }
    this.texts = scratchForTexts((message) => this.log.warn(message));
  }
}

/**
 * Keeps the workspace's last clustering (see core/themes/storedThemes.ts) in the extension's
 * storage folder, so that a workspace opened again has its themes without clustering them
 * again: 20-30 s of work at 100k articles.
 */
import { existsSync } from 'fs';
import { Steps, runInSlices } from '../core/steps';
import { StoredThemes, storedThemesFromParts, storedThemesParts } from '../core/themes/storedThemes';
import type { Log } from '../context';
import { SnapshotStore } from '../snapshotStore';

export class ThemesStore {
  private readonly store: SnapshotStore;

  constructor(storage: { folder: string; identity: string }, log: Log) {
    this.store = new SnapshotStore(storage, log, 'themes.bin', 'Themes', 'clustering the workspace again');
  }

  /** Whether a clustering was stored (by any code, and whether it fits or not). */
  exists(): boolean {
    return existsSync(this.store.file);
  }

  /** The clustering stored by the same code, if there is one to trust; read in slices. */
  load(): Promise<StoredThemes | undefined> {
    return this.store.load((parts) => runInSlices(storedThemesFromParts(parts)), describe);
  }

  /** Stores what the steps `take` gives make, if any, once this turn of the event loop ends. */
  saveSoon(take: () => Steps<StoredThemes> | undefined): void {
    this.store.saveAfter(0, async () => {
      const making = take();
      if (!making) return;
      const stored = await runInSlices(making);
      await this.store.save(async () => ({ parts: storedThemesParts(stored), what: describe(stored) }));
    });
  }
}

function describe(stored: StoredThemes): string {
  return `the themes of ${stored.textHashes.length} articles`;
}

/**
 * Corpus changes folded into one while a consumer cannot or would rather not take them yet
 * (an index catching up, or taking a workspace scan in larger batches than it comes in):
 * the latest state of each file wins. Folding is linear in the change folded in, as a
 * workspace scan delivers tens of thousands of files in batches of a few dozen.
 */
import type { CorpusChange, IndexedFile } from './corpus';

export class PendingChange {
  /** The latest state of each file changed: its indexed file, or null when it was removed. */
  private readonly latest = new Map<string, IndexedFile | null>();

  get isEmpty(): boolean {
    return this.latest.size === 0;
  }

  /** Files changed, each once. */
  get size(): number {
    return this.latest.size;
  }

  add(change: CorpusChange): void {
    for (const file of change.updated) this.set(file.uri, file);
    for (const uri of change.removed) this.set(uri, null);
  }

  /** Everything folded so far, as one change in the order files were last changed; the pending change is then empty. */
  take(): CorpusChange {
    const change: CorpusChange = { updated: [], removed: [] };
    for (const [uri, file] of this.latest) {
      if (file) change.updated.push(file);
      else change.removed.push(uri);
    }
    this.latest.clear();
    return change;
  }

  private set(uri: string, file: IndexedFile | null): void {
    // Deleted first, so that the map's order is the order of the last change.
    this.latest.delete(uri);
    this.latest.set(uri, file);
  }
}

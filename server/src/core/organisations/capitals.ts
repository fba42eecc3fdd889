/**
 * Which files contain which capitalised words (by key), to find the files that may mention
 * a name just learned or forgotten: those that contain every capitalised word of it. An
 * inverted index, so that a lookup costs the files of the name's rarest word, not a walk
 * over every file of the corpus for every name.
 */
export class CapitalsIndex {
  private readonly filesByKey = new Map<string, Set<string>>();
  private readonly keysByFile = new Map<string, string[]>();

  /** Replaces a file's capitalised words. */
  set(uri: string, keys: Iterable<string>): void {
    this.delete(uri);
    const list = [...keys];
    this.keysByFile.set(uri, list);
    for (const key of list) {
      let files = this.filesByKey.get(key);
      if (!files) this.filesByKey.set(key, (files = new Set()));
      files.add(uri);
    }
  }

  delete(uri: string): void {
    const keys = this.keysByFile.get(uri);
    if (!keys) return;
    this.keysByFile.delete(uri);
    for (const key of keys) {
      const files = this.filesByKey.get(key);
      files?.delete(uri);
      if (files?.size === 0) this.filesByKey.delete(key);
    }
  }

  clear(): void {
    this.filesByKey.clear();
    this.keysByFile.clear();
  }

  /** The files that contain every one of `keys` (none for no keys). */
  filesWithAll(keys: string[]): string[] {
    const sets: Set<string>[] = [];
    for (const key of keys) {
      const files = this.filesByKey.get(key);
      if (!files) return [];
      sets.push(files);
    }
    if (sets.length === 0) return [];
    sets.sort((a, b) => a.size - b.size);
    const [rarest, ...others] = sets;
    return [...rarest].filter((uri) => others.every((files) => files.has(uri)));
  }
}

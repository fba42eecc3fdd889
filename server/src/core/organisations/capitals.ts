/**
 * Which files contain which capitalised words (by key), to find the files that may mention
 * a name just learned or forgotten: those that contain every capitalised word of it. An
 * inverted index, so that a lookup costs the files of the name's rarest word, not a walk
 * over every file of the corpus for every name.
 *
 * Every file is indexed once per version: its keys are appended to plain lists, with a
 * number for this version of the file. A replaced version is not looked for in the lists
 * (that would cost a search per key); it is skipped when read, and the lists are rebuilt
 * once replaced entries outnumber the current ones. Appending to arrays costs a fraction
 * of keeping a set of files per key, which mattered: the whole corpus goes through here.
 */
interface FileVersion {
  uri: string;
  keys: ReadonlySet<string>;
}

export class CapitalsIndex {
  /** Key -> numbers of the file versions that contain it (some replaced since). */
  private versionsByKey = new Map<string, number[]>();
  /** By version number; undefined once replaced or deleted. */
  private versions: (FileVersion | undefined)[] = [];
  private readonly current = new Map<string, number>();
  private entries = 0;
  private replacedEntries = 0;

  /** Replaces a file's capitalised words. */
  set(uri: string, keys: ReadonlySet<string>): void {
    this.delete(uri);
    this.append({ uri, keys });
  }

  delete(uri: string): void {
    const version = this.current.get(uri);
    if (version === undefined) return;
    this.current.delete(uri);
    this.replacedEntries += this.versions[version]?.keys.size ?? 0;
    this.versions[version] = undefined;
    if (this.replacedEntries * 2 > this.entries) this.rebuild();
  }

  clear(): void {
    this.versionsByKey = new Map();
    this.versions = [];
    this.current.clear();
    this.entries = 0;
    this.replacedEntries = 0;
  }

  /** The files that contain every one of `keys` (none for no keys). */
  filesWithAll(keys: string[]): string[] {
    let rarest: number[] | undefined;
    for (const key of keys) {
      const versions = this.versionsByKey.get(key);
      if (!versions) return [];
      if (!rarest || versions.length < rarest.length) rarest = versions;
    }
    const files: string[] = [];
    for (const version of rarest ?? []) {
      const file = this.versions[version];
      if (file && keys.every((key) => file.keys.has(key))) files.push(file.uri);
    }
    return files;
  }

  private append(file: FileVersion): void {
    const version = this.versions.length;
    this.versions.push(file);
    this.current.set(file.uri, version);
    for (const key of file.keys) {
      const versions = this.versionsByKey.get(key);
      if (versions) versions.push(version);
      else this.versionsByKey.set(key, [version]);
    }
    this.entries += file.keys.size;
  }

  /** Drops replaced versions: the current ones are indexed again under new numbers. */
  private rebuild(): void {
    const files = this.versions.filter((file): file is FileVersion => file !== undefined);
    this.clear();
    for (const file of files) this.append(file);
  }
}

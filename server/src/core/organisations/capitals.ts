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
 *
 * Keys are numbered, and every list is a typed array of numbers: a file's keys, sorted, one
 * file version after the other in one list, and for each key the versions that contain it.
 * Sets of key strings, one per file, and arrays of versions took ten times the memory (a
 * corpus of 100k articles has two million capitalised file-key pairs).
 */
import { valuesInOrderOf } from '../corpus';
import { positionsOf } from '../text';
import { grown } from '../typedArrays';
import { tableTranslation } from './translation';

/**
 * Every file's capitalised words as a later session takes them in (see CapitalsIndex.restore):
 * the index's own lists, without replaced versions and with only the keys still in use.
 */
export interface CapitalsSnapshot {
  keys: string[];
  uris: string[];
  /** Each file's key numbers, sorted, one file after the other; room to grow may follow (see memory.ts). */
  fileKeys: Int32Array;
  /** By file: where its keys end in `fileKeys`. */
  fileKeysEnd: Int32Array;
}

export class CapitalsIndex {
  /**
   * Key -> its number (the inverse of `keys`). Undefined after a restore until first needed
   * (see positionsOf), as `currentVersions` is: a warm start of 100k articles whose files
   * did not change looks none up, and making both maps took 20-25 ms of it.
   */
  private keyNumberMap: Map<string, number> | undefined = new Map();
  /** Only keys of the versions indexed since the last rebuild. */
  private keys: string[] = [];
  /**
   * By key number: the versions that contain the key (some replaced since). Undefined after
   * a restore until first needed (see versionsOfKeys): a warm start whose spellings did not
   * change never looks a key up, and sorting 2.2M file-key pairs by key took 35 ms of it.
   */
  private keyVersions: IntList[] | undefined = [];
  /** By version number: the file, or undefined once replaced or deleted. */
  private uris: (string | undefined)[] = [];
  /** Every version's key numbers, sorted, one version after the other. */
  private versionKeys = new IntList();
  /** By version number: where its keys end in `versionKeys` (they start where the previous version's end). */
  private versionKeysEnd = new IntList();
  /** File -> its current version. Undefined after a restore until first needed (see keyNumberMap). */
  private currentVersions: Map<string, number> | undefined = new Map();
  private entries = 0;
  private replacedEntries = 0;

  /** The numbers here of the keys of a table (a recognition memory's): every file it gives numbers its keys there. */
  private fromTable: { table: readonly string[]; numberHere: (number: number) => number } | undefined;

  /** Replaces a file's capitalised words (a key given more than once counts once). */
  set(uri: string, keys: readonly string[]): void {
    this.delete(uri);
    // A loop over every word as written, rather than a set of them: a set per file cost more to build and read than the repeated lookups.
    const numbers = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) numbers[i] = this.numberOf(keys[i]);
    this.append(uri, numbers);
  }

  /** `set`, with the keys given by their numbers in `table`: each key of the table is looked up once, not once a file. */
  setFromTable(uri: string, keyNumbers: Int32Array, table: readonly string[]): void {
    this.delete(uri);
    if (this.fromTable?.table !== table) this.fromTable = { table, numberHere: tableTranslation(table, (key) => this.numberOf(key)) };
    const { numberHere } = this.fromTable;
    // A loop, not Int32Array.from with a function: this runs for every file-key pair of a workspace.
    const own = new Int32Array(keyNumbers.length);
    for (let i = 0; i < own.length; i++) own[i] = numberHere(keyNumbers[i]);
    this.append(uri, own);
  }

  delete(uri: string): void {
    const version = this.current.get(uri);
    if (version === undefined) return;
    this.current.delete(uri);
    this.replacedEntries += this.keysEnd(version) - this.keysStart(version);
    this.uris[version] = undefined;
    if (this.replacedEntries * 2 > this.entries) this.rebuild();
  }

  /** A file's capitalised words; none for a file not indexed. */
  keysOf(uri: string): string[] {
    const version = this.current.get(uri);
    return version === undefined ? [] : this.keysOfVersion(version);
  }

  private keysOfVersion(version: number): string[] {
    const keys: string[] = [];
    for (let i = this.keysStart(version); i < this.keysEnd(version); i++) keys.push(this.keys[this.versionKeys.get(i)]);
    return keys;
  }

  clear(): void {
    this.fromTable = undefined;
    this.keyNumberMap = new Map();
    this.keys = [];
    this.keyVersions = [];
    this.uris = [];
    this.versionKeys = new IntList();
    this.versionKeysEnd = new IntList();
    this.currentVersions = new Map();
    this.entries = 0;
    this.replacedEntries = 0;
  }

  /**
   * The current files and their keys (see CapitalsSnapshot): in the order of `uris` when
   * these name every current file (see valuesInOrderOf), in the order they were set otherwise.
   */
  snapshot(uris: Iterable<string> = []): CapitalsSnapshot {
    // Keys in use keep their order when numbered anew, so that each file's numbers stay sorted.
    const used = new Uint8Array(this.keys.length);
    const current = valuesInOrderOf(this.current, uris) ?? [...this.current.values()].sort((a, b) => a - b);
    let entries = 0;
    for (const version of current) {
      for (let i = this.keysStart(version); i < this.keysEnd(version); i++) used[this.versionKeys.get(i)] = 1;
      entries += this.keysEnd(version) - this.keysStart(version);
    }
    const renumbered = new Int32Array(this.keys.length);
    const keys: string[] = [];
    for (let number = 0; number < used.length; number++) {
      if (used[number] === 0) continue;
      renumbered[number] = keys.length;
      keys.push(this.keys[number]);
    }
    const fileKeys = new Int32Array(entries);
    const fileKeysEnd = new Int32Array(current.length);
    let at = 0;
    current.forEach((version, file) => {
      for (let i = this.keysStart(version); i < this.keysEnd(version); i++) fileKeys[at++] = renumbered[this.versionKeys.get(i)];
      fileKeysEnd[file] = at;
    });
    return { keys, uris: current.map((version) => this.uris[version]!), fileKeys, fileKeysEnd };
  }

  /** Replaces everything with the files of a snapshot: far quicker than setting each file again. */
  restore(snapshot: CapitalsSnapshot): void {
    this.clear();
    const { keys, uris, fileKeys, fileKeysEnd } = snapshot;
    this.keys = [...keys];
    this.keyNumberMap = undefined;
    this.keyVersions = undefined;
    this.entries = fileKeysEnd.at(-1) ?? 0;
    this.versionKeys = IntList.of(fileKeys, this.entries);
    this.versionKeysEnd = IntList.of(fileKeysEnd);
    this.uris = [...uris];
    this.currentVersions = undefined;
  }

  private get keyNumbers(): Map<string, number> {
    return (this.keyNumberMap ??= positionsOf(this.keys));
  }

  private get current(): Map<string, number> {
    return (this.currentVersions ??= positionsOf(this.uris));
  }

  /** The files that contain every one of `keys` (none for no keys). */
  filesWithAll(keys: string[]): string[] {
    const numbers: number[] = [];
    let rarest: IntList | undefined;
    for (const key of keys) {
      const number = this.keyNumbers.get(key);
      if (number === undefined) return [];
      numbers.push(number);
      const versions = this.versionsByKey()[number];
      if (!rarest || versions.length < rarest.length) rarest = versions;
    }
    const files: string[] = [];
    for (let i = 0; rarest && i < rarest.length; i++) {
      const version = rarest.get(i);
      const uri = this.uris[version];
      if (uri !== undefined && numbers.every((number) => this.versionHas(version, number))) files.push(uri);
    }
    return files;
  }

  private keysStart(version: number): number {
    return version === 0 ? 0 : this.versionKeysEnd.get(version - 1);
  }

  private keysEnd(version: number): number {
    return this.versionKeysEnd.get(version);
  }

  /** Whether a version's keys include a key: a binary search of its sorted key numbers. */
  private versionHas(version: number, number: number): boolean {
    let low = this.keysStart(version);
    let high = this.keysEnd(version) - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const found = this.versionKeys.get(mid);
      if (found === number) return true;
      if (found < number) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }

  /** Makes the lists of versions by key now, if a restore left them to be made when first needed. */
  prepareVersionsByKey(): void {
    this.versionsByKey();
  }

  private versionsByKey(): IntList[] {
    return (this.keyVersions ??= this.versionsOfKeys());
  }

  /**
   * Every key's versions, from the versions' keys: in one array, key after key (a counting
   * sort), each key's list a view of its part until it grows (a typed array for each of the
   * keys cost more than the rest of this).
   */
  private versionsOfKeys(): IntList[] {
    const starts = new Int32Array(this.keys.length + 1);
    for (let i = 0; i < this.versionKeys.length; i++) starts[this.versionKeys.get(i) + 1]++;
    for (let number = 0; number < this.keys.length; number++) starts[number + 1] += starts[number];
    const versions = new Int32Array(this.versionKeys.length);
    const next = starts.slice(0, this.keys.length);
    for (let version = 0, i = 0; version < this.uris.length; version++) {
      for (; i < this.keysEnd(version); i++) versions[next[this.versionKeys.get(i)]++] = version;
    }
    return this.keys.map((_, number) => IntList.of(versions.subarray(starts[number], starts[number + 1])));
  }

  /** `numbers`: the file's key numbers (see numberOf), sorted here, each kept once. */
  private append(uri: string, numbers: Int32Array): void {
    // Made from the versions as they are, before this one is added.
    const versionsByKey = this.versionsByKey();
    const version = this.uris.length;
    this.uris.push(uri);
    this.current.set(uri, version);
    numbers.sort();
    const start = this.versionKeys.length;
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i];
      if (i > 0 && number === numbers[i - 1]) continue;
      this.versionKeys.push(number);
      versionsByKey[number].push(version);
    }
    this.versionKeysEnd.push(this.versionKeys.length);
    this.entries += this.versionKeys.length - start;
  }

  private numberOf(key: string): number {
    let number = this.keyNumbers.get(key);
    if (number === undefined) {
      // Made from the keys as they are, before this one is added.
      const versionsByKey = this.versionsByKey();
      number = this.keys.length;
      this.keys.push(key);
      this.keyNumbers.set(key, number);
      versionsByKey.push(new IntList());
    }
    return number;
  }

  /** Drops replaced versions, and keys no longer in any: the current versions are indexed again under new numbers. */
  private rebuild(): void {
    const files: [string, string[]][] = [];
    for (let version = 0; version < this.uris.length; version++) {
      const uri = this.uris[version];
      if (uri !== undefined) files.push([uri, this.keysOfVersion(version)]);
    }
    this.clear();
    for (const [uri, keys] of files) this.set(uri, keys);
  }
}

/** A list of 32-bit integers in a typed array that doubles when full. */
export class IntList {
  private items: Int32Array = new Int32Array(2);
  length = 0;

  /** A list of the first `length` of `values`, which it holds until it grows past them all (then it copies them). */
  static of(values: Int32Array, length = values.length): IntList {
    const list = new IntList();
    list.items = values;
    list.length = length;
    return list;
  }

  push(value: number): void {
    if (this.length === this.items.length) this.items = grown(this.items, Math.max(2, this.items.length * 2));
    this.items[this.length++] = value;
  }

  get(index: number): number {
    return this.items[index];
  }
}

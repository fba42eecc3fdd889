/**
 * What recognition found in each file, kept between sessions of the language server so
 * that reopening a workspace does not recognise every file again (the better part of a
 * minute at 100k articles). Kept by content hash: a file whose content has not changed
 * takes from here the names it teaches, its capitalised words and its mentions. Mentions
 * depend on what the whole corpus taught, too: a file's are taken only when no spelling
 * it may contain was learned, forgotten or moved to another organisation since they were
 * found (see OrganisationIndex.updateSteps).
 *
 * It also keeps the index's counts as they stood (`counts`): the tallies and the capitalised
 * words of every file, by path. A session that opens the same files starts from them, less
 * what the files changed since counted, rather than counting every file again (most of the
 * time of an update from the memory at 100k articles).
 *
 * Plain data, every string numbered once, so that v8.serialize writes it compactly (see
 * core/cache/snapshotFile.ts).
 */
import type { CapitalsSnapshot } from './capitals';
import type { SettledNames } from './learned';
import type { SavedTallies } from './tallies';
import type { Steps } from '../steps';
import { RoomToGrow } from '../cache/snapshotFile';
import { joinedList, listFromJoined } from '../text';

export interface RememberedFile {
  /** What the file taught, packed (see packDiscovery), through `RecognitionMemory.texts`. */
  discovery: Int32Array | undefined;
  /** Capitalised words (see CapitalsIndex), as numbers in `RecognitionMemory.keys`. */
  capitals: Int32Array;
  /** FileMentions.numbered(), through `RecognitionMemory.ids` and `.spellings`. */
  mentions: Int32Array;
  /** The people tied to organisations in the file, packed (see packTies), through `RecognitionMemory.texts`. */
  ties: Int32Array;
}

export interface RecognitionMemory {
  ids: readonly string[];
  spellings: readonly string[];
  keys: readonly string[];
  /** The strings of the files' packed discoveries and ties. */
  texts: readonly string[];
  /** The learned spellings when the mentions were found: spelling and organisation id, one pair after the other. */
  learned: readonly string[];
  /** What the files taught, as settled into `learned` (see LearnedNames.restore). */
  settled?: SettledNames;
  /** By content hash. */
  files: Map<string, RememberedFile>;
  counts?: RememberedCounts;
}

/** The index's counts when the memory was made (see OrganisationIndex.updateSteps). */
export interface RememberedCounts {
  /** Every file's capitalised words, by path. */
  capitals: CapitalsSnapshot;
  /** The content hash of each file counted, in the order of `capitals.uris`. */
  hashes: string[];
  /** Every organisation's tallies, in groups (see Tallies.saved). */
  tallies: SavedTallies[];
  /** The files that mention each organisation (see OrganisationFiles); undefined when not kept. */
  mentionedIn?: OrganisationFiles;
}

/**
 * The files that mention each organisation: the organisation's number in `ids`, and where
 * its files end in `files`, as indices in `capitals.uris`. A warm start takes them from here
 * rather than from every file's mentions, which it then need not make (see
 * OrganisationIndex.updateSteps).
 */
export interface OrganisationFiles {
  organisations: Int32Array;
  ends: Int32Array;
  files: Int32Array;
}

/** The learned spellings when the memory was made, spelling -> organisation id. */
export function learnedThen(memory: RecognitionMemory): Map<string, string> {
  const then = new Map<string, string>();
  for (let i = 0; i < memory.learned.length; i += 2) then.set(memory.learned[i], memory.learned[i + 1]);
  return then;
}

/** Files per part of a saved memory: a part is read in a step of its own, a few tens of milliseconds, not all at once. */
const FILES_PER_PART = 1000;

type NamesPart = Omit<RecognitionMemory, 'files' | 'counts'> & { fileParts: number };
/**
 * The capitalised words' table and the files counted, each list as one string (see
 * joinedList): as lists of 40k strings each, reading them back took 31-53 ms at 100k
 * articles (now 13), one step in which no hover was answered.
 */
interface CountsPart {
  keys: string;
  uris: string;
  hashes: string;
}

/**
 * The memory in parts to save one by one: the names, the files a thousand at a time (see
 * filesParts, packed as they are taken: a few milliseconds each, a quarter of a second for
 * 40k files), then the counts if there are any (the capitals' lists as typed arrays of
 * their own, written as they are, and the tallies a group at a time: its organisations, then
 * the group serialised, written as its bytes and read when first asked for, see Tallies.restore).
 */
export function* memoryParts(memory: RecognitionMemory): Generator<unknown> {
  const { files, counts, ...names } = memory;
  const entries = [...files];
  yield { ...names, fileParts: Math.ceil(entries.length / FILES_PER_PART) } satisfies NamesPart;
  for (let at = 0; at < entries.length; at += FILES_PER_PART) yield* filesParts(entries.slice(at, at + FILES_PER_PART));
  if (counts) {
    const { keys, uris, fileKeys, fileKeysEnd } = counts.capitals;
    const countsPart: CountsPart = { keys: joinedList(keys), uris: joinedList(uris), hashes: joinedList(counts.hashes) };
    // The first edit of a later session adds a file's keys to fileKeys' list: at 100k articles, growing it took 0.1 s then.
    yield* [countsPart, new RoomToGrow(fileKeys.subarray(0, fileKeysEnd.at(-1) ?? 0)), fileKeysEnd, counts.mentionedIn ?? null];
    for (const { ids, bytes } of counts.tallies) yield* [ids, bytes];
  }
}

/** The memory from its parts (see memoryParts), a part per step. */
export function* memoryFromParts(parts: Iterable<unknown>): Steps<RecognitionMemory> {
  const iterator = parts[Symbol.iterator]();
  const next = (): unknown => iterator.next().value;
  const names = next() as NamesPart | undefined;
  if (names === undefined) throw new Error('the memory has no names');
  const { fileParts, ...kept } = names;
  const files = new Map<string, RememberedFile>();
  for (let part = 0; part < fileParts; part++) {
    addFiles(files, next() as string[], next() as Int32Array, next() as Int32Array);
    yield;
  }
  const counted = next() as CountsPart | undefined;
  if (counted === undefined) return { ...kept, files };
  const [keys, uris, hashes] = [counted.keys, counted.uris, counted.hashes].map((joined) => {
    if (typeof joined !== 'string') throw new Error('the memory\'s counts are damaged');
    return listFromJoined(joined);
  });
  if (hashes.length !== uris.length) throw new Error('the memory\'s counts are damaged');
  const fileKeys = next() as Int32Array;
  const fileKeysEnd = next() as Int32Array;
  const mentionedIn = (next() ?? undefined) as OrganisationFiles | undefined;
  const tallies: SavedTallies[] = [];
  for (let ids = next(); ids !== undefined; ids = next()) {
    const bytes = next();
    if (!Array.isArray(ids) || !(bytes instanceof Uint8Array)) throw new Error('the memory\'s tallies are damaged');
    tallies.push({ ids, bytes });
  }
  return { ...kept, files, counts: { capitals: { keys, uris, fileKeys, fileKeysEnd }, hashes, tallies, ...(mentionedIn && { mentionedIn }) } };
}

/** A file's arrays, in the order filesParts writes them; a packed discovery is never empty, so an empty one stands for none. */
const arraysOf = (file: RememberedFile): Int32Array[] => [file.discovery ?? new Int32Array(0), file.capitals, file.mentions, file.ties];
const ARRAYS_PER_FILE = 4;

/**
 * Files in three parts: their content hashes; their arrays one after the other, in one
 * typed array written as it is; and where each array ends in it. As v8-serialised objects
 * (four typed arrays a file, each made by a call back into JavaScript, most of them copied
 * as their bytes are not aligned) they took most of the time of reading the memory back.
 */
function filesParts(entries: [string, RememberedFile][]): [string[], Int32Array, Int32Array] {
  const ends = new Int32Array(entries.length * ARRAYS_PER_FILE);
  let length = 0;
  entries.forEach(([, file], i) =>
    arraysOf(file).forEach((array, j) => {
      length += array.length;
      ends[i * ARRAYS_PER_FILE + j] = length;
    }),
  );
  const arrays = new Int32Array(length);
  entries.forEach(([, file], i) => arraysOf(file).forEach((array, j) => arrays.set(array, ends[i * ARRAYS_PER_FILE + j] - array.length)));
  return [entries.map(([hash]) => hash), arrays, ends];
}

/** The files of filesParts, each array a view of `arrays`, made when read (see PackedFile). */
function addFiles(files: Map<string, RememberedFile>, hashes: string[], arrays: Int32Array, ends: Int32Array): void {
  hashes.forEach((hash, i) => files.set(hash, new PackedFile(arrays, ends, i * ARRAYS_PER_FILE)));
}

/**
 * A remembered file as filesParts wrote it, each array a view of the part made when read:
 * a warm start of 100k articles looks up all 40k files and reads few of their arrays, and
 * making four views a file took a good part of reading the memory back. (Fields declared,
 * not defined: defined class fields cost more to set.)
 */
class PackedFile implements RememberedFile {
  declare private readonly arrays: Int32Array;
  declare private readonly ends: Int32Array;
  declare private readonly at: number;

  constructor(arrays: Int32Array, ends: Int32Array, at: number) {
    this.arrays = arrays;
    this.ends = ends;
    this.at = at;
  }

  private array(k: number): Int32Array {
    const end = this.ends[this.at + k];
    const start = this.at + k === 0 ? 0 : this.ends[this.at + k - 1];
    return this.arrays.subarray(start, end);
  }

  get discovery(): Int32Array | undefined {
    const discovery = this.array(0);
    return discovery.length > 0 ? discovery : undefined;
  }

  get capitals(): Int32Array {
    return this.array(1);
  }

  get mentions(): Int32Array {
    return this.array(2);
  }

  get ties(): Int32Array {
    return this.array(3);
  }
}

/**
 * What recognition found in each file, kept between sessions of the language server so
 * that reopening a workspace does not recognise every file again (the better part of a
 * minute at 100k articles). Kept by content hash: a file whose content has not changed
 * takes from here the names it teaches, its capitalised words and its mentions. Mentions
 * depend on what the whole corpus taught, too: a file's are taken only when no spelling
 * it may contain was learned, forgotten or moved to another organisation since they were
 * found (see OrganisationIndex.updateSteps).
 *
 * Plain data, every string numbered once, so that v8.serialize writes it compactly (see
 * core/cache/snapshotFile.ts).
 */
import type { Discovery } from './discover';
import type { FileOrganisations } from './index';
import type { Steps } from '../steps';

export interface RememberedFile {
  discovery: Discovery | undefined;
  /** Capitalised words (see CapitalsIndex), as numbers in `RecognitionMemory.keys`. */
  capitals: Int32Array;
  /** FileMentions.numbered(), through `RecognitionMemory.ids` and `.spellings`. */
  mentions: Int32Array;
  ties: FileOrganisations['ties'];
}

export interface RecognitionMemory {
  ids: readonly string[];
  spellings: readonly string[];
  keys: readonly string[];
  /** The learned spellings when the mentions were found: spelling and organisation id, one pair after the other. */
  learned: readonly string[];
  /** By content hash. */
  files: Map<string, RememberedFile>;
}

/** The learned spellings when the memory was made, spelling -> organisation id. */
export function learnedThen(memory: RecognitionMemory): Map<string, string> {
  const then = new Map<string, string>();
  for (let i = 0; i < memory.learned.length; i += 2) then.set(memory.learned[i], memory.learned[i + 1]);
  return then;
}

/** Files per part of a saved memory: a part is read in a step of its own, a few tens of milliseconds, not all at once. */
const FILES_PER_PART = 1000;

type NamesPart = Omit<RecognitionMemory, 'files'>;
type FilesPart = [string, RememberedFile][];

/** The memory in parts to save one by one: the names, then the files a thousand at a time. */
export function memoryParts(memory: RecognitionMemory): unknown[] {
  const { files, ...names } = memory;
  const entries = [...files];
  const parts: unknown[] = [names satisfies NamesPart];
  for (let at = 0; at < entries.length; at += FILES_PER_PART) parts.push(entries.slice(at, at + FILES_PER_PART) satisfies FilesPart);
  return parts;
}

/** The memory from its parts (see memoryParts), a part per step. */
export function* memoryFromParts(parts: Iterable<unknown>): Steps<RecognitionMemory> {
  const files = new Map<string, RememberedFile>();
  let names: NamesPart | undefined;
  for (const part of parts) {
    if (names === undefined) names = part as NamesPart;
    else for (const [hash, file] of part as FilesPart) files.set(hash, file);
    yield;
  }
  if (names === undefined) throw new Error('the memory has no names');
  return { ...names, files };
}

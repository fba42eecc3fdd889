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

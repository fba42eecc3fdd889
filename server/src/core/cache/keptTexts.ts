/**
 * The texts file: where a scan keeps the texts of the files it reads (see storedText.ts),
 * in the storage folder, for the next session to take them from there rather than read
 * the files again (see KnownFiles). Texts are only ever appended: one kept is never moved
 * or written over, so what points to it stays right for as long as the server runs.
 *
 * It starts with a tag chosen when it was made, which the known files saved with it give:
 * known files of another texts file are not trusted. Once it holds more texts that no known
 * file needs (files changed or gone) than texts they need, it is started afresh, and those
 * files are read once more.
 */
import { randomBytes } from 'crypto';
import { closeSync, fstatSync, openSync } from 'fs';
import { readUpTo, readerOf } from '../files';
import { ScratchFile } from '../scratchFile';
import { KnownFiles } from './knownFiles';

const MAGIC = 'SEEDTEXTS\n';
const TAG_BYTES = 12;
const HEADER_BYTES = MAGIC.length + TAG_BYTES * 2;
/** Texts no longer needed are left in the file up to this much, however few are needed. */
const WASTE_ALLOWED_BYTES = 64 << 20;

export interface KeptTexts {
  texts: ScratchFile;
  tag: string;
  /** The known files whose texts are in `texts`. */
  known: KnownFiles;
}

/** The known files saved last, and the tag of the texts file they were saved with. */
export interface SavedKnownFiles {
  tag: string;
  known: KnownFiles;
}

/**
 * Opens the texts file `file` with the known files saved with it, or starts it afresh
 * (with no known files), saying why when there were some. Throws when it can be neither
 * read nor made. `wasteAllowedBytes`: see WASTE_ALLOWED_BYTES.
 */
export function openKeptTexts(file: string, saved: SavedKnownFiles | undefined, wasteAllowedBytes = WASTE_ALLOWED_BYTES): { kept: KeptTexts; restarted?: string } {
  const why = saved && reasonToRestart(file, saved, wasteAllowedBytes);
  if (saved && why === undefined) return { kept: { texts: ScratchFile.openKept(file), ...saved } };
  const tag = randomBytes(TAG_BYTES).toString('hex');
  const texts = ScratchFile.openKept(file, { fresh: true });
  texts.appendText(MAGIC + tag);
  return { kept: { texts, tag, known: KnownFiles.of([]) }, restarted: why };
}

function reasonToRestart(file: string, { tag, known }: SavedKnownFiles, wasteAllowedBytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'the texts file is gone';
  }
  try {
    const header = readUpTo(readerOf(fd), HEADER_BYTES, 0).toString('latin1');
    if (header !== MAGIC + tag) return 'the texts file is not the one they were saved with';
    const size = fstatSync(fd).size;
    const { end, bytes } = known.extent();
    if (end > size) return 'the texts file is shorter than they say';
    if (size - HEADER_BYTES - bytes > Math.max(bytes, wasteAllowedBytes)) return 'the texts file holds mostly texts no longer needed';
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The known files and their texts file's tag as the parts of a snapshot (see snapshotFile.ts). */
export function savedKnownFilesParts({ tag, known }: SavedKnownFiles): unknown[] {
  return [tag, known.columns.paths, known.columns.hashes, known.columns.numbers];
}

/** Throws when the parts are not those savedKnownFilesParts made. */
export async function savedKnownFilesFrom(parts: IterableIterator<unknown>): Promise<SavedKnownFiles> {
  const [tag, paths, hashes, numbers] = parts;
  if (typeof tag !== 'string' || typeof paths !== 'string' || typeof hashes !== 'string' || !(numbers instanceof Float64Array)) throw new Error('not a list of known files');
  return { tag, known: new KnownFiles({ paths, hashes, numbers }) };
}

/**
 * File texts kept in the smaller of two forms. V8 stores a string with any character past
 * U+00FF (a curly quote, a dash) at two bytes a character; curated articles are mostly
 * ASCII with such punctuation, so their UTF-8 bytes take about half that. At 100k articles
 * the corpus's texts take about 250 MB instead of 500 MB.
 *
 * Or kept out of memory: the language server sets aside the texts of the files it scans
 * in a scratch file (see scratchFile.ts), as UTF-8, and reads them back when asked. Those
 * are not the user's files, which may change on disk meanwhile: the text read
 * back is always the one indexed.
 *
 * A text kept as bytes is decoded whenever it is read. The last few texts decoded are kept,
 * because readers go over one file many times in a row (a slice for each mention in it).
 */
import { Place, ScratchFile } from './scratchFile';
import { errorMessage } from './errors';
import { readFileSync } from 'fs';
import { TextSource, contentHash } from './text';

/** Texts decoded most recently; a handful is enough for readers that go file by file. */
const RECENT_TEXTS = 16;
/**
 * The stored texts decoded most recently, their texts at the same places, and when each was
 * last read. Fixed slots in plain arrays: held in a Map, with an entry deleted for each one
 * added, nearly every text decoded outlived its use and was moved to the old generation
 * (for 4000 texts read once, 40 MB moved and 230 ms of collector pauses against almost none).
 */
const recentStored: (StoredText | undefined)[] = new Array(RECENT_TEXTS).fill(undefined);
const recentTexts: string[] = new Array(RECENT_TEXTS).fill('');
const lastRead = new Float64Array(RECENT_TEXTS);
let reads = 0;

export interface StoredText extends TextSource {
  readonly length: number;
}

/**
 * `text` as it is best kept, in `scratch` when given (and it can take it); `read()` gives
 * back exactly `text`.
 */
export function storeText(text: string, scratch?: ScratchFile): StoredText {
  const place = scratch && appendToScratch(text, scratch);
  if (scratch && place) return storedAt(scratch, place, text.length);
  if (!isWellFormed(text) || !hasTwoByteCharacters(text)) return plain(text);
  const bytes = Buffer.from(text, 'utf8');
  // Text mostly outside Latin-1 (Greek, Chinese) takes as much or more as UTF-8.
  if (bytes.length >= text.length * 1.5) return plain(text);
  return new BytesInMemory(text.length, bytes);
}

/** A scratch file for the texts of a scan; undefined, said to `warn`, when the temporary folder cannot take one: they are then kept in memory. */
export function scratchForTexts(warn: (message: string) => void): ScratchFile | undefined {
  try {
    return ScratchFile.create('texts');
  } catch (error) {
    warn(`File texts are kept in memory: no temporary file could be made (${errorMessage(error)}).`);
    return undefined;
  }
}

/**
 * Where `text` went in `scratch`, as UTF-8; undefined when it cannot go there (see storeText),
 * in any thread. `utf8`: its UTF-8 when the caller has it already, written as it is.
 */
export function appendToScratch(text: string, scratch: ScratchFile, utf8?: Uint8Array): Place | undefined {
  // Lone surrogates do not survive UTF-8: such a text is kept as it is.
  if (!utf8 && !isWellFormed(text)) return undefined;
  try {
    return utf8 ? scratch.append(utf8) : scratch.appendText(text);
  } catch {
    // A full disk: kept in memory instead.
    return undefined;
  }
}

/** The text of `length` characters that appendToScratch put at `place`. */
export function storedAt(scratch: ScratchFile, place: Place, length: number): StoredText {
  return new BytesInScratch(length, scratch, place);
}

/**
 * The text of the file `known` that an earlier session kept in `scratch` (see keptTexts.ts).
 * Checked against the file's content hash when first read, as the texts file may have lost
 * writes in a crash; if it does not match, `damaged` is told, and the file's own content is
 * taken if it still has that hash; otherwise reading throws.
 */
export function keptAt(scratch: ScratchFile, known: KnownText, damaged: (path: string) => void): StoredText {
  return new CheckedOnRead(scratch, known, damaged);
}

/** Where the text of the file at `path`, whose content hash is `hash`, was kept: `length` characters at `stored`. */
export interface KnownText {
  path: string;
  hash: string;
  stored: Place;
  length: number;
}

function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

function plain(text: string): StoredText {
  return new PlainText(text);
}

/*
 * Texts kept are objects of a few classes, not objects of closures: a warm start keeps one
 * for each of 40k files, and closures made several objects of each.
 */

class PlainText implements StoredText {
  constructor(private readonly text: string) {}

  get length(): number {
    return this.text.length;
  }

  read(): string {
    return this.text;
  }
}

/** A text kept as UTF-8, decoded whenever it is read; the last few decoded are kept (see recentStored). */
abstract class DecodedOnRead implements StoredText {
  constructor(readonly length: number) {}

  protected abstract bytes(): Buffer;

  read(): string {
    let at = recentStored.indexOf(this);
    if (at < 0) {
      // The slot read longest ago.
      at = 0;
      for (let slot = 1; slot < RECENT_TEXTS; slot++) if (lastRead[slot] < lastRead[at]) at = slot;
      recentStored[at] = this;
      recentTexts[at] = this.bytes().toString('utf8');
    }
    lastRead[at] = ++reads;
    return recentTexts[at];
  }
}

class BytesInMemory extends DecodedOnRead {
  constructor(
    length: number,
    private readonly utf8: Buffer,
  ) {
    super(length);
  }

  protected bytes(): Buffer {
    return this.utf8;
  }
}

class BytesInScratch extends DecodedOnRead {
  constructor(
    length: number,
    private readonly scratch: ScratchFile,
    private readonly place: Place,
  ) {
    super(length);
  }

  protected bytes(): Buffer {
    return this.scratch.read(this.place);
  }
}

class CheckedOnRead extends DecodedOnRead {
  /** The bytes are known to have the hash; or the file's own bytes, which do, when those kept did not. */
  private checked: boolean | Buffer = false;

  /**
   * Where the text is in the scratch file is asked of `known` when the bytes are read, not
   * kept: a warm start makes one of these for each of 40k files and reads few, and each
   * place kept was an object and two heap numbers for the collector to copy.
   */
  constructor(
    private readonly scratch: ScratchFile,
    private readonly known: KnownText,
    private readonly damaged: (path: string) => void,
  ) {
    super(known.length);
  }

  protected bytes(): Buffer {
    if (this.checked instanceof Buffer) return this.checked;
    if (this.checked) return this.scratch.read(this.known.stored);
    const { hash, path } = this.known;
    const kept = this.keptBytes();
    if (kept && contentHash(kept) === hash) {
      this.checked = true;
      return kept;
    }
    this.damaged(path);
    const own = readFileSync(path);
    if (contentHash(own) !== hash) throw new Error(`the text kept for ${path} is damaged, and the file has changed since`);
    this.checked = own;
    return own;
  }

  private keptBytes(): Buffer | undefined {
    try {
      return this.scratch.read(this.known.stored);
    } catch {
      return undefined;
    }
  }
}

const TWO_BYTE = /[^\u0000-\u00ff]/;

function hasTwoByteCharacters(text: string): boolean {
  return TWO_BYTE.test(text);
}

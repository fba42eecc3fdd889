/**
 * Bytes to text, and offsets to line/column positions.
 *
 * Positions follow the LSP convention: zero-based lines, columns in UTF-16 code units,
 * and "\n", "\r\n" and "\r" all end a line. A leading BOM is dropped, as editors do, so
 * that line and column numbers match what the user sees.
 */
import { createHash } from 'crypto';

export interface Position {
  line: number;
  character: number;
}

export interface DecodedText {
  text: string;
  /** Set when some bytes were not valid UTF-8 and were replaced by U+FFFD. */
  invalidUtf8: boolean;
}

/** How many leading bytes are examined for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 64 * 1024;

export function looksBinary(bytes: Uint8Array): boolean {
  // indexOf runs natively: a loop over the bytes took a fifth of the time an index worker spends reading a file.
  return bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strictUtf8.decode(bytes), invalidUtf8: false };
  } catch {
    return { text: lenientUtf8.decode(bytes), invalidUtf8: true };
  }
}

/** Where a text kept out of sight is read from (see storedText.ts). */
export interface TextSource {
  read(): string;
}

export class LineIndex {
  /**
   * Where each line starts and ends (see lineBounds), 4 bytes a line where an array of
   * numbers takes 8 or more; undefined until first needed in an index made by whenRead.
   */
  private found: LineBounds | undefined;
  /** Length of the text in UTF-16 code units. */
  readonly length: number;
  /** The text, or where to get it: a file kept in compact form (see storedText.ts) is not held here as well. */
  private readonly source: string | TextSource;

  constructor(text: string) {
    this.found = lineBounds(text);
    this.length = text.length;
    this.source = text;
  }

  /** The same lines over the same text, read from `source` whenever needed instead of held; itself when it reads from there already. */
  withSource(source: TextSource): LineIndex {
    return this.source === source ? this : LineIndex.fromBounds(this.bounds, this.length, source);
  }

  /** The lines `lineBounds` found in a text of `length` characters (in another thread), over the text `source` gives. */
  static fromBounds(bounds: LineBounds, length: number, source: TextSource): LineIndex {
    return LineIndex.over(bounds, length, source);
  }

  /**
   * The lines of the text of `length` characters that `source` gives, found when first
   * needed. A warm start takes its 40k files' indexes from the cache; finding the lines of
   * their texts (255 MB) took its index worker 0.2 s, and no feature asked for one before
   * the server was ready.
   */
  static whenRead(length: number, source: TextSource): LineIndex {
    return LineIndex.over(undefined, length, source);
  }

  /** An index over `source` rather than a text given (see fromBounds and whenRead), with the same fields as one made from a text. */
  private static over(found: LineBounds | undefined, length: number, source: TextSource): LineIndex {
    const lines = Object.create(LineIndex.prototype) as LineIndex;
    return Object.assign(lines, { found, length, source });
  }

  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source.read();
  }

  /** Where each line starts and ends, as lineBounds gives them. */
  get bounds(): LineBounds {
    return (this.found ??= lineBounds(this.text));
  }

  /** Offset of the first character of each line. */
  private get starts(): Uint32Array {
    return this.bounds[0];
  }

  /** Offset just past each line's last character, before its line break. */
  private get ends(): Uint32Array {
    return this.bounds[1];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[clampLine(line, this.starts.length)];
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    return this.ends[clampLine(line, this.ends.length)];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** A negative line used to give NaN in lineEnd and offsetAt: lines are clamped to the text's. */
function clampLine(line: number, lines: number): number {
  return Math.max(0, Math.min(line, lines - 1));
}

/** Where each line starts, and where it ends before its line break. */
export type LineBounds = [starts: Uint32Array, ends: Uint32Array];

/**
 * Where each line starts and ends (before its "\n", "\r\n" or "\r"), gathered in plain
 * arrays (fast to grow) and kept in typed ones (compact).
 */
export function lineBounds(text: string): LineBounds {
  const starts = [0];
  const ends: number[] = [];
  if (text.indexOf('\r') < 0) {
    // The common case: only "\n". indexOf runs natively, far faster than a JS loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return [new Uint32Array(starts), new Uint32Array(ends)];
}

/** A content key for caches (not for security): SHA-1 runs natively, far faster than a JS loop. */
export function contentHash(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64url');
}

/**
 * A copy of `text` that holds only its own characters. V8 keeps a slice of 13 or more
 * characters as a view onto the whole string it was cut from, so a word kept in a
 * long-lived table would keep an old version of its whole file alive after every edit.
 */
export function ownCopy(text: string): string {
  // Concatenating then slicing makes V8 flatten the pair into a new string: the slice
  // refers to that copy, not to the file's text.
  return (' ' + text).slice(1);
}

/** Orders strings by their UTF-16 code units, as `<` does: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Between the items of a list kept as one string (see joinedList): no path, URI, word or hash holds it. */
export const LIST_SEPARATOR = '\0';

/**
 * A list of strings as one string, to save, send to another thread or read back as one
 * rather than as a string an item: 40k paths or URIs of their own took ten times as long to
 * read back from a snapshot. No item may hold a NUL; a list of one empty item reads back as none.
 */
export function joinedList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

/** The items of a list joinedList made; none for an empty string. */
export function listFromJoined(joined: string): string[] {
  return joined === '' ? [] : joined.split(LIST_SEPARATOR);
}

/**
 * Each string of `list` (the undefined left out) -> its index, the last when it comes twice;
 * without a [string, index] pair made for each, as `new Map(list.map(...))` makes.
 */
export function positionsOf(list: readonly (string | undefined)[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (item !== undefined) positions.set(item, i);
  }
  return positions;
}

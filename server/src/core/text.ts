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
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
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

export class LineIndex {
  /** Offset of the first character of each line: 4 bytes a line, where an array of numbers takes 8 or more. */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    // Clamped like lineStart: a negative line used to give NaN here and in offsetAt.
    line = Math.max(0, line);
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
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
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** Offsets where lines start, gathered in a plain array (fast to grow) and kept in a typed one (compact). */
function lineStarts(text: string): Uint32Array {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case: only "\n". indexOf runs natively, far faster than a JS loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return new Uint32Array(starts);
}

/** A content key for caches (not for security): SHA-1 runs natively, far faster than a JS loop. */
export function contentHash(text: string): string {
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

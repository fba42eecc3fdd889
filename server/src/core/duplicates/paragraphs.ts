/**
 * Keeps a duplicated span inside paragraphs: two copies often follow paragraphs that end
 * alike ("… of the year.") or precede ones that start alike, and the exact run then spills
 * over the paragraph break by a few words.
 */
import type { Span } from './match';
import type { TokenizedText } from './tokens';

/** A text and its words. */
export interface TextWords {
  text: string;
  tokens: TokenizedText;
}

/** At most this many words at either end of a span are dropped when they spill over a paragraph break. */
const MAX_SPILL_WORDS = 8;

/**
 * Drops the few words at an end of a span that lie across a paragraph break from the rest
 * and do not stand on lines of their own on both sides: the chance match of the last
 * words of the paragraphs before two copies ("… of the.") or the first words after them.
 * A title, on its own line in both copies, is kept.
 */
export function trimToParagraphs(a: TextWords, b: TextWords, span: Span): Span {
  const length = span.aEnd - span.aStart;
  let head = 0;
  for (let n = 1; n <= Math.min(MAX_SPILL_WORDS, length - 1); n++) {
    const aBreak = breakBefore(a, span.aStart + n);
    const bBreak = breakBefore(b, span.bStart + n);
    if (!aBreak && !bBreak) continue;
    const ownLines =
      lineBreakBefore(a, span.aStart + n) && lineBreakBefore(b, span.bStart + n) && lineBreakBefore(a, span.aStart) && lineBreakBefore(b, span.bStart);
    if (!ownLines) head = n;
  }
  let tail = 0;
  for (let n = 1; n <= Math.min(MAX_SPILL_WORDS, length - 1 - head); n++) {
    const aBreak = breakBefore(a, span.aEnd - n);
    const bBreak = breakBefore(b, span.bEnd - n);
    if (!aBreak && !bBreak) continue;
    const ownLines =
      lineBreakBefore(a, span.aEnd - n) && lineBreakBefore(b, span.bEnd - n) && lineBreakBefore(a, span.aEnd) && lineBreakBefore(b, span.bEnd);
    if (!ownLines) tail = n;
  }
  if (head === 0 && tail === 0) return span;
  // Trimmed words were matched words of an exact edge run, on both sides alike.
  return {
    aStart: span.aStart + head,
    aEnd: span.aEnd - tail,
    bStart: span.bStart + head,
    bEnd: span.bEnd - tail,
    matched: span.matched - head - tail,
    similarity: span.similarity,
  };
}

/** Whether a blank line separates token `index` from the token before it (or it starts or ends the file). */
function breakBefore(side: TextWords, index: number): boolean {
  return separatedBy(side, index, BLANK_LINE);
}

function lineBreakBefore(side: TextWords, index: number): boolean {
  return separatedBy(side, index, LINE_BREAK);
}

function separatedBy(side: TextWords, index: number, separator: RegExp): boolean {
  const { starts, ends } = side.tokens;
  if (index <= 0 || index >= starts.length) return true;
  return separator.test(side.text.slice(ends[index - 1], starts[index]));
}

const BLANK_LINE = /\n[^\S\n]*\r?\n|\r[^\S\r\n]*\r/;
const LINE_BREAK = /[\n\r]/;

/**
 * Lexical cohesion around a heading, for the article splitter (see articles.ts): the cosine
 * similarity of the content words before a heading and after it.
 *
 * The measure is cohesion.ts's (contentWords, termVector, cosine), computed over small
 * integers instead of strings: each file's content words get ids, looked up by their
 * characters in the line (a string is made for a word only the first time a file uses it),
 * and each comparison counts ids in typed arrays. With a comparison at nearly every heading,
 * building word lists and Maps of strings took a quarter of the splitting time, and a
 * string for each word occurrence then took a third of the rest.
 */
import { WordSpans, lowerCaseInPlace } from './cohesion';
import { NOT_CONTENT, WordIds } from './wordIds';
import type { LineShape } from './lines';
import { grown } from './typedArrays';

export interface ShapedLine {
  text: string;
  /** Offset of the line's first character in the file's text. */
  start: number;
  shape: LineShape;
  words: number;
  /**
   * Content words as vocabulary ids, computed only for lines near a heading whose role is in
   * doubt. Always present, if undefined, so that every line has the same hidden class.
   */
  contentIds: number[] | undefined;
}

export interface CohesionOptions {
  /** Below this cosine similarity between the text before and after a heading, a new article starts. */
  cohesionThreshold: number;
  /** A heading this short needs even less shared vocabulary to start an article. */
  shortHeadingWords: number;
  /** How many words before and after a heading are compared. */
  windowWords: number;
}

/** One per file. */
export class CohesionWindows {
  private readonly wordIds = threadWordIds;
  private readonly before = scratchBefore;
  private readonly after = scratchAfter;
  /**
   * The file's text in lower case, made when first needed; null when lowering moves some
   * characters (then each line is lowered on its own). One call for the whole text is far
   * cheaper than one per line, and the words are then read in one flat string.
   */
  private lowerText: string | null | undefined;

  constructor(private readonly text: string) {
    // Between files, never within one: a file's ids must all come from the same table.
    this.wordIds.limitSize();
  }

  /** Whether the body before `heading` and the one from `nextBody` have too little vocabulary in common. */
  headingBreaks(
    lines: ShapedLine[],
    heading: number,
    articleBody: number,
    nextBody: number,
    end: number,
    options: CohesionOptions,
  ): boolean {
    this.before.clear();
    this.after.clear();
    this.collect(this.before, lines, heading - 1, articleBody - 1, -1, options.windowWords);
    this.collect(this.after, lines, nextBody, end, 1, options.windowWords);
    const similarity = this.before.cosine(this.after);
    const short = lines[heading].words <= options.shortHeadingWords;
    return similarity < (short ? options.cohesionThreshold / 2 : options.cohesionThreshold);
  }

  /**
   * Content words of up to `limit` words of body, walking from `from` towards `stop` (exclusive).
   * At most `limit` lines are looked at: lines without words ("***", blank lines, headings)
   * used to let every heading walk to the end of the file, quadratic time for many headings.
   */
  private collect(into: TermCounts, lines: ShapedLine[], from: number, stop: number, step: 1 | -1, limit: number): void {
    let words = 0;
    const lastLine = from + step * limit;
    for (let i = from; i !== stop && i !== lastLine && i >= 0 && i < lines.length && words < limit; i += step) {
      const line = lines[i];
      if (line.shape !== 'prose' && line.shape !== 'bullet') continue;
      line.contentIds ??= this.ids(line);
      into.add(line.contentIds);
      words += line.words;
    }
  }

  /** A plain array: a typed array for each of many short lines cost more to allocate than it saved. */
  private ids(line: ShapedLine): number[] {
    if (this.lowerText === undefined) this.lowerText = lowerCaseInPlace(this.text) ?? null;
    const lower = this.lowerText ?? line.text.toLowerCase();
    const start = this.lowerText === null ? 0 : line.start;
    const spans = new WordSpans(lower, start, start + line.text.length);
    const ids: number[] = [];
    while (spans.next()) {
      const id = this.wordIds.idOf(lower, spans.start, spans.end);
      if (id !== NOT_CONTENT) ids.push(id);
    }
    return ids;
  }
}

/** How often each term occurs in a window: cohesion.ts's termVector, by id. */
export class TermCounts {
  private counts = new Int32Array(256);
  /**
   * Distinct terms in the order first seen. termVector's Map iterates in that order and
   * cosine sums in it: summing in the same order gives the same similarity to the last bit.
   */
  private readonly terms: number[] = [];

  add(ids: number[]): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id >= this.counts.length) this.grow(id);
      if (this.counts[id]++ === 0) this.terms.push(id);
    }
  }

  /** Sublinear term frequency, as in termVector. */
  private weight(id: number): number {
    return 1 + Math.log(this.counts[id]);
  }

  private has(id: number): boolean {
    return id < this.counts.length && this.counts[id] > 0;
  }

  cosine(other: TermCounts): number {
    let dot = 0;
    let norm = 0;
    let otherNorm = 0;
    for (const term of this.terms) {
      const weight = this.weight(term);
      norm += weight * weight;
      if (other.has(term)) dot += weight * other.weight(term);
    }
    for (const term of other.terms) {
      const weight = other.weight(term);
      otherNorm += weight * weight;
    }
    return norm === 0 || otherNorm === 0 ? 0 : dot / Math.sqrt(norm * otherNorm);
  }

  clear(): void {
    for (const term of this.terms) this.counts[term] = 0;
    this.terms.length = 0;
  }

  private grow(id: number): void {
    this.counts = grown(this.counts, Math.max(id + 1, this.counts.length * 2));
  }
}

/**
 * Shared by every file, as each comparison starts by clearing them: allocating typed arrays
 * for each of thousands of small files cost more than counting in them.
 */
const scratchBefore = new TermCounts();
const scratchAfter = new TermCounts();
/**
 * Shared by every file too: most words of a file are its first use of them, but most of them
 * appeared in a file before. Looking each up in a table of the file's own words cost more
 * than making a string of it.
 */
const threadWordIds = new WordIds();

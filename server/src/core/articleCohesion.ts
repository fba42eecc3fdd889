/**
 * Lexical cohesion around a heading, for the article splitter (see articles.ts): the cosine
 * similarity of the content words before a heading and after it.
 *
 * The measure is cohesion.ts's (termVector, cosine), computed over small integers instead
 * of strings: each file's content words get ids once, and each comparison counts ids in
 * typed arrays. With a comparison at nearly every heading, building word lists and Maps of
 * strings for each one took a quarter of the splitting time.
 */
import { contentWords } from './cohesion';
import type { LineShape } from './lines';

export interface ShapedLine {
  text: string;
  shape: LineShape;
  words: number;
  /** Content words as vocabulary ids, computed only for lines near a heading whose role is in doubt. */
  contentIds?: number[];
}

export interface CohesionOptions {
  /** Below this cosine similarity between the text before and after a heading, a new article starts. */
  cohesionThreshold: number;
  /** A heading this short needs even less shared vocabulary to start an article. */
  shortHeadingWords: number;
  /** How many words before and after a heading are compared. */
  windowWords: number;
}

/** One per file: the vocabulary ids are only comparable within it. */
export class CohesionWindows {
  private readonly vocabulary = new Map<string, number>();
  private readonly before = scratchBefore;
  private readonly after = scratchAfter;

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
      line.contentIds ??= this.ids(line.text);
      into.add(line.contentIds);
      words += line.words;
    }
  }

  /** A plain array: a typed array for each of many short lines cost more to allocate than it saved. */
  private ids(text: string): number[] {
    const words = contentWords(text);
    const ids: number[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = this.vocabulary.get(words[i]);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(words[i], id);
      }
      ids[i] = id;
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
    const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
    grown.set(this.counts);
    this.counts = grown;
  }
}

/**
 * Shared by every file, as each comparison starts by clearing them: allocating typed arrays
 * for each of thousands of small files cost more than counting in them.
 */
const scratchBefore = new TermCounts();
const scratchAfter = new TermCounts();

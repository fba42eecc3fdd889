/**
 * Splits the text of one file into articles.
 *
 * An article starts at a title line: short, no closing sentence punctuation, at the start
 * of the file or after a blank line or a finished sentence, followed (after an optional
 * byline or date) by prose. Inside an article, lines of the same shape are section
 * headings. Which of the two a heading is follows from evidence:
 *   - a byline or date right under it makes it a title;
 *   - otherwise lexical cohesion decides, as in TextTiling (Hearst, 1997): when the words
 *     before the heading and the words after it have little in common, a new article has
 *     begun; when they share their vocabulary, it is a section of the same article.
 * Navigation lines ("Previous", "Next", "Share this article") and the link titles that
 * trail them at the end of a file are boilerplate: they belong to no article.
 */
import { LineIndex, ownCopy } from './text';
import { endsSentence, isNavigation, trimmedLineShape, wordCount } from './lines';
import { CohesionOptions, CohesionWindows, ShapedLine } from './articleCohesion';

export interface LineSpan {
  /** Zero-based, inclusive. */
  startLine: number;
  endLine: number;
  startOffset: number;
  /** Exclusive. */
  endOffset: number;
}

export interface Section {
  title: string;
  line: number;
}

export interface Article extends LineSpan {
  title: string;
  /** False when the file starts with prose and the title is made from its first words. */
  hasTitleLine: boolean;
  byline?: { text: string; line: number };
  /** First line of the body, after the title and byline. */
  bodyStartLine: number;
  sections: Section[];
  /** Its words, title, byline and section headings included (see wordsIn). */
  wordCount: number;
}

export interface SplitResult {
  articles: Article[];
  boilerplate: LineSpan[];
}

export interface SplitOptions extends CohesionOptions {
  /** An article needs at least this many words of body before another can start. */
  minArticleWords: number;
}

export const defaultSplitOptions: SplitOptions = {
  cohesionThreshold: 0.16,
  shortHeadingWords: 4,
  minArticleWords: 40,
  windowWords: 250,
};

const INLINE_BYLINE =
  /^((?:\p{Lu}[\p{L}'’.-]+\s+){0,4}\p{Lu}[\p{L}'’.-]+ (?:writing|writes|reporting) (?:at|for|in|on) [^:]{2,80}):/u;
const MAX_INLINE_BYLINE_LINES_INTO_BODY = 2;
const UNTITLED_TITLE_WORDS = 8;

export function splitArticles(
  text: string,
  lineIndex: LineIndex = new LineIndex(text),
  options: SplitOptions = defaultSplitOptions,
): SplitResult {
  const lines = shapedLines(text, lineIndex);
  const cohesion = new CohesionWindows(text);
  const tailStart = navigationTailStart(lines);
  const articles: Article[] = [];

  let current: { title: number; body: number; untitled: boolean; sections: Section[] } | undefined;
  let bodyWords = 0;
  const closeCurrent = (beforeLine: number): void => {
    if (!current) return;
    const last = lastContentLine(lines, current.title, beforeLine - 1);
    articles.push(makeArticle(lines, lineSpan(lineIndex, current.title, last), current));
  };

  for (let i = 0; i < tailStart; i++) {
    const line = lines[i];
    // Navigation is boilerplate (see boilerplateOf); bodyStart skips only blank and byline lines, so none is passed over.
    if (line.shape === 'blank' || line.shape === 'navigation') continue;
    if (line.shape === 'heading' && isTitlePosition(lines, i, tailStart)) {
      const body = bodyStart(lines, i, tailStart);
      const startsArticle =
        !current ||
        (bodyWords >= options.minArticleWords &&
          (hasByline(lines, i, body) || cohesion.headingBreaks(lines, i, current.body, body, tailStart, options)));
      if (startsArticle) {
        closeCurrent(i);
        current = { title: i, body, untitled: false, sections: [] };
        bodyWords = 0;
        i = body - 1;
        continue;
      }
    }
    if (!current) {
      current = { title: i, body: i, untitled: true, sections: [] };
      bodyWords = 0;
    }
    if (line.shape === 'heading' && lines[i - 1]?.shape === 'blank') current.sections.push({ title: headingText(line.text), line: i });
    else bodyWords += line.words;
  }
  closeCurrent(tailStart);
  return { articles, boilerplate: boilerplateOf(lines, tailStart, lineIndex) };
}

/**
 * The boilerplate of `text`, as splitArticles finds it, without splitting: it follows from the
 * shapes of the lines alone, while splitting weighs the cohesion around every heading. The
 * duplicate engine reads only the boilerplate of most files it matches.
 */
export function findBoilerplate(text: string, lineIndex: LineIndex = new LineIndex(text)): LineSpan[] {
  // Each span starts at a navigation line: a text without one, as most are, has none.
  if (!hasNavigationLine(text, lineIndex)) return [];
  const lines = shapedLines(text, lineIndex);
  return boilerplateOf(lines, navigationTailStart(lines), lineIndex);
}

/** Whether a line may have the navigation shape: it reads as navigation (see trimmedLineShape). */
function hasNavigationLine(text: string, lineIndex: LineIndex): boolean {
  for (let i = 0; i < lineIndex.lineCount; i++) {
    if (isNavigation(text.slice(lineIndex.lineStart(i), lineIndex.lineEnd(i)).trim())) return true;
  }
  return false;
}

/** Each navigation line before the trailing navigation, then that tail, less its blank end. */
function boilerplateOf(lines: ShapedLine[], tailStart: number, lineIndex: LineIndex): LineSpan[] {
  const boilerplate: LineSpan[] = [];
  for (let i = 0; i < tailStart; i++) if (lines[i].shape === 'navigation') boilerplate.push(lineSpan(lineIndex, i, i));
  if (tailStart < lines.length) {
    let last = lines.length - 1;
    while (last > tailStart && lines[last].shape === 'blank') last--;
    boilerplate.push(lineSpan(lineIndex, tailStart, last));
  }
  return boilerplate;
}

function lineSpan(lineIndex: LineIndex, startLine: number, endLine: number): LineSpan {
  return { startLine, endLine, startOffset: lineIndex.lineStart(startLine), endOffset: lineIndex.lineEnd(endLine) };
}

/** The lines with their shapes, as the splitter decides on them: headings inside wrapped paragraphs demoted. */
function shapedLines(text: string, lineIndex: LineIndex): ShapedLine[] {
  const lines = readLines(text, lineIndex);
  demoteWrappedLines(lines);
  return lines;
}

/** Each line's text, shape and word count: one word count per line, shared by the shape. */
function readLines(fileText: string, lineIndex: LineIndex): ShapedLine[] {
  const lines: ShapedLine[] = new Array(lineIndex.lineCount);
  for (let i = 0; i < lines.length; i++) {
    const start = lineIndex.lineStart(i);
    const end = lineIndex.lineEnd(i);
    const text = fileText.slice(start, end);
    const trimmed = text.trim();
    const words = wordCount(fileText, start, end);
    // trim() removes two characters that wordCount takes for letters (a BOM, U+1680): only then do the counts differ.
    const trimmedWords = trimmed.length === text.length || !TRIMMED_LETTERS.test(text) ? words : wordCount(trimmed);
    lines[i] = { text, start, shape: trimmedLineShape(trimmed, trimmedWords), words, contentIds: undefined };
  }
  return lines;
}

const TRIMMED_LETTERS = /[\uFEFF\u1680]/;

/**
 * At the start of the file, after a blank line, or after a finished sentence; and followed
 * by prose, directly or after a standfirst (a heading-shaped line that prose follows).
 */
function isTitlePosition(lines: ShapedLine[], i: number, end: number): boolean {
  const previous = lines[i - 1];
  if (previous && previous.shape !== 'blank' && !endsSentence(previous.text.trim())) return false;
  const body = bodyStart(lines, i, end);
  const next = lines[body];
  if (next?.shape === 'heading') return isProse(lines[nextContentLine(lines, body + 1, end)]);
  return isProse(next);
}

function isProse(line: ShapedLine | undefined): boolean {
  return line !== undefined && (line.shape === 'prose' || line.shape === 'bullet');
}

/** A byline or date under the heading, or a "Name writing at Outlet:" opening its body. */
function hasByline(lines: ShapedLine[], heading: number, body: number): boolean {
  for (let i = heading + 1; i < body; i++) if (lines[i].shape === 'byline') return true;
  return lines[body] !== undefined && INLINE_BYLINE.test(lines[body].text.trim());
}

/** Bylines under one title: "By Name", then a date, perhaps an "Updated" line. */
const MAX_BYLINE_LINES = 3;

/** The first body line under a title: past blank lines and its byline and date lines. */
function bodyStart(lines: ShapedLine[], title: number, end: number): number {
  let i = nextContentLine(lines, title + 1, end);
  for (let bylines = 0; bylines < MAX_BYLINE_LINES && lines[i]?.shape === 'byline'; bylines++) {
    i = nextContentLine(lines, i + 1, end);
  }
  return Math.min(i, end);
}

/**
 * A heading-shaped line inside a hard-wrapped paragraph is prose: the line before it is
 * an unfinished sentence, or the line after it continues in lower case.
 */
function demoteWrappedLines(lines: ShapedLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].shape !== 'heading') continue;
    const previous = lines[i - 1];
    const next = lines[i + 1];
    const continuesPrevious = previous !== undefined && previous.shape === 'prose' && !endsSentence(previous.text.trim());
    const continuedByNext = next !== undefined && /^\s*\p{Ll}/u.test(next.text);
    if (continuesPrevious || continuedByNext) lines[i].shape = 'prose';
  }
}

/**
 * The heading's words, without Markdown's leading #s; their own copy, as for every string an
 * article keeps: a slice would keep the file's whole text alive beside its compact form.
 */
function headingText(text: string): string {
  return ownCopy(text.trim().replace(/^#{1,6}\s+/, ''));
}

function nextContentLine(lines: ShapedLine[], from: number, end: number): number {
  let i = from;
  while (i < end && lines[i].shape === 'blank') i++;
  return i;
}

function lastContentLine(lines: ShapedLine[], from: number, to: number): number {
  let i = to;
  while (i > from && (lines[i].shape === 'blank' || lines[i].shape === 'navigation')) i--;
  return i;
}

/**
 * Where trailing navigation starts: the first navigation line after which no prose
 * follows, only navigation and the short link titles that go with it.
 */
function navigationTailStart(lines: ShapedLine[]): number {
  let tail = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.shape === 'navigation') tail = i;
    else if (line.shape === 'prose' || line.shape === 'bullet' || line.shape === 'byline') break;
  }
  return tail;
}

function makeArticle(
  lines: ShapedLine[],
  range: LineSpan,
  parts: { title: number; body: number; untitled: boolean; sections: Section[] },
): Article {
  const titleText = headingText(lines[parts.title].text);
  // Spelled out: spreading `range` into the literal took 6% of the splitting time in a V8 profile.
  const article: Article = {
    startLine: range.startLine,
    endLine: range.endLine,
    startOffset: range.startOffset,
    endOffset: range.endOffset,
    title: parts.untitled ? untitledTitle(titleText) : titleText,
    hasTitleLine: !parts.untitled,
    bodyStartLine: parts.body,
    sections: parts.sections,
    wordCount: wordsIn(lines, range),
  };
  const byline = findByline(lines, parts.title, parts.body, range.endLine);
  if (byline) article.byline = byline;
  return article;
}

/**
 * The words of every line of `range` but navigation (boilerplate): title, byline, section
 * headings and body, as a reader counts them, and as a copy of the whole article counts its own.
 */
function wordsIn(lines: ShapedLine[], range: LineSpan): number {
  let words = 0;
  for (let i = range.startLine; i <= range.endLine; i++) if (lines[i].shape !== 'navigation') words += lines[i].words;
  return words;
}

function untitledTitle(firstLine: string): string {
  const words = firstLine.split(/\s+/);
  return words.length <= UNTITLED_TITLE_WORDS ? firstLine : `${words.slice(0, UNTITLED_TITLE_WORDS).join(' ')}…`;
}

function findByline(
  lines: ShapedLine[],
  title: number,
  body: number,
  end: number,
): { text: string; line: number } | undefined {
  for (let i = title + 1; i < body; i++) {
    if (lines[i].shape === 'byline') return { text: ownCopy(lines[i].text.trim()), line: i };
  }
  let seen = 0;
  for (let i = body; i <= end && seen < MAX_INLINE_BYLINE_LINES_INTO_BODY; i++) {
    if (lines[i].shape === 'blank') continue;
    seen++;
    const match = INLINE_BYLINE.exec(lines[i].text.trim());
    if (match) return { text: ownCopy(match[1]), line: i };
  }
  return undefined;
}

/**
 * What a single line of a curated text file looks like: blank, a bullet, a heading,
 * a byline or date, navigation boilerplate, or prose. The article splitter decides from
 * these shapes and from the words around them.
 */

export type LineShape = 'blank' | 'bullet' | 'heading' | 'byline' | 'navigation' | 'prose';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\\s+)?';
const DATE = new RegExp(
  [
    `${WEEKDAY}\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`,
    `${WEEKDAY}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    '\\d{4}-\\d{2}-\\d{2}',
    '\\d{1,2}/\\d{1,2}/\\d{2,4}',
  ].join('|'),
  'i',
);
const BY_AUTHOR = /^(?:by|written by|posted by|words by)\s+\p{Lu}/iu;
const DATE_PREFIX = /^(?:posted|published|updated|last updated)(?:\s+on)?:?\s/i;
const HAS_DIGIT = /\d/;

/**
 * Lines that websites repeat around every article. Compared against the whole trimmed
 * line, case-insensitively, so that prose containing these words is never matched.
 */
export const NAVIGATION_PHRASES = [
  'previous', 'next', 'prev', 'previous article', 'next article', 'previous post', 'next post',
  'back', 'back to top', 'back to news', 'read more', 'read next', 'see also', 'share',
  'share this', 'share this article', 'share this page', 'share on facebook', 'share on twitter',
  'share on linkedin', 'tweet', 'print', 'print this page', 'email', 'enquire about this article',
  'here to help', 'related', 'related articles', 'related posts', 'related content', 'comments',
  'leave a comment', 'subscribe', 'sign up', 'sign up to our newsletter', 'follow us',
  'skip to content', 'skip to main content', 'menu', 'home', 'top', 'tags', 'categories',
  'cookie settings', 'accept cookies', 'contact us', 'latest news', 'more news',
];
const NAVIGATION = new Set(NAVIGATION_PHRASES);

const MARKDOWN_HEADING = /^#{1,6}\s+\S/;
const BULLET = /^(?:[•◦▪▫●○■□‣⁃∙·*+-]|–|—|\d{1,3}[.)]|[a-z][.)]|\(\w{1,3}\))\s+/u;
const SENTENCE_END = /[.,;:!…]$/;
/** A full stop then a capital inside the line: prose, unless after an abbreviation ("Dr. Foster"). */
const INNER_SENTENCE_END = /(?<!\b(?:Dr|St|Mr|Mrs|Ms|Prof|Rev|No|Sr|Jr|Mt))\.\s+\p{Lu}/u;
const CLOSERS = /["'”’»)\]\s]+$/u;

/**
 * Whitespace-separated tokens holding at least one letter or digit, in `text` from `start`
 * to `end`, which may span lines. A character loop, as this runs on every line of every
 * file; given a line's offsets in its file, it reads the file's flat text, faster than a
 * line cut from it.
 */
export function wordCount(text: string, start = 0, end = text.length): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) inWord = false;
    else if (!inWord && isWordChar(c)) {
      inWord = true;
      count++;
    }
  }
  return count;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  // Outside ASCII, anything but general punctuation and symbols counts as part of a word.
  return !(c >= 0x2010 && c <= 0x206f) && c !== 0xab && c !== 0xbb;
}

export function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}

/** Longer than any entry of NAVIGATION, with room for trailing arrows and colons. */
const MAX_NAVIGATION_CHARS = 40;

export function isNavigation(trimmed: string): boolean {
  if (trimmed.length > MAX_NAVIGATION_CHARS) return false;
  return NAVIGATION.has(trimmed.toLowerCase().replace(/[\s:›»>|]+$/u, ''));
}

export function isByline(trimmed: string, words = wordCount(trimmed)): boolean {
  if (words > 14) return false;
  if (BY_AUTHOR.test(trimmed) || DATE_PREFIX.test(trimmed)) return true;
  // Every DATE form has digits: most short lines have none, and the unanchored DATE is slow.
  if (!HAS_DIGIT.test(trimmed)) return false;
  const date = DATE.exec(trimmed);
  // A date line may carry a short prefix or suffix ("Jane Smith | 13 November 2020").
  return date !== null && trimmed.length - date[0].length <= 60;
}

/** Ends like a sentence, so the line after it may start something new. */
export function endsSentence(trimmed: string): boolean {
  return /[.!?…]["'”’»)\]]*$/u.test(trimmed);
}

export function lineShape(text: string): LineShape {
  const trimmed = text.trim();
  return trimmedLineShape(trimmed, wordCount(trimmed));
}

/** The shape of a trimmed line whose words the caller has counted already (the splitter has). */
export function trimmedLineShape(trimmed: string, words: number): LineShape {
  if (trimmed === '') return 'blank';
  if (BULLET.test(trimmed)) return 'bullet';
  if (isNavigation(trimmed)) return 'navigation';
  if (isByline(trimmed, words)) return 'byline';
  if (MARKDOWN_HEADING.test(trimmed)) return 'heading';
  return looksLikeHeading(trimmed, words) ? 'heading' : 'prose';
}

const MAX_HEADING_WORDS = 20;
const MAX_HEADING_CHARS = 160;

function looksLikeHeading(trimmed: string, words: number): boolean {
  if (trimmed.length > MAX_HEADING_CHARS) return false;
  if (words === 0 || words > MAX_HEADING_WORDS) return false;
  // Opening quotes and digits are fine ("‘Moving at…’", "10 things…"); a lower-case start
  // is the tail of a wrapped sentence.
  const first = trimmed.replace(/^["'“‘«(\[]+/u, '');
  if (first === '' || /^\p{Ll}/u.test(first)) return false;
  const body = trimmed.replace(CLOSERS, '');
  return !SENTENCE_END.test(body) && !INNER_SENTENCE_END.test(body);
}

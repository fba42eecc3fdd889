/**
 * Candidate names: runs of capitalised words on one line, joined by the lower-case words
 * names contain ("Royal College of Nursing", "Centre for the Study of …"), then cut into
 * the parts that may each be one organisation: sentence openers and titles go, a job title
 * separates an organisation from the person after it ("Sue Ryder Chief Executive Heidi
 * Travis"), "Chairman of X" leaves X, and "and" splits two names that stand on their own.
 */
import { isStopWord } from '../stopwords';
import { NAME_CONNECTORS, PERSONAL_TITLES, ROLE_WORDS, SENTENCE_ADVERBS } from './lexicon';
import { Tokens, isAmpersand } from './tokens';

/** Tokens `start`..`end` (inclusive) of the text's tokens. */
export interface Segment {
  start: number;
  end: number;
  /** What the phrase around it says: a job title before ("Chair of X") or after ("X Chief Executive Y"). */
  roleBefore: boolean;
  roleAfter: boolean;
}

/**
 * A segment, every one of the same shape. Made for every capitalised phrase of the corpus,
 * with the roles set on some only, they came in four shapes: the functions that judge them
 * were compiled for one, thrown away at the next ("wrong map"), and compiled again for all.
 */
export function segmentOf(start: number, end: number, roleBefore = false, roleAfter = false): Segment {
  return { start, end, roleBefore, roleAfter };
}

export function isNameWord(tokens: Tokens, i: number): boolean {
  return tokens.isWord(i) && (tokens.cap(i) || tokens.upper(i));
}

/** The longest connector ("van", "the"): a longer word is not one, and its key need not be read. */
const MAX_CONNECTOR_LENGTH = Math.max(...[...NAME_CONNECTORS].map((word) => word.length));

function isConnector(tokens: Tokens, i: number): boolean {
  if (!tokens.isWord(i)) return isAmpersand(tokens, i);
  return !tokens.cap(i) && tokens.end(i) - tokens.start(i) <= MAX_CONNECTOR_LENGTH && NAME_CONNECTORS.has(tokens.key(i));
}

/** A plural possessive's apostrophe, written against its word: "St Thomas' Hospital". */
function isAttachedApostrophe(tokens: Tokens, i: number): boolean {
  return (tokens.is(i, "'") || tokens.is(i, '’')) && tokens.isWord(i - 1) && tokens.end(i - 1) === tokens.start(i);
}

/**
 * Maximal runs of name words and inner connectors, each on one line, in text order. Given
 * to `visit` one by one (as are the parts of segmentRun): arrays of them, most holding one
 * short-lived segment, cost more to collect than the work done on them.
 */
export function forEachCapitalisedRun(tokens: Tokens, visit: (run: Segment) => void): void {
  // A name word is a capitalised one: runs start at those, past the end of the run before.
  const { capitalised } = tokens;
  /** The first token the next run may start at. */
  let from = 0;
  for (let c = 0; c < capitalised.length; c++) {
    const start = capitalised[c];
    if (start < from) continue;
    const line = tokens.line(start);
    let end = start;
    let next = start + 1;
    while (next < tokens.length && tokens.line(next) === line) {
      if (isNameWord(tokens, next)) {
        end = next++;
        continue;
      }
      if (isAttachedApostrophe(tokens, next) && isNameWord(tokens, next + 1) && tokens.line(next + 1) === line) {
        end = next + 1;
        next += 2;
        continue;
      }
      // Up to two connectors ("for the") inside a name, when a name word follows.
      let after = next;
      while (after < next + 2 && isConnector(tokens, after) && tokens.line(after) === line) after++;
      if (after > next && isNameWord(tokens, after) && tokens.line(after) === line) {
        end = after;
        next = after + 1;
        continue;
      }
      break;
    }
    visit(segmentOf(start, end));
    from = end + 1;
  }
}

/** The parts of a run that may each name one organisation, in text order. */
export function forEachPartOfRun(tokens: Tokens, run: Segment, visit: (part: Segment) => void): void {
  let start = run.start;
  let roleBefore = false;
  let i = run.start;
  while (i <= run.end) {
    if (tokens.cap(i) && PERSONAL_TITLES.has(tokens.key(i)) && !isConnector(tokens, i + 1)) {
      // "Professor Sir Chris Ham": a person runs to the next job title or the end.
      visitTrimmed(tokens, visit, start, i - 1, roleBefore, false);
      i = skipPerson(tokens, i, run.end);
      start = i;
      roleBefore = false;
      continue;
    }
    if (isRole(tokens, i) && startsRoleBreak(tokens, i, run)) {
      let roleEnd = i;
      while (roleEnd + 1 <= run.end && isRole(tokens, roleEnd + 1)) roleEnd++;
      visitTrimmed(tokens, visit, start, i - 1, roleBefore, true);
      const connector = roleEnd + 1;
      if (isPlace(tokens, connector)) {
        // "Chairman of Ashford and St Peter’s …": what follows is where the person works.
        start = roleEnd + 2;
        roleBefore = true;
        i = start;
      } else {
        // "… Chief Executive Officer Heidi Travis": what follows is the person.
        i = skipPerson(tokens, roleEnd + 1, run.end);
        start = i;
        roleBefore = false;
      }
      continue;
    }
    i++;
  }
  visitTrimmed(tokens, visit, start, run.end, roleBefore, false);
}

/** "of", "at" or "for" in lower case: after a job title, where the person works follows. */
function isPlace(tokens: Tokens, i: number): boolean {
  return !tokens.cap(i) && PLACE_PREPOSITIONS.has(tokens.key(i));
}

const PLACE_PREPOSITIONS = new Set(['of', 'at', 'for']);

function isRole(tokens: Tokens, i: number): boolean {
  return tokens.cap(i) && ROLE_WORDS.has(tokens.key(i));
}

/**
 * A job title inside a run breaks it when "of", "at" or "for" follows, or a person's name
 * (two words or more): not when it ends a name ("Health and Safety Executive",
 * "Association of Ambulance Chief Executives").
 */
function startsRoleBreak(tokens: Tokens, i: number, run: Segment): boolean {
  let roleEnd = i;
  while (roleEnd + 1 <= run.end && isRole(tokens, roleEnd + 1)) roleEnd++;
  if (roleEnd >= run.end || roleEnd + 1 >= tokens.length) return false;
  if (isPlace(tokens, roleEnd + 1)) return true;
  return run.end - roleEnd >= 2 && isNameWord(tokens, roleEnd + 2);
}

/** The index after a person's name: up to the next job title or the end of the run. */
function skipPerson(tokens: Tokens, from: number, end: number): number {
  let i = from;
  while (i <= end && !(isRole(tokens, i) && i > from && !PERSONAL_TITLES.has(tokens.key(i)))) i++;
  return i;
}

/** Drops sentence openers, a leading "The", and connectors at either end; visits what is left. */
function visitTrimmed(tokens: Tokens, visit: (part: Segment) => void, from: number, to: number, roleBefore: boolean, roleAfter: boolean): void {
  let start = from;
  let end = to;
  while (start <= end) {
    const key = tokens.key(start);
    const opener = tokens.sentenceStart(start) && (isStopWord(key) || SENTENCE_ADVERBS.has(key));
    if (opener || key === 'the' || isConnector(tokens, start)) start++;
    else break;
  }
  while (end >= start && isConnector(tokens, end)) end--;
  if (start > end) return;
  visit(segmentOf(start, end, roleBefore, roleAfter));
}

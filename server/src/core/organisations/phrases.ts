/**
 * Candidate names: runs of capitalised words on one line, joined by the lower-case words
 * names contain ("Royal College of Nursing", "Centre for the Study of …"), then cut into
 * the parts that may each be one organisation: sentence openers and titles go, a job title
 * separates an organisation from the person after it ("Sue Ryder Chief Executive Heidi
 * Travis"), "Chairman of X" leaves X, and "and" splits two names that stand on their own.
 */
import { isStopWord } from '../stopwords';
import { NAME_CONNECTORS, PERSONAL_TITLES, ROLE_WORDS, SENTENCE_ADVERBS } from './lexicon';
import { Token, isAmpersand } from './tokens';

/** Tokens `start`..`end` (inclusive) of the text's tokens. */
export interface Segment {
  start: number;
  end: number;
  /** What the phrase around it says: a job title before ("Chair of X") or after ("X Chief Executive Y"). */
  roleBefore?: boolean;
  roleAfter?: boolean;
}

export function isNameWord(token: Token | undefined): token is Token {
  return token !== undefined && token.word && (token.cap || token.upper);
}

function isConnector(token: Token | undefined): boolean {
  return token !== undefined && (isAmpersand(token) || (token.word && !token.cap && NAME_CONNECTORS.has(token.key)));
}

/** A plural possessive's apostrophe, written against its word: "St Thomas' Hospital". */
function isAttachedApostrophe(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  return (token?.text === "'" || token?.text === '’') && tokens[index - 1]?.end === token.start && tokens[index - 1].word;
}

/** Maximal runs of name words and inner connectors, each on one line. */
export function capitalisedRuns(tokens: Token[]): Segment[] {
  const runs: Segment[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    let next = i + 1;
    while (next < tokens.length && tokens[next].line === tokens[start].line) {
      if (isNameWord(tokens[next])) {
        end = next++;
        continue;
      }
      if (isAttachedApostrophe(tokens, next) && isNameWord(tokens[next + 1]) && tokens[next + 1].line === tokens[start].line) {
        end = next + 1;
        next += 2;
        continue;
      }
      // Up to two connectors ("for the") inside a name, when a name word follows.
      let after = next;
      while (after < next + 2 && isConnector(tokens[after]) && tokens[after].line === tokens[start].line) after++;
      if (after > next && isNameWord(tokens[after]) && tokens[after].line === tokens[start].line) {
        end = after;
        next = after + 1;
        continue;
      }
      break;
    }
    runs.push({ start, end });
    i = end + 1;
  }
  return runs;
}

/** The parts of a run that may each name one organisation. */
export function segmentRun(tokens: Token[], run: Segment): Segment[] {
  const parts: Segment[] = [];
  let start = run.start;
  let roleBefore = false;
  let i = run.start;
  while (i <= run.end) {
    const token = tokens[i];
    if (token.cap && PERSONAL_TITLES.has(token.key) && !isConnector(tokens[i + 1])) {
      // "Professor Sir Chris Ham": a person runs to the next job title or the end.
      pushTrimmed(tokens, parts, { start, end: i - 1, roleBefore });
      i = skipPerson(tokens, i, run.end);
      start = i;
      roleBefore = false;
      continue;
    }
    if (isRole(token) && startsRoleBreak(tokens, i, run)) {
      let roleEnd = i;
      while (roleEnd + 1 <= run.end && isRole(tokens[roleEnd + 1])) roleEnd++;
      pushTrimmed(tokens, parts, { start, end: i - 1, roleBefore, roleAfter: true });
      const connector = tokens[roleEnd + 1];
      if (connector && ['of', 'at', 'for'].includes(connector.key) && !connector.cap) {
        // "Chairman of Ashford and St Peter's …": what follows is where the person works.
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
  pushTrimmed(tokens, parts, { start, end: run.end, roleBefore });
  return parts;
}

function isRole(token: Token | undefined): boolean {
  return token !== undefined && token.cap && ROLE_WORDS.has(token.key);
}

/**
 * A job title inside a run breaks it when "of", "at" or "for" follows, or a person's name
 * (two words or more): not when it ends a name ("Health and Safety Executive",
 * "Association of Ambulance Chief Executives").
 */
function startsRoleBreak(tokens: Token[], i: number, run: Segment): boolean {
  let roleEnd = i;
  while (roleEnd + 1 <= run.end && isRole(tokens[roleEnd + 1])) roleEnd++;
  const next = tokens[roleEnd + 1];
  if (roleEnd >= run.end || !next) return false;
  if (['of', 'at', 'for'].includes(next.key) && !next.cap) return true;
  return run.end - roleEnd >= 2 && isNameWord(tokens[roleEnd + 2]);
}

/** The index after a person's name: up to the next job title or the end of the run. */
function skipPerson(tokens: Token[], from: number, end: number): number {
  let i = from;
  while (i <= end && !(isRole(tokens[i]) && i > from && !PERSONAL_TITLES.has(tokens[i].key))) i++;
  return i;
}

/** Drops sentence openers, a leading "The", and connectors at either end. */
function pushTrimmed(tokens: Token[], parts: Segment[], segment: Segment): void {
  let { start, end } = segment;
  while (start <= end) {
    const token = tokens[start];
    const opener = token.sentenceStart && (isStopWord(token.key) || SENTENCE_ADVERBS.has(token.key));
    if (opener || token.key === 'the' || isConnector(token)) start++;
    else break;
  }
  while (end >= start && isConnector(tokens[end])) end--;
  if (start > end) return;
  const part: Segment = { start, end };
  if (segment.roleBefore) part.roleBefore = true;
  if (segment.roleAfter) part.roleAfter = true;
  parts.push(part);
}

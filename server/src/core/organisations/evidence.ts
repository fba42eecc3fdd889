/**
 * Whether a candidate name is an organisation, from the words of the name and the words
 * around it. Structure ("… Trust", "NHS …", "Department of …") and unambiguous context
 * ("the charity X", "X, the think tank", "chief executive of X") accept a name; being
 * quoted ("X said") accepts it only when nothing suggests a person. Titles, given names
 * and places reject it.
 */
import { isStopWord } from '../stopwords';
import { FIRST_NAMES } from './firstNames';
import {
  GENERIC_BODIES,
  HEAD_WORDS,
  NON_ORGANISATION_ACRONYMS,
  ORGANISATION_NOUNS,
  ORGANISATION_VERBS,
  PERSON_NOUNS,
  PERSONAL_TITLES,
  PLACES,
  PREFIX_BEFORE_OF,
  PREFIX_WORDS,
  PUBLICATION_NOUNS,
  REPORTING_VERBS,
  ROLE_WORDS,
  ROYAL,
  WEAK_HEAD_WORDS,
} from './lexicon';
import type { Segment } from './phrases';
import type { TokenisedText } from './tokenisedText';
import { Tokens, isLowerWord } from './tokens';

export type Evidence = 'head' | 'prefix' | 'kind' | 'apposition' | 'role' | 'publication' | 'quoted' | 'acronym';

/** Higher is more certain; the strongest evidence's sentence describes an organisation. */
export const EVIDENCE_STRENGTH: Record<Evidence, number> = {
  acronym: 5,
  apposition: 4,
  kind: 4,
  role: 3,
  head: 2,
  prefix: 2,
  publication: 2,
  quoted: 1,
};

export function judgeSegment(text: TokenisedText, segment: Segment, key: string): Evidence | undefined {
  const { tokens } = text;
  const { start, end } = segment;
  if (PLACES.has(key) || GENERIC_BODIES.has(key) || isAllRoles(tokens, segment)) return undefined;
  if (PERSONAL_TITLES.has(tokens.key(start))) return undefined;
  const single = start === end;
  const acronym = single && tokens.upper(start);
  if (acronym && NON_ORGANISATION_ACRONYMS.has(tokens.key(start))) return undefined;

  const structure = structuralEvidence(text, segment);
  if (structure) return structure;
  const context = strongContext(tokens, segment);
  if (context === 'kind' || context === 'apposition') return context;
  // One capitalised word needs more: a job title around it is as often about a place or a
  // team ("Children's Commissioner"), being quoted is not enough, and "a report by the
  // Thornwell" or "a grant from January" is a place, a date or a name cut short. (Decided
  // before the costlier look at the rest of the text: most candidates are such words.)
  if (single && !acronym) return undefined;
  const common = isDescriptive(text, segment);
  if (common) return undefined;
  if (context) return looksLikePerson(tokens, segment) && !acronym ? undefined : context;
  const weak = weakContext(tokens, segment);
  if (!weak || looksLikePerson(tokens, segment)) return undefined;
  return weak;
}

/** "of", "for", "on" or "to": what may follow a head word inside a name ("Institute for …"). */
function opensComplement(tokens: Tokens, i: number): boolean {
  return COMPLEMENT_OPENERS.has(tokens.key(i));
}

const COMPLEMENT_OPENERS = new Set(['of', 'for', 'on', 'to']);
const WORKPLACE_PREPOSITIONS = new Set(['of', 'at', 'for']);
const SOURCE_PREPOSITIONS = new Set(['by', 'from']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** What may follow the kind of organisation in an apposition: ", the charity that …", ", a firm supplying …". */
const AFTER_APPOSITION = new Set(['that', 'which', 'for', 'of', 'in', 'with', 'supplying', 'running']);
/** Between a name and its reporting verb: "X has said", "X today warned". */
const BEFORE_REPORTING_VERB = new Set(['has', 'have', 'had', 'also', 'today', 'yesterday']);
const WRITING = new Set(['writing', 'writes']);

/** The name's own words: a head word ("… Institute", "Institute for …"), or a prefix ("NHS …"). */
export function structuralEvidence(text: TokenisedText, segment: Segment): Evidence | undefined {
  const { tokens } = text;
  const { start, end } = segment;
  if (start === end) return undefined;
  for (let i = start; i <= end; i++) {
    const key = headKey(tokens, i);
    if (!HEAD_WORDS.has(key) || !tokens.cap(i)) continue;
    // "… Trust", "Institute for …", "Campaign to …", "King's College London".
    const closes = i === end || opensComplement(tokens, i + 1) || (i === end - 1 && PLACES.has(tokens.key(end)));
    if (!closes || (i === start && i === end)) continue;
    if (WEAK_HEAD_WORDS.has(key) && end - start < 2 && tokens.sentenceStart(start)) continue;
    if (i === start && !opensComplement(tokens, i + 1)) continue;
    return 'head';
  }
  const first = tokens.key(start);
  if (PREFIX_WORDS.has(first) && tokens.cap(start + 1)) return 'prefix';
  if (PREFIX_BEFORE_OF.has(first) && (tokens.key(start + 1) === 'of' || tokens.key(start + 1) === 'for') && end > start + 1) return 'prefix';
  if (first === ROYAL && end > start + 1) return 'prefix';
  return undefined;
}

/** Any word of an organisation's name's head or prefix: "Association", "Department", "Trust". */
export function containsHeadWord(tokens: Tokens, segment: Segment): boolean {
  for (let i = segment.start; i <= segment.end; i++) {
    const key = headKey(tokens, i);
    if (HEAD_WORDS.has(key) || PREFIX_BEFORE_OF.has(key) || PREFIX_WORDS.has(key)) return true;
  }
  return false;
}

/** Possessive "Fund's" -> "fund"; plural head words are listed as such. */
function headKey(tokens: Tokens, i: number): string {
  return tokens.possessiveKey(i);
}

/** "the charity X", "X, the charity", "chief executive of X", "X's chief executive", "writing at X". */
function strongContext(tokens: Tokens, segment: Segment): Evidence | undefined {
  const { start, end } = segment;
  const previous = wordBefore(tokens, start, 1);
  if (isKindBefore(tokens, start)) return 'kind';
  if (isApposition(tokens, end)) return 'apposition';
  if (segment.roleBefore || segment.roleAfter) return 'role';
  const skip = previous >= 0 && tokens.key(previous) === 'the' ? 1 : 0;
  const prepositionKey = tokens.key(wordBefore(tokens, start, 1 + skip));
  const roleKey = tokens.key(wordBefore(tokens, start, 2 + skip));
  if (WORKPLACE_PREPOSITIONS.has(prepositionKey) && roleKey !== '' && (ROLE_WORDS.has(roleKey) || roleKey.startsWith('writ') || roleKey.startsWith('work'))) {
    return 'role';
  }
  const after = end + 1;
  if ((tokens.possessiveAt(end) >= 0 || tokens.is(after, '’s')) && ROLE_WORDS.has(tokens.key(wordAfter(tokens, end)))) return 'role';
  if (isLowerWord(tokens, after) && ROLE_WORDS.has(tokens.key(after)) && tokens.key(after) !== 'member' && isLowerWord(tokens, end + 2)) return 'role';
  if (SOURCE_PREPOSITIONS.has(prepositionKey) && roleKey !== '' && PUBLICATION_NOUNS.has(roleKey)) return 'publication';
  return undefined;
}

/**
 * One capitalised word, not an acronym, with neither a kind of organisation before it nor
 * a comma after it: nothing can make it a name (judgeSegment accepts such a word only as
 * "the charity X" or "X, the charity"). Told without reading its key: most candidates are
 * such words.
 */
export function isLoneWord(tokens: Tokens, segment: Segment): boolean {
  const { start, end } = segment;
  return start === end && !tokens.upper(start) && !tokens.is(end + 1, ',') && !isKindBefore(tokens, start);
}

/** "the charity X": a kind of organisation, in lower case, just before. */
function isKindBefore(tokens: Tokens, start: number): boolean {
  const previous = wordBefore(tokens, start, 1);
  return previous >= 0 && isLowerWord(tokens, previous) && ORGANISATION_NOUNS.has(tokens.key(previous));
}

/** ", the charity", ", a mental health think tank", ", one of the companies …", ", which runs …". */
function isApposition(tokens: Tokens, end: number): boolean {
  if (!tokens.is(end + 1, ',')) return false;
  let i = end + 2;
  if (tokens.key(i) === 'which') return ORGANISATION_VERBS.has(tokens.key(i + 1));
  if (tokens.key(i) === 'one' && tokens.key(i + 1) === 'of') i += 2;
  if (!ARTICLES.has(tokens.key(i))) return false;
  // The noun phrase right after the article: adjectives and nouns ("mental health", "food and
  // farming"), ending in a kind of organisation; a preposition ends it ("the partners in the practice").
  for (i++; i < end + 10 && i < tokens.length; i++) {
    const key = tokens.key(i);
    if (!tokens.isWord(i) || !isLowerWord(tokens, i) || (isStopWord(key) && key !== 'and')) return false;
    if (ORGANISATION_NOUNS.has(key)) {
      return !isLowerWord(tokens, i + 1) || AFTER_APPOSITION.has(tokens.key(i + 1));
    }
  }
  return false;
}

function weakContext(tokens: Tokens, segment: Segment): Evidence | undefined {
  let i = segment.end + 1;
  if (BEFORE_REPORTING_VERB.has(tokens.key(i))) i++;
  return isLowerWord(tokens, i) && REPORTING_VERBS.has(tokens.key(i)) ? 'quoted' : undefined;
}

/** A given name first, a person's noun before ("psychotherapist X"), or ", chair of …" after. */
export function looksLikePerson(tokens: Tokens, segment: Segment): boolean {
  const { start, end } = segment;
  const previous = wordBefore(tokens, start, 1);
  if (previous >= 0 && isLowerWord(tokens, previous) && PERSON_NOUNS.has(tokens.key(previous))) return true;
  const first = tokens.sentenceStart(start) && PERSON_NOUNS.has(tokens.key(start)) ? start + 1 : start;
  if (first < end && FIRST_NAMES.has(tokens.key(first)) && !tokens.upper(first) && tokens.cap(first + 1)) return true;
  if (tokens.is(end + 1, ',') && ROLE_WORDS.has(tokens.key(end + 2))) return true;
  return WRITING.has(tokens.key(end + 1));
}

/** Every word is also written in lower case in this text: a descriptive phrase ("Integrated Care"). */
function isDescriptive(text: TokenisedText, segment: Segment): boolean {
  const { tokens } = text;
  for (let i = segment.start; i <= segment.end; i++) {
    if (tokens.upper(i)) return false;
    if (!isStopWord(tokens.key(i)) && !text.writtenInLowerCase(headKey(tokens, i))) return false;
  }
  return true;
}

function isAllRoles(tokens: Tokens, segment: Segment): boolean {
  for (let i = segment.start; i <= segment.end; i++) {
    if (!ROLE_WORDS.has(tokens.key(i)) && !isStopWord(tokens.key(i))) return false;
  }
  return true;
}

/** The `nth` word before `index` (1: the one just before), when all up to it are words on its line; else -1. */
function wordBefore(tokens: Tokens, index: number, nth: number): number {
  const line = tokens.line(index);
  for (let i = index - 1; i >= index - nth; i--) {
    if (i < 0 || !tokens.isWord(i) || tokens.line(i) !== line) return -1;
  }
  return index - nth;
}

/** The word after a name, past a detached "’s" or "'s". */
function wordAfter(tokens: Tokens, end: number): number {
  return tokens.is(end + 1, '’s') || tokens.is(end + 1, "'s") ? end + 2 : end + 1;
}

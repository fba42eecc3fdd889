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
import { Token, TokenisedText, isLowerWord } from './tokens';

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
  if (PERSONAL_TITLES.has(tokens[start].key)) return undefined;
  const single = start === end;
  const acronym = single && tokens[start].upper;
  if (acronym && NON_ORGANISATION_ACRONYMS.has(tokens[start].key)) return undefined;

  const structure = structuralEvidence(text, segment);
  if (structure) return structure;
  const context = strongContext(tokens, segment);
  if (context === 'kind' || context === 'apposition') return context;
  const common = isDescriptive(text, segment);
  if (common) return undefined;
  // A job title around one capitalised word is as often about a place or a team ("Children's Commissioner").
  if (context === 'role' && single && !acronym) return undefined;
  if (context) return looksLikePerson(tokens, segment) && !acronym ? undefined : context;
  const weak = weakContext(tokens, segment);
  if (!weak || looksLikePerson(tokens, segment)) return undefined;
  if (single && !acronym) return undefined;
  return weak;
}

/** The name's own words: a head word ("… Institute", "Institute for …"), or a prefix ("NHS …"). */
export function structuralEvidence(text: TokenisedText, segment: Segment): Evidence | undefined {
  const { tokens } = text;
  const { start, end } = segment;
  if (start === end) return undefined;
  for (let i = start; i <= end; i++) {
    const key = headKey(tokens[i]);
    if (!HEAD_WORDS.has(key) || !tokens[i].cap) continue;
    // "… Trust", "Institute for …", "Campaign to …", "King's College London".
    const closes = i === end || ['of', 'for', 'on', 'to'].includes(tokens[i + 1].key) || (i === end - 1 && PLACES.has(tokens[end].key));
    if (!closes || (i === start && i === end)) continue;
    if (WEAK_HEAD_WORDS.has(key) && end - start < 2 && tokens[start].sentenceStart) continue;
    if (i === start && !['of', 'for', 'on', 'to'].includes(tokens[i + 1]?.key ?? '')) continue;
    return 'head';
  }
  const first = tokens[start];
  const second = tokens[start + 1];
  if (PREFIX_WORDS.has(first.key) && second.cap) return 'prefix';
  if (PREFIX_BEFORE_OF.has(first.key) && ['of', 'for'].includes(second.key) && end > start + 1) return 'prefix';
  if (first.key === ROYAL && end > start + 1) return 'prefix';
  return undefined;
}

/** Any word of an organisation's name's head or prefix: "Association", "Department", "Trust". */
export function containsHeadWord(tokens: Token[], segment: Segment): boolean {
  for (let i = segment.start; i <= segment.end; i++) {
    const key = headKey(tokens[i]);
    if (HEAD_WORDS.has(key) || PREFIX_BEFORE_OF.has(key) || PREFIX_WORDS.has(key)) return true;
  }
  return false;
}

/** Possessive "Fund's" -> "fund"; plural head words are listed as such. */
function headKey(token: Token): string {
  return token.possessive?.key ?? token.key;
}

/** "the charity X", "X, the charity", "chief executive of X", "X's chief executive", "writing at X". */
function strongContext(tokens: Token[], segment: Segment): Evidence | undefined {
  const { start, end } = segment;
  const before = previousWords(tokens, start, 3);
  if (before[0] && isLowerWord(before[0]) && ORGANISATION_NOUNS.has(before[0].key)) return 'kind';
  if (isApposition(tokens, end)) return 'apposition';
  if (segment.roleBefore || segment.roleAfter) return 'role';
  const [preposition, role] = before[0]?.key === 'the' ? before.slice(1) : before;
  if (preposition && ['of', 'at', 'for'].includes(preposition.key) && role && (ROLE_WORDS.has(role.key) || /^(?:writ|work)/.test(role.key))) {
    return 'role';
  }
  const after = tokens[end + 1];
  if ((tokens[end].possessive || after?.text === '’s') && ROLE_WORDS.has(wordAfter(tokens, end)?.key ?? '')) return 'role';
  if (after && isLowerWord(after) && ROLE_WORDS.has(after.key) && after.key !== 'member' && isLowerWord(tokens[end + 2])) return 'role';
  if (preposition && ['by', 'from'].includes(preposition.key) && role && PUBLICATION_NOUNS.has(role.key)) return 'publication';
  return undefined;
}

/** ", the charity", ", a mental health think tank", ", one of the companies …", ", which runs …". */
function isApposition(tokens: Token[], end: number): boolean {
  if (tokens[end + 1]?.text !== ',') return false;
  let i = end + 2;
  if (tokens[i]?.key === 'which') return ORGANISATION_VERBS.has(tokens[i + 1]?.key ?? '');
  if (tokens[i]?.key === 'one' && tokens[i + 1]?.key === 'of') i += 2;
  if (!['the', 'a', 'an'].includes(tokens[i]?.key ?? '')) return false;
  // The noun phrase right after the article: adjectives and nouns ("mental health", "food and
  // farming"), ending in a kind of organisation; a preposition ends it ("the partners in the practice").
  for (i++; i < end + 10 && i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.word || !isLowerWord(token) || (isStopWord(token.key) && token.key !== 'and')) return false;
    if (ORGANISATION_NOUNS.has(token.key)) return !isLowerWord(tokens[i + 1]) || ['that', 'which', 'for', 'of', 'in', 'with', 'supplying', 'running'].includes(tokens[i + 1].key);
  }
  return false;
}

function weakContext(tokens: Token[], segment: Segment): Evidence | undefined {
  let i = segment.end + 1;
  if (['has', 'have', 'had', 'also', 'today', 'yesterday'].includes(tokens[i]?.key ?? '')) i++;
  return tokens[i] && isLowerWord(tokens[i]) && REPORTING_VERBS.has(tokens[i].key) ? 'quoted' : undefined;
}

/** A given name first, a person's noun before ("psychotherapist X"), or ", chair of …" after. */
export function looksLikePerson(tokens: Token[], segment: Segment): boolean {
  const { start, end } = segment;
  const before = previousWords(tokens, start, 1)[0];
  if (before && isLowerWord(before) && PERSON_NOUNS.has(before.key)) return true;
  const first = tokens[start].sentenceStart && PERSON_NOUNS.has(tokens[start].key) ? start + 1 : start;
  if (first < end && FIRST_NAMES.has(tokens[first].key) && !tokens[first].upper && tokens[first + 1].cap) return true;
  if (tokens[end + 1]?.text === ',' && ROLE_WORDS.has(tokens[end + 2]?.key ?? '')) return true;
  const next = tokens[end + 1];
  return next !== undefined && ['writing', 'writes'].includes(next.key);
}

/** Every word is also written in lower case in this text: a descriptive phrase ("Integrated Care"). */
function isDescriptive(text: TokenisedText, segment: Segment): boolean {
  for (let i = segment.start; i <= segment.end; i++) {
    const token = text.tokens[i];
    if (token.upper) return false;
    if (!isStopWord(token.key) && !text.writtenInLowerCase(headKey(token))) return false;
  }
  return true;
}

function isAllRoles(tokens: Token[], segment: Segment): boolean {
  for (let i = segment.start; i <= segment.end; i++) {
    if (!ROLE_WORDS.has(tokens[i].key) && !isStopWord(tokens[i].key)) return false;
  }
  return true;
}

/** Up to `count` tokens before `index` on its line, nearest first; stops at punctuation. */
function previousWords(tokens: Token[], index: number, count: number): Token[] {
  const words: Token[] = [];
  for (let i = index - 1; i >= 0 && words.length < count; i--) {
    if (!tokens[i].word || tokens[i].line !== tokens[index].line) break;
    words.push(tokens[i]);
  }
  return words;
}

function wordAfter(tokens: Token[], end: number): Token | undefined {
  const next = tokens[end + 1];
  return next?.text === '’s' || next?.text === "'s" ? tokens[end + 2] : next;
}

/**
 * Finds the organisations one text names, beyond those already known: capitalised phrases
 * accepted on evidence, and acronyms defined in the text ("Good Governance Institute
 * (GGI)", "GGI (Good Governance Institute)"). What one text teaches is then recognised in
 * every text of the corpus (see index.ts).
 */
import { isStopWord } from '../stopwords';
import { longFormStart, maxLongFormWords, singularShortForm } from './acronyms';
import { EVIDENCE_STRENGTH, Evidence, containsHeadWord, isLoneWord, judgeSegment, looksLikePerson, structuralEvidence } from './evidence';
import { NON_ORGANISATION_ACRONYMS, SENTENCE_ADVERBS } from './lexicon';
import { Segment, forEachCapitalisedRun, forEachPartOfRun, isNameWord, segmentOf } from './phrases';
import { collapseLineBreaks, idFromKey, tokensKey } from './names';
import type { TokenisedText } from './tokenisedText';
import { Tokens, isFullStop } from './tokens';

export interface TextSpan {
  start: number;
  end: number;
}

export interface DiscoveredName {
  name: string;
  key: string;
  /** The organisation's id, made from the name. */
  id: string;
  evidence: Evidence;
  /** Where the name was found, and the sentence that says what it is. */
  span: TextSpan;
  sentence: TextSpan;
}

export interface AcronymDefinition {
  short: string;
  /** The organisation the short form stands for: the known one, or one made from the long form. */
  id: string;
  /** The long form's name key: the organisation the short form stands for. */
  longKey: string;
  long: string;
  span: TextSpan;
  sentence: TextSpan;
}

export interface Discovery {
  names: DiscoveredName[];
  acronyms: AcronymDefinition[];
}

export interface KnownNames {
  /** The id of the organisation with this name key (see nameKey), when already known (gazetteer). */
  idOfKey(key: string): string | undefined;
  /** Name keys that are never organisations. */
  ignored: Set<string>;
}

export function discoverOrganisations(source: string, text: TokenisedText, known: KnownNames): Discovery {
  /** One entry per name: the occurrence with the strongest evidence. */
  const names = new Map<string, DiscoveredName>();
  const acronyms: AcronymDefinition[] = [];
  const { tokens } = text;
  const add = (name: DiscoveredName): void => {
    const existing = names.get(name.key);
    if (!existing || EVIDENCE_STRENGTH[name.evidence] > EVIDENCE_STRENGTH[existing.evidence]) names.set(name.key, name);
  };

  const judge = (segment: Segment): void => {
    if (isLoneWord(tokens, segment)) return;
    const key = tokensKey(tokens, segment.start, segment.end);
    // Known and ignored names need no evidence; the same name found again needs stronger evidence.
    if (key === '' || known.ignored.has(key) || known.idOfKey(key) !== undefined) return;
    const existing = names.get(key);
    if (existing && EVIDENCE_STRENGTH[existing.evidence] >= STRONGEST_PHRASE_EVIDENCE) return;
    const evidence = judgeSegment(text, segment, key);
    if (!evidence || (existing && EVIDENCE_STRENGTH[existing.evidence] >= EVIDENCE_STRENGTH[evidence])) return;
    const span = segmentSpan(tokens, segment);
    const name = collapseLineBreaks(source.slice(span.start, span.end));
    add({ name, key, id: idFromKey(key), evidence, span, sentence: sentenceAround(source, tokens, segment) });
  };
  const judgeParts = (part: Segment): void => {
    // One word has no connector to split at (most parts are one word).
    if (part.start === part.end) judge(part);
    else splitAtConnectors(text, part, known, judge);
  };
  forEachCapitalisedRun(tokens, (run) => {
    // A lone word is a run of one part, itself, that judge would pass over: told before the costlier looks.
    if (isLoneWord(tokens, run) || cannotBeAName(tokens, run) || text.isTitleLine(tokens.line(run.start))) return;
    forEachPartOfRun(tokens, run, judgeParts);
  });
  for (const definition of acronymDefinitions(source, text, known)) {
    acronyms.push(definition);
    if (known.idOfKey(definition.longKey) === undefined) {
      add({ name: definition.long, key: definition.longKey, id: definition.id, evidence: 'acronym', span: definition.span, sentence: definition.sentence });
    }
  }
  return { names: [...names.values()].sort((a, b) => a.span.start - b.span.start), acronyms };
}

/** No evidence judgeSegment finds is stronger: a name found with it need not be judged again. */
const STRONGEST_PHRASE_EVIDENCE = Math.max(EVIDENCE_STRENGTH.apposition, EVIDENCE_STRENGTH.kind);

/**
 * One capitalised word that opens a sentence and is not an acronym: only "X, the charity …"
 * could make it a name, so without a comma after it there is nothing to judge. (Most
 * capitalised words are of this kind; skipping them early matters for speed.)
 */
function cannotBeAName(tokens: Tokens, run: Segment): boolean {
  return run.start === run.end && tokens.sentenceStart(run.start) && !tokens.upper(run.start) && !tokens.is(run.end + 1, ',');
}

/** Skips "the"s from `from`, up to `end`. */
function skipThe(tokens: Tokens, from: number, end: number): number {
  let i = from;
  while (i < end && tokens.key(i) === 'the') i++;
  return i;
}

/**
 * "NHS England and Public Health England" is two names, and so is "GGI Development and
 * Research LLP for the Good Governance Institute"; "Department of Health and Social Care"
 * is one. A phrase is cut at "and", "&" or "for" where both sides stand as names alone.
 * The pieces are given to `visit` in text order (as the parts of a run are: see phrases.ts).
 */
function splitAtConnectors(text: TokenisedText, segment: Segment, known: KnownNames, visit: (segment: Segment) => void): void {
  const { tokens } = text;
  for (let i = segment.start + 1; i < segment.end; i++) {
    if (tokens.cap(i)) continue;
    const key = tokens.key(i);
    if (key === 'of' || key === 'at') {
      const left = segmentOf(segment.start, i - 1);
      const right = segmentOf(skipThe(tokens, i + 1, segment.end), segment.end);
      // "Declan Hughes of the Royal College of Psychiatrists", "Matt Hughes of Clean Up
      // Gambling": a person (or a job) of an organisation, not one name.
      if (looksLikePerson(tokens, left) || (!containsHeadWord(tokens, left) && standsAlone(text, right, known))) {
        splitAtConnectors(text, right, known, visit);
        return;
      }
    }
    if (key !== 'and' && key !== 'for') continue;
    const left = segmentOf(segment.start, i - 1);
    const right = segmentOf(skipThe(tokens, i + 1, segment.end), segment.end);
    if (standsAlone(text, left, known) && standsAlone(text, right, known)) {
      splitAtConnectors(text, left, known, visit);
      splitAtConnectors(text, right, known, visit);
      return;
    }
  }
  visit(segment);
}

/** A known name, or one whose own words show it is an organisation (see splitAtConnectors). */
function standsAlone(text: TokenisedText, part: Segment, known: KnownNames): boolean {
  return (
    part.start <= part.end &&
    (known.idOfKey(tokensKey(text.tokens, part.start, part.end)) !== undefined || structuralEvidence(text, part) !== undefined)
  );
}

function segmentSpan(tokens: Tokens, segment: Segment): TextSpan {
  const possessiveAt = segment.end > segment.start ? tokens.possessiveAt(segment.end) : -1;
  return { start: tokens.start(segment.start), end: possessiveAt >= 0 ? possessiveAt : tokens.end(segment.end) };
}

/**
 * The sentence is shown as what the organisation is: text with no full stop for this many
 * tokens on either side of the name (a list, a table, a line run on for pages) is cut there.
 * Looking further made every name of such a text cost a walk over all of it, and a copy.
 */
const MAX_SENTENCE_TOKENS = 100;

/** From the start of the sentence to its full stop, or to the end of the line, within MAX_SENTENCE_TOKENS of the name. */
export function sentenceAround(source: string, tokens: Tokens, segment: Segment): TextSpan {
  let first = segment.start;
  const earliest = Math.max(0, segment.start - MAX_SENTENCE_TOKENS);
  while (first > earliest && !tokens.sentenceStart(first)) first--;
  let last = segment.end;
  const latest = segment.end + MAX_SENTENCE_TOKENS;
  const line = tokens.line(segment.end);
  while (last < latest && last + 1 < tokens.length && tokens.line(last + 1) === line && !isFullStop(tokens, last)) last++;
  return { start: tokens.start(first), end: Math.min(tokens.end(last), source.length) };
}

/** Acronym definitions whose long form is an organisation, in both orders. */
function acronymDefinitions(source: string, text: TokenisedText, known: KnownNames): AcronymDefinition[] {
  const { tokens } = text;
  const definitions: AcronymDefinition[] = [];
  /**
   * Where the last look for a ")" stopped: at that ")", at the next line, or at the end. An
   * opening parenthesis before it finds the same stop, so none is looked for twice: a line
   * of a million "(" cost a million million steps otherwise.
   */
  let stop = -1;
  // Each "(" is a token of its own: found in the text, where most texts have few, rather than by a look at every token.
  for (let at = source.indexOf('('); at >= 0; at = source.indexOf('(', at + 1)) {
    const i = tokenStartingAt(tokens, at);
    if (i < 1 || i + 2 >= tokens.length) continue;
    const inner = i + 1;
    if (stop <= i) {
      const line = tokens.line(i);
      stop = i + 1;
      while (stop < tokens.length && !tokens.is(stop, ')') && tokens.line(stop) === line) stop++;
    }
    const close = stop;
    if (!tokens.is(close, ')')) continue;
    let long: Segment | undefined;
    let short: number | undefined;
    if (close === i + 2 && tokens.upper(inner)) {
      short = inner;
      long = longFormBefore(source, tokens, i, singularShortForm(tokens.text(inner)));
    } else if (tokens.upper(i - 1) && close > i + 2) {
      short = i - 1;
      long = longFormInside(source, tokens, i + 1, close - 1, singularShortForm(tokens.text(short)));
    }
    if (short === undefined || !long || NON_ORGANISATION_ACRONYMS.has(tokens.key(short))) continue;
    const longText = collapseLineBreaks(source.slice(tokens.start(long.start), tokens.end(long.end)));
    const key = tokensKey(tokens, long.start, long.end);
    if (known.ignored.has(key)) continue;
    const knownId = known.idOfKey(key);
    if (knownId === undefined && judgeSegment(text, long, key) === undefined) continue;
    definitions.push({
      short: singularShortForm(tokens.text(short)),
      id: knownId ?? idFromKey(key),
      long: longText,
      longKey: key,
      span: { start: tokens.start(long.start), end: tokens.end(long.end) },
      sentence: sentenceAround(source, tokens, long),
    });
  }
  return definitions;
}

/** The token that starts at `offset` (a binary search of the tokens' starts). */
function tokenStartingAt(tokens: Tokens, offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens.start(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Punctuation that a long form before "(SF)" does not reach across. */
const LONG_FORM_BOUNDARIES = ['.', '!', '?', ';', ':', '(', ')'];

/** "Long Form (LF)": the shortest long form, then extended leftwards over the rest of the name. */
function longFormBefore(source: string, tokens: Tokens, open: number, shortForm: string): Segment | undefined {
  const end = open - 1;
  const line = tokens.line(end);
  let first = end;
  let words = 0;
  while (first > 0 && tokens.line(first - 1) === line && !LONG_FORM_BOUNDARIES.some((mark) => tokens.is(first - 1, mark))) {
    if (tokens.isWord(first - 1) && ++words >= maxLongFormWords(shortForm)) break;
    first--;
  }
  if (!tokens.isWord(end)) return undefined;
  const candidateStart = tokens.start(first);
  const offset = longFormStart(shortForm, source.slice(candidateStart, tokens.end(end)));
  if (offset === undefined) return undefined;
  let start = first;
  while (start < end && tokens.start(start) < candidateStart + offset) start++;
  // Schwartz & Hearst stop at the first word that supplies the letter; the name may begin earlier.
  while (start > 0 && tokens.line(start - 1) === line && continuesNameLeftwards(tokens, start)) start--;
  return nameForm(tokens, start, end);
}

function continuesNameLeftwards(tokens: Tokens, start: number): boolean {
  const previous = start - 1;
  if (!isNameWord(tokens, previous)) return false;
  const key = tokens.key(previous);
  const opener = tokens.sentenceStart(previous) && (isStopWord(key) || SENTENCE_ADVERBS.has(key));
  return !opener && key !== 'the';
}

/** "SF (Long Form)": the long form must take up the parentheses, bar a leading "the". */
function longFormInside(source: string, tokens: Tokens, first: number, last: number, shortForm: string): Segment | undefined {
  const start = tokens.key(first) === 'the' ? first + 1 : first;
  if (start > last) return undefined;
  const offset = longFormStart(shortForm, source.slice(tokens.start(start), tokens.end(last)));
  return offset === 0 ? nameForm(tokens, start, last) : undefined;
}

const LONG_FORM_CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to']);

/** A long form that is a name: every word capitalised except connectors; "the" and "and" trimmed at the start. */
function nameForm(tokens: Tokens, start: number, end: number): Segment | undefined {
  let first = start;
  while (first <= end && (tokens.key(first) === 'the' || tokens.key(first) === 'and' || !tokens.isWord(first))) first++;
  if (first > end) return undefined;
  for (let i = first; i <= end; i++) {
    if (tokens.isWord(i) && !tokens.cap(i) && !tokens.upper(i) && !LONG_FORM_CONNECTORS.has(tokens.key(i))) return undefined;
    if (!tokens.isWord(i) && !tokens.is(i, ',') && !tokens.is(i, '&')) return undefined;
  }
  return segmentOf(first, end);
}

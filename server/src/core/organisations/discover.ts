/**
 * Finds the organisations one text names, beyond those already known: capitalised phrases
 * accepted on evidence, and acronyms defined in the text ("Good Governance Institute
 * (GGI)", "GGI (Good Governance Institute)"). What one text teaches is then recognised in
 * every text of the corpus (see index.ts).
 */
import { isStopWord } from '../stopwords';
import { longFormStart, maxLongFormWords, singularShortForm } from './acronyms';
import { EVIDENCE_STRENGTH, Evidence, judgeSegment, structuralEvidence } from './evidence';
import { NON_ORGANISATION_ACRONYMS, SENTENCE_ADVERBS } from './lexicon';
import { Segment, capitalisedRuns, isNameWord, segmentRun } from './phrases';
import { Token, TokenisedText, nameKey } from './tokens';

export interface TextSpan {
  start: number;
  end: number;
}

export interface DiscoveredName {
  name: string;
  key: string;
  evidence: Evidence;
  /** Where the name was found, and the sentence that says what it is. */
  span: TextSpan;
  sentence: TextSpan;
}

export interface AcronymDefinition {
  short: string;
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
  /** Whether the whole name is already known (gazetteer). */
  isKnown(name: string): boolean;
  /** Name keys that are never organisations. */
  ignored: Set<string>;
}

export function discoverOrganisations(source: string, text: TokenisedText, known: KnownNames): Discovery {
  const names: DiscoveredName[] = [];
  const acronyms: AcronymDefinition[] = [];
  const { tokens } = text;
  const consider = (segment: Segment, evidence: Evidence | undefined): void => {
    if (!evidence) return;
    const span = segmentSpan(tokens, segment);
    const name = source.slice(span.start, span.end);
    const key = nameKey(name);
    if (key === '' || known.ignored.has(key) || known.isKnown(name)) return;
    names.push({ name, key, evidence, span, sentence: sentenceAround(source, tokens, segment) });
  };

  for (const run of capitalisedRuns(tokens)) {
    if (text.titleLines.has(tokens[run.start].line)) continue;
    for (const part of segmentRun(tokens, run)) {
      for (const segment of splitAtConnectors(source, text, part, known)) {
        const key = nameKey(source.slice(tokens[segment.start].start, tokens[segment.end].end));
        consider(segment, judgeSegment(text, segment, key));
      }
    }
  }
  for (const definition of acronymDefinitions(source, text, known)) {
    acronyms.push(definition);
    if (!known.isKnown(definition.long)) {
      names.push({ name: definition.long, key: definition.longKey, evidence: 'acronym', span: definition.span, sentence: definition.sentence });
    }
  }
  return { names: strongestFirst(names), acronyms };
}

function strongestFirst(names: DiscoveredName[]): DiscoveredName[] {
  return names.sort((a, b) => EVIDENCE_STRENGTH[b.evidence] - EVIDENCE_STRENGTH[a.evidence] || a.span.start - b.span.start);
}

/**
 * "NHS England and Public Health England" is two names, and so is "GGI Development and
 * Research LLP for the Good Governance Institute"; "Department of Health and Social Care"
 * is one. A phrase is cut at "and", "&" or "for" where both sides stand as names alone.
 */
function splitAtConnectors(source: string, text: TokenisedText, segment: Segment, known: KnownNames): Segment[] {
  const { tokens } = text;
  const standsAlone = (part: Segment): boolean =>
    part.start <= part.end &&
    (known.isKnown(source.slice(tokens[part.start].start, tokens[part.end].end)) || structuralEvidence(text, part) !== undefined);
  for (let i = segment.start + 1; i < segment.end; i++) {
    if (!['and', 'for'].includes(tokens[i].key) || tokens[i].cap) continue;
    const left: Segment = { start: segment.start, end: i - 1 };
    let rightStart = i + 1;
    while (rightStart < segment.end && tokens[rightStart].key === 'the') rightStart++;
    const right: Segment = { start: rightStart, end: segment.end };
    if (standsAlone(left) && standsAlone(right)) {
      return [...splitAtConnectors(source, text, left, known), ...splitAtConnectors(source, text, right, known)];
    }
  }
  return [segment];
}

function segmentSpan(tokens: Token[], segment: Segment): TextSpan {
  const last = tokens[segment.end];
  const end = last.possessive && segment.end > segment.start ? last.possessive.at : last.end;
  return { start: tokens[segment.start].start, end };
}

/** From the start of the sentence to its full stop, or to the end of the line. */
export function sentenceAround(source: string, tokens: Token[], segment: Segment): TextSpan {
  let first = segment.start;
  while (first > 0 && !tokens[first].sentenceStart) first--;
  let last = segment.end;
  while (last + 1 < tokens.length && tokens[last + 1].line === tokens[segment.end].line && !['.', '!', '?'].includes(tokens[last].text)) last++;
  return { start: tokens[first].start, end: Math.min(tokens[last].end, source.length) };
}

/** Acronym definitions whose long form is an organisation, in both orders. */
function acronymDefinitions(source: string, text: TokenisedText, known: KnownNames): AcronymDefinition[] {
  const { tokens } = text;
  const definitions: AcronymDefinition[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== '(') continue;
    const inner = tokens[i + 1];
    const close = tokens.findIndex((token, index) => index > i && (token.text === ')' || token.line !== tokens[i].line));
    if (close < 0 || tokens[close].text !== ')') continue;
    let long: Segment | undefined;
    let short: Token | undefined;
    if (close === i + 2 && inner.upper) {
      short = inner;
      long = longFormBefore(source, tokens, i, singularShortForm(inner.text));
    } else if (tokens[i - 1].upper && close > i + 2) {
      short = tokens[i - 1];
      long = longFormInside(source, tokens, i + 1, close - 1, singularShortForm(short.text));
    }
    if (!short || !long || NON_ORGANISATION_ACRONYMS.has(short.key)) continue;
    const longText = source.slice(tokens[long.start].start, tokens[long.end].end);
    const key = nameKey(longText);
    if (known.ignored.has(key)) continue;
    const isOrganisation = known.isKnown(longText) || judgeSegment(text, long, key) !== undefined;
    if (!isOrganisation) continue;
    definitions.push({
      short: singularShortForm(short.text),
      long: longText,
      longKey: key,
      span: { start: tokens[long.start].start, end: tokens[long.end].end },
      sentence: sentenceAround(source, tokens, long),
    });
  }
  return definitions;
}

/** "Long Form (LF)": the shortest long form, then extended leftwards over the rest of the name. */
function longFormBefore(source: string, tokens: Token[], open: number, shortForm: string): Segment | undefined {
  const end = open - 1;
  let first = end;
  let words = 0;
  while (first > 0 && tokens[first - 1].line === tokens[end].line && !['.', '!', '?', ';', ':', '(', ')'].includes(tokens[first - 1].text)) {
    if (tokens[first - 1].word && ++words >= maxLongFormWords(shortForm)) break;
    first--;
  }
  if (!tokens[end]?.word) return undefined;
  const candidateStart = tokens[first].start;
  const offset = longFormStart(shortForm, source.slice(candidateStart, tokens[end].end));
  if (offset === undefined) return undefined;
  let start = tokens.findIndex((token, index) => index >= first && token.start >= candidateStart + offset);
  // Schwartz & Hearst stop at the first word that supplies the letter; the name may begin earlier.
  while (start > 0 && tokens[start - 1].line === tokens[end].line && continuesNameLeftwards(tokens, start)) start--;
  return nameForm(tokens, start, end);
}

function continuesNameLeftwards(tokens: Token[], start: number): boolean {
  const previous = tokens[start - 1];
  if (!isNameWord(previous)) return false;
  const opener = previous.sentenceStart && (isStopWord(previous.key) || SENTENCE_ADVERBS.has(previous.key));
  return !opener && previous.key !== 'the';
}

/** "SF (Long Form)": the long form must take up the parentheses, bar a leading "the". */
function longFormInside(source: string, tokens: Token[], first: number, last: number, shortForm: string): Segment | undefined {
  const start = tokens[first].key === 'the' ? first + 1 : first;
  if (start > last) return undefined;
  const offset = longFormStart(shortForm, source.slice(tokens[start].start, tokens[last].end));
  return offset === 0 ? nameForm(tokens, start, last) : undefined;
}

/** A long form that is a name: every word capitalised except connectors; "the" and "and" trimmed at the start. */
function nameForm(tokens: Token[], start: number, end: number): Segment | undefined {
  let first = start;
  while (first <= end && (tokens[first].key === 'the' || tokens[first].key === 'and' || !tokens[first].word)) first++;
  if (first > end) return undefined;
  for (let i = first; i <= end; i++) {
    const token = tokens[i];
    if (token.word && !token.cap && !token.upper && !['of', 'and', 'for', 'the', 'on', 'in', 'to'].includes(token.key)) return undefined;
    if (!token.word && ![',', '&'].includes(token.text)) return undefined;
  }
  return { start: first, end };
}

/**
 * The incremental duplicate index of a workspace.
 *
 * Per file it keeps the word tokens and the winnowed fingerprints; across files, an
 * inverted fingerprint index and the duplicated spans found between each pair of files.
 * An update re-indexes only the changed files and re-matches them against the index, so
 * the cost of an edit follows the size of the edited file and of the files it shares
 * passages with, not the size of the workspace. Grouping then runs over the (few)
 * duplicated spans only.
 */
import type { CorpusChange, IndexedFile } from '../corpus';
import type { Position } from '../text';
import { FingerprintIndex } from './fingerprint-index';
import { PairSpan, SpanGroup, groupSpans } from './group';
import { MatchOptions, Span, matchSequences } from './match';
import { TokenizedText, passageFingerprint, tokenAtOrAfter, tokenize } from './tokens';
import { Fingerprints, occurrences, winnow } from './winnow';

export interface DuplicateOptions {
  /** Shared runs with fewer words are not reported. */
  minWords: number;
  /** Near copies less similar than this (0..1) are not reported. */
  minSimilarity: number;
  /** A passage found in at least this many places is boilerplate and not reported. */
  boilerplateMinCopies: number;
}

export const defaultDuplicateOptions: DuplicateOptions = {
  minWords: 25,
  minSimilarity: 0.8,
  boilerplateMinCopies: 10,
};

/**
 * Seeds are 5-word k-grams in windows of 7: any exact run of 11 words is seeded, so a
 * 25-word passage with a couple of edited words still gets seeds between the edits.
 */
const WINNOW = { kgram: 5, window: 7 };
const MAX_GAP_WORDS = 20;
/** A copy covering this share of an article, and mostly made of it, is a whole-article copy. */
const WHOLE_ARTICLE_COVER = 0.9;

export interface Passage {
  uri: string;
  relativePath: string;
  /** Char offsets in the file, end exclusive. */
  startOffset: number;
  endOffset: number;
  /** Zero-based line and UTF-16 column, as in LSP. */
  start: Position;
  end: Position;
  words: number;
  /** Key of the normalised words, used by the ignore list. */
  fingerprint: string;
  /** Set when this copy is a whole article of its file. */
  article?: { title: string; startLine: number };
}

export interface DuplicateGroup {
  /** Stable while the copies keep their words: the smallest fingerprint of its copies. */
  id: string;
  kind: 'exact' | 'near';
  similarity: number;
  /** Words of the longest copy. */
  words: number;
  /** Sorted by path, then position. */
  passages: Passage[];
  /** At least two copies are whole articles. */
  wholeArticle: boolean;
}

interface FileState {
  id: number;
  file: IndexedFile;
  tokens: TokenizedText;
  fingerprints: Fingerprints;
}

export class DuplicateIndex {
  private options: DuplicateOptions;
  private readonly byUri = new Map<string, FileState>();
  private readonly byId = new Map<number, FileState>();
  private nextId = 0;
  private readonly fingerprintIndex = new FingerprintIndex();
  /** spans.get(x).get(y): spans between files x and y, stored under both ids. */
  private readonly spans = new Map<number, Map<number, PairSpan[]>>();
  private ignored = new Set<string>();
  private currentGroups: DuplicateGroup[] = [];
  private groupsByUri = new Map<string, DuplicateGroup[]>();
  private signatures = new Map<string, string>();
  /** The groups of the last round, by their copies' file ids and token ranges. */
  private described = new Map<string, DuplicateGroup | undefined>();

  constructor(options: Partial<DuplicateOptions> = {}) {
    this.options = { ...defaultDuplicateOptions, ...options };
  }

  /** Applies a corpus change; returns the URIs whose duplicates changed (plus the updated files). */
  update(change: CorpusChange): Set<string> {
    const changedIds = new Set<number>();
    for (const uri of [...change.removed, ...change.updated.map((file) => file.uri)]) this.forget(uri);
    for (const file of change.updated) changedIds.add(this.remember(file).id);
    for (const id of changedIds) this.matchFile(this.byId.get(id)!, changedIds);
    const touched = this.regroup();
    for (const file of change.updated) touched.add(file.uri);
    return touched;
  }

  /** Changes the thresholds; every file is matched again. */
  setOptions(options: Partial<DuplicateOptions>): Set<string> {
    const next = { ...this.options, ...options };
    if (JSON.stringify(next) === JSON.stringify(this.options)) return new Set();
    this.options = next;
    this.spans.clear();
    this.described.clear();
    const all = new Set(this.byId.keys());
    for (const id of all) this.matchFile(this.byId.get(id)!, all);
    return this.regroup();
  }

  /** Passages whose fingerprint is listed are not reported, nor are the groups holding them. */
  setIgnored(fingerprints: Iterable<string>): Set<string> {
    this.ignored = new Set(fingerprints);
    this.described.clear();
    return this.regroup();
  }

  groups(): readonly DuplicateGroup[] {
    return this.currentGroups;
  }

  groupsIn(uri: string): readonly DuplicateGroup[] {
    return this.groupsByUri.get(uri) ?? [];
  }

  private forget(uri: string): void {
    const state = this.byUri.get(uri);
    if (!state) return;
    this.fingerprintIndex.remove(state.id, state.fingerprints.hashes);
    for (const other of this.spans.get(state.id)?.keys() ?? []) this.spans.get(other)?.delete(state.id);
    this.spans.delete(state.id);
    this.byUri.delete(uri);
    this.byId.delete(state.id);
  }

  private remember(file: IndexedFile): FileState {
    const excluded = file.boilerplate.map((span) => ({ start: span.startOffset, end: span.endOffset }));
    const tokens = tokenize(file.text, excluded);
    const state: FileState = { id: this.nextId++, file, tokens, fingerprints: winnow(tokens.hashes, WINNOW) };
    this.byUri.set(file.uri, state);
    this.byId.set(state.id, state);
    this.fingerprintIndex.add(state.id, state.fingerprints.hashes);
    return state;
  }

  /**
   * Finds the spans between `state` and every file sharing a fingerprint with it. A pair
   * of two files in `batch` is matched once, from the file with the lower id.
   */
  private matchFile(state: FileState, batch: Set<number>): void {
    const seedsByFile = new Map<number, number[]>();
    const { hashes, positions } = state.fingerprints;
    for (let from = 0, to = 0; from < hashes.length; from = to) {
      const hash = hashes[from];
      to = from + 1;
      while (to < hashes.length && hashes[to] === hash) to++;
      const files = this.fingerprintIndex.filesWith(hash);
      // Most fingerprints occur once in the whole workspace: settle those without allocating.
      if (files === undefined || (typeof files === 'number' && to - from < 2)) continue;
      const holders = typeof files === 'number' ? [files] : files;
      if (!this.belowBoilerplate(hash, holders)) continue;
      for (const otherId of holders) {
        if (otherId !== state.id && batch.has(otherId) && otherId < state.id) continue;
        const other = this.byId.get(otherId)!;
        const [otherFrom, otherTo] = occurrences(other.fingerprints, hash);
        let seeds = seedsByFile.get(otherId);
        if (!seeds) seedsByFile.set(otherId, (seeds = []));
        for (let i = from; i < to; i++) {
          for (let j = otherFrom; j < otherTo; j++) {
            const position = other.fingerprints.positions[j];
            if (otherId !== state.id || position > positions[i]) seeds.push(positions[i], position);
          }
        }
      }
    }
    const matchOptions: MatchOptions = { ...WINNOW, ...this.options, maxGap: MAX_GAP_WORDS };
    for (const [otherId, seeds] of seedsByFile) {
      if (seeds.length === 0) continue;
      const other = this.byId.get(otherId)!;
      const found = matchSequences(state.tokens.hashes, other.tokens.hashes, seeds, matchOptions)
        .map((span) => trimToParagraphs(state, other, span))
        .filter((span) => span.matched >= this.options.minWords);
      if (found.length === 0) continue;
      const pairSpans = found.map((span) => ({ fileA: state.id, fileB: otherId, ...span }));
      this.pairMap(state.id).set(otherId, pairSpans);
      this.pairMap(otherId).set(state.id, pairSpans);
    }
  }

  /**
   * Whether `hash` occurs in at least two places but fewer than the boilerplate threshold,
   * counting every occurrence in every file holding it.
   */
  private belowBoilerplate(hash: number, holders: readonly number[]): boolean {
    const limit = this.options.boilerplateMinCopies;
    if (holders.length >= limit) return false;
    let places = 0;
    for (const fileId of holders) {
      const [from, to] = occurrences(this.byId.get(fileId)!.fingerprints, hash);
      places += to - from;
      if (places >= limit) return false;
    }
    return places >= 2;
  }

  private pairMap(id: number): Map<number, PairSpan[]> {
    let map = this.spans.get(id);
    if (!map) this.spans.set(id, (map = new Map()));
    return map;
  }

  /** Rebuilds the groups from the stored spans; returns the URIs whose groups changed. */
  private regroup(): Set<string> {
    const all: PairSpan[] = [];
    for (const [id, partners] of this.spans) {
      for (const [otherId, pairSpans] of partners) if (id <= otherId) all.push(...pairSpans);
    }
    const groups: DuplicateGroup[] = [];
    // Describing a group (ranges, fingerprints, articles) is most of the work; an edit
    // leaves almost every group as it was, so those are taken from the last round.
    const described = new Map<string, DuplicateGroup | undefined>();
    for (const spanGroup of groupSpans(all)) {
      const key = `${spanGroup.similarity}/${spanGroup.copies.map((copy) => `${copy.file}:${copy.start}-${copy.end}`).join(',')}`;
      const group = this.described.has(key) ? this.described.get(key) : this.describe(spanGroup);
      described.set(key, group);
      if (group) groups.push(group);
    }
    this.described = described;
    groups.sort((x, y) => comparePassages(x.passages[0], y.passages[0]));
    this.currentGroups = groups;
    this.groupsByUri = new Map();
    for (const group of groups) {
      for (const uri of new Set(group.passages.map((passage) => passage.uri))) {
        const list = this.groupsByUri.get(uri);
        if (list) list.push(group);
        else this.groupsByUri.set(uri, [group]);
      }
    }
    return this.changedSignatures();
  }

  private describe(spanGroup: SpanGroup): DuplicateGroup | undefined {
    if (spanGroup.copies.length < 2) return undefined;
    const passages = spanGroup.copies.map((copy) => this.passage(this.byId.get(copy.file)!, copy.start, copy.end));
    if (passages.some((passage) => this.ignored.has(passage.fingerprint))) return undefined;
    passages.sort(comparePassages);
    const exact = passages.every((passage) => passage.fingerprint === passages[0].fingerprint);
    return {
      id: passages.map((passage) => passage.fingerprint).sort()[0],
      kind: exact ? 'exact' : 'near',
      similarity: exact ? 1 : Math.min(spanGroup.similarity, 0.999),
      words: Math.max(...passages.map((passage) => passage.words)),
      passages,
      wholeArticle: passages.filter((passage) => passage.article).length >= 2,
    };
  }

  private passage(state: FileState, start: number, end: number): Passage {
    const { file, tokens } = state;
    const startOffset = widenOverPunctuation(file.text, tokens.starts[start], -1);
    const endOffset = widenOverPunctuation(file.text, tokens.ends[end - 1], 1);
    const passage: Passage = {
      uri: file.uri,
      relativePath: file.relativePath,
      startOffset,
      endOffset,
      start: file.lines.positionAt(startOffset),
      end: file.lines.positionAt(endOffset),
      words: end - start,
      fingerprint: passageFingerprint(tokens.hashes, start, end),
    };
    for (const article of file.articles) {
      const articleStart = tokenAtOrAfter(tokens, article.startOffset);
      const articleEnd = tokenAtOrAfter(tokens, article.endOffset);
      const shared = Math.min(end, articleEnd) - Math.max(start, articleStart);
      const articleWords = articleEnd - articleStart;
      if (shared >= WHOLE_ARTICLE_COVER * articleWords && shared >= WHOLE_ARTICLE_COVER * (end - start)) {
        passage.article = { title: article.title, startLine: article.startLine };
        break;
      }
    }
    return passage;
  }

  /** Compares each file's duplicate signature with the previous one. */
  private changedSignatures(): Set<string> {
    const next = new Map<string, string>();
    for (const [uri, groups] of this.groupsByUri) {
      next.set(uri, groups.map(groupSignature).join(';'));
    }
    const changed = new Set<string>();
    for (const [uri, signature] of next) if (this.signatures.get(uri) !== signature) changed.add(uri);
    for (const uri of this.signatures.keys()) if (!next.has(uri)) changed.add(uri);
    this.signatures = next;
    return changed;
  }
}

/**
 * Moves a passage edge over the punctuation glued to its first or last word (an opening
 * quote, a closing full stop), so removing a copy leaves no stray marks behind.
 */
function widenOverPunctuation(text: string, offset: number, step: 1 | -1): number {
  let at = offset;
  if (step === 1) while (at < text.length && GLUED_PUNCTUATION.test(text.charAt(at))) at++;
  else while (at > 0 && GLUED_PUNCTUATION.test(text.charAt(at - 1))) at--;
  return at;
}

const GLUED_PUNCTUATION = /^[^\s\p{L}\p{N}\p{M}]$/u;

/** At most this many words at either end of a span are dropped when they spill over a paragraph break. */
const MAX_SPILL_WORDS = 8;

/**
 * Drops the few words at an end of a span that lie across a paragraph break from the rest
 * and do not stand on lines of their own on both sides: the chance match of the last
 * words of the paragraphs before two copies ("… of the.") or the first words after them.
 * A title, on its own line in both copies, is kept.
 */
function trimToParagraphs(a: FileState, b: FileState, span: Span): Span {
  const length = span.aEnd - span.aStart;
  let head = 0;
  for (let n = 1; n <= Math.min(MAX_SPILL_WORDS, length - 1); n++) {
    const aBreak = breakBefore(a, span.aStart + n);
    const bBreak = breakBefore(b, span.bStart + n);
    if (!aBreak && !bBreak) continue;
    const ownLines =
      lineBreakBefore(a, span.aStart + n) && lineBreakBefore(b, span.bStart + n) && lineBreakBefore(a, span.aStart) && lineBreakBefore(b, span.bStart);
    if (!ownLines) head = n;
  }
  let tail = 0;
  for (let n = 1; n <= Math.min(MAX_SPILL_WORDS, length - 1 - head); n++) {
    const aBreak = breakBefore(a, span.aEnd - n);
    const bBreak = breakBefore(b, span.bEnd - n);
    if (!aBreak && !bBreak) continue;
    const ownLines =
      lineBreakBefore(a, span.aEnd - n) && lineBreakBefore(b, span.bEnd - n) && lineBreakBefore(a, span.aEnd) && lineBreakBefore(b, span.bEnd);
    if (!ownLines) tail = n;
  }
  if (head === 0 && tail === 0) return span;
  // Trimmed words were matched words of an exact edge run, on both sides alike.
  return {
    aStart: span.aStart + head,
    aEnd: span.aEnd - tail,
    bStart: span.bStart + head,
    bEnd: span.bEnd - tail,
    matched: span.matched - head - tail,
    similarity: span.similarity,
  };
}

/** Whether a blank line separates token `index` from the token before it (or it starts or ends the file). */
function breakBefore(state: FileState, index: number): boolean {
  return separatedBy(state, index, BLANK_LINE);
}

function lineBreakBefore(state: FileState, index: number): boolean {
  return separatedBy(state, index, LINE_BREAK);
}

function separatedBy(state: FileState, index: number, separator: RegExp): boolean {
  const { starts, ends } = state.tokens;
  if (index <= 0 || index >= starts.length) return true;
  return separator.test(state.file.text.slice(ends[index - 1], starts[index]));
}

const BLANK_LINE = /\n[^\S\n]*\r?\n|\r[^\S\r\n]*\r/;
const LINE_BREAK = /[\n\r]/;

const signatures = new WeakMap<DuplicateGroup, string>();

function groupSignature(group: DuplicateGroup): string {
  const known = signatures.get(group);
  if (known !== undefined) return known;
  const places = group.passages.map((p) => `${p.uri}@${p.start.line}:${p.start.character}-${p.end.line}:${p.end.character}`);
  const signature = `${group.id}/${group.kind}/${group.similarity.toFixed(3)}/${group.wholeArticle}/${places.join(',')}`;
  signatures.set(group, signature);
  return signature;
}

export function comparePassages(x: Passage, y: Passage): number {
  if (x.relativePath !== y.relativePath) return x.relativePath < y.relativePath ? -1 : 1;
  if (x.uri !== y.uri) return x.uri < y.uri ? -1 : 1;
  return x.startOffset - y.startOffset;
}

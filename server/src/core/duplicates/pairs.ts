/**
 * The duplicated spans between two files, and the store of them for every pair of files.
 *
 * A pair's spans depend only on the two texts and on which shared fingerprints are
 * boilerplate, and the two files are always taken in the same order (by URI), so an
 * incremental index and a fresh one find the same spans whatever the order files came in.
 */
import type { FileAnalysis } from './analysis';
import type { PairSpan } from './group';
import { MatchOptions, matchSequences } from './match';
import { trimToParagraphs } from './paragraphs';
import { Fingerprints, WinnowOptions, occurrences } from './winnow';

/** What a pair is matched from before its words are needed. */
export interface PairFile {
  id: number;
  uri: string;
  fingerprints: Fingerprints;
}

export interface PairSide {
  id: number;
  uri: string;
  analysis: FileAnalysis;
  /** The words to match: the analysis's, with boilerplate lines masked. */
  words: Uint32Array;
}

/**
 * Seed places needed for a pair to be matched. Winnowing selects a place in each window of
 * `window` k-grams, the same place in both copies when the window lies inside a shared run;
 * so a run of n identical words holds at least ⌊(n − kgram + 1) / window⌋ shared places on
 * one diagonal (3 for 25 words). Chance matches of a phrase or two, the bulk of the pairs
 * in prose that reuses phrasing, have fewer, or have them scattered.
 */
export function seedsNeeded(minWords: number, winnow: WinnowOptions): number {
  return Math.max(1, Math.floor((minWords - winnow.kgram + 1) / winnow.window));
}

/**
 * The spans shared by x and y (the same object for the repeats within one file), seeded
 * by `seedHashes`: distinct fingerprints held by both (twice, within one file) that are
 * not boilerplate. Unless `seedsNeeded` of the seeds lie together (within `minWords +
 * maxGap` words, drifting by at most `maxGap` words between the copies, as the runs of a
 * near copy do), the pair is not read further: `sideOf` (the words) is asked only then.
 * The work follows the number of seeds, not the length of the files.
 */
export function matchPair(
  x: PairFile,
  y: PairFile,
  seedHashes: readonly number[],
  options: MatchOptions & WinnowOptions,
  sideOf: (file: PairFile) => PairSide,
): PairSpan[] {
  const [a, b] = x.uri <= y.uri ? [x, y] : [y, x];
  const seeds = seedPositions(a.fingerprints, b.fingerprints, seedHashes, a === b);
  if (!seedsTogether(seeds, seedsNeeded(options.minWords, options), options.minWords + options.maxGap, options.maxGap)) return [];
  const aSide = sideOf(a);
  const bSide = a === b ? aSide : sideOf(b);
  const spans: PairSpan[] = [];
  for (const found of matchSequences(aSide.words, bSide.words, seeds, options)) {
    const span = trimToParagraphs(aSide.analysis, bSide.analysis, found);
    if (span.matched >= options.minWords) spans.push({ fileA: a.id, fileB: b.id, ...span });
  }
  return spans;
}

/** Whether `needed` of the seeds [p, q, ...] lie within `span` words in a, with diagonals (q − p) at most `drift` apart. */
function seedsTogether(seeds: number[], needed: number, span: number, drift: number): boolean {
  const count = seeds.length / 2;
  if (count < needed) return false;
  const order = Array.from({ length: count }, (_, i) => i * 2).sort((i, j) => seeds[i] - seeds[j]);
  for (let i = 0; i < count; i++) {
    const p = seeds[order[i]];
    const diagonal = seeds[order[i] + 1] - p;
    let together = 1;
    for (let j = i + 1; j < count && seeds[order[j]] - p < span; j++) {
      if (Math.abs(seeds[order[j] + 1] - seeds[order[j]] - diagonal) <= drift && ++together >= needed) return true;
    }
    if (together >= needed) return true;
  }
  return false;
}

/** Pairs [p, q, ...] of positions in a and b of each of `hashes`; within one file, p < q. */
function seedPositions(a: Fingerprints, b: Fingerprints, hashes: readonly number[], sameFile: boolean): number[] {
  const seeds: number[] = [];
  for (const hash of hashes) {
    const [aFrom, aTo] = occurrences(a, hash);
    const [bFrom, bTo] = sameFile ? [aFrom, aTo] : occurrences(b, hash);
    for (let p = aFrom; p < aTo; p++) {
      for (let q = bFrom; q < bTo; q++) {
        if (!sameFile || a.positions[p] < b.positions[q]) seeds.push(a.positions[p], b.positions[q]);
      }
    }
  }
  return seeds;
}

/** The seed fingerprints two files share, and in how many places both hold them. */
export interface SharedSeeds {
  hashes: number[];
  /** Over the shared hashes: the fewer of its occurrences in either file (half of them, within one file). */
  places: number;
}

/**
 * The distinct fingerprints held by both a and b (twice, when they are the same file) for
 * which `isSeed` holds: one merge of the two sorted lists.
 */
export function sharedSeeds(a: Uint32Array, b: Uint32Array, isSeed: (hash: number) => boolean): SharedSeeds {
  const shared: SharedSeeds = { hashes: [], places: 0 };
  const sameFile = a === b;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const hash = a[i];
    if (hash < b[j]) i++;
    else if (hash > b[j]) j++;
    else {
      let iEnd = i + 1;
      while (iEnd < a.length && a[iEnd] === hash) iEnd++;
      let jEnd = j + 1;
      while (jEnd < b.length && b[jEnd] === hash) jEnd++;
      const places = sameFile ? Math.floor((iEnd - i) / 2) : Math.min(iEnd - i, jEnd - j);
      if (places > 0 && isSeed(hash)) {
        shared.hashes.push(hash);
        shared.places += places;
      }
      i = iEnd;
      j = jEnd;
    }
  }
  return shared;
}

/** A PairStore as numbers (see PairStore.parts). */
export interface PairStoreParts {
  /** For each pair: its two files and its number of spans. */
  pairs: Int32Array;
  /** For each span, pair after pair: fileA, aStart, aEnd, fileB, bStart, bEnd. */
  spans: Int32Array;
  similarities: Float64Array;
}

const PAIR_FIELDS = 3;
const SPAN_FIELDS = 6;

/**
 * The spans of every pair of files that was matched, stored under both files; a pair
 * that shares no span is kept too (with none), so that it is known to have been matched.
 */
export class PairStore {
  private readonly byFile = new Map<number, Map<number, PairSpan[]>>();

  /** Every pair once, with its spans, for a snapshot kept between sessions. */
  parts(): PairStoreParts {
    const pairs: number[] = [];
    const spans: number[] = [];
    const similarities: number[] = [];
    for (const [x, partners] of this.byFile) {
      for (const [y, pairSpans] of partners) {
        if (y < x) continue;
        pairs.push(x, y, pairSpans.length);
        for (const span of pairSpans) {
          spans.push(span.fileA, span.aStart, span.aEnd, span.fileB, span.bStart, span.bEnd);
          similarities.push(span.similarity);
        }
      }
    }
    return { pairs: Int32Array.from(pairs), spans: Int32Array.from(spans), similarities: Float64Array.from(similarities) };
  }

  static fromParts(parts: PairStoreParts): PairStore {
    const store = new PairStore();
    let span = 0;
    for (let p = 0; p < parts.pairs.length; p += PAIR_FIELDS) {
      const pairSpans: PairSpan[] = [];
      for (const end = span + parts.pairs[p + 2]; span < end; span++) {
        const [fileA, aStart, aEnd, fileB, bStart, bEnd] = parts.spans.subarray(span * SPAN_FIELDS, (span + 1) * SPAN_FIELDS);
        pairSpans.push({ fileA, aStart, aEnd, fileB, bStart, bEnd, similarity: parts.similarities[span] });
      }
      store.set(parts.pairs[p], parts.pairs[p + 1], pairSpans);
    }
    if (span !== parts.similarities.length) throw new Error('the pairs do not account for every span');
    return store;
  }

  set(x: number, y: number, spans: PairSpan[]): void {
    this.partnerMap(x).set(y, spans);
    this.partnerMap(y).set(x, spans);
  }

  has(x: number, y: number): boolean {
    return this.byFile.get(x)?.has(y) ?? false;
  }

  /** Forgets the pair of x and y; returns its spans, if it was known. */
  delete(x: number, y: number): PairSpan[] | undefined {
    const spans = this.byFile.get(x)?.get(y);
    this.byFile.get(x)?.delete(y);
    this.byFile.get(y)?.delete(x);
    return spans;
  }

  /** Each pair of `id` with its spans (a pair within the file once). */
  of(id: number): ReadonlyMap<number, PairSpan[]> {
    return this.byFile.get(id) ?? EMPTY;
  }

  /** Forgets every pair of `id`; returns the partners it shared spans with. */
  drop(id: number): number[] {
    const partners: number[] = [];
    for (const [partner, spans] of this.of(id)) {
      this.byFile.get(partner)?.delete(id);
      if (spans.length > 0) partners.push(partner);
    }
    this.byFile.delete(id);
    return partners;
  }

  clear(): void {
    this.byFile.clear();
  }

  private partnerMap(id: number): Map<number, PairSpan[]> {
    let map = this.byFile.get(id);
    if (!map) this.byFile.set(id, (map = new Map()));
    return map;
  }
}

const EMPTY: ReadonlyMap<number, PairSpan[]> = new Map();

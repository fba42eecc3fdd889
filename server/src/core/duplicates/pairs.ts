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

export interface PairSide {
  id: number;
  uri: string;
  text: string;
  analysis: FileAnalysis;
  /** The words to match: the analysis's, with boilerplate lines masked. */
  words: Uint32Array;
}

/**
 * The spans shared by x and y (the same object for the repeats within one file).
 * `isSeed(hash)` says whether a shared fingerprint may seed a match (it is not boilerplate).
 */
export function matchPair(x: PairSide, y: PairSide, isSeed: (hash: number) => boolean, options: MatchOptions): PairSpan[] {
  const [a, b] = x.uri <= y.uri ? [x, y] : [y, x];
  const seeds = sharedSeeds(a.analysis, b.analysis, a === b, isSeed);
  if (seeds.length === 0) return [];
  const spans: PairSpan[] = [];
  for (const found of matchSequences(a.words, b.words, seeds, options)) {
    const span = trimToParagraphs({ text: a.text, tokens: a.analysis.tokens }, { text: b.text, tokens: b.analysis.tokens }, found);
    if (span.matched >= options.minWords) spans.push({ fileA: a.id, fileB: b.id, ...span });
  }
  return spans;
}

/** Pairs [p, q, ...] of positions of equal selected fingerprints; within one file, p < q. */
function sharedSeeds(a: FileAnalysis, b: FileAnalysis, sameFile: boolean, isSeed: (hash: number) => boolean): number[] {
  const seeds: number[] = [];
  const { hashes: aHashes, positions: aPositions } = a.fingerprints;
  const { hashes: bHashes, positions: bPositions } = b.fingerprints;
  let i = 0;
  let j = 0;
  while (i < aHashes.length && j < bHashes.length) {
    const hash = aHashes[i];
    if (hash < bHashes[j]) i++;
    else if (hash > bHashes[j]) j++;
    else {
      let iEnd = i + 1;
      while (iEnd < aHashes.length && aHashes[iEnd] === hash) iEnd++;
      let jEnd = j + 1;
      while (jEnd < bHashes.length && bHashes[jEnd] === hash) jEnd++;
      if ((!sameFile || iEnd - i >= 2) && isSeed(hash)) {
        for (let p = i; p < iEnd; p++) {
          for (let q = j; q < jEnd; q++) {
            if (!sameFile || aPositions[p] < bPositions[q]) seeds.push(aPositions[p], bPositions[q]);
          }
        }
      }
      i = iEnd;
      j = jEnd;
    }
  }
  return seeds;
}

/** The spans of every pair of files that share any, stored under both files. */
export class PairStore {
  private readonly byFile = new Map<number, Map<number, PairSpan[]>>();

  set(x: number, y: number, spans: PairSpan[]): void {
    this.partnerMap(x).set(y, spans);
    this.partnerMap(y).set(x, spans);
  }

  /** Each pair of `id` with its spans (a pair within the file once). */
  of(id: number): ReadonlyMap<number, PairSpan[]> {
    return this.byFile.get(id) ?? EMPTY;
  }

  /** Forgets every pair of `id`; returns its partners. */
  drop(id: number): number[] {
    const partners = [...this.of(id).keys()];
    for (const partner of partners) this.byFile.get(partner)?.delete(id);
    this.byFile.delete(id);
    return partners;
  }

  files(): IterableIterator<number> {
    return this.byFile.keys();
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

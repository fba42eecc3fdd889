/**
 * A file's words and fingerprints, computed when needed and cached within a memory budget.
 *
 * The index keeps only the fingerprint hashes of every file; the words (12 bytes each)
 * are needed only for the few files that share fingerprints with another, so they are
 * recomputed from the text on demand (tokenizing and winnowing a file takes well under a
 * millisecond) rather than held for the whole workspace.
 *
 * The fingerprints are also a per-file analysis of the corpus (core/analyses.ts): the
 * language server computes them in its index workers and keeps them in its index cache, so
 * that its own thread tokenizes only the files that share seeds with another.
 */
import { FileAnalysis as PerFileAnalysis, storedResult } from '../analyses';
import type { LineSpan } from '../articles';
import { TokenizedText, tokenAtOrAfter, tokenize, wordHashes } from './tokens';
import { Fingerprints, WinnowOptions, winnow } from './winnow';

/** Seeds are 5-word k-grams in windows of 7: any exact run of 11 words is seeded. */
export const WINNOW: WinnowOptions = { kgram: 5, window: 7 };

export interface FileAnalysis {
  /**
   * The text the words are of, kept with them: matching and describing a pair read it again,
   * and decoding it anew from the scratch file each time (2,300 reads for 860 files at 10k
   * articles) cost the scan's main thread more than keeping it while the words are kept.
   */
  text: string;
  tokens: TokenizedText;
  fingerprints: Fingerprints;
  /** The word hashes with the words of boilerplate lines replaced by values that match nothing; made on first use. */
  masked?: Uint32Array;
}

/** Change the version whenever tokens.ts, winnow.ts or WINNOW would select other fingerprints. */
export const fingerprintsAnalysis: PerFileAnalysis<Fingerprints> = {
  name: 'duplicates.fingerprints',
  version: '1',
  analyse: (file) => winnow(wordHashes(file.text), WINNOW),
};

/** The fingerprints the corpus computed with `file`, if it was asked to. */
export function storedFingerprints(file: { analyses: Record<string, unknown> }): Fingerprints | undefined {
  return storedResult(file.analyses, fingerprintsAnalysis.name) as Fingerprints | undefined;
}

/** The words of `text` and its fingerprints: `fingerprints` when they were computed already. */
export function analyse(text: string, fingerprints?: Fingerprints): FileAnalysis {
  const tokens = tokenize(text);
  return { text, tokens, fingerprints: fingerprints ?? winnow(tokens.hashes, WINNOW) };
}

/**
 * The words of `analysis` with those inside `boilerplate` (navigation lines) made unique,
 * so that no match runs through them. `salt` differs between files, so that two masked
 * words never equal each other either (up to a 2^-32 chance, as for any two words).
 */
export function maskedWords(analysis: FileAnalysis, boilerplate: readonly LineSpan[], salt: number): Uint32Array {
  if (analysis.masked) return analysis.masked;
  const { tokens } = analysis;
  let masked = tokens.hashes;
  for (const span of boilerplate) {
    const from = tokenAtOrAfter(tokens, span.startOffset);
    const to = tokenAtOrAfter(tokens, span.endOffset);
    if (from === to) continue;
    if (masked === tokens.hashes) masked = tokens.hashes.slice();
    for (let i = from; i < to; i++) masked[i] = scramble(Math.imul(salt, 0x9e3779b1) ^ i);
  }
  return (analysis.masked = masked);
}

function scramble(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text counted at two bytes a character, as V8 keeps any text with a character past U+00FF. */
function sizeOf(analysis: FileAnalysis): number {
  return analysis.text.length * 2 + analysis.tokens.hashes.length * 12 + analysis.fingerprints.hashes.length * 8 + (analysis.masked?.length ?? 0) * 4;
}

/** Analyses by file id, least recently used dropped first once over the budget. */
export class AnalysisCache {
  private readonly entries = new Map<number, { analysis: FileAnalysis; bytes: number }>();
  private bytes = 0;

  constructor(private budget: number) {}

  /** `file.text` is read only when the analysis is not cached: a file's text may be kept as bytes, decoded on each read. */
  get(id: number, file: { readonly text: string }, fingerprints?: Fingerprints): FileAnalysis {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.analysis;
    }
    const analysis = analyse(file.text, fingerprints);
    this.entries.set(id, { analysis, bytes: sizeOf(analysis) });
    this.bytes += sizeOf(analysis);
    this.evict();
    return analysis;
  }

  /** Records the growth of an analysis (its masked words). */
  resized(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const bytes = sizeOf(entry.analysis);
    this.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
  }

  delete(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(id);
  }

  setBudget(budget: number): void {
    this.budget = budget;
    this.evict();
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.bytes <= this.budget || this.entries.size <= 1) break;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
    }
  }
}

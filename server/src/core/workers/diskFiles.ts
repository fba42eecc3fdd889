/**
 * Indexing one file from disk: read it (skipping what `readTextFile` skips), hash it, and
 * split and analyse it unless the cache already knows its hash. The same function runs in
 * the index workers and, when they are unavailable, in the server's own thread, so both
 * give the same results.
 */
import type { FileAnalysis } from '../analyses';
import { FileIndex, analyseText } from '../corpus';
import { encodeEntry } from '../cache/indexCache';
import { FileStamp, ReadOutcome } from '../files';
import type { Place, ScratchFile } from '../scratchFile';
import { SplitResult, splitArticles } from '../articles';
import { appendToScratch, storedAt } from '../storedText';
import { LineBounds, LineIndex, contentHash } from '../text';
import { errorMessage } from '../errors';

export interface DiskFile {
  uri: string;
  relativePath: string;
  /** Absolute path on disk. */
  path: string;
}

/** A text put in the scratch file for texts: where, and its length in characters (see appendToScratch). */
export interface TextPlace {
  stored: Place;
  length: number;
}

/**
 * The text of a file read: itself, or where it was put in the scratch file for texts, so
 * that it need not be passed between threads; with its lines when it was indexed (those of
 * a text the cache knows are found when first needed: see LineIndex.whenRead).
 */
export type TextRead = { text: string } | (TextPlace & { lines?: LineBounds });

/** The file's stamp and when it was taken (see KnownFiles), for a file whose text was kept exactly as its bytes. */
export interface ReadStamp {
  stamp: FileStamp;
  readAtMs: number;
}

export type DiskFileResult =
  | { kind: 'skipped'; reason: string }
  /** The cache holds this text's index: look it up by `hash`. */
  | ({ kind: 'cached'; hash: string; warning?: string; read?: ReadStamp } & TextRead)
  /** The index made: as an `entry` encoded for the cache (see `encodeEntry`), or as it is for a scan without a cache. */
  | ({ kind: 'indexed'; hash: string; warning?: string; read?: ReadStamp } & ({ entry: Uint8Array } | { index: FileIndex }) & TextRead);

export interface DiskIndexOptions {
  maxBytes: number;
  /** Hashes whose index the cache holds. */
  cached: { has(hash: string): boolean };
  analyses: readonly FileAnalysis[];
  /**
   * Give each index encoded for the cache, rather than as it is: a cache that keeps
   * nothing makes encoding (here) and decoding (on the receiving thread) a waste, 0.2 s
   * of a scan's main thread at 100k articles.
   */
  encodeForCache: boolean;
  /** Leave the text unsplit unless an analysis reads its articles (see analyseText). */
  articlesWhenRead: boolean;
  /** `readTextFile`, or in a worker thread `readTextFileSync`. */
  read(path: string, maxBytes: number): ReadOutcome | Promise<ReadOutcome>;
  /** Where texts are kept (see storedText.ts), shared by the threads; without it, texts are given back. */
  texts?: ScratchFile;
}

/** `path`: the file's absolute path. */
export async function indexFromDisk(path: string, options: DiskIndexOptions): Promise<DiskFileResult> {
  const readAtMs = Date.now();
  const outcome = await options.read(path, options.maxBytes);
  if (outcome.kind === 'skipped') return outcome;
  const { text, utf8, stamp } = outcome;
  const warning = outcome.warning === undefined ? {} : { warning: outcome.warning };
  const hash = contentHash(utf8 ?? text);
  const withStamp = (read: TextRead): TextRead & { read?: ReadStamp } => (stamp && utf8 && 'stored' in read ? { ...read, read: { stamp, readAtMs } } : read);
  if (options.cached.has(hash)) return { kind: 'cached', hash, ...warning, ...withStamp(kept(text, utf8, options.texts)) };
  try {
    const lines = new LineIndex(text);
    const index = analyseText(text, options.analyses, { lines, articlesWhenRead: options.articlesWhenRead });
    const made = options.encodeForCache ? { entry: encodeEntry(index, hash) } : { index };
    return { kind: 'indexed', hash, ...warning, ...made, ...withStamp(kept(text, utf8, options.texts, lines)) };
  } catch (error) {
    // An analysis that fails on some text must not stop the scan: the file is reported and left out.
    return { kind: 'skipped', reason: `could not be indexed: ${errorMessage(error)}` };
  }
}

/**
 * indexFromDisk of each path, one file after another, for a thread whose reads block: all
 * at once, every file of a job was read before any was indexed, and their texts and bytes
 * lived together (10k articles: peak RSS 177 -> 170 MB).
 */
export async function indexInTurn(paths: readonly string[], options: DiskIndexOptions): Promise<DiskFileResult[]> {
  const results: DiskFileResult[] = [];
  for (const path of paths) results.push(await indexFromDisk(path, options));
  return results;
}

/**
 * Puts the line bounds of `results` into one buffer, each result's as views of it, before
 * they are sent to another thread: each typed array sent arrives with a buffer of its own,
 * and at a warm start of 40k files those 80k buffers were a good part of what the server
 * thread spent receiving results, and of its garbage collection.
 */
export function shareLineBuffers(results: DiskFileResult[]): void {
  const read = results.filter((result): result is DiskFileResult & TextPlace & { lines: LineBounds } => 'lines' in result && result.lines !== undefined);
  const shared = new Uint32Array(read.reduce((sum, { lines }) => sum + lines[0].length + lines[1].length, 0));
  let at = 0;
  const moved = (bounds: Uint32Array): Uint32Array => {
    shared.set(bounds, at);
    at += bounds.length;
    return shared.subarray(at - bounds.length, at);
  };
  for (const result of read) result.lines = [moved(result.lines[0]), moved(result.lines[1])];
}

/** `utf8`: the UTF-8 of `text`, when the reader had it (see ReadOutcome); `lines`, when the text was indexed. */
function kept(text: string, utf8: Uint8Array | undefined, texts: ScratchFile | undefined, lines?: LineIndex): TextRead {
  const place = texts && appendToScratch(text, texts, utf8);
  if (!place) return { text };
  return lines ? { stored: place, length: text.length, lines: lines.bounds } : { stored: place, length: text.length };
}

/** The articles and boilerplate of a text kept in `texts`, split there as the reading thread would split it. */
export function splitStored(place: TextPlace, texts: ScratchFile): SplitResult {
  const text = storedAt(texts, place.stored, place.length).read();
  return splitArticles(text, new LineIndex(text));
}

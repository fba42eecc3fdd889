/**
 * Per-file analyses computed with the corpus: a feature declares what it derives from one
 * file's text and articles alone, and the corpus computes it where it indexes files (in
 * worker threads during a workspace scan) and keeps it in the persistent index cache, so
 * that the feature reads it from the `IndexedFile` instead of recomputing it.
 *
 * An analysis must be a pure function of the file's content (never of its path or of other
 * files): its result is cached under the content hash. The result must be plain data that
 * `v8.serialize` can copy (objects, arrays, strings, numbers, typed arrays, Maps, Sets).
 */
import type { Article, LineSpan } from './articles';
import type { LineIndex } from './text';

/** What an analysis sees of a file: its content only. */
export interface AnalysedText {
  text: string;
  lines: LineIndex;
  articles: Article[];
  boilerplate: LineSpan[];
}

export interface FileAnalysis<T = unknown> {
  /** Unique among analyses; the key of the result in `IndexedFile.analyses`. */
  readonly name: string;
  /** Change it whenever `analyse` would give another result for the same text: older cached results are dropped. */
  readonly version: string;
  analyse(file: AnalysedText): T;
}

/** Results by analysis name. */
export type AnalysisResults = Record<string, unknown>;

/**
 * A result kept where it is stored until first asked for (see decodeEntry): `read` gives
 * it, or undefined once it can no longer be read, and the feature computes it again.
 */
export abstract class LaterResult {
  abstract read(): unknown;
}

/** The result stored under `name`, read now if it was left for later, and kept as read; undefined when there is none. */
export function storedResult(results: AnalysisResults, name: string): unknown {
  if (!Object.hasOwn(results, name)) return undefined;
  const stored = results[name];
  if (!(stored instanceof LaterResult)) return stored;
  const read = stored.read();
  if (read === undefined) delete results[name];
  else results[name] = read;
  return read;
}

export function runAnalyses(file: AnalysedText, analyses: readonly FileAnalysis[]): AnalysisResults {
  const results: AnalysisResults = {};
  for (const analysis of analyses) results[analysis.name] = analysis.analyse(file);
  return results;
}

/**
 * The result of `analysis` for a file: the one computed when the file was indexed, or,
 * when the corpus was not asked for it, computed now (and kept with the file).
 */
export function analysisOf<T>(file: AnalysedText & { analyses: AnalysisResults }, analysis: FileAnalysis<T>): T {
  const stored = storedResult(file.analyses, analysis.name) as T | undefined;
  if (stored !== undefined) return stored;
  const computed = analysis.analyse(file);
  file.analyses[analysis.name] = computed;
  return computed;
}

/** Names and versions, in a stable order: a cache made with another signature is not used. */
export function analysesSignature(analyses: readonly FileAnalysis[]): string {
  return analyses
    .map((analysis) => `${analysis.name}@${analysis.version}`)
    .sort()
    .join(',');
}

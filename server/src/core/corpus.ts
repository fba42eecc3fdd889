/**
 * The in-memory index of a workspace: every file's text, its line index and its articles.
 * Analyses (duplicates, organisations, themes) subscribe to its changes and keep their own
 * incremental state; the corpus itself knows nothing about them, except the per-file
 * analyses they declare (core/analyses.ts), which it computes with each file.
 */
import { AnalysedText, AnalysisResults, FileAnalysis, runAnalyses } from './analyses';
import { Article, LineSpan, SplitResult, findBoilerplate, splitArticles } from './articles';
import { StoredText, storeText } from './storedText';
import { LineIndex, TextSource, contentHash } from './text';

export interface IndexedFile {
  /** A stable key: a `file://` URI in the server, a path in the CLI. */
  uri: string;
  /** Path relative to its workspace folder, for messages and reports. */
  relativePath: string;
  readonly text: string;
  lines: LineIndex;
  articles: Article[];
  boilerplate: LineSpan[];
  hash: string;
  /** Per-file analyses by name (see core/analyses.ts). */
  analyses: AnalysisResults;
  /** Editor version of an open document, or undefined when read from disk. */
  version?: number;
}

/**
 * What indexing derives from a file's text alone: the part that is computed in workers and
 * cached. Without articles and boilerplate when it was made with `articlesWhenRead` and no
 * analysis read its articles: the file is split when something first does (see indexedFile).
 */
export interface FileIndex {
  articles?: Article[];
  boilerplate?: LineSpan[];
  analyses: AnalysisResults;
}

/**
 * A FileIndex kept in the index cache, decoded when the file's articles or analyses are
 * first read (see StoredFile); its number of articles is known before. A warm start of
 * 100k articles decoded 40k entries for its scan, with objects for every article, while
 * nothing read them before the scan ended. `read` falls back on indexing the text when
 * the entry cannot be read.
 */
export interface CachedIndex {
  readonly articleCount: number;
  read(): FileIndex;
}

export interface CorpusChange {
  updated: IndexedFile[];
  removed: string[];
}

/**
 * Whether `files` are the files `uris` name, in that order. What a session keeps of the
 * corpus lists its files in the corpus's order, which the next session's scan brings them
 * in: a restore then pairs them by position, rather than looking each up by URI.
 */
export function inOrderOf(files: readonly IndexedFile[], uris: readonly string[]): boolean {
  return files.length === uris.length && files.every((file, i) => file.uri === uris[i]);
}

/** For what a session keeps (see inOrderOf): the values of `byUri` in the order of `uris`, when these name every key, each once; undefined otherwise. */
export function valuesInOrderOf<T>(byUri: ReadonlyMap<string, T>, uris: Iterable<string>): T[] | undefined {
  const values: T[] = [];
  for (const uri of uris) {
    const value = byUri.get(uri);
    if (value !== undefined) values.push(value);
  }
  return values.length === byUri.size ? values : undefined;
}

export type CorpusListener = (change: CorpusChange) => void;

export interface CorpusStats {
  files: number;
  articles: number;
  bytes: number;
}

export interface FileInput {
  uri: string;
  relativePath: string;
  text: string;
  version?: number;
}

/**
 * Splits `text` and runs `analyses` on it. With `articlesWhenRead`, the text is split only if
 * an analysis reads its articles (see LazySplit): a scan for duplicates alone needs the
 * articles of the few files that share passages, and splitting is most of indexing's work.
 */
export function analyseText(
  text: string,
  analyses: readonly FileAnalysis[],
  { lines = new LineIndex(text), articlesWhenRead = false }: { lines?: LineIndex; articlesWhenRead?: boolean } = {},
): FileIndex {
  const split = new LazySplit({ read: () => text }, lines, articlesWhenRead ? undefined : splitArticles(text, lines));
  const results = runAnalyses(new SplitText(text, lines, split), analyses);
  return { ...split.done(), analyses: results };
}

/**
 * A text as its analyses see it, split when they first read its articles. An object of a
 * class, not an object literal with getters: V8 gave each such literal (its getters new
 * closures at each call) a shape of its own, made in the old generation and freed only by
 * full collections. Reading and fingerprinting the 3,990 files of a 10k-article folder in
 * one thread, its heap grew to 60 MB (13 MB since), with two full collections (none since),
 * and took 1.3-1.6 s (0.5-1.0 s since, on a busy machine).
 */
class SplitText implements AnalysedText {
  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    private readonly split: LazySplit,
  ) {}

  get articles(): Article[] {
    return this.split.articles;
  }

  get boilerplate(): LineSpan[] {
    return this.split.boilerplate;
  }
}

/**
 * A file's articles and boilerplate, split from its text when first read. The boilerplate read
 * alone is found without splitting (see findBoilerplate): the duplicate engine reads that of
 * every file it matches, the articles only of those it describes a passage in, and splitting
 * is mostly the cohesion test at each heading.
 */
class LazySplit {
  private knownArticles: Article[] | undefined;
  private knownBoilerplate: LineSpan[] | undefined;

  constructor(
    protected readonly source: TextSource,
    readonly lines: LineIndex,
    split?: SplitResult,
  ) {
    this.knownArticles = split?.articles;
    this.knownBoilerplate = split?.boilerplate;
  }

  get articles(): Article[] {
    if (!this.knownArticles) {
      const split = splitArticles(this.source.read(), this.lines);
      this.knownArticles = split.articles;
      this.knownBoilerplate ??= split.boilerplate;
    }
    return this.knownArticles;
  }

  get boilerplate(): LineSpan[] {
    return (this.knownBoilerplate ??= findBoilerplate(this.source.read(), this.lines));
  }

  /** Takes a split made elsewhere from the same text (on a worker thread), unless the file was split already. */
  give(split: SplitResult): void {
    this.knownArticles ??= split.articles;
    this.knownBoilerplate ??= split.boilerplate;
  }

  /** The split, when the file was split. */
  done(): SplitResult | undefined {
    return this.knownArticles && this.knownBoilerplate ? { articles: this.knownArticles, boilerplate: this.knownBoilerplate } : undefined;
  }
}

/**
 * An indexed file whose text is kept already (in compact form, or in a scratch file: see
 * storedText.ts): `text` and `lines` read it from there. Objects of a class, not object
 * literals with accessors: those gave each of 40k files at a warm start closures and a
 * shape of its own, about a kilobyte a file with the split kept beside it.
 */
class StoredFile extends LazySplit implements IndexedFile {
  private results: AnalysisResults | undefined;
  /** Until first read: where the file's index is (see CachedIndex). */
  private cached: CachedIndex | undefined;
  version: number | undefined;

  constructor(
    public uri: string,
    public relativePath: string,
    stored: StoredText,
    lines: LineIndex,
    index: FileIndex | CachedIndex,
    public hash: string,
    version: number | undefined,
  ) {
    super(stored, lines.withSource(stored));
    if ('read' in index) this.cached = index;
    else this.take(index);
    this.version = version;
  }

  private take(index: FileIndex): void {
    this.results = index.analyses;
    if (index.articles && index.boilerplate) super.give({ articles: index.articles, boilerplate: index.boilerplate });
  }

  /** Decodes the cached index, if it was not yet. */
  private read(): void {
    const cached = this.cached;
    if (!cached) return;
    this.cached = undefined;
    this.take(cached.read());
  }

  get analyses(): AnalysisResults {
    this.read();
    return this.results!;
  }

  override get articles(): Article[] {
    this.read();
    return super.articles;
  }

  override get boilerplate(): LineSpan[] {
    this.read();
    return super.boilerplate;
  }

  override give(split: SplitResult): void {
    this.read();
    super.give(split);
  }

  /** The number of articles, without decoding a cached index for it. */
  get articleCount(): number {
    return this.cached ? this.cached.articleCount : this.articles.length;
  }

  /**
   * The text as the corpus was given it, held only while the corpus tells its listeners of
   * the change that brought the file (see Corpus.commit): they read every file's text (the
   * organisation index twice), and decoding the stored form of 10k articles (25 MB) each
   * time cost about 50 ms and 50 MB of strings at each reading.
   */
  given: string | undefined;

  get text(): string {
    return this.given ?? this.source.read();
  }
}

/**
 * Gives `file` its articles and boilerplate, split from its text elsewhere (on a worker
 * thread), so that reading them does not split it here; a file split already keeps its own.
 */
export function giveSplit(file: IndexedFile, split: SplitResult): void {
  if (file instanceof StoredFile) file.give(split);
}

export function indexFile(input: FileInput, analyses: readonly FileAnalysis[] = [], articlesWhenRead = false): IndexedFile {
  const lines = new LineIndex(input.text);
  return indexedFile(input, analyseText(input.text, analyses, { lines, articlesWhenRead }), contentHash(input.text), lines);
}

/** Puts together a file indexed elsewhere; its text is kept in compact form (see storedText.ts). */
export function indexedFile(input: FileInput, index: FileIndex | CachedIndex, hash: string, lines = new LineIndex(input.text)): IndexedFile {
  return storedFile(input, storeText(input.text), lines, index, hash);
}

/** A file indexed elsewhere, its text kept already (see StoredFile). */
export function storedFile(input: Omit<FileInput, 'text'>, stored: StoredText, lines: LineIndex, index: FileIndex | CachedIndex, hash: string): IndexedFile {
  return new StoredFile(input.uri, input.relativePath, stored, lines, index, hash, input.version);
}

export interface CorpusOptions {
  /** Per-file analyses computed with every file (see core/analyses.ts). */
  analyses?: readonly FileAnalysis[];
  /** Split a file into articles only when something reads them (see analyseText); by default, as it is indexed. */
  articlesWhenRead?: boolean;
}

export class Corpus {
  private readonly files = new Map<string, IndexedFile>();
  private readonly listeners: CorpusListener[] = [];
  readonly analyses: readonly FileAnalysis[];
  readonly articlesWhenRead: boolean;

  constructor(options: CorpusOptions = {}) {
    this.analyses = options.analyses ?? [];
    this.articlesWhenRead = options.articlesWhenRead ?? false;
    const names = this.analyses.map((analysis) => analysis.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated !== undefined) throw new Error(`Two file analyses are named "${repeated}"`);
  }

  onChange(listener: CorpusListener): void {
    this.listeners.push(listener);
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Applies a batch of new or changed files and removals, then tells listeners once.
   * A file whose text is unchanged is not re-split and not reported.
   */
  apply(inputs: FileInput[], removedUris: string[] = []): CorpusChange {
    return this.commit(inputs, (input) => indexFile(input, this.analyses, this.articlesWhenRead), removedUris, (input) => input.text);
  }

  /** Like `apply`, for files already indexed (by workers, or from the cache). */
  applyIndexed(files: IndexedFile[], removedUris: string[] = []): CorpusChange {
    return this.commit(files, (file) => file, removedUris);
  }

  /** `given`: the text of an input, when the caller holds it as a string (see StoredFile.given). */
  private commit<T extends FileInput>(inputs: T[], index: (input: T) => IndexedFile, removedUris: string[], given?: (input: T) => string): CorpusChange {
    const change: CorpusChange = { updated: [], removed: [] };
    for (const input of inputs) {
      const previous = this.files.get(input.uri);
      if (previous && previous.text === input.text && previous.relativePath === input.relativePath) {
        if (input.version !== undefined) previous.version = input.version;
        continue;
      }
      const file = index(input);
      if (given && file instanceof StoredFile) file.given = given(input);
      this.files.set(file.uri, file);
      change.updated.push(file);
    }
    for (const uri of removedUris) {
      if (this.files.delete(uri)) change.removed.push(uri);
    }
    try {
      if (change.updated.length > 0 || change.removed.length > 0) {
        for (const listener of this.listeners) listener(change);
      }
    } finally {
      for (const file of change.updated) if (file instanceof StoredFile) file.given = undefined;
    }
    return change;
  }

  stats(): CorpusStats {
    let articles = 0;
    let bytes = 0;
    for (const file of this.files.values()) {
      articles += file instanceof StoredFile ? file.articleCount : file.articles.length;
      bytes += file.lines.length;
    }
    return { files: this.files.size, articles, bytes };
  }
}

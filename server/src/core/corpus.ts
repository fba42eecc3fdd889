/**
 * The in-memory index of a workspace: every file's text, its line index and its articles.
 * Analyses (duplicates, organisations, themes) subscribe to its changes and keep their own
 * incremental state; the corpus itself knows nothing about them.
 */
import { Article, LineSpan, splitArticles } from './articles';
import { LineIndex, contentHash } from './text';

export interface IndexedFile {
  /** A stable key: a `file://` URI in the server, a path in the CLI. */
  uri: string;
  /** Path relative to its workspace folder, for messages and reports. */
  relativePath: string;
  text: string;
  lines: LineIndex;
  articles: Article[];
  boilerplate: LineSpan[];
  hash: string;
  /** Editor version of an open document, or undefined when read from disk. */
  version?: number;
}

export interface CorpusChange {
  updated: IndexedFile[];
  removed: string[];
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

export function indexFile(input: FileInput): IndexedFile {
  const lines = new LineIndex(input.text);
  const { articles, boilerplate } = splitArticles(input.text, lines);
  const file: IndexedFile = {
    uri: input.uri,
    relativePath: input.relativePath,
    text: input.text,
    lines,
    articles,
    boilerplate,
    hash: contentHash(input.text),
  };
  if (input.version !== undefined) file.version = input.version;
  return file;
}

export class Corpus {
  private readonly files = new Map<string, IndexedFile>();
  private readonly listeners: CorpusListener[] = [];

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
    const change: CorpusChange = { updated: [], removed: [] };
    for (const input of inputs) {
      const previous = this.files.get(input.uri);
      if (previous && previous.text === input.text && previous.relativePath === input.relativePath) {
        if (input.version !== undefined) previous.version = input.version;
        continue;
      }
      const file = indexFile(input);
      this.files.set(file.uri, file);
      change.updated.push(file);
    }
    for (const uri of removedUris) {
      if (this.files.delete(uri)) change.removed.push(uri);
    }
    if (change.updated.length > 0 || change.removed.length > 0) {
      for (const listener of this.listeners) listener(change);
    }
    return change;
  }

  stats(): CorpusStats {
    let articles = 0;
    let bytes = 0;
    for (const file of this.files.values()) {
      articles += file.articles.length;
      bytes += file.text.length;
    }
    return { files: this.files.size, articles, bytes };
  }
}

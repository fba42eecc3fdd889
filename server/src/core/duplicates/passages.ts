/**
 * A group of copies (token ranges in files) as a person sees it: char and line ranges,
 * word counts, exact or near, whole-article copies, and a stable order.
 */
import type { IndexedFile } from '../corpus';
import type { Position } from '../text';
import type { SpanGroup } from './group';
import type { FileAnalysis } from './analysis';
import { wordCount } from '../lines';
import { passageFingerprint, tokenAtOrAfter } from './tokens';

export interface Passage {
  uri: string;
  relativePath: string;
  /** Char offsets in the file, end exclusive. */
  startOffset: number;
  endOffset: number;
  /** Zero-based line and UTF-16 column, as in LSP. */
  start: Position;
  end: Position;
  /** Counted as an article's words are (see wordCount): "speed-of-trust" is one, though it matches as three. */
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

/** A copy covering this share of an article, and mostly made of it, is a whole-article copy. */
const WHOLE_ARTICLE_COVER = 0.9;

/**
 * The group of `copies`, or undefined when fewer than two remain, one of them is ignored, or
 * even the longest has fewer than `minWords` words as they are shown. Matching counts the
 * words it compares (a hyphenated word is several), so a run it keeps may still be shorter.
 */
export function describeGroup(
  spanGroup: SpanGroup,
  fileOf: (id: number) => { file: IndexedFile; analysis: FileAnalysis },
  ignored: ReadonlySet<string>,
  minWords: number,
): DuplicateGroup | undefined {
  if (spanGroup.copies.length < 2) return undefined;
  const passages = spanGroup.copies.map((copy) => {
    const { file, analysis } = fileOf(copy.file);
    return passage(file, analysis, copy.start, copy.end);
  });
  if (passages.some((passage) => ignored.has(passage.fingerprint))) return undefined;
  const words = Math.max(...passages.map((passage) => passage.words));
  if (words < minWords) return undefined;
  passages.sort(comparePassages);
  const exact = passages.every((passage) => passage.fingerprint === passages[0].fingerprint);
  return {
    id: passages.map((passage) => passage.fingerprint).sort()[0],
    kind: exact ? 'exact' : 'near',
    similarity: exact ? 1 : Math.min(spanGroup.similarity, 0.999),
    words,
    passages,
    wholeArticle: passages.filter((passage) => passage.article).length >= 2,
  };
}

function passage(file: IndexedFile, { text, tokens }: FileAnalysis, start: number, end: number): Passage {
  const startOffset = widenOverPunctuation(text, tokens.starts[start], -1);
  const endOffset = widenOverPunctuation(text, tokens.ends[end - 1], 1);
  const passage: Passage = {
    uri: file.uri,
    relativePath: file.relativePath,
    startOffset,
    endOffset,
    start: file.lines.positionAt(startOffset),
    end: file.lines.positionAt(endOffset),
    words: wordCount(text, startOffset, endOffset),
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

const signatures = new WeakMap<DuplicateGroup, string>();

/** Everything a client is shown of a group, as one string: equal strings, equal diagnostics. */
export function groupSignature(group: DuplicateGroup): string {
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

/** By first copy, then a total order, so that the order never depends on how groups were found. */
export function compareGroups(x: DuplicateGroup, y: DuplicateGroup): number {
  const byFirst = comparePassages(x.passages[0], y.passages[0]) || x.passages[0].endOffset - y.passages[0].endOffset;
  if (byFirst !== 0) return byFirst;
  const [sx, sy] = [groupSignature(x), groupSignature(y)];
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

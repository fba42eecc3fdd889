/**
 * The soak benchmark's workspace and its edits: a generated corpus with copies of whole
 * articles and of single paragraphs planted across files (so that duplicate diagnostics
 * exist from the start and change as the edits cut, grow and paste them), and a stream of
 * random edits as a person makes them in open documents: typing, deleting, line breaks,
 * new articles, pastes from other files, awkward Unicode and CRLF.
 */
import type { GeneratedCorpus } from './generate';
import { Random } from '../server/src/core/random';

const TYPED = ['e', 's', ' ', 'the ', ' council', 'flood ', 'nurses', '. ', ', and ', 'Meanwhile, '];
const AWKWARD = ['😀', '👩‍👩‍👧', 'e\u0301', 'שלום', 'مرحبا', '\u00a0', '\t', '\u200b', '\r\n', '\r', '...', '“', '”'];
const NEW_ARTICLE = [
  '\n\nLibrary hours extended on weekdays\n\nBy Sam Ode\n\nThe central library will stay open until eight in the evening from next month, after a survey of readers.\n\n',
  '\n\nWhy are bus routes being cut?\n\n3 May 2024\n\nThe county council says falling fares and rising fuel costs leave it no choice over the rural routes.\n\n',
  '\n\nPrevious\n\nNext\n\nShare this article\n',
];
/** A planted paragraph is long enough to be reported (the default minimum is 25 words). */
const PLANTED_PARAGRAPH_MIN_WORDS = 30;

export interface PlantedCorpus {
  files: { path: string; text: string }[];
  /** Indices of the files that received a planted copy. */
  receivers: number[];
}

/**
 * Copies `articles` whole articles and `paragraphs` paragraphs of the generated corpus into
 * other files: articles at the end of a file, paragraphs between two paragraphs of one.
 */
export function plantCopies(generated: GeneratedCorpus, counts: { articles: number; paragraphs: number }, seed: number): PlantedCorpus {
  const random = new Random(seed);
  const texts = generated.files.map((file) => file.text);
  const articleText = (index: number): string => {
    const article = generated.articles[index];
    return generated.files[article.file].text.slice(article.startOffset, article.endOffset);
  };
  const otherFile = (than: number): number => {
    let file = random.int(0, texts.length - 1);
    while (file === than && texts.length > 1) file = random.int(0, texts.length - 1);
    return file;
  };
  const receivers = new Set<number>();
  for (let i = 0; i < counts.articles; i++) {
    const source = random.int(0, generated.articles.length - 1);
    const target = otherFile(generated.articles[source].file);
    texts[target] = `${texts[target].trimEnd()}\n\n${articleText(source)}\n`;
    receivers.add(target);
  }
  for (let planted = 0; planted < counts.paragraphs; ) {
    const source = random.int(0, generated.articles.length - 1);
    // Not the first block: that is the title.
    const paragraph = random.pick(articleText(source).split('\n\n').slice(1));
    if (paragraph === undefined || paragraph.split(/\s+/).length < PLANTED_PARAGRAPH_MIN_WORDS) continue;
    const target = otherFile(generated.articles[source].file);
    const breaks = [...texts[target].matchAll(/\n\n/g)].map((match) => match.index!);
    if (breaks.length < 2) continue;
    // Not the first break: that one ends the title.
    const at = breaks[random.int(1, breaks.length - 1)];
    texts[target] = `${texts[target].slice(0, at)}\n\n${paragraph}${texts[target].slice(at)}`;
    receivers.add(target);
    planted++;
  }
  return {
    files: generated.files.map((file, i) => ({ path: file.path, text: texts[i] })),
    receivers: [...receivers].sort((a, b) => a - b),
  };
}

export interface Edit {
  /** Index of the document edited. */
  document: number;
  startOffset: number;
  endOffset: number;
  text: string;
}

/**
 * One random edit of one of `texts`: typing, deleting, line breaks, new articles, pastes
 * from another text and awkward characters. Like an editor's, its offsets never fall
 * inside a surrogate pair and a paste never takes half of one.
 */
export function randomEdit(random: Random, texts: readonly string[]): Edit {
  const document = random.int(0, texts.length - 1);
  const text = texts[document];
  const at = clampToCharacter(text, random.int(0, text.length));
  const edit = (endOffset: number, inserted: string): Edit => ({ document, startOffset: at, endOffset: clampToCharacter(text, Math.min(endOffset, text.length)), text: inserted });
  const kind = random.next();
  if (kind < 0.3) return edit(at, random.pick(TYPED));
  // Deletions balance the insertions, so that the workspace keeps roughly its size.
  if (kind < 0.6) return edit(at + (random.chance(0.9) ? random.int(1, 30) : random.int(100, 600)), '');
  if (kind < 0.7) return edit(at, random.pick(['\n', '\n\n', '\r\n']));
  if (kind < 0.78) return edit(at + random.int(0, 200), random.pick(NEW_ARTICLE));
  if (kind < 0.9) {
    const source = random.pick(texts);
    const from = clampToCharacter(source, random.int(0, source.length));
    return edit(at + random.int(0, 300), source.slice(from, clampToCharacter(source, Math.min(source.length, from + random.int(1, 300)))));
  }
  return edit(at, random.pick(AWKWARD));
}

/** The offset, moved back one when it would split a surrogate pair. */
function clampToCharacter(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? offset - 1 : offset;
}

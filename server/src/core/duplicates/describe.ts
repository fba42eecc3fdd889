/**
 * How a copy of a duplicated passage is described to a person, in the editor's diagnostics
 * and in the CLI's report alike: its words, exact or how similar, and where the other
 * copies are ("also in a.txt:12–40 and 2 more").
 */
import type { DuplicateGroup, Passage } from './engine';

/** "a.txt:12–40", or "this file:12–40" for a copy in the same file as `from`; lines are 1-based. */
export function placeName(passage: Passage, from?: Passage): string {
  const file = from && from.uri === passage.uri ? 'this file' : passage.relativePath;
  const first = passage.start.line + 1;
  const last = passage.end.line + 1;
  return first === last ? `${file}:${first}` : `${file}:${first}–${last}`;
}

export function similarityText(group: DuplicateGroup): string {
  return group.kind === 'exact' ? 'exact' : `${Math.floor(group.similarity * 100)}% similar`;
}

/** The message shown on `passage`, one copy of `group`. */
export function copyMessage(group: DuplicateGroup, passage: Passage): string {
  const others = group.passages.filter((other) => other !== passage);
  const more = others.length > 1 ? ` and ${others.length - 1} more` : '';
  const facts = `${passage.words} words, ${similarityText(group)}`;
  const otherArticle = others.find((other) => other.article);
  if (group.wholeArticle && passage.article && otherArticle?.article) {
    return `This article duplicates "${otherArticle.article.title}" in ${placeName(otherArticle, passage)}${more} (${facts}).`;
  }
  const kind = group.kind === 'exact' ? 'Duplicated passage' : 'Near-duplicate passage';
  return `${kind} (${facts}): also in ${placeName(others[0], passage)}${more}.`;
}

/**
 * From a position inside a copy to the other copies (Go to Definition, Find All
 * References), and the groups as the client's Duplicates view and Next/Previous commands
 * see them.
 */
import type { Location } from 'vscode-languageserver/node';
import type { DuplicateGroup, DuplicateIndex, Passage } from '../core/duplicates/engine';
import type { DuplicateGroupInfo } from '../protocol';

const PREVIEW_WORDS = 12;

/** The copies in `uri` that contain `offset`, each with its group. */
export function copiesAt(index: DuplicateIndex, uri: string, offset: number): { group: DuplicateGroup; passage: Passage }[] {
  const found: { group: DuplicateGroup; passage: Passage }[] = [];
  for (const group of index.groupsIn(uri)) {
    for (const passage of group.passages) {
      if (passage.uri === uri && passage.startOffset <= offset && offset <= passage.endOffset) found.push({ group, passage });
    }
  }
  return found;
}

export function passageLocation(passage: Passage): Location {
  return { uri: passage.uri, range: { start: passage.start, end: passage.end } };
}

/** The other copies of every passage under the cursor; with `includeHere`, those copies too. */
export function copyLocations(index: DuplicateIndex, uri: string, offset: number, includeHere: boolean): Location[] {
  const locations: Location[] = [];
  for (const { group, passage } of copiesAt(index, uri, offset)) {
    for (const other of group.passages) if (includeHere || other !== passage) locations.push(passageLocation(other));
  }
  return locations;
}

export function groupInfo(group: DuplicateGroup, text: (uri: string) => string | undefined): DuplicateGroupInfo {
  const first = group.passages[0];
  const words = text(first.uri)?.slice(first.startOffset, first.endOffset).split(/\s+/, PREVIEW_WORDS + 1) ?? [];
  const preview = words.length > PREVIEW_WORDS ? `${words.slice(0, PREVIEW_WORDS).join(' ')}…` : words.join(' ');
  return {
    id: group.id,
    kind: group.kind,
    similarity: group.similarity,
    words: group.words,
    preview,
    wholeArticle: group.wholeArticle,
    copies: group.passages.map((passage) => {
      const copy: DuplicateGroupInfo['copies'][number] = {
        uri: passage.uri,
        relativePath: passage.relativePath,
        range: { start: passage.start, end: passage.end },
        words: passage.words,
      };
      if (passage.article) copy.articleTitle = passage.article.title;
      return copy;
    }),
  };
}

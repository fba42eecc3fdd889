/** Find All References (every mention of the organisation, all spellings) and document highlights. */
import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver/node';
import type { IndexedFile } from '../core/corpus';
import type { OrganisationIndex } from '../core/organisations/index';
import { offsetLocation, offsetRange } from '../ranges';

export function organisationReferences(index: OrganisationIndex, file: IndexedFile, offset: number): Location[] | null {
  const mention = index.mentionUnder(file.uri, offset);
  if (!mention) return null;
  const locations: Location[] = [];
  for (const [uri, mentions] of index.mentionsOf(mention.id)) {
    const other = index.file(uri);
    if (!other) continue;
    for (const each of mentions) locations.push(offsetLocation(other, each.start, each.end));
  }
  return locations;
}

export function organisationHighlights(index: OrganisationIndex, file: IndexedFile, offset: number): DocumentHighlight[] | null {
  const mention = index.mentionUnder(file.uri, offset);
  if (!mention) return null;
  return (index.mentionsOf(mention.id).get(file.uri) ?? []).map((each) => ({
    range: offsetRange(file, each.start, each.end),
    kind: DocumentHighlightKind.Text,
  }));
}

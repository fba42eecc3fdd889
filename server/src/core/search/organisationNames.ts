/**
 * What themes and theme search take from the recognised organisations: the names each
 * article mentions (extra features for clustering, a field of the search index) and the
 * aliases of every organisation mentioned, so that a query for "GGI" also looks for
 * "Good Governance Institute". Read from an OrganisationIndex, again only after it changed.
 */
import type { OrganisationIndex } from '../organisations/index';
import type { OrganisationNames } from './corpusSearch';

export function organisationNamesOf(index: OrganisationIndex): () => OrganisationNames {
  let cached: { generation: number; names: OrganisationNames } | undefined;
  let previousAliases: ReadonlyMap<string, string> = new Map();
  return () => {
    if (cached?.generation === index.generation) return cached.names;
    const nameOf = new Map<string, string>();
    const name = (id: string): string => {
      let found = nameOf.get(id);
      if (found === undefined) {
        found = index.organisation(id)?.name ?? '';
        nameOf.set(id, found);
      }
      return found;
    };
    let aliases: ReadonlyMap<string, string> | undefined;
    const names: OrganisationNames = {
      organisationsOf: (uri, article) => {
        const found = new Set(index.idsInArticle(uri, article).map(name));
        found.delete('');
        return [...found];
      },
      // Only when asked: clustering never needs them.
      get aliases() {
        aliases ??= previousAliases = sameOrNew(previousAliases, aliasesOf(index, name));
        return aliases;
      },
    };
    cached = { generation: index.generation, names };
    return names;
  };
}

function aliasesOf(index: OrganisationIndex, name: (id: string) => string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const id of index.mentionedIds()) {
    const canonical = name(id);
    for (const alias of index.organisation(id)?.aliases ?? []) if (canonical !== '') aliases.set(alias, canonical);
  }
  return aliases;
}

/** The previous map when nothing changed, so that users keyed on its identity do no work. */
function sameOrNew(previous: ReadonlyMap<string, string>, next: Map<string, string>): ReadonlyMap<string, string> {
  if (previous.size !== next.size) return next;
  for (const [alias, canonical] of next) if (previous.get(alias) !== canonical) return next;
  return previous;
}

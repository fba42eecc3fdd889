/**
 * The organisations known by name: the gazetteer shipped with Seed Curator, extended by the
 * workspace's own `.seed-curator/organisations.json`.
 */
import builtIn from './gazetteer.json';
import { nameKey, organisationId } from './names';

export interface OrganisationEntry {
  id: string;
  name: string;
  aliases: string[];
  description?: string;
  /** Its one-word names are also common words ("Mind"): counted only inside sentences. */
  ambiguous?: boolean;
}

/** What a gazetteer file holds once read: entries with ids, and names that are never organisations. */
export interface GazetteerFile {
  organisations: OrganisationEntry[];
  ignore: string[];
}

export interface Gazetteer {
  entries: Map<string, OrganisationEntry>;
  /** Name keys that are never organisations. */
  ignored: Set<string>;
}

export function builtInGazetteer(): GazetteerFile {
  return { organisations: builtIn.organisations.map((entry) => ({ ...entry, aliases: [...entry.aliases] })), ignore: [] };
}

/**
 * Merges gazetteers in order. A later entry extends an earlier one with the same id, or
 * failing that with the same name or alias: its aliases are added and its description wins.
 */
export function mergeGazetteers(...files: GazetteerFile[]): Gazetteer {
  const entries = new Map<string, OrganisationEntry>();
  const byName = new Map<string, string>();
  const ignored = new Set<string>();
  for (const file of files) {
    for (const entry of file.organisations) {
      const existingId = entries.has(entry.id) ? entry.id : [entry.name, ...entry.aliases].map((name) => byName.get(nameKey(name))).find(Boolean);
      const existing = existingId ? entries.get(existingId) : undefined;
      const merged: OrganisationEntry = existing
        ? {
            ...existing,
            aliases: unique([...existing.aliases, ...(entry.name === existing.name ? [] : [entry.name]), ...entry.aliases]),
            description: entry.description ?? existing.description,
            ambiguous: entry.ambiguous ?? existing.ambiguous,
          }
        : { ...entry, aliases: unique(entry.aliases) };
      entries.set(merged.id, merged);
      for (const name of [merged.name, ...merged.aliases]) byName.set(nameKey(name), merged.id);
    }
    for (const name of file.ignore) ignored.add(nameKey(name));
  }
  return { entries, ignored };
}

/** An entry's id, or one made from its name when the file gave none. */
export function entryId(entry: { id?: string; name: string }): string {
  return entry.id ?? organisationId(entry.name);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

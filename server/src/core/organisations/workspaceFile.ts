/**
 * Reads a workspace's `.seed-curator/organisations.json`. The file is checked against
 * organisations.schema.json; every mistake becomes a problem with the offsets of the
 * part of the file it concerns, and the entries without mistakes are still used.
 */
import { FileProblem, checkJson, rejectedItems } from '../jsonFile';
import schema from './organisations.schema.json';
import { GazetteerFile, OrganisationEntry, entryId } from './gazetteer';

/** Where the workspace's organisations live, relative to a workspace folder. */
export const WORKSPACE_ORGANISATIONS_PATH = '.seed-curator/organisations.json';

export interface WorkspaceFileResult {
  file: GazetteerFile;
  problems: FileProblem[];
}

interface RawEntry {
  id?: string;
  name: string;
  aliases?: string[];
  description?: string;
  ambiguous?: boolean;
}

const messages = { pattern: 'must be lower-case letters, digits and hyphens.' };

export function readWorkspaceOrganisations(text: string): WorkspaceFileResult {
  const checked = checkJson(text, schema, messages);
  const { value, problems } = checked;
  // The parts that are well formed are still used, so one typo does not hide every entry.
  const usable = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const organisations = Array.isArray(usable.organisations) ? (usable.organisations as RawEntry[]) : [];
  const ignore = Array.isArray(usable.ignore) ? usable.ignore.filter((item): item is string => typeof item === 'string' && item !== '') : [];
  return { file: toGazetteerFile({ organisations, ignore }, rejectedItems(checked, ['organisations'])), problems };
}

function toGazetteerFile(value: { organisations?: RawEntry[]; ignore?: string[] }, rejected: Set<number>): GazetteerFile {
  const organisations: OrganisationEntry[] = [];
  (value.organisations ?? []).forEach((raw, index) => {
    if (rejected.has(index)) return;
    const entry: OrganisationEntry = { id: entryId(raw), name: raw.name, aliases: raw.aliases ?? [] };
    if (raw.description !== undefined) entry.description = raw.description;
    if (raw.ambiguous !== undefined) entry.ambiguous = raw.ambiguous;
    organisations.push(entry);
  });
  return { organisations, ignore: value.ignore ?? [] };
}

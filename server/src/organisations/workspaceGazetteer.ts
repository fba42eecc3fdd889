/**
 * Each workspace folder's `.seed-curator/organisations.json`: read when the workspace is
 * indexed and whenever the file changes on disk; its mistakes are shown as diagnostics in
 * the file, and the organisations of all folders extend the built-in gazetteer.
 */
import * as path from 'path';
import { FileProblem, readTextIfPresent } from '../core/jsonFile';
import type { GazetteerFile } from '../core/organisations/gazetteer';
import { WORKSPACE_ORGANISATIONS_PATH, readWorkspaceOrganisations } from '../core/organisations/workspaceFile';

export interface LoadedGazetteers {
  /** All folders' files merged, in folder order. */
  file: GazetteerFile;
  /** Each folder's file: its path, its text (undefined when there is none) and its problems. */
  read: { path: string; text: string | undefined; problems: FileProblem[] }[];
}

export function isWorkspaceGazetteer(uri: string): boolean {
  return uri.endsWith(`/${WORKSPACE_ORGANISATIONS_PATH}`);
}

export function loadWorkspaceGazetteers(folders: Iterable<string>): LoadedGazetteers {
  const file: GazetteerFile = { organisations: [], ignore: [] };
  const read: LoadedGazetteers['read'] = [];
  for (const folder of [...folders].sort()) {
    const filePath = path.join(folder, WORKSPACE_ORGANISATIONS_PATH);
    const text = readTextIfPresent(filePath);
    if (text === undefined) {
      read.push({ path: filePath, text, problems: [] });
      continue;
    }
    const result = readWorkspaceOrganisations(text);
    file.organisations.push(...result.file.organisations);
    file.ignore.push(...result.file.ignore);
    read.push({ path: filePath, text, problems: result.problems });
  }
  return { file, read };
}

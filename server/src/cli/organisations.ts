/** The organisations' part of the CLI: the report section, with the folder's own gazetteer. */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Corpus } from '../core/corpus';
import type { ReportSection } from '../core/report';
import { OrganisationIndex } from '../core/organisations/index';
import { organisationsSection } from '../core/organisations/report';
import { WORKSPACE_ORGANISATIONS_PATH, WorkspaceFileResult, readWorkspaceOrganisations } from '../core/organisations/workspaceFile';

type WorkspaceFile = { text: string; result: WorkspaceFileResult } | undefined;

/** Recognised once per scanned corpus: the themes section and `search` use them too. */
const recognised = new WeakMap<Corpus, { index: OrganisationIndex; workspaceFile: WorkspaceFile }>();

/** The organisations of a scanned folder, with the folder's own gazetteer. */
export function folderOrganisations(corpus: Corpus, root: string): { index: OrganisationIndex; workspaceFile: WorkspaceFile } {
  const known = recognised.get(corpus);
  if (known) return known;
  const index = new OrganisationIndex();
  const text = readOptional(path.join(root, WORKSPACE_ORGANISATIONS_PATH));
  const workspaceFile = text === undefined ? undefined : { text, result: readWorkspaceOrganisations(text) };
  if (workspaceFile) index.setWorkspaceGazetteer(workspaceFile.result.file);
  index.update({ updated: [...corpus.all()], removed: [] });
  recognised.set(corpus, { index, workspaceFile });
  return { index, workspaceFile };
}

export function organisationsSectionOf(corpus: Corpus, root: string): ReportSection {
  const { index, workspaceFile } = folderOrganisations(corpus, root);
  return organisationsSection(index, workspaceFile);
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

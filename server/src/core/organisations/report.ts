/**
 * The organisations' part of the CLI report: every organisation mentioned, with its
 * aliases, description and mentions (1-based line and column, as editors show them).
 */
import { problemFindings } from '../jsonFile';
import type { ReportSection } from '../report';
import type { OrganisationIndex } from './index';
import { WORKSPACE_ORGANISATIONS_PATH, WorkspaceFileResult } from './workspaceFile';

export interface ReportedMention {
  path: string;
  line: number;
  column: number;
  length: number;
  text: string;
}

export interface ReportedOrganisation {
  id: string;
  name: string;
  aliases: string[];
  /** From the gazetteer, or else the sentence of the corpus that shows what it is. */
  description: string | null;
  mentions: ReportedMention[];
}

/** Organisations by number of mentions, then by name; mentions by path and position. */
export function organisationsReport(index: OrganisationIndex): ReportedOrganisation[] {
  const reported: ReportedOrganisation[] = [];
  for (const id of index.mentionedIds()) {
    const organisation = index.organisation(id);
    if (!organisation) continue;
    const mentions: ReportedMention[] = [];
    for (const [uri, list] of index.mentionsOf(id)) {
      const file = index.file(uri);
      if (!file) continue;
      for (const mention of list) {
        const position = file.lines.positionAt(mention.start);
        mentions.push({
          path: file.relativePath,
          line: position.line + 1,
          column: position.character + 1,
          length: mention.end - mention.start,
          text: file.text.slice(mention.start, mention.end),
        });
      }
    }
    // Most comparisons are within one file: localeCompare only between files (a file naming an organisation 50,000 times took seconds).
    mentions.sort((a, b) => (a.path === b.path ? 0 : a.path.localeCompare(b.path)) || a.line - b.line || a.column - b.column);
    reported.push({
      id,
      name: organisation.name,
      aliases: organisation.aliases,
      description: organisation.description ?? organisation.definition?.text ?? null,
      mentions,
    });
  }
  return reported.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/** The report section; problems of the workspace's organisations file become findings. */
export function organisationsSection(index: OrganisationIndex, workspaceFile?: { text: string; result: WorkspaceFileResult }): ReportSection {
  const organisations = organisationsReport(index);
  const findings = workspaceFile ? problemFindings(WORKSPACE_ORGANISATIONS_PATH, workspaceFile.text, workspaceFile.result.problems) : [];
  for (const { relativePath, message } of index.takeFailures()) {
    findings.push({ path: relativePath, line: 1, column: 1, severity: 'warning', message: `organisations not recognised in this file (${message})` });
  }
  return {
    key: 'organisations',
    data: organisations,
    findings,
    summary: {
      organisations: organisations.length,
      organisationMentions: organisations.reduce((sum, organisation) => sum + organisation.mentions.length, 0),
    },
  };
}

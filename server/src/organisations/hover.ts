/** The hover on an organisation's mention: what it is and where the corpus speaks of it. */
import type { Hover } from 'vscode-languageserver/node';
import type { IndexedFile } from '../core/corpus';
import type { OrganisationIndex } from '../core/organisations/index';
import type { OrganisationSummaries, OrganisationSummary } from '../core/organisations/summary';
import { offsetRange } from '../ranges';
import { plural } from '../core/plural';

export function organisationHover(index: OrganisationIndex, summaries: OrganisationSummaries, file: IndexedFile, offset: number): Hover | null {
  const mention = index.mentionUnder(file.uri, offset);
  if (!mention) return null;
  const summary = summaries.summary(mention.id);
  if (!summary) return null;
  return {
    contents: { kind: 'markdown', value: hoverMarkdown(summary, (uri) => index.file(uri)?.relativePath ?? uri, (uri, start) => lineOf(index, uri, start)) },
    range: offsetRange(file, mention.start, mention.end),
  };
}

function lineOf(index: OrganisationIndex, uri: string, offset: number): number {
  return index.file(uri)?.lines.positionAt(offset).line ?? 0;
}

export function hoverMarkdown(
  summary: OrganisationSummary,
  pathOf: (uri: string) => string,
  lineAt: (uri: string, offset: number) => number,
): string {
  const { organisation } = summary;
  const parts: string[] = [`**${escape(organisation.name)}**`];
  if (organisation.description) {
    parts.push(escape(organisation.description));
  } else if (organisation.definition) {
    const { uri, start, text } = organisation.definition;
    const line = lineAt(uri, start);
    parts.push(`> ${escape(text)}\n\n— ${link(`${pathOf(uri)}:${line + 1}`, uri, line)}`);
  }
  const aliases = [...new Set([...organisation.aliases, ...summary.spellings])].filter((alias) => alias.replace(/’/g, "'") !== organisation.name.replace(/’/g, "'"));
  if (aliases.length > 0) parts.push(`_Also:_ ${aliases.map(escape).join(', ')}`);
  parts.push(`**${plural(summary.mentions, 'mention')} in ${plural(summary.articles, 'article')}**`);
  if (summary.topArticles.length > 0) {
    const items = summary.topArticles.map(
      (article) => `- ${link(article.title, article.uri, article.line)} — ${escape(article.relativePath)} (${article.mentions})`,
    );
    parts.push(`Mentioned most in:\n${items.join('\n')}`);
  }
  if (summary.related.length > 0) {
    parts.push(`Often mentioned with: ${summary.related.map((other) => `${escape(other.name)} (${other.articles})`).join(', ')}`);
  }
  if (summary.people.length > 0) parts.push(`People: ${summary.people.map((person) => escape(person.name)).join(', ')}`);
  return parts.join('\n\n');
}

/** A link that opens the file at a line (VS Code reads the `#L` fragment of file links). */
function link(label: string, uri: string, line: number): string {
  return `[${escape(label)}](${uri}#L${line + 1})`;
}

/** Markdown's special characters shown as themselves. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

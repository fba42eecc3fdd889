/** The Organisations view's data: organisations by mentions, then the articles of one. Both stop when their request is cancelled. */
import type { CancellationToken } from 'vscode-languageserver/node';
import { forEachInSlices } from '../cancellation';
import type { OrganisationIndex } from '../core/organisations/index';
import type { OrganisationArticleInfo, OrganisationInfo } from '../protocol';

export async function organisationList(index: OrganisationIndex, token?: CancellationToken): Promise<OrganisationInfo[]> {
  const list: OrganisationInfo[] = [];
  await forEachInSlices(index.mentionedIds(), token, (id) => {
    const organisation = index.organisation(id);
    const tally = index.tallies.get(id);
    if (!organisation || !tally) return;
    // The running counts: walking the mentions would make an object of each (see mentions.ts).
    const info: OrganisationInfo = { id, name: organisation.name, mentions: tally.mentions, articles: tally.articles.size };
    const description = organisation.description ?? organisation.definition?.text;
    if (description) info.description = description;
    list.push(info);
  });
  return list.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export async function organisationArticles(index: OrganisationIndex, id: string, token?: CancellationToken): Promise<OrganisationArticleInfo[]> {
  const articles: OrganisationArticleInfo[] = [];
  await forEachInSlices(index.mentionsOf(id), token, ([uri, inFile]) => {
    const file = index.file(uri);
    if (!file) return;
    const counts = new Map<number, number>();
    for (const mention of inFile) if (mention.article >= 0) counts.set(mention.article, (counts.get(mention.article) ?? 0) + 1);
    for (const [article, mentions] of counts) {
      const { title, startLine } = file.articles[article];
      articles.push({ uri, relativePath: file.relativePath, title, line: startLine, mentions });
    }
  });
  return articles.sort((a, b) => b.mentions - a.mentions || a.relativePath.localeCompare(b.relativePath) || a.line - b.line);
}

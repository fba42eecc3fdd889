import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Diagnostic, DocumentHighlight, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { OrganisationArticlesRequest, OrganisationsRequest } from '../../server/src/protocol';
import { serverOnTemporaryWorkspace } from './lspClient';

const FIXTURES = path.join(__dirname, '../fixtures/organisations');

describe('organisations over LSP', function () {
  const texts: Record<string, string> = {};
  const diagnostics = new Map<string, Diagnostic[]>();
  const lsp = serverOnTemporaryWorkspace('seed-orgs-', {
    prepare: async (workspace) => {
      for (const name of ['governance.txt', 'carers.txt']) {
        texts[name] = await fs.readFile(path.join(FIXTURES, name), 'utf8');
        await fs.writeFile(path.join(workspace, name), texts[name]);
      }
      await fs.mkdir(path.join(workspace, '.seed-curator'));
      await fs.writeFile(
        path.join(workspace, '.seed-curator/organisations.json'),
        '{\n  "organisations": [\n    {"name": "Tollgate Analytics", "description": "A polling firm."},\n    {"nom": "typo"}\n  ]\n}\n',
      );
    },
    settings: { debounceMs: 0 },
    whenStarted: async (server) => {
      server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        diagnostics.set(params.uri, params.diagnostics);
      });
      await server.nextStatus();
    },
  });
  const uriOf = (name: string): string => URI.file(path.join(lsp.workspace, name)).toString();

  /** The position of the `nth` occurrence of `needle` in a file, plus `shift` characters. */
  function positionOf(name: string, needle: string, nth = 0, shift = 1): { line: number; character: number } {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = texts[name].indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} in ${name}`);
    const before = texts[name].slice(0, offset + shift).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  }

  async function hover(name: string, needle: string, nth = 0): Promise<string | undefined> {
    const result = await lsp.server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(name) },
      position: positionOf(name, needle, nth),
    });
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  it('summarises an organisation on hover: description, counts, articles, related organisations, people', async () => {
    const text = await hover('governance.txt', 'GGI', 1);
    assert.ok(text);
    assert.match(text, /^\*\*Good Governance Institute\*\*/);
    assert.match(text, /helps boards and leaders/);
    assert.match(text, /\*\*5 mentions in 2 articles\*\*/);
    assert.match(text, /\[Boards learn to share power\]\(file:\/\/.*governance\.txt#L1\)/);
    assert.match(text, /Often mentioned with: .*NHS England \(2\)/);
    assert.match(text, /People: Mara Quinn/);
  });

  it('shows the defining sentence of an organisation the gazetteer does not know, with a link', async () => {
    const text = await hover('carers.txt', 'Brightwater Carers');
    assert.ok(text);
    assert.match(text, /^\*\*Brightwater Carers\*\*/);
    assert.match(text, /> The charity Brightwater Carers asked how unpaid carers would be heard/);
    assert.match(text, /governance\.txt:7\]\(file:.*#L7\)/);
    assert.match(text, /People: Dev Okafor/);
  });

  it('gives no hover on headings, navigation and ordinary words', async () => {
    assert.equal(await hover('governance.txt', 'Integrated Care'), undefined);
    assert.equal(await hover('carers.txt', 'Hate Crime'), undefined);
    assert.equal(await hover('governance.txt', 'Previous'), undefined);
    assert.equal(await hover('governance.txt', 'round table'), undefined);
  });

  it('finds every mention, all spellings included, and highlights those in the file', async () => {
    const references = await lsp.server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf('carers.txt') },
      position: positionOf('carers.txt', 'GGI'),
      context: { includeDeclaration: true },
    });
    const found = references.map((location) => {
      const name = path.basename(URI.parse(location.uri).fsPath);
      const line = texts[name].split('\n')[location.range.start.line];
      return `${name}:${line.slice(location.range.start.character, location.range.end.character)}`;
    });
    assert.deepEqual(found.sort(), [
      'carers.txt:GGI',
      'governance.txt:GGI',
      'governance.txt:GGI',
      'governance.txt:Good Governance Institute',
      'governance.txt:Good Governance Institute',
    ]);
    const highlights = await lsp.server.connection.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri: uriOf('governance.txt') },
      position: positionOf('governance.txt', 'NHS England'),
    });
    assert.equal(highlights.length, 2);
  });

  it('lists organisations by mentions for the view, then the articles of one', async () => {
    const { organisations } = await lsp.server.connection.sendRequest(OrganisationsRequest);
    assert.equal(organisations[0].id, 'ggi');
    const names = organisations.map((organisation) => organisation.name);
    for (const name of ['NHS England', 'Care Quality Commission', 'Brightwater Carers', 'Tollgate Analytics']) assert.ok(names.includes(name), name);
    const articles = await lsp.server.connection.sendRequest(OrganisationArticlesRequest, { id: 'nhs-england' });
    assert.deepEqual(articles.map((article) => [path.basename(URI.parse(article.uri).fsPath), article.title, article.mentions]), [
      ['governance.txt', 'Boards learn to share power', 2],
      ['carers.txt', 'Carers ask for a seat at the table', 1],
    ]);
  });

  it('reports mistakes in the workspace organisations file and follows its changes', async () => {
    const fileUri = uriOf('.seed-curator/organisations.json');
    const problems = diagnostics.get(fileUri) ?? [];
    assert.deepEqual(problems.map((problem) => [problem.message, problem.range.start.line]).sort(), [
      ['organisations.1: missing property "name".', 3],
      ['organisations.1: unknown property "nom".', 3],
    ]);
    assert.match((await hover('carers.txt', 'Tollgate Analytics')) ?? '', /A polling firm\./);

    await fs.writeFile(path.join(lsp.workspace, '.seed-curator/organisations.json'), '{"ignore": ["Brightwater Carers"]}');
    const generation = lsp.server.latestStatus().generation;
    await lsp.server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await hover('carers.txt', 'Brightwater Carers')) !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await hover('carers.txt', 'Brightwater Carers'), undefined);
    assert.deepEqual(diagnostics.get(fileUri), []);
    assert.ok(lsp.server.latestStatus().generation >= generation);
  });
});

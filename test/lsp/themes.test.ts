import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import {
  ReclusterThemesRequest,
  SearchThemesRequest,
  ThemeArticlesRequest,
  ThemesChangedNotification,
  ThemesRequest,
} from '../../server/src/protocol';
import { serverOnTemporaryWorkspace } from './lspClient';

const FIXTURES = path.join(__dirname, '../fixtures/themes');

describe('themes over LSP', function () {
  let themesChanged = 0;
  const lsp = serverOnTemporaryWorkspace('seed-themes-', {
    prepare: async (workspace) => {
      for (const name of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, name), path.join(workspace, name));
    },
    settings: {
      debounceMs: 0,
      themes: { defined: [{ name: 'Libraries', keywords: ['library', 'libraries', 'librarians'] }, { name: 'broken' }] },
    },
    whenStarted: async (server) => {
      server.connection.onNotification(ThemesChangedNotification.method, () => {
        themesChanged++;
      });
      await server.nextStatus();
    },
  });
  const uriOf = (name: string): string => URI.file(path.join(lsp.workspace, name)).toString();

  it('lists the themes, user themes first, with every article in one', async () => {
    const { ready, themes } = await lsp.server.connection.sendRequest(ThemesRequest);
    assert.equal(ready, true);
    assert.deepEqual(themes[0], { ...themes[0], label: 'Libraries', kind: 'user', articles: 5 });
    assert.ok(themes.filter((theme) => theme.kind === 'automatic').length >= 3);
    assert.equal(themes.reduce((sum, theme) => sum + theme.articles, 0), 20);
    assert.ok(lsp.server.logs.some((line) => line.includes('theme 2 needs a "name"')), 'the invalid user theme is reported');
  });

  it('lists the articles of a theme with where to open them', async () => {
    const { themes } = await lsp.server.connection.sendRequest(ThemesRequest);
    const articles = await lsp.server.connection.sendRequest(ThemeArticlesRequest, { themeId: themes[0].id });
    assert.deepEqual(
      articles.map((a) => `${a.relativePath}:${a.line + 1} ${a.title}`),
      [
        "libraries-2.txt:1 Children's summer reading challenge breaks records",
        'libraries-2.txt:7 Library becomes a warm space in winter',
        'libraries.txt:1 Library opening hours cut to save money',
        'libraries.txt:7 Volunteers take over the village library',
        'libraries.txt:13 Libraries lend more e-books than ever',
      ],
    );
    assert.equal(articles[0].uri, uriOf('libraries-2.txt'));
    assert.ok(articles.every((a) => a.duplicates === 0 && a.themeId === themes[0].id));
    const all = await lsp.server.connection.sendRequest(ThemeArticlesRequest, {});
    assert.equal(all.length, 20);
  });

  it('searches themes and articles as the user types', async () => {
    const hits = await lsp.server.connection.sendRequest(SearchThemesRequest, { query: 'hone' });
    assert.ok(hits.some((hit) => hit.kind === 'theme'));
    assert.ok(hits.some((hit) => hit.kind === 'article' && hit.title === 'Urban beekeepers report a record honey harvest'));
    assert.deepEqual(await lsp.server.connection.sendRequest(SearchThemesRequest, { query: '' }), []);
    const limited = await lsp.server.connection.sendRequest(SearchThemesRequest, { query: 'river', limit: 2 });
    assert.equal(limited.length, 2);
  });

  it('shows an article title’s theme and keywords on hover, and nothing elsewhere', async () => {
    const hover = (await lsp.server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf('sewage.txt') },
      position: { line: 0, character: 3 },
    })) as Hover | null;
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /\*\*Theme:\*\* .+ \(\d+ articles\)/);
    assert.match(text, /_This article:_ .*sewage/);
    const body = await lsp.server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf('sewage.txt') },
      position: { line: 4, character: 3 },
    });
    assert.equal(body, null);
  });

  it('clusters again on request and tells the client', async () => {
    const before = themesChanged;
    const { themes } = await lsp.server.connection.sendRequest(ReclusterThemesRequest);
    assert.equal(themes.reduce((sum, theme) => sum + theme.articles, 0), 20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(themesChanged > before);
  });
});

// Themes in the editor: the two river articles (rivers.txt) share a theme that no other
// article of the fixture workspace is in, and the theme search finds them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedCuratorApi } from '../../client/src/extension';
import { SearchThemesRequest, ThemeSearchHit } from '../../server/src/protocol';
import { fixtureUri, hoverText, seedCurator } from './helpers';

const RIVER_TITLES = ['Farmers plant trees to slow the river', 'Flood barriers go up along the river'];

suite('themes', () => {
  let api: SeedCuratorApi;

  suiteSetup(async () => {
    api = await seedCurator();
  });

  test('the Themes view puts every article in one theme, and the river articles together on their own', async () => {
    const { provider } = api.themes;
    const groups = await provider.refresh();
    assert.ok(groups.length > 1, `only ${groups.length} theme(s)`);
    const members = await Promise.all(
      groups.map(async (group) => (await provider.getChildren(group)).map((node) => provider.getTreeItem(node))),
    );
    const all = members.flat().map((item) => `${String(item.description).split(':')[0]} ${String(item.label)}`);
    assert.equal(all.length, new Set(all).size, 'an article is in two themes');
    assert.equal(all.length, (await api.waitForIndex()).articles, 'every article has a theme');
    const riverTheme = members.find((items) => items.some((item) => item.label === RIVER_TITLES[0]));
    assert.deepEqual(riverTheme?.map((item) => String(item.label)).sort(), RIVER_TITLES);
  });

  test('searching themes for "flood" puts the river theme and a river article first', async () => {
    // By method name: the suite's bundle has its own copy of the protocol classes, which the client's would not recognise.
    const hits = await api.client.sendRequest<ThemeSearchHit[]>(SearchThemesRequest.method, { query: 'flood' });
    const theme = hits.find((hit) => hit.kind === 'theme');
    const article = hits.find((hit) => hit.kind === 'article');
    assert.ok(theme?.kind === 'theme' && article?.kind === 'article', JSON.stringify(hits));
    assert.equal(theme.articleCount, 2, JSON.stringify(theme));
    assert.ok(RIVER_TITLES.includes(article.title), JSON.stringify(article));
    assert.equal(article.relativePath, 'rivers.txt');
    assert.equal(article.themeId, theme.id);
  });

  test('hovering an article title shows its theme', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      fixtureUri('rivers.txt'),
      new vscode.Position(0, 3),
    );
    assert.match(hoverText(hovers), /\*\*Theme:\*\* .+ \(2 articles\)/);
  });
});

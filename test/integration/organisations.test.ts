// Organisations in the editor, on boards.txt: it names the Good Governance Institute
// (GGI) in full once, then as GGI, with NHS England, The King's Fund and the Care
// Quality Commission.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedCuratorApi } from '../../client/src/extension';
import { fixtureUri, hoverText, lineStartingWith, place, seedCurator } from './helpers';

suite('organisations', () => {
  let api: SeedCuratorApi;
  let boards: vscode.TextDocument;
  /** Where "GGI" starts a line of boards.txt, short for the Good Governance Institute. */
  let ggi: vscode.Position;

  suiteSetup(async () => {
    api = await seedCurator();
    boards = await vscode.workspace.openTextDocument(fixtureUri('boards.txt'));
    ggi = new vscode.Position(lineStartingWith(boards, 'GGI recommends'), 1);
  });

  const hoversAt = (position: vscode.Position) =>
    vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', boards.uri, position);

  test('hovering an abbreviation shows the organisation, what it is and how often the workspace mentions it', async () => {
    const hovers = await hoversAt(ggi);
    const text = hoverText(hovers);
    assert.match(text, /\*\*Good Governance Institute\*\*/);
    assert.match(text, /governance/i, 'the description says what it is');
    assert.match(text, /_Also:_ GGI/);
    assert.match(text, /\*\*3 mentions in 1 article\*\*/);
    const organisationHover = hovers.find((h) => hoverText([h]).includes('Good Governance Institute'));
    assert.ok(organisationHover?.range?.isEqual(new vscode.Range(ggi.line, 0, ggi.line, 3)), 'the hover covers the word GGI');
  });

  test('hovering a word that is not an organisation says nothing about organisations', async () => {
    const recommends = new vscode.Position(ggi.line, 'GGI rec'.length);
    const text = hoverText(await hoversAt(recommends));
    assert.doesNotMatch(text, /mentions? in \d+ articles?/);
  });

  test('Find All References on an organisation lists every mention, however it is written', async () => {
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', boards.uri, ggi);
    const mentions = references.map((r) => boards.getText(r.range));
    assert.deepEqual(mentions.sort(), ['GGI', 'GGI', 'Good Governance Institute']);
    assert.ok(references.every((r) => place(r)[0] === 'boards.txt'));
  });

  test('the Organisations view lists them, and an organisation opens onto the articles that mention it', async () => {
    await api.organisations.refresh();
    const nodes = await api.organisations.getChildren();
    const names = nodes.map((node) => String(api.organisations.getTreeItem(node).label));
    for (const name of ['Good Governance Institute', 'NHS England', "The King's Fund", 'Care Quality Commission']) {
      assert.ok(names.includes(name), `${name} is not in ${names.join(', ')}`);
    }
    const node = nodes[names.indexOf('Good Governance Institute')];
    assert.equal(api.organisations.getTreeItem(node).description, '3 mentions · 1 article');
    const articles = (await api.organisations.getChildren(node)).map((child) => api.organisations.getTreeItem(child));
    assert.deepEqual(
      articles.map((item) => [item.label, item.description]),
      [['Hospital boards told to meet in public', 'boards.txt:1 · 3 mentions']],
    );
  });
});

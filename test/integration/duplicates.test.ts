// Duplicated passages in the editor: the whole article that community-care.txt and
// reprinted.txt share gets a diagnostic on each copy, links between the copies, a group in
// the Duplicates view, Next/Previous Duplicate walking the copies, and a "Remove this copy"
// action that can be undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedCuratorApi } from '../../client/src/extension';
import { duplicateDiagnostics, duplicateDiagnosticsWhen, fixtureUri, place, seedCurator, within } from './helpers';

const SHARED_TITLE = 'Pharmacists take on blood pressure checks';

suite('duplicated passages', () => {
  let api: SeedCuratorApi;
  const care = () => fixtureUri('community-care.txt');
  const reprinted = () => fixtureUri('reprinted.txt');
  const one = (d: vscode.Diagnostic[]) => d.length === 1;

  suiteSetup(async () => {
    api = await seedCurator();
  });

  test('each copy has a diagnostic that names the other copy and links to it', async () => {
    const [onCare] = await duplicateDiagnosticsWhen(care(), one, 'the duplicate diagnostic of community-care.txt');
    const [onReprinted] = await duplicateDiagnosticsWhen(reprinted(), one, 'the duplicate diagnostic of reprinted.txt');
    assert.deepEqual([onCare.range.start.line, onCare.range.end.line], [0, 14]);
    assert.match(onCare.message, new RegExp(`duplicates "${SHARED_TITLE}" in reprinted\\.txt:1–15 \\(\\d+ words, exact\\)`));
    assert.match(onReprinted.message, new RegExp(`duplicates "${SHARED_TITLE}" in community-care\\.txt:1–15`));
    const links = (d: vscode.Diagnostic) => (d.relatedInformation ?? []).map((r) => [r.location.uri.toString(), r.location.range]);
    assert.deepEqual(links(onCare), [[reprinted().toString(), onReprinted.range]]);
    assert.deepEqual(links(onReprinted), [[care().toString(), onCare.range]]);
    for (const other of ['boards.txt', 'rivers.txt', 'crlf-dentists.txt']) {
      assert.deepEqual(duplicateDiagnostics(fixtureUri(other)), [], `${other} has no duplicated passage`);
    }
  });

  test('Go to Definition inside a copy goes to the other copy; Find All References lists both', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      care(),
      new vscode.Position(4, 10),
    );
    assert.deepEqual(definitions.map(place), [['reprinted.txt', 0, 14]]);
    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      reprinted(),
      new vscode.Position(6, 0),
    );
    assert.deepEqual(references.map(place).sort(), [['community-care.txt', 0, 14], ['reprinted.txt', 0, 14]]);
  });

  test('the Duplicates view lists the group and its two copies; clicking a copy selects it', async () => {
    await api.duplicates.refresh();
    const groups = api.duplicates.getChildren();
    assert.equal(groups.length, 1);
    const groupItem = api.duplicates.getTreeItem(groups[0]);
    assert.match(String(groupItem.label), new RegExp(`^${SHARED_TITLE}`));
    assert.match(String(groupItem.description), /^2 copies · \d+ words · exact$/);
    const copies = api.duplicates.getChildren(groups[0]).map((node) => api.duplicates.getTreeItem(node));
    assert.deepEqual(
      copies.map((item) => [item.label, item.description]),
      [
        ['community-care.txt:1–15', `article ‘${SHARED_TITLE}’`],
        ['reprinted.txt:1–15', `article ‘${SHARED_TITLE}’`],
      ],
    );
    const command = copies[1].command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), reprinted().toString());
    assert.deepEqual([editor.selection.start.line, editor.selection.end.line], [0, 14]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Next Duplicate walks every copy in path order and wraps around; Previous walks back', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const cursor = async (command: string) => {
      await vscode.commands.executeCommand(command);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, `${command} opened no editor`);
      const { active, end } = editor.selection;
      return [vscode.workspace.asRelativePath(editor.document.uri, false), active.line, active.character, end.line];
    };
    const next = () => cursor('seedCurator.nextDuplicate');
    assert.deepEqual(await next(), ['community-care.txt', 0, 0, 14]);
    assert.deepEqual(await next(), ['reprinted.txt', 0, 0, 14]);
    assert.deepEqual(await next(), ['community-care.txt', 0, 0, 14]);
    assert.deepEqual(await cursor('seedCurator.previousDuplicate'), ['reprinted.txt', 0, 0, 14]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Remove this copy" deletes the copy, the other copy stops being a duplicate, and undo brings it back', async () => {
    const document = await vscode.workspace.openTextDocument(reprinted());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const [diagnostic] = await duplicateDiagnosticsWhen(reprinted(), one, 'the duplicate diagnostic of reprinted.txt');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      reprinted(),
      diagnostic.range,
    );
    assert.ok(
      actions.some((a) => a.title.startsWith('Go to other copy: community-care.txt')),
      actions.map((a) => a.title).join(', '),
    );
    const remove = actions.find((a) => a.title === 'Remove this copy');
    assert.ok(remove?.edit, `no applicable "Remove this copy" (${remove?.disabled?.reason ?? actions.map((a) => a.title).join(', ')})`);

    assert.equal(await vscode.workspace.applyEdit(remove.edit), true);
    // The copy and the blank line after it are gone: the next article starts the file.
    assert.equal(document.getText(), original.slice(original.indexOf('Allotment project grows food for the food bank')));
    await duplicateDiagnosticsWhen(care(), (d) => d.length === 0, 'community-care.txt to lose its duplicate diagnostic');

    await within(Promise.resolve(vscode.commands.executeCommand('undo')), 'undo');
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false, 'undo back to the text on disk leaves the file clean');
    await duplicateDiagnosticsWhen(care(), one, 'community-care.txt to get its duplicate diagnostic back');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

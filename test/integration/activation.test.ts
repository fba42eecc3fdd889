// The extension is installed in the editor, activates, and the fixture workspace is open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, seedCurator } from './helpers';

suite('activation', () => {
  test('the extension is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  // The code-server runner opens a copy of test/fixtures/workspace, the electron runner the folder itself.
  test('the fixture workspace folder is open', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
    const folder = folders[0].uri;
    assert.equal(folder.scheme, 'file');
    const entries = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    for (const name of ['community-care.txt', 'reprinted.txt', 'boards.txt', 'notes']) {
      assert.ok(entries.includes(name), `${folder.fsPath} has no ${name}`);
    }
  });

  test('the language server indexes the workspace and says so', async () => {
    const status = await seedCurator().then((api) => api.waitForIndex());
    // Six .txt files (empty.txt included) and notes/reading-list.md; the binary scanned-page.txt is skipped.
    assert.deepEqual([status.files, status.articles, status.skipped], [7, 9, 1]);
  });
});

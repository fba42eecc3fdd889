// The extension is installed in the editor, activates, and the fixture workspace is open.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'seed-curator.seed-curator';

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

  test('the fixture workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
    const folder = folders[0].uri;
    assert.equal(folder.scheme, 'file');
    assert.ok(
      folder.fsPath.endsWith(path.join('test', 'fixtures', 'workspace')),
      `unexpected workspace folder ${folder.fsPath}`,
    );
  });
});

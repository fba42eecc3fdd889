// The language server killed under the editor: the client starts a new one, and the
// index, the diagnostics and the views come back from it without the user doing anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { SeedCuratorApi } from '../../client/src/extension';
import { duplicateDiagnostics, duplicateDiagnosticsWhen, fixtureUri, seedCurator, within } from './helpers';

suite('server restart', () => {
  let api: SeedCuratorApi;
  const care = () => fixtureUri('community-care.txt');
  const subscriptions: vscode.Disposable[] = [];

  suiteSetup(async () => {
    api = await seedCurator();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  suiteTeardown(() => {
    for (const subscription of subscriptions) subscription.dispose();
  });

  test('a killed server is restarted; the index, the diagnostics and the Duplicates view come back', async () => {
    const before = await api.waitForIndex();
    await duplicateDiagnosticsWhen(care(), (d) => d.length === 1, 'the duplicate diagnostic of community-care.txt');
    const killed = api.client.serverProcess;
    assert.ok(killed?.pid, 'the language client has a server process');

    // What happens after the kill, in order: diagnostics of community-care.txt, the client's state, the view.
    const diagnosticCounts: number[] = [];
    let running = false;
    // The view may refresh before the new server has its groups back (while it still reads its
    // snapshot): it is back once a refresh from the running server lists the group again.
    const viewBack = new Promise<void>((resolve) => {
      subscriptions.push(
        vscode.languages.onDidChangeDiagnostics((event) => {
          if (event.uris.some((uri) => uri.toString() === care().toString())) diagnosticCounts.push(duplicateDiagnostics(care()).length);
        }),
        api.client.onDidChangeState(({ newState }) => {
          if (newState === State.Running) running = true;
        }),
        api.duplicates.onDidChangeTreeData(() => running && api.duplicates.current.length === 1 && resolve()),
      );
    });

    process.kill(killed.pid, 'SIGKILL');

    // Generations start again from 0 in the new process: waiting for one after the old
    // server's last must still be answered.
    const after = await within(api.waitForIndex(before.generation), 'the restarted server to index the workspace');
    assert.notEqual(api.client.serverProcess?.pid, killed.pid, 'a new server process');
    assert.deepEqual([after.files, after.articles, after.skipped], [before.files, before.articles, before.skipped]);

    await duplicateDiagnosticsWhen(care(), (d) => d.length === 1, 'the duplicate diagnostic to come back');
    assert.ok(diagnosticCounts.includes(0), `the dead server's diagnostics were cleared first (counts: ${diagnosticCounts.join(', ')})`);
    await within(viewBack, 'the Duplicates view to list the group again, from the new server');
  });
});

// Articles as symbols and folds, through VS Code's own commands (the Outline view, Ctrl+T,
// the folding arrows), on the fixture workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, place, seedCurator } from './helpers';

suite('articles as symbols', () => {
  suiteSetup(seedCurator);

  test('the outline of a file lists its articles, with their sections and bylines', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      fixtureUri('community-care.txt'),
    );
    assert.deepEqual(
      symbols.map((s) => [s.name, s.range.start.line, s.range.end.line]),
      [
        ['Pharmacists take on blood pressure checks', 0, 14],
        ['Will the new walk-in centre ease pressure on A&E?', 16, 22],
      ],
    );
    assert.deepEqual(symbols[0].children.map((c) => [c.name, c.range.start.line]), [['How the checks work', 8]]);
    assert.match(symbols[0].detail, /^By Colm Reddy · \d+ words$/);
  });

  test('the outline of a CRLF file ends on the right line and column', async () => {
    const uri = fixtureUri('crlf-dentists.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.equal(symbols.length, 1);
    assert.ok(symbols[0].range.isEqual(new vscode.Range(0, 0, 4, document.lineAt(4).text.length)), JSON.stringify(symbols[0].range));
  });

  test('Go to Symbol in Workspace finds an article by words of its title, in every file that has it', async () => {
    const run = (query: string) => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
    const bloodPressure = await run('blood pressure');
    // Each result points at the article's title line.
    assert.deepEqual(bloodPressure.map((s) => [s.name, ...place(s.location)]).sort(), [
      ['Pharmacists take on blood pressure checks', 'community-care.txt', 0, 0],
      ['Pharmacists take on blood pressure checks', 'reprinted.txt', 0, 0],
    ]);
    const flood = await run('flood barriers');
    assert.deepEqual(flood.map((s) => [s.name, place(s.location)[0]]), [['Flood barriers go up along the river', 'rivers.txt']]);
    assert.deepEqual(await run('no title has these words'), []);
  });

  test('each article and section folds', async () => {
    // Folding ranges are asked of an open document's model.
    const document = await vscode.workspace.openTextDocument(fixtureUri('community-care.txt'));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      ranges.map((r) => [r.start, r.end]).sort((x, y) => x[0] - y[0] || x[1] - y[1]),
      [[0, 14], [8, 14], [16, 22]],
    );
  });
});

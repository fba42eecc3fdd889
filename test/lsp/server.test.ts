import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { serverOnTemporaryWorkspace } from './lspClient';

const FIXTURE = path.join(__dirname, '../fixtures/workspace');

describe('language server over stdio', function () {
  const lsp = serverOnTemporaryWorkspace('seed-lsp-', {
    prepare: (workspace) => fs.cp(FIXTURE, workspace, { recursive: true }),
  });
  const uriOf = (name: string): string => URI.file(path.join(lsp.workspace, name)).toString();

  it('indexes the workspace and announces it is ready, with counts', async () => {
    const status = await lsp.server.nextStatus();
    assert.equal(status.ready, true);
    // boards, community-care, reprinted, rivers, crlf-dentists, empty, notes/reading-list.md; the binary file is skipped.
    assert.equal(status.files, 7);
    assert.equal(status.articles, 9);
    assert.equal(status.skipped, 1);
    // community-care.txt and reprinted.txt share one article.
    assert.equal(status.duplicateGroups, 1);
  });

  it('says in the log why a file was skipped', () => {
    assert.ok(lsp.server.logs.some((line) => line === 'Skipped scanned-page.txt: binary file (contains NUL bytes)'), lsp.server.logs.join('\n'));
  });

  it('lists the articles of a file, with sections, as document symbols', async () => {
    const symbols: DocumentSymbol[] = await lsp.server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('community-care.txt') },
    });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.range.start.line, s.range.end.line]),
      [
        ['Pharmacists take on blood pressure checks', 0, 14],
        ['Will the new walk-in centre ease pressure on A&E?', 16, 22],
      ],
    );
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['How the checks work']);
    const [byline, words] = (symbols[0].detail ?? '').split(' · ');
    assert.equal(byline, 'By Colm Reddy');
    assert.match(words, /^1\d\d words$/);
  });

  it('gives correct line numbers for a CRLF file', async () => {
    const symbols: DocumentSymbol[] = await lsp.server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('crlf-dentists.txt') },
    });
    const lastLine = 'A spokesperson for the practices said the contract pays too little for complex treatment.';
    assert.deepEqual(symbols.map((s) => [s.range.start, s.range.end]), [[{ line: 0, character: 0 }, { line: 4, character: lastLine.length }]]);
  });

  it('folds each article', async () => {
    const ranges: FoldingRange[] = await lsp.server.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri: uriOf('community-care.txt') },
    });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 14], [8, 14], [16, 22]]);
  });

  it('finds articles by title across the workspace (Ctrl+T)', async () => {
    const found: SymbolInformation[] = await lsp.server.connection.sendRequest('workspace/symbol', { query: 'blood pressure' });
    assert.deepEqual(found.map((s) => s.containerName).sort(), ['community-care.txt', 'reprinted.txt']);
    const fuzzy: SymbolInformation[] = await lsp.server.connection.sendRequest('workspace/symbol', { query: 'allotmnt' });
    assert.deepEqual(fuzzy.map((s) => s.name), ['Allotment project grows food for the food bank']);
  });

  it('re-indexes an open document as it is edited, and reverts to disk on close', async () => {
    const uri = uriOf('empty.txt');
    const before = lsp.server.latestStatus();
    await lsp.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: '' } });
    const text = 'Night buses return to the estate\n\nThe council has restored the night bus route that was cut last year, after shift workers at the hospital said they had no safe way to get home.\n';
    await lsp.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    const edited = await lsp.server.nextStatus(before.generation);
    assert.equal(edited.articles, before.articles + 1);
    const symbols: DocumentSymbol[] = await lsp.server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Night buses return to the estate']);

    await lsp.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await lsp.server.nextStatus(edited.generation);
    assert.equal(closed.articles, before.articles);
  });

  it('follows files created and deleted on disk', async () => {
    const before = lsp.server.latestStatus();
    const file = path.join(lsp.workspace, 'new-article.txt');
    await fs.writeFile(file, 'Library opens on Sundays\n\nThe central library will open on Sunday afternoons from next month, after a petition signed by more than two thousand residents.\n');
    await lsp.server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type: 1 }] });
    const created = await lsp.server.nextStatus(before.generation);
    assert.equal(created.files, before.files + 1);
    await fs.rm(file);
    await lsp.server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type: 3 }] });
    const deleted = await lsp.server.nextStatus(created.generation);
    assert.equal(deleted.files, before.files);
  });
});

/**
 * The real server on a workspace of everything that goes wrong with files: empty, binary,
 * not UTF-8, over the size limit, a 1 MB line, 10,000 identical lines, 2,000 tiny files,
 * symbolic-link loops, a folder named like a file, and a file gone before it is read.
 * The server must index what it can, say once why it skipped the rest, and keep answering.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DocumentSymbol, FileChangeType, SymbolInformation, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { IndexStatus, IndexStatusRequest } from '../../server/src/protocol';
import { serverOnTemporaryWorkspace } from './lspClient';

const MAX_FILE_SIZE_KB = 1100;
const TINY_FILES = 2000;

const tinyArticle = (n: number): string =>
  `Tiny note ${n}\n\nThe tiny note number ${n} says the recycling bins go out on Tuesday this week.\n`;

/** Writes the workspace; returns what each skipped file should be logged as, in any order. */
async function writeBadWorkspace(root: string): Promise<string[]> {
  const write = (name: string, content: string | Buffer): Promise<void> => fs.writeFile(path.join(root, name), content);
  await write('empty.txt', '');
  await write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await write('latin1.txt', Buffer.from('Caf\xe9 opens on the high street\n\nThe caf\xe9 by the station opens on Monday, run by volunteers from the food bank.\n', 'latin1'));
  await write('too-large.txt', 'a'.repeat(MAX_FILE_SIZE_KB * 1024 + 1));
  await write('one-mb-line.txt', 'word '.repeat(200_000));
  await write('identical-lines.txt', 'The same sentence, pasted again and again.\n'.repeat(10_000));
  await fs.mkdir(path.join(root, 'tiny'));
  await Promise.all(Array.from({ length: TINY_FILES }, (_, n) => write(`tiny/${String(n).padStart(4, '0')}.txt`, tinyArticle(n))));
  // A folder that links back to itself, and two links that point at each other.
  await fs.mkdir(path.join(root, 'loop'));
  await write('loop/note.txt', tinyArticle(-1));
  await fs.symlink('.', path.join(root, 'loop', 'self'));
  await fs.symlink('cycle-b.txt', path.join(root, 'cycle-a.txt'));
  await fs.symlink('cycle-a.txt', path.join(root, 'cycle-b.txt'));
  await fs.mkdir(path.join(root, 'x.txt'));
  await write('x.txt/inner.txt', 'Inside a folder named like a file\n\nThe walker must enter this folder and not try to read it as a text file.\n');
  return [
    'Skipped binary.txt: binary file (contains NUL bytes)',
    `Skipped too-large.txt: too large (${MAX_FILE_SIZE_KB + 1} KB > ${MAX_FILE_SIZE_KB} KB limit)`,
    'Skipped loop/self: symbolic link loop: folder already indexed',
    'Skipped cycle-a.txt: symbolic link loop',
    'Skipped cycle-b.txt: symbolic link loop',
  ];
}

describe('language server on bad input', function () {
  this.timeout(30_000);
  let expectedSkips: string[];
  /** Answers to requests sent at startup and at every progress report of the initial scan. */
  const answersWhileIndexing: Promise<{ status: IndexStatus; symbols: unknown }>[] = [];
  const uriOf = (name: string): string => URI.file(path.join(lsp.workspace, name)).toString();
  const documentSymbols = (name: string): Promise<DocumentSymbol[]> =>
    lsp.server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(name) } });

  async function askWhileIndexing(): Promise<{ status: IndexStatus; symbols: unknown }> {
    const [status, symbols] = await Promise.all([
      lsp.server.connection.sendRequest(IndexStatusRequest, undefined),
      lsp.server.connection.sendRequest('workspace/symbol', { query: 'tiny note' }),
      documentSymbols('tiny/1999.txt'),
    ]);
    return { status, symbols };
  }

  const lsp = serverOnTemporaryWorkspace('seed-bad-input-', {
    prepare: async (workspace) => {
      expectedSkips = await writeBadWorkspace(workspace);
    },
    settings: { maxFileSizeKB: MAX_FILE_SIZE_KB },
    whenStarted: (server) => {
      answersWhileIndexing.push(askWhileIndexing());
      server.connection.onNotification('$/progress', ({ value }: { value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }) => {
        if (value.kind === 'report') answersWhileIndexing.push(askWhileIndexing());
      });
    },
  });

  it('answers requests made while it is still indexing with partial results, never errors', async () => {
    const final = await lsp.server.nextStatus();
    const answers = await Promise.all(answersWhileIndexing);
    for (const { symbols } of answers) assert.ok(Array.isArray(symbols));
    // The first request arrives before the scan has even started; later ones see part of the index.
    assert.equal(answers[0].status.ready, false);
    assert.ok(answers.some(({ status }) => !status.ready && status.articles > 0 && status.articles < final.articles));
    const counts = answers.map(({ status }) => status.articles);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'counts only grow while indexing');
  });

  it('becomes ready with the right counts', async () => {
    const status = await lsp.server.nextStatus();
    // empty, latin1, one-mb-line, identical-lines, the tiny files, loop/note, x.txt/inner.
    assert.equal(status.files, TINY_FILES + 6);
    // One article in each but the empty file.
    assert.equal(status.articles, TINY_FILES + 5);
    assert.equal(status.skipped, expectedSkips.length);
  });

  it('logs each skipped file exactly once, with the reason', () => {
    const skips = lsp.server.logs.filter((line) => line.startsWith('Skipped '));
    assert.deepEqual([...skips].sort(), [...expectedSkips].sort(), lsp.server.logs.join('\n'));
  });

  it('indexes a file that is not UTF-8 with replacement characters, and says so once', async () => {
    const warnings = lsp.server.logs.filter((line) => line.startsWith('latin1.txt'));
    assert.deepEqual(warnings, ['latin1.txt: not valid UTF-8: invalid bytes shown as U+FFFD']);
    const symbols = await documentSymbols('latin1.txt');
    assert.deepEqual(symbols.map((s) => s.name), ['Caf\ufffd opens on the high street']);
  });

  it('indexes a 1 MB single line and 10,000 identical lines as one article each', async () => {
    const [line] = await documentSymbols('one-mb-line.txt');
    assert.deepEqual(line.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1_000_000 } });
    const identical = await documentSymbols('identical-lines.txt');
    assert.deepEqual(identical.map((s) => [s.range.start.line, s.range.end.line]), [[0, 9_999]]);
  });

  it('enters a folder named like a file, and indexes a looping folder once', async () => {
    assert.deepEqual((await documentSymbols('x.txt/inner.txt')).map((s) => s.name), ['Inside a folder named like a file']);
    const found: SymbolInformation[] = await lsp.server.connection.sendRequest('workspace/symbol', { query: 'Tiny note -1' });
    assert.deepEqual(found.map((s) => s.containerName), ['loop/note.txt']);
  });

  it('skips a file that is gone by the time it is read, and goes on', async () => {
    const before = lsp.server.latestStatus();
    const created = path.join(lsp.workspace, 'created.txt');
    await fs.writeFile(created, tinyArticle(TINY_FILES));
    // The watcher reports a file that was deleted before the server could read it; the
    // event after it tells when the server has dealt with both.
    await lsp.server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf('gone.txt'), type: FileChangeType.Created },
        { uri: URI.file(created).toString(), type: FileChangeType.Created },
      ],
    });
    const after = await lsp.server.nextStatus(before.generation);
    assert.equal(after.files, before.files + 1);
    assert.deepEqual(
      lsp.server.logs.filter((line) => line.startsWith('Skipped gone.txt')),
      ['Skipped gone.txt: file no longer exists (deleted while being read)'],
    );
  });

  it('still answers outline and workspace symbol requests afterwards', async () => {
    assert.deepEqual((await documentSymbols('tiny/1234.txt')).map((s) => s.name), ['Tiny note 1234']);
    const found: SymbolInformation[] = await lsp.server.connection.sendRequest('workspace/symbol', { query: `Tiny note ${TINY_FILES}` });
    assert.deepEqual(found.map((s) => s.containerName), ['created.txt']);
    assert.equal(lsp.server.process.exitCode, null);
  });
});

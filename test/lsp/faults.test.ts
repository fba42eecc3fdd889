/**
 * The server killed outright, and requests cancelled under it: a fresh server on the same
 * workspace must come back with the same index, and cancellations must leave it healthy.
 */
import { strict as assert } from 'assert';
import { once } from 'events';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { CancellationTokenSource, DocumentSymbol, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { IndexStatus, IndexStatusRequest } from '../../server/src/protocol';
import { TestServer, startServer } from './lspClient';

const FIXTURE = path.join(__dirname, '../fixtures/workspace');

describe('language server faults', function () {
  this.timeout(30_000);
  let workspace: string;
  const running: TestServer[] = [];

  const start = async (): Promise<TestServer> => {
    const server = await startServer(workspace);
    running.push(server);
    return server;
  };
  const outline = (server: TestServer, name: string): Promise<DocumentSymbol[]> =>
    server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI.file(path.join(workspace, name)).toString() } });
  const counts = ({ ready, files, articles, skipped }: IndexStatus): unknown => ({ ready, files, articles, skipped });

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-faults-'));
    await fs.cp(FIXTURE, workspace, { recursive: true });
  });
  after(async () => {
    for (const server of running) if (server.process.exitCode === null && server.process.signalCode === null) await server.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  it('comes back with the same index when a fresh server replaces a killed one', async () => {
    const first = await start();
    const before = await first.nextStatus();
    const outlineBefore = await outline(first, 'community-care.txt');
    assert.ok(before.articles > 0 && outlineBefore.length > 0);

    const closed = new Promise<void>((resolve) => first.connection.onClose(() => resolve()));
    const exited = once(first.process, 'exit');
    first.process.kill('SIGKILL');
    const [, signal] = await exited;
    assert.equal(signal, 'SIGKILL');
    // What the language client's error handler hears of, to restart the server.
    await closed;
    first.connection.dispose();

    const second = await start();
    assert.deepEqual(counts(await second.nextStatus()), counts(before));
    assert.deepEqual(await outline(second, 'community-care.txt'), outlineBefore);
  });

  it('stays healthy when requests are cancelled, early, late or never sent', async () => {
    const server = await start();
    const ready = await server.nextStatus();
    const outlineBefore = await outline(server, 'community-care.txt');

    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const source = new CancellationTokenSource();
        const request = i % 2 === 0
          ? server.connection.sendRequest('workspace/symbol', { query: 'pressure' }, source.token)
          : server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI.file(path.join(workspace, 'community-care.txt')).toString() } }, source.token);
        // Cancel at once, after the request is on its way, or after its answer.
        if (i % 3 === 0) source.cancel();
        else if (i % 3 === 1) setImmediate(() => source.cancel());
        else void request.finally(() => source.cancel());
        return request.then(
          (result) => ({ answered: Array.isArray(result) }),
          (error: unknown) => ({ cancelled: error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled }),
        );
      }),
    );
    // Each request is either answered or refused as cancelled: no other error.
    for (const outcome of outcomes) assert.ok(Object.values(outcome)[0] === true, JSON.stringify(outcome));
    // Cancelling a request id the server never saw is harmless too.
    await server.connection.sendNotification('$/cancelRequest', { id: 987_654 });

    assert.deepEqual(await server.connection.sendRequest(IndexStatusRequest, undefined), ready);
    assert.deepEqual(await outline(server, 'community-care.txt'), outlineBefore);
    assert.equal(server.process.exitCode, null);
  });
});

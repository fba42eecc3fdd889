/**
 * The persistent index through the real server: a second start on the same workspace and
 * storage folder takes every file from the cache, and what organisation recognition found
 * from its memory, and answers as the first did; a damaged cache is ignored, said so, and
 * rebuilt.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { story } from '../../server/src/core/workers/fixtures/stories';
import { IndexStatus, OrganisationsRequest, OrganisationsResult } from '../../server/src/protocol';
import { TestServer, startServer } from './lspClient';

const FIXTURE = path.join(__dirname, '../fixtures/workspace');
/** Enough files for the server to start its index worker threads. */
const STORIES = 260;

describe('index cache through the language server', function () {
  this.timeout(60_000);
  let workspace: string;
  let storage: string;
  const running: TestServer[] = [];

  const start = async (): Promise<TestServer> => {
    const server = await startServer(workspace, {}, { initializationOptions: { storagePath: storage } });
    running.push(server);
    return server;
  };
  const stop = async (server: TestServer): Promise<void> => {
    await server.stop();
    running.splice(running.indexOf(server), 1);
  };
  const waitForLog = async (server: TestServer, pattern: RegExp): Promise<string> => {
    for (let waited = 0; waited < 20_000; waited += 50) {
      const line = server.logs.find((candidate) => pattern.test(candidate));
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no log line matching ${pattern}:\n${server.logs.join('\n')}`);
  };
  /** What a client sees: counts, the outline of a few files, the organisations. */
  const answers = async (server: TestServer): Promise<{ status: unknown; outlines: DocumentSymbol[][]; organisations: OrganisationsResult }> => {
    const { ready, files, articles, skipped }: IndexStatus = await server.nextStatus();
    const outlines = await Promise.all(
      ['community-care.txt', 'crlf-dentists.txt', 'stories/story-7.txt', 'stories/story-259.txt'].map(
        (name): Promise<DocumentSymbol[]> =>
          server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI.file(path.join(workspace, name)).toString() } }),
      ),
    );
    const organisations = await server.connection.sendRequest(OrganisationsRequest);
    return { status: { ready, files, articles, skipped }, outlines, organisations };
  };

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-lsp-cache-'));
    storage = path.join(workspace, '..', `${path.basename(workspace)}-storage`);
    await fs.cp(FIXTURE, workspace, { recursive: true });
    await fs.mkdir(path.join(workspace, 'stories'));
    for (let n = 0; n < STORIES; n++) await fs.writeFile(path.join(workspace, 'stories', `story-${n}.txt`), story(n));
  });
  after(async () => {
    for (const server of running) await server.stop();
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(storage, { recursive: true, force: true });
  });

  it('reuses the index of the first start at the second, with the same answers', async () => {
    const first = await start();
    const cold = await answers(first);
    assert.match(await waitForLog(first, /^Index: /), /^Index: 0 from the index cache, \d+ on \d+ worker threads, \d+ indexed in the server thread\.$/);
    await waitForLog(first, /^Index cache: saved 267 entries/);
    assert.match(await waitForLog(first, /^Recognised organisations/), /^Recognised organisations in 267 files \(0 as remembered\)/);
    await waitForLog(first, /^Organisations memory: saved 267 files/);
    assert.ok(first.logs.includes('Skipped scanned-page.txt: binary file (contains NUL bytes)'), first.logs.join('\n'));
    await stop(first);

    const second = await start();
    const warm = await answers(second);
    assert.match(await waitForLog(second, /^Index: /), /^Index: 267 from the index cache, (0 on \d+ worker threads, )?0 indexed in the server thread\.$/);
    assert.match(await waitForLog(second, /^Recognised organisations/), /^Recognised organisations in 267 files \(267 as remembered\)/);
    assert.ok(cold.organisations.organisations.length > 3, JSON.stringify(cold.organisations));
    assert.ok(second.logs.includes('Skipped scanned-page.txt: binary file (contains NUL bytes)'), second.logs.join('\n'));
    assert.deepEqual(warm, cold);
    assert.equal(cold.outlines[2][0].name, 'Footbridge in Penrith to reopen after repairs 7');
    // Everything came from the memory: saving it again (seconds of work at 100k articles) would write the same.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(!second.logs.some((line) => line.startsWith('Organisations memory: saved')), second.logs.join('\n'));
    await stop(second);
  });

  it('ignores a damaged cache, says so, answers the same, and writes a good one', async () => {
    const first = await start();
    const before = await answers(first);
    await stop(first);
    const file = path.join(storage, 'index-cache.bin');
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, bytes.length / 2));

    const damaged = await start();
    assert.deepEqual(await answers(damaged), before);
    await waitForLog(damaged, /^Index cache .*index-cache\.bin ignored \(checksum mismatch: the file is damaged or truncated\); indexing from scratch\.$/);
    await waitForLog(damaged, /^Index cache: saved 267 entries/);
    await stop(damaged);

    const repaired = await start();
    assert.deepEqual(await answers(repaired), before);
    await waitForLog(repaired, /^Index: 267 from the index cache/);
  });

  it('recognises every file again when the workspace gazetteers changed, then remembers under the new ones', async () => {
    const first = await start();
    await answers(first);
    await stop(first);
    await fs.mkdir(path.join(workspace, '.seed-curator'), { recursive: true });
    await fs.writeFile(path.join(workspace, '.seed-curator/organisations.json'), '{"organisations": [{"name": "Penrith Footbridge Trust"}]}\n');
    try {
      const changed = await start();
      await answers(changed);
      await waitForLog(changed, /^Organisations memory not used: the workspace gazetteers changed/);
      assert.match(await waitForLog(changed, /^Recognised organisations/), /^Recognised organisations in 267 files \(0 as remembered\)/);
      await waitForLog(changed, /^Organisations memory: saved 267 files/);
      await stop(changed);

      const again = await start();
      await answers(again);
      assert.match(await waitForLog(again, /^Recognised organisations/), /^Recognised organisations in 267 files \(267 as remembered\)/);
    } finally {
      await fs.rm(path.join(workspace, '.seed-curator'), { recursive: true, force: true });
    }
  });
});

import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { CodeAction, Diagnostic, Location, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DuplicateGroupsRequest, IgnorePassageRequest } from '../../server/src/protocol';
import { Random } from '../../server/src/core/random';
import { TestServer, serverOnTemporaryWorkspace, startServer } from './lspClient';

const FIXTURES = path.join(__dirname, '../fixtures/duplicates');

describe('duplicates over LSP', function () {
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; test(d: Diagnostic[]): boolean; resolve(d: Diagnostic[]): void }[] = [];
  const texts: Record<string, string> = {};
  const lsp = serverOnTemporaryWorkspace('seed-dup-', {
    prepare: async (workspace) => {
      const read = async (name: string) => (await fs.readFile(path.join(FIXTURES, `${name}.txt`), 'utf8')).trimEnd();
      const [harbour, orchard, library, unrelated] = await Promise.all(['harbour', 'orchard', 'library', 'unrelated'].map(read));
      texts['a.txt'] = `${harbour}\n\n${orchard}\n`;
      texts['b.txt'] = `${library}\n\n${harbour}\n`;
      texts['c.txt'] = `${unrelated}\n`;
      for (const [name, text] of Object.entries(texts)) await fs.writeFile(path.join(workspace, name), text);
    },
    settings: { debounceMs: 0 },
    whenStarted: async (server) => {
      server.connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }: PublishDiagnosticsParams) => {
        latest.set(uri, diagnostics);
        for (const waiter of [...waiters]) {
          if (waiter.uri === uri && waiter.test(diagnostics)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(diagnostics);
          }
        }
      });
      await server.nextStatus();
    },
  });
  const uriOf = (name: string): string => URI.file(path.join(lsp.workspace, name)).toString();

  /** Resolves with the diagnostics of `name` once they satisfy `test` (now or later). */
  function diagnosticsOf(name: string, test: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const uri = uriOf(name);
    const now = latest.get(uri) ?? [];
    if (test(now)) return Promise.resolve(now);
    return new Promise((resolve) => waiters.push({ uri, test, resolve }));
  }

  it('puts a diagnostic on every copy, linking to the other copies', async () => {
    const [a] = await diagnosticsOf('a.txt', (d) => d.length === 1);
    const [b] = await diagnosticsOf('b.txt', (d) => d.length === 1);
    assert.equal(a.code, 'duplicate-passage');
    assert.equal(a.severity, 3);
    assert.match(a.message as string, /^This article duplicates "Harbour lights return to Port Ellis" in b\.txt:9–15 \(164 words, exact\)\.$/);
    assert.deepEqual(a.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[uriOf('b.txt'), b.range]]);
    assert.deepEqual(b.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[uriOf('a.txt'), a.range]]);
    assert.deepEqual(latest.get(uriOf('c.txt')) ?? [], []);
  });

  it('jumps from inside a copy to the other copy', async () => {
    const definition: Location[] = await lsp.server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf('a.txt') },
      position: { line: 2, character: 10 },
    });
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line, l.range.end.line]), [[uriOf('b.txt'), 8, 14]]);
    const references: Location[] = await lsp.server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf('b.txt') },
      position: { line: 10, character: 0 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(references.map((l) => l.uri), [uriOf('a.txt'), uriOf('b.txt')]);
  });

  it('lists the groups for the client', async () => {
    const result = await lsp.server.connection.sendRequest(DuplicateGroupsRequest);
    assert.equal(result.ready, true);
    assert.equal(result.groups.length, 1);
    assert.equal(result.groups[0].kind, 'exact');
    assert.deepEqual(result.groups[0].copies.map((c) => c.relativePath), ['a.txt', 'b.txt']);
    assert.match(result.groups[0].preview, /^Harbour lights return to Port Ellis After eleven dark winters, the old…$/);
  });

  it('removes one copy with an undoable edit, and the other copy is no longer flagged', async () => {
    const uri = uriOf('b.txt');
    await lsp.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: texts['b.txt'] } });
    const [diagnostic] = await diagnosticsOf('b.txt', (d) => d.length === 1);
    const actions: CodeAction[] = await lsp.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Remove this copy', 'Go to other copy: a.txt:1–7', 'Ignore this passage (everywhere)']);
    const change = actions[0].edit?.documentChanges?.[0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.equal(change.textDocument.version, 1);
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, texts['b.txt']), change.edits);
    assert.equal(edited, `${texts['b.txt'].split('\n\nHarbour lights')[0]}\n`);
    await lsp.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    await diagnosticsOf('a.txt', (d) => d.length === 0);
    await diagnosticsOf('b.txt', (d) => d.length === 0);
  });

  it('offers Remove this copy disabled when the document moved on since it was indexed', async () => {
    const uri = uriOf('b.txt');
    await lsp.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: texts['b.txt'] }],
    });
    const [diagnostic] = await diagnosticsOf('b.txt', (d) => d.length === 1);
    await lsp.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ text: `${texts['b.txt']}\nOne more line.\n` }],
    });
    const actions: CodeAction[] = await lsp.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    // The request may be answered before or after the server re-indexes version 4.
    const remove = actions.find((a) => a.title === 'Remove this copy')!;
    if (remove.disabled) assert.match(remove.disabled.reason, /changed/);
    else assert.equal((remove.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 4);
  });

  it('ignores a passage everywhere and keeps the choice in .seed-curator/', async () => {
    await diagnosticsOf('a.txt', (d) => d.length === 1);
    const { groups } = await lsp.server.connection.sendRequest(DuplicateGroupsRequest);
    const message = await lsp.server.connection.sendRequest(IgnorePassageRequest, { groupId: groups[0].id });
    assert.match(message, /^Ignored a passage of 164 words in 2 places\.$/);
    await diagnosticsOf('a.txt', (d) => d.length === 0);
    await diagnosticsOf('b.txt', (d) => d.length === 0);
    const stored = JSON.parse(await fs.readFile(path.join(lsp.workspace, '.seed-curator/ignored-passages.json'), 'utf8'));
    assert.equal(stored.passages.length, 1);
    assert.match(stored.passages[0].preview, /^Harbour lights return/);
  });
});

describe('duplicates over LSP, before organisations and themes have caught up', function () {
  let workspace: string;
  let server: TestServer;

  /** Prose of random words from the fixtures, naming organisations in every sentence: no passage is shared, and recognition has work to do. */
  function busyFile(words: string[], random: Random): string {
    const organisations = ['Northfield Care Trust', 'the Riverside Health Council', 'Bramble Valley Hospice', 'the Kestrel Institute'];
    const sentences = Array.from({ length: 40 }, () => {
      const body = Array.from({ length: 12 }, () => random.pick(words)).join(' ');
      return `${random.pick(organisations)} said ${body}.`;
    });
    return `District notes\n\n${sentences.join(' ')}\n`;
  }

  before(async () => {
    const read = async (name: string) => (await fs.readFile(path.join(FIXTURES, `${name}.txt`), 'utf8')).trimEnd();
    const [harbour, orchard, library, unrelated] = await Promise.all(['harbour', 'orchard', 'library', 'unrelated'].map(read));
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-dup-early-'));
    // The copies are read first and last, with more files between them than the duplicate index takes in one batch of the scan.
    await fs.writeFile(path.join(workspace, 'a.txt'), `${harbour}\n\n${orchard}\n`);
    await fs.mkdir(path.join(workspace, 'busy'));
    await fs.mkdir(path.join(workspace, 'z'));
    await fs.writeFile(path.join(workspace, 'z', 'b.txt'), `${library}\n\n${harbour}\n`);
    const words = [...new Set(unrelated.toLowerCase().match(/[a-z]+/g))];
    const random = new Random(11);
    for (let i = 0; i < 600; i++) await fs.writeFile(path.join(workspace, 'busy', `busy-${i}.txt`), busyFile(words, random));
  });
  after(async () => {
    await server?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  it('publishes the diagnostics as soon as the scan ends, while the index is not yet ready', async () => {
    const copies = new Map<string, { statusesBefore: number }>();
    const bothPublished = new Promise<void>((resolve) => {
      const onDiagnostics = ({ uri, diagnostics }: PublishDiagnosticsParams) => {
        if (diagnostics.length > 0) copies.set(path.basename(URI.parse(uri).fsPath), { statusesBefore: server.statuses.length });
        if (copies.size === 2) resolve();
      };
      startServer(workspace, { debounceMs: 0 }).then((started) => {
        server = started;
        server.connection.onNotification('textDocument/publishDiagnostics', onDiagnostics);
      });
    });
    await bothPublished;
    // Sent with the end of the scan, before its status; that status says the other features are still at work.
    assert.deepEqual([...copies.keys()].sort(), ['a.txt', 'b.txt']);
    assert.deepEqual([...copies.values()].map((copy) => copy.statusesBefore), [0, 0]);
    const ready = await server.nextStatus();
    const first = server.statuses[0];
    assert.deepEqual({ scanned: first.scanned, ready: first.ready, duplicateGroups: first.duplicateGroups }, { scanned: true, ready: false, duplicateGroups: 1 });
    assert.equal(ready.duplicateGroups, 1);
  });
});

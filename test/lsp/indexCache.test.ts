/**
 * The persistent index through the real server: a second start on the same workspace and
 * storage folder takes every file from the cache, what organisation recognition found
 * from its memory and the duplicate index from its snapshot, and answers as the first did;
 * files changed between sessions are taken into account; a damaged cache is ignored, said
 * so, and rebuilt.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { story } from '../../server/src/core/workers/fixtures/stories';
import {
  DuplicateGroupsRequest,
  DuplicateGroupsResult,
  IndexStatus,
  OrganisationsRequest,
  OrganisationsResult,
  SearchThemesRequest,
  ThemeArticlesRequest,
  ThemesRequest,
} from '../../server/src/protocol';
import { RACY_MS } from '../../server/src/core/cache/knownFiles';
import { TestServer, startServer } from './lspClient';

const FIXTURE = path.join(__dirname, '../fixtures/workspace');
/** Enough files for the server to start its index worker threads. */
const STORIES = 260;

describe('index cache through the language server', function () {
  this.timeout(60_000);
  let workspace: string;
  let storage: string;
  const running: TestServer[] = [];
  /** The diagnostics each server last published, by file. */
  const published = new Map<TestServer, Map<string, Diagnostic[]>>();

  const start = async (storagePath = storage, settings: Record<string, unknown> = {}): Promise<TestServer> => {
    const server = await startServer(workspace, settings, { initializationOptions: { storagePath } });
    const diagnostics = new Map<string, Diagnostic[]>();
    server.connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics: list }: PublishDiagnosticsParams) => {
      diagnostics.set(uri, list);
    });
    published.set(server, diagnostics);
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
  /** The files `server` flags, with their diagnostics, by URI. */
  const flagged = (server: TestServer): [string, Diagnostic[]][] =>
    [...published.get(server)!].filter(([, list]) => list.length > 0).sort(([x], [y]) => (x < y ? -1 : 1));
  interface Answers {
    status: unknown;
    outlines: DocumentSymbol[][];
    organisations: OrganisationsResult;
    duplicates: DuplicateGroupsResult;
    diagnostics: [string, Diagnostic[]][];
    hovers: (Hover | null)[];
  }
  /** The hover on the first place `needle` is written in a file of the workspace. */
  const hoverOn = async (server: TestServer, name: string, needle: string): Promise<Hover | null> => {
    const text = await fs.readFile(path.join(workspace, name), 'utf8');
    const at = text.indexOf(needle) + 1;
    const position = { line: text.slice(0, at).split('\n').length - 1, character: at - (text.lastIndexOf('\n', at - 1) + 1) };
    return server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI.file(path.join(workspace, name)).toString() }, position });
  };
  /** What a client sees: counts, the outline of a few files, the organisations, the duplicates and their diagnostics. */
  const answers = async (server: TestServer): Promise<Answers> => {
    const { ready, files, articles, skipped }: IndexStatus = await server.nextStatus();
    const outlines = await Promise.all(
      ['community-care.txt', 'crlf-dentists.txt', 'stories/story-7.txt', 'stories/story-259.txt'].map(
        (name): Promise<DocumentSymbol[]> =>
          server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI.file(path.join(workspace, name)).toString() } }),
      ),
    );
    const organisations = await server.connection.sendRequest(OrganisationsRequest);
    const duplicates = await server.connection.sendRequest(DuplicateGroupsRequest);
    // Sent before the ready status, on the same stream.
    const diagnostics = flagged(server);
    // Organisation summaries: counts, articles, organisations named with it, people.
    const hovers = await Promise.all(['King\'s Fund', 'Care Quality Commission', 'NHS England'].map((name) => hoverOn(server, 'boards.txt', name)));
    return { status: { ready, files, articles, skipped }, outlines, organisations, duplicates, diagnostics, hovers };
  };

  /** What the Themes view and theme search show: the themes, every article's theme, and the articles a search finds (by their keywords too). */
  const themesShown = async (server: TestServer): Promise<unknown> => {
    // Asked before the workspace is ready, there are no themes yet.
    await server.nextStatus();
    return {
      themes: await server.connection.sendRequest(ThemesRequest),
      articles: await server.connection.sendRequest(ThemeArticlesRequest, {}),
      found: await server.connection.sendRequest(SearchThemesRequest, { query: 'care' }),
    };
  };

  /** A start whose duplicate index is saved (by it or by an earlier start on the same files); returns its answers. */
  const savedSession = async (): Promise<Answers> => {
    const first = await start();
    const answered = await answers(first);
    await waitForLog(first, /^Duplicates index: (saved|0 files changed)/);
    await stop(first);
    return answered;
  };
  /** Two paragraphs of reprinted.txt, to paste elsewhere. */
  const reprintedPassage = async (): Promise<string> => (await fs.readFile(path.join(FIXTURE, 'reprinted.txt'), 'utf8')).split('\n\n').slice(2, 4).join('\n\n');

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-lsp-cache-'));
    storage = path.join(workspace, '..', `${path.basename(workspace)}-storage`);
    await fs.cp(FIXTURE, workspace, { recursive: true });
    await fs.mkdir(path.join(workspace, 'stories'));
    for (let n = 0; n < STORIES; n++) await fs.writeFile(path.join(workspace, 'stories', `story-${n}.txt`), story(n));
    // Files read within RACY_MS of their last change are read again at the next start (see KnownFiles).
    await new Promise((resolve) => setTimeout(resolve, RACY_MS));
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
    await waitForLog(first, /^Duplicates index: saved \d+ groups? /);
    const coldThemes = await themesShown(first);
    const [, articles] = /^Found \d+ themes for (\d+) articles/.exec(await waitForLog(first, /^Found \d+ themes/)) ?? [];
    await waitForLog(first, new RegExp(`^Themes: saved the themes of ${articles} articles`));
    assert.ok(first.logs.includes('Skipped scanned-page.txt: binary file (contains NUL bytes)'), first.logs.join('\n'));
    await stop(first);

    const second = await start();
    const warm = await answers(second);
    // Not even read (the workspace has no file whose text is not its bytes: not UTF-8, or with a byte-order mark).
    assert.match(await waitForLog(second, /^Index: /), /^Index: 267 from the index cache \(267 not read: unchanged since last read\), (0 on \d+ worker threads, )?0 indexed in the server thread\.$/);
    assert.match(await waitForLog(second, /^Recognised organisations/), /^Recognised organisations in 267 files \(267 as remembered\)/);
    await waitForLog(second, /^Duplicates index: 267 files read from .* in \d+ ms\.$/);
    await waitForLog(second, /^Duplicates index: 0 files changed since it was saved/);
    // The themes are not clustered again: the first start's clustering is read back.
    assert.deepEqual(await themesShown(second), coldThemes);
    assert.match(
      await waitForLog(second, /^Themes of the last session/),
      new RegExp(`^Themes of the last session restored in \\d+ ms: \\d+ themes for ${articles} articles, 0 new or changed articles placed in them\\.$`),
    );
    assert.ok(!second.logs.some((line) => /^Found \d+ themes/.test(line)), second.logs.join('\n'));
    assert.ok(JSON.stringify(coldThemes).length > 1000, JSON.stringify(coldThemes));
    assert.ok(cold.organisations.organisations.length > 3, JSON.stringify(cold.organisations));
    assert.ok(cold.duplicates.groups.length > 0 && cold.diagnostics.length > 1, JSON.stringify(cold.duplicates));
    assert.ok(cold.hovers.every((hover) => /Often mentioned with/.test(JSON.stringify(hover))), JSON.stringify(cold.hovers));
    assert.ok(second.logs.includes('Skipped scanned-page.txt: binary file (contains NUL bytes)'), second.logs.join('\n'));
    assert.deepEqual(warm, cold);
    assert.equal(cold.outlines[2][0].name, 'Footbridge in Penrith to reopen after repairs 7');
    // Everything came from the memory: saving it again (seconds of work at 100k articles) would write the same.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(!second.logs.some((line) => /^(Organisations memory|Duplicates index|Known files|Themes): saved/.test(line)), second.logs.join('\n'));
    await stop(second);
  });

  it('brings the saved duplicate index up to date with files changed, added and removed between sessions', async () => {
    await savedSession();
    const pasted = await reprintedPassage();
    await fs.writeFile(path.join(workspace, 'stories', 'story-3.txt'), `${story(3)}\n\n${pasted}\n`);
    await fs.writeFile(path.join(workspace, 'stories', 'story-new.txt'), `A reprint\n\n${pasted}\n`);
    // It shares a passage with reprinted.txt: that group goes with it.
    await fs.rm(path.join(workspace, 'community-care.txt'));
    try {
      const restored = await start();
      const warm = await answers(restored);
      await waitForLog(restored, /^Duplicates index: 3 files changed since it was saved/);
      const fresh = await start(`${storage}-fresh`);
      const cold = await answers(fresh);
      assert.ok(!fresh.logs.some((line) => line.startsWith('Duplicates index:') && !line.includes('saved')), fresh.logs.join('\n'));
      assert.deepEqual(warm, cold);
      const story3 = URI.file(path.join(workspace, 'stories', 'story-3.txt')).toString();
      assert.ok(warm.diagnostics.some(([uri]) => uri === story3), 'the pasted passage is found in the changed file');
      await stop(restored);
      await stop(fresh);
    } finally {
      await fs.copyFile(path.join(FIXTURE, 'community-care.txt'), path.join(workspace, 'community-care.txt'));
      await fs.writeFile(path.join(workspace, 'stories', 'story-3.txt'), story(3));
      await fs.rm(path.join(workspace, 'stories', 'story-new.txt'));
      await fs.rm(`${storage}-fresh`, { recursive: true, force: true });
    }
  });

  for (const [what, spoil, settings] of [
    ['made under other duplicate settings', async () => undefined, { duplicates: { minWords: 30 } }],
    ['damaged', async (file: string) => fs.writeFile(file, (await fs.readFile(file)).map((byte, i) => (i === 200 ? byte ^ 0x20 : byte))), {}],
  ] as const) {
    it(`matches every file of the scan when the saved duplicate index is ${what}, as a fresh start does`, async () => {
      await savedSession();
      await spoil(path.join(storage, 'duplicates-index.bin'));
      try {
        const restored = await start(storage, settings);
        const warm = await answers(restored);
        await waitForLog(restored, /^Duplicates index .*duplicates-index\.bin ignored /);
        const fresh = await start(`${storage}-fresh`, settings);
        const cold = await answers(fresh);
        assert.ok(cold.duplicates.groups.length > 0);
        assert.deepEqual(warm, cold);
        await stop(restored);
        await stop(fresh);
      } finally {
        await fs.rm(`${storage}-fresh`, { recursive: true, force: true });
      }
    });
  }

  it('reads the duplicate fingerprints once the rest is ready, and an edit made before gets the diagnostics a fresh index gives', async () => {
    await savedSession();
    const uri = URI.file(path.join(workspace, 'stories', 'story-5.txt')).toString();
    const text = `${story(5)}\n\n${await reprintedPassage()}\n`;
    /** Pastes a passage of reprinted.txt into an open story as soon as `server` is ready; returns how many lines it had logged then. */
    const pasteOnReady = async (server: TestServer): Promise<number> => {
      await server.nextStatus();
      const logged = server.logs.length;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      for (let waited = 0; !published.get(server)!.get(uri)?.length; waited += 50) {
        if (waited > 20_000) throw new Error(`the pasted passage was not flagged:\n${server.logs.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Answered after the diagnostics of every file the edit changed, sent before it.
      await server.connection.sendRequest(DuplicateGroupsRequest);
      return logged;
    };
    const warm = await start();
    const loggedAtReady = await pasteOnReady(warm);
    const tablesRead = await waitForLog(warm, /^Duplicate fingerprints: the fingerprints of 267 files read from /);
    assert.ok(warm.logs.indexOf(tablesRead) >= loggedAtReady, warm.logs.join('\n'));
    const fresh = await start(`${storage}-fresh`);
    try {
      await pasteOnReady(fresh);
      assert.ok(flagged(warm).length > 2, JSON.stringify(flagged(warm)));
      assert.deepEqual(flagged(warm), flagged(fresh));
    } finally {
      await stop(warm);
      await stop(fresh);
      await fs.rm(`${storage}-fresh`, { recursive: true, force: true });
    }
  });

  for (const [damage, change, reason] of [
    ['damaged', async (file: string) => fs.writeFile(file, (await fs.readFile(file)).map((byte, i, bytes) => (i === bytes.length - 100 ? byte ^ 0x20 : byte))), 'checksum mismatch: the file is damaged or truncated'],
    ['missing', (file: string) => fs.rm(file), 'it is missing'],
  ] as const) {
    it(`matches every file again when the duplicate fingerprints are ${damage}, says so, and saves them again`, async () => {
      const before = await savedSession();
      await change(path.join(storage, 'duplicates-fingerprints.bin'));

      const damaged = await start();
      // The duplicates at ready come from the index's head, which is whole.
      assert.deepEqual(await answers(damaged), before);
      await waitForLog(damaged, new RegExp(`^Duplicate fingerprints .*duplicates-fingerprints\\.bin ignored \\(${reason}\\); matching every file\\.$`));
      await waitForLog(damaged, /^Duplicates index: saved /);
      await damaged.connection.sendRequest(DuplicateGroupsRequest);
      assert.deepEqual(flagged(damaged), before.diagnostics);
      await stop(damaged);

      const repaired = await start();
      assert.deepEqual(await answers(repaired), before);
      await waitForLog(repaired, /^Duplicate fingerprints: the fingerprints of 267 files read from /);
    });
  }

  it('clusters the themes again when the stored ones are damaged, says so, and stores them again', async () => {
    const first = await start();
    await themesShown(first);
    await waitForLog(first, /^(Themes: saved|Themes of the last session restored)/);
    await stop(first);
    const file = path.join(storage, 'themes.bin');
    await fs.writeFile(file, (await fs.readFile(file)).map((byte, i, bytes) => (i === bytes.length - 100 ? byte ^ 0x20 : byte)));

    const damaged = await start();
    const clustered = await themesShown(damaged);
    await waitForLog(damaged, /^Themes .*themes\.bin ignored \(checksum mismatch: the file is damaged or truncated\); clustering the workspace again\.$/);
    await waitForLog(damaged, /^Found \d+ themes/);
    await waitForLog(damaged, /^Themes: saved /);
    await stop(damaged);

    const repaired = await start();
    assert.deepEqual(await themesShown(repaired), clustered);
    await waitForLog(repaired, /^Themes of the last session restored /);
  });

  for (const [damage, change, said] of [
    ['a truncated cache', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2), /^Index cache .*index-cache\.bin ignored \(entries run past the end of the file\); indexing from scratch\.$/],
    // A bit in every 64 KB of the second half: a few entries, each found when read.
    ['damaged entries', (bytes: Buffer) => bytes.map((byte, i) => (i > bytes.length / 2 && i % 65536 === 0 ? byte ^ 0x20 : byte)), /^Index cache: entry \S+ ignored \(checksum mismatch: the entry is damaged\)\.$/],
  ] as const) {
    it(`ignores ${damage}, says so, answers the same, and writes a good cache`, async () => {
      const first = await start();
      const before = await answers(first);
      await stop(first);
      const file = path.join(storage, 'index-cache.bin');
      await fs.writeFile(file, change(await fs.readFile(file)));

      const damaged = await start();
      assert.deepEqual(await answers(damaged), before);
      // An entry is checked when first read: the themes read every file's.
      await themesShown(damaged);
      await waitForLog(damaged, said);
      await waitForLog(damaged, /^Index cache: saved 267 entries/);
      await stop(damaged);

      const repaired = await start();
      assert.deepEqual(await answers(repaired), before);
      await waitForLog(repaired, /^Index: 267 from the index cache/);
    });
  }

  it('reads a file again when the text an earlier session kept of it is damaged, and answers the same', async () => {
    const first = await start();
    const before = await answers(first);
    await waitForLog(first, /^Known files: (saved|\d+ files read)/);
    await stop(first);
    const texts = path.join(storage, 'texts.bin');
    const bytes = await fs.readFile(texts);
    // Every text kept, past the 34 bytes of the header: every text read comes from its file instead.
    await fs.writeFile(texts, bytes.map((byte, i) => (i >= 34 ? byte ^ 0x20 : byte)));

    const damaged = await start();
    assert.deepEqual(await answers(damaged), before);
    assert.match(await waitForLog(damaged, /^Index: /), /not read: unchanged since last read/);
    assert.equal(damaged.logs.filter((line) => /^Texts file: the text kept for .*\.txt is damaged; such files are read themselves\.$/.test(line)).length, 1, damaged.logs.join('\n'));
    await stop(damaged);
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

/**
 * Soak (issue 7): 10,000 random edits with the real server running. The server
 * (dist/server.js over stdio, debounce 0) indexes a generated 1k-article workspace with
 * copies planted across files; a set of documents is opened and edited one change at a
 * time (bench/soakWorkspace.ts), each change waited for until the server has published its
 * index update. Then the final texts are written to a fresh folder and a second server
 * indexes them from scratch: the diagnostics both published and the document symbols of
 * the edited files must be equal, else this throws, listing the first differences.
 *
 * Prints edits/s, the time from an edit to its index update (diagnostics sent), and the
 * server's heap (through the preloaded bench/heapProbe.ts) at baseline, after the edits
 * and after a GC, next to the fresh server's, and its resident set.
 * Run with `npm run bench -- soak [--edits N]`; not run by default.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Random, sampleIndices } from '../server/src/core/random';
import { IndexStatus, IndexStatusRequest } from '../server/src/protocol';
import { TestServer, startServer } from '../test/lsp/lspClient';
import { generateCorpus } from './generate';
import { fmt, msSince, percentile, writeCorpus } from './measure';
import { HeapReport, heapProbeNodeArgs, readServerHeap, residentSetMB } from './serverMemory';
import { PublishedDiagnostics, countItems, listDifferences } from './soakCompare';
import { plantCopies, randomEdit } from './soakWorkspace';

const ARTICLES = 1000;
const DEFAULT_EDITS = 10_000;
const SEED = 7;
const PLANTED = { articles: 40, paragraphs: 60 };
/** Files opened and edited: every file that received a planted copy, and others up to this. */
const OPEN_FILES = 150;
const SERVER_SCRIPT = path.join(__dirname, 'server.js');
/** An edit not followed by its index update within this time is a hang. */
const UPDATE_TIMEOUT_MS = 60_000;
/** The server is idle when nothing arrives for this long after a status round trip. */
const QUIET_MS = 500;
const SHOWN_DIFFERENCES = 5;

interface RunningServer {
  server: TestServer;
  diagnostics: PublishedDiagnostics;
  rootUri: string;
}

export async function benchSoak(): Promise<void> {
  const flag = process.argv.indexOf('--edits');
  const edits = flag < 0 ? DEFAULT_EDITS : Number(process.argv[flag + 1]);
  const planted = plantCopies(generateCorpus({ articles: ARTICLES, seed: SEED }), PLANTED, SEED);
  const random = new Random(SEED);
  const others = sampleIndices(planted.files.length, OPEN_FILES, random).filter((i) => !planted.receivers.includes(i));
  const openFiles = [...planted.receivers, ...others].slice(0, Math.max(OPEN_FILES, planted.receivers.length));
  const root = await writeCorpus({ files: planted.files, articles: [] }, 'soak');
  let freshRoot: string | undefined;
  const running: RunningServer[] = [];
  try {
    const edited = await start(root);
    running.push(edited);
    const startStatus = await idle(edited);
    const baseline = await readServerHeap(edited.server.process);

    const documents = openFiles.map((i) => TextDocument.create(uriOf(edited, planted.files[i].path), 'plaintext', 1, planted.files[i].text));
    for (const document of documents) {
      await edited.server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText() },
      });
    }
    const { seconds, latencies } = await applyEdits(edited, documents, random, edits);
    const endStatus = await idle(edited);
    const afterEdits = await readServerHeap(edited.server.process);
    const rss = await residentSetMB(edited.server.process.pid!);

    const finalFiles = planted.files.map((file) => ({ ...file }));
    openFiles.forEach((fileIndex, i) => (finalFiles[fileIndex].text = documents[i].getText()));
    // Lone surrogates would not survive being written as UTF-8: the comparison would be unfair.
    const broken = finalFiles.find((file) => Buffer.from(file.text).toString() !== file.text);
    if (broken) throw new Error(`soak: the edits left a lone surrogate in ${broken.path}`);
    freshRoot = await writeCorpus({ files: finalFiles, articles: [] }, 'soak-fresh');
    const fresh = await start(freshRoot);
    running.push(fresh);
    const freshStatus = await idle(fresh);
    const freshHeap = await readServerHeap(fresh.server.process);

    const editedPaths = openFiles.map((i) => planted.files[i].path);
    const diagnostics = { edited: edited.diagnostics.comparable(), fresh: fresh.diagnostics.comparable() };
    const differences = [
      ...listDifferences('diagnostic', diagnostics.edited, diagnostics.fresh),
      ...listDifferences('symbol', await symbolsOf(edited, editedPaths), await symbolsOf(fresh, editedPaths)),
      ...statusDifferences(endStatus, freshStatus),
    ];

    console.log(`workspace: ${startStatus.files} files, ${startStatus.articles} → ${endStatus.articles} articles, ` +
      `${startStatus.duplicateGroups} → ${endStatus.duplicateGroups} duplicate groups; ${documents.length} files open and edited`);
    console.log(`${edits} edits in ${fmt(seconds)} s = ${fmt(edits / seconds)} edits/s; edit to index update (diagnostics sent) ` +
      `p50 ${fmt(percentile(latencies, 50), 2)} ms, p95 ${fmt(percentile(latencies, 95), 2)} ms, max ${fmt(Math.max(...latencies))} ms ` +
      `(${latencies.length} edits that changed the text; machine shared, figures noisy)`);
    console.log(`server heap used MB: baseline ${heapMB(baseline)} | after edits ${mb(afterEdits.heapUsedBeforeGc)} | after GC ${heapMB(afterEdits)} | ` +
      `a fresh server on the final texts ${heapMB(freshHeap)} (edits left ${fmt((afterEdits.heapUsedAfterGc - freshHeap.heapUsedAfterGc) / 1e6)} MB more)`);
    console.log(rss ? `server RSS MB: peak ${fmt(rss.peak)} (scan workers included), now ${fmt(rss.current)}` : 'server RSS: no /proc');
    const equal = differences.length === 0;
    console.log(`diagnostics equal to a fresh index: ${equal ? 'yes' : 'NO'} (${diagnostics.fresh.size} files, ${countItems(diagnostics.fresh)} diagnostics; ` +
      `document symbols of ${editedPaths.length} edited files ${equal ? 'equal' : 'compared'})`);
    if (!equal) {
      throw new Error(`soak: the edited server differs from a fresh index of the final texts in ${differences.length} places; the first:\n` +
        differences.slice(0, SHOWN_DIFFERENCES).join('\n'));
    }
  } finally {
    for (const { server } of running) await server.stop();
    await fs.rm(root, { recursive: true, force: true });
    if (freshRoot) await fs.rm(freshRoot, { recursive: true, force: true });
  }
}

async function start(root: string): Promise<RunningServer> {
  const server = await startServer(root, { debounceMs: 0 }, { serverPath: SERVER_SCRIPT, nodeArgs: heapProbeNodeArgs() });
  const rootUri = URI.file(root).toString();
  return { server, rootUri, diagnostics: new PublishedDiagnostics(server, rootUri) };
}

function uriOf(running: RunningServer, relativePath: string): string {
  return `${running.rootUri}/${relativePath}`;
}

/** Sends the edits one at a time, each (when it changes the text) waited for until its index update. */
async function applyEdits(running: RunningServer, documents: TextDocument[], random: Random, edits: number): Promise<{ seconds: number; latencies: number[] }> {
  const { server } = running;
  const texts = documents.map((document) => document.getText());
  const latencies: number[] = [];
  let generation = server.latestStatus().generation;
  const started = process.hrtime.bigint();
  for (let i = 0; i < edits; i++) {
    const edit = randomEdit(random, texts);
    const document = documents[edit.document];
    const range = { start: document.positionAt(edit.startOffset), end: document.positionAt(edit.endOffset) };
    const textBefore = texts[edit.document];
    // Updates the document in place.
    TextDocument.update(document, [{ range, text: edit.text }], document.version + 1);
    texts[edit.document] = document.getText();
    const sent = process.hrtime.bigint();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ range, text: edit.text }],
    });
    // The server tells nothing when the text did not change (an empty deletion).
    if (texts[edit.document] === textBefore) continue;
    generation = (await within(server.nextStatus(generation), server, `the index update of edit ${i + 1} (${describe(edit.text)} in ${document.uri})`)).generation;
    latencies.push(msSince(sent));
  }
  return { seconds: msSince(started) / 1000, latencies };
}

/** The ready status once nothing more arrives: the scan or the last edit is fully handled. */
async function idle(running: RunningServer): Promise<IndexStatus> {
  const { server, diagnostics } = running;
  await within(server.nextStatus(), server, 'the first ready status');
  for (;;) {
    const seen = diagnostics.received;
    const status = await server.connection.sendRequest(IndexStatusRequest, undefined);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (diagnostics.received === seen && server.latestStatus().generation === status.generation) return status;
  }
}

async function symbolsOf(running: RunningServer, relativePaths: string[]): Promise<Map<string, unknown[]>> {
  const symbols = new Map<string, unknown[]>();
  for (const relativePath of relativePaths) {
    const result = await running.server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(running, relativePath) } });
    symbols.set(relativePath, result ?? []);
  }
  return symbols;
}

function statusDifferences(edited: IndexStatus, fresh: IndexStatus): string[] {
  const figures = ['files', 'articles', 'skipped', 'duplicateGroups'] as const;
  return figures.filter((name) => edited[name] !== fresh[name]).map((name) => `index status ${name}: edited server ${edited[name]}, fresh server ${fresh[name]}`);
}

/** Resolves with `promise`, or throws when the server exits or takes longer than UPDATE_TIMEOUT_MS. */
async function within<T>(promise: Promise<T>, server: TestServer, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onExit: ((code: number | null) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`soak: no ${what} within ${UPDATE_TIMEOUT_MS / 1000} s`)), UPDATE_TIMEOUT_MS);
    onExit = (code) => reject(new Error(`soak: the server exited (code ${code}) while waiting for ${what}`));
    server.process.once('exit', onExit);
  });
  try {
    return await Promise.race([promise, failure]);
  } finally {
    clearTimeout(timer);
    server.process.off('exit', onExit!);
  }
}

function describe(inserted: string): string {
  return inserted === '' ? 'a deletion' : `inserting ${JSON.stringify(inserted.slice(0, 40))}`;
}

function mb(bytes: number): string {
  return fmt(bytes / 1e6);
}

function heapMB(report: HeapReport): string {
  return report.collected ? mb(report.heapUsedAfterGc) : `${mb(report.heapUsedAfterGc)} (no GC)`;
}

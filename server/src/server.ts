/**
 * The Seed Curator language server: indexes every matching file of the workspace into
 * articles and serves the features listed in `features`. Runs over stdio or Node IPC.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver/node';
import { readFileSync } from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverConnection } from './connection';
import { Corpus } from './core/corpus';
import { contentHash } from './core/text';
import { errorMessage } from './core/errors';
import { fileAnalyses } from './core/fileAnalyses';
import { OrganisationIndex } from './core/organisations/index';
import { organisationNamesOf } from './core/search/organisationNames';
import type { Log, ServerContext, ServerFeature, StatusFigures } from './context';
import { duplicatesFeature } from './duplicates/feature';
import { foldingFeature } from './folding';
import { WorkspaceFolderRef, WorkspaceIndexer } from './indexer';
import { organisationsFeature } from './organisations/feature';
import { IndexStatus, IndexStatusNotification, IndexStatusRequest } from './protocol';
import { Settings, defaultSettings, settingsReader } from './settings';
import { shareHandlers } from './sharedHandlers';
import { symbolsFeature } from './symbols';
import { themesFeature } from './themes/feature';

const organisations = new OrganisationIndex();
const features: ServerFeature[] = [
  symbolsFeature,
  foldingFeature,
  duplicatesFeature,
  organisationsFeature(organisations),
  themesFeature({ organisations: organisationNamesOf(organisations) }),
];

const connection = serverConnection();
// Several features answer references, hovers and file events: merge their answers.
shareHandlers(connection);
const documents = new TextDocuments(TextDocument);
const corpus = new Corpus({ analyses: fileAnalyses });
const log: Log = {
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};
const readSettings = settingsReader(log.warn);

let settings: Settings = defaultSettings;
/** The initial scan has finished. */
let scanned = false;
/** A scan ended: the index cache is saved once the workspace is ready. */
let saveAfterScan = false;
/** Features catching up with the corpus (see ServerContext.catchingUp). */
let catchingUp = 0;
const isReady = (): boolean => scanned && catchingUp === 0;
let generation = 0;
let folders: WorkspaceFolderRef[] = [];
let canWatchFiles = false;
let canReadConfiguration = false;
const indexListeners: (() => void)[] = [];
const settingsListeners: (() => void)[] = [];
const statusFigures: (() => Partial<StatusFigures>)[] = [];
const indexer = new WorkspaceIndexer(corpus, () => settings, log, { workerScript: path.join(__dirname, 'indexWorker.js') });
let storageFolder: string | undefined;

const context: ServerContext = {
  connection,
  documents,
  corpus,
  settings: () => settings,
  log,
  workspaceFolders: () => indexer.folderPaths(),
  workspaceFolderOf: (uri) => indexer.folderOf(uri),
  isReady,
  isScanned: () => scanned,
  storage: () => (storageFolder === undefined ? undefined : { folder: storageFolder, identity: codeIdentity() }),
  catchingUp: (work) => {
    catchingUp++;
    void work
      .catch((error: unknown) => log.error(`A feature failed to catch up: ${error instanceof Error ? error.stack ?? error.message : String(error)}`))
      .finally(() => {
        catchingUp--;
        // Ready now: said at once, not after a slice of each run waiting meanwhile (see announceUpdate).
        if (isReady()) announceUpdate();
        else indexUpdated();
      });
  },
  onIndexUpdated: (listener) => indexListeners.push(listener),
  onSettingsChanged: (listener) => settingsListeners.push(listener),
  addStatusFigures: (figures) => statusFigures.push(figures),
};

/**
 * Names the code of this server (this script's content) and of the V8 that serialises what
 * features keep in the storage folder: a new version or a rebuild does not trust older files.
 */
let identity: string | undefined;
function codeIdentity(): string {
  identity ??= `${contentHash(readFileSync(__filename))} v8 ${process.versions.v8}`;
  return identity;
}

function status(): IndexStatus {
  const stats = corpus.stats();
  const figures: StatusFigures = Object.assign({ duplicateGroups: 0 }, ...statusFigures.map((read) => read()));
  return { ready: isReady(), scanned, files: stats.files, articles: stats.articles, skipped: indexer.skippedCount, ...figures, generation };
}

/** Coalesces the updates of one tick into one round of listeners and one notification. */
let updateScheduled = false;
function indexUpdated(): void {
  if (updateScheduled || !scanned) return;
  updateScheduled = true;
  setImmediate(() => {
    if (updateScheduled) announceUpdate();
  });
}

/**
 * The round of listeners and the notification, at once. The last feature catching up calls
 * it directly: a turn later, the status waited behind a slice of each run started meanwhile
 * (warming summaries, counting terms), 60-100 ms of a warm start of 100k articles.
 */
function announceUpdate(): void {
  updateScheduled = false;
  generation++;
  for (const listener of indexListeners) listener();
  void connection.sendNotification(IndexStatusNotification, status());
  if (saveAfterScan && isReady()) {
    saveAfterScan = false;
    // It writes only if its entries changed; after a warm start, finding that they did not
    // took 50 ms at 100k articles, which the features catching up waited for.
    void indexer.saveCache();
  }
}
corpus.onChange(indexUpdated);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  folders = (params.workspaceFolders ?? []).map(({ uri, name }) => ({ uri, name }));
  if (folders.length === 0 && params.rootUri) folders = [{ uri: params.rootUri, name: 'root' }];
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canReadConfiguration = params.capabilities.workspace?.configuration === true;
  settings = readSettings(params.initializationOptions?.settings);
  // The extension's storage folder, where the index cache is kept (see client/src/extension.ts).
  const storagePath: unknown = params.initializationOptions?.storagePath;
  storageFolder = typeof storagePath === 'string' && storagePath !== '' ? storagePath : undefined;
  indexer.setStorageFolder(storageFolder);
  const capabilities: ServerCapabilities = {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  for (const feature of features) mergeCapabilities(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'Seed Curator' } };
});

function mergeCapabilities(target: ServerCapabilities, extra: ServerCapabilities): void {
  const commands = [...(target.executeCommandProvider?.commands ?? []), ...(extra.executeCommandProvider?.commands ?? [])];
  Object.assign(target, extra);
  if (commands.length > 0) target.executeCommandProvider = { commands };
}

connection.onInitialized(async () => {
  for (const feature of features) feature.register(context);
  // Not waited for: the client takes its requests in turn, so it registers the watcher
  // before it answers for the settings, and the scan starts no sooner than that. At a warm
  // start of 100k articles the answer was taken 0.14-0.25 s after the request, behind the
  // reading of what the features kept, and the scan waited for it.
  if (canWatchFiles) void watchFiles();
  connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
    const removed = new Set(event.removed.map((folder) => folder.uri));
    folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added.map(({ uri, name }) => ({ uri, name }))];
    await rescan();
  });
  await loadSettings();
  await rescan();
});

async function watchFiles(): Promise<void> {
  try {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }],
    });
  } catch (error) {
    log.warn(`Could not watch the workspace's files: changes made outside the editor are seen at the next start (${errorMessage(error)}).`);
  }
}

async function loadSettings(): Promise<void> {
  if (!canReadConfiguration) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration('seedCurator'));
  } catch (error) {
    log.warn(`Could not read settings, using defaults: ${String(error)}`);
  }
}

let scanning: Promise<void> = Promise.resolve();
function rescan(): Promise<void> {
  scanning = scanning.then(async () => {
    const started = Date.now();
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Seed Curator: indexing', 0, 'finding files', false);
    try {
      await indexer.scan(folders, {
        report: (done, total, message) => progress.report(total ? Math.round((100 * done) / total) : 0, message),
      });
    } catch (error) {
      log.error(`Indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      progress.done();
    }
    const stats = corpus.stats();
    log.info(`Indexed ${stats.files} files, ${stats.articles} articles in ${Date.now() - started} ms (${indexer.skippedCount} skipped).`);
    scanned = true;
    saveAfterScan = true;
    indexUpdated();
  });
  return scanning;
}

connection.onDidChangeConfiguration(async () => {
  const before = JSON.stringify([settings.include, settings.exclude, settings.maxFileSizeKB]);
  await loadSettings();
  for (const listener of settingsListeners) listener();
  if (JSON.stringify([settings.include, settings.exclude, settings.maxFileSizeKB]) !== before) await rescan();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    if (change.type === FileChangeType.Deleted) indexer.fileDeleted(change.uri);
    else await indexer.fileChanged(change.uri);
  }
});

documents.onDidOpen(({ document }) => indexer.documentChanged(toOpenDocument(document), true));
documents.onDidChangeContent(({ document }) => indexer.documentChanged(toOpenDocument(document)));
documents.onDidClose(({ document }) => void indexer.documentClosed(document.uri));

function toOpenDocument(document: TextDocument): { uri: string; text: string; version: number } {
  return { uri: document.uri, text: document.getText(), version: document.version };
}

connection.onRequest(IndexStatusRequest, () => status());

documents.listen(connection);
connection.listen();

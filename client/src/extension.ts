/**
 * Activation: starts the language server (a Node process over IPC), then the views and
 * commands. Returns the extension's API, used by the integration tests.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { IndexStatus, IndexStatusNotification } from '../../server/src/protocol';
import { DuplicatesProvider, registerDuplicates } from './duplicates';
import { IndexStatusWatcher } from './indexStatus';
import { OrganisationsProvider, registerOrganisations } from './organisations';
import { registerSearchThemes } from './searchThemes';
import { ThemesView, registerThemes } from './themes';
import { followServerRestarts, serverHealthHandler } from './serverHealth';
import { createStatusBar } from './statusBar';

export interface SeedCuratorApi {
  client: LanguageClient;
  /** Resolves with the first status that is ready and newer than `afterGeneration`. */
  waitForIndex(afterGeneration?: number): Promise<IndexStatus>;
  /** The Duplicates view's data; `refresh()` fetches the groups from the server. */
  duplicates: DuplicatesProvider;
  /** The Organisations view's data; `refresh()` fetches the list from the server. */
  organisations: OrganisationsProvider;
  /** The Themes view: its data (`provider.refresh()`), the tree, and `reveal(themeId)`. */
  themes: ThemesView;
}

/** The documents the server reads: plain text, Markdown and the seed language, on disk or unsaved. */
export const documentSelector = ['plaintext', 'markdown', 'seed'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SeedCuratorApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Seed Curator', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    synchronize: { configurationSection: 'seedCurator' },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('seedCurator'),
      // Where the server keeps its index cache: this workspace's storage, or the global one when no folder is open.
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
    errorHandler: serverHealthHandler(outputChannel),
  };
  client = new LanguageClient('seedCurator', 'Seed Curator', serverOptions, clientOptions);
  const statusWatcher = new IndexStatusWatcher();
  context.subscriptions.push(
    statusWatcher,
    createStatusBar(statusWatcher),
    vscode.commands.registerCommand('seedCurator.showOutput', () => outputChannel.show(true)),
  );
  context.subscriptions.push(
    client.onNotification(IndexStatusNotification, (status) => statusWatcher.update(status)),
    followServerRestarts(client, statusWatcher),
  );
  await client.start();
  const started = client;
  const duplicates = registerDuplicates(context, started, statusWatcher);
  const organisations = registerOrganisations(context, started, statusWatcher);
  const themes = registerThemes(context, started);
  registerSearchThemes(context, started, themes);
  return { client: started, waitForIndex: (after) => statusWatcher.waitFor(after), duplicates, organisations, themes };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

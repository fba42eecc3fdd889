/**
 * A minimal LSP client for tests: starts the built server (dist/server.js) as a child
 * process over stdio and speaks JSON-RPC to it, answering the server's own requests the
 * way VS Code would.
 */
import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  InitializeParams,
  LogMessageParams,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { IndexStatus, IndexStatusNotification } from '../../server/src/protocol';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  logs: string[];
  /** Every status received, in order, ready or not. */
  statuses: readonly IndexStatus[];
  /** The first ready status with a generation above `after`. */
  nextStatus(after?: number): Promise<IndexStatus>;
  /** The last status received; call after a first `nextStatus()`. */
  latestStatus(): IndexStatus;
  stop(): Promise<void>;
}

const SERVER = path.join(__dirname, '../../dist/server.js');

export interface LaunchOptions {
  /** Sent as the `initializationOptions` of `initialize`, e.g. `{ storagePath }`. */
  initializationOptions?: Record<string, unknown>;
  /** The server script, when not dist/server.js next to this file (the bundled benchmarks). */
  serverPath?: string;
  /** Node options before the server script, e.g. `['--expose-gc']`. */
  nodeArgs?: string[];
}

export async function startServer(workspaceFolder: string, settings: Record<string, unknown> = {}, launch: LaunchOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...(launch.nodeArgs ?? []), launch.serverPath ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const statuses: IndexStatus[] = [];
  const waiters: { after: number; resolve(status: IndexStatus): void }[] = [];
  connection.onNotification('window/logMessage', ({ message }: LogMessageParams) => {
    logs.push(message);
  });
  connection.onNotification(IndexStatusNotification, (status) => {
    statuses.push(status);
    for (const waiter of [...waiters]) {
      if (status.ready && status.generation > waiter.after) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(status);
      }
    }
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.listen();

  const { URI } = await import('vscode-uri');
  const uri = URI.file(workspaceFolder).toString();
  const params: InitializeParams = {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(workspaceFolder) }],
    initializationOptions: launch.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      window: { workDoneProgress: true },
    },
  };
  await connection.sendRequest('initialize', params);
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    logs,
    statuses,
    nextStatus(after = -1) {
      const seen = statuses.find((status) => status.ready && status.generation > after);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ after, resolve }));
    },
    latestStatus() {
      const latest = statuses.at(-1);
      if (!latest) throw new Error('no index status received yet');
      return latest;
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export interface ServerOnTemporaryWorkspaceOptions {
  /** Fills the new, empty workspace folder before the server starts on it. */
  prepare(workspace: string): Promise<void>;
  /** The `seedCurator` settings the server is given. */
  settings?: Record<string, unknown>;
  /**
   * Called as soon as the server is initialised, before the next of its messages is handled:
   * listeners added here hear all it sends from then on, which a later `before` hook could miss.
   * The tests start once the promise it returns settles.
   */
  whenStarted?(server: TestServer): void | Promise<void>;
}

export interface ServerOnTemporaryWorkspace {
  readonly workspace: string;
  readonly server: TestServer;
}

/**
 * Registers `before` and `after` hooks in the calling `describe`: before its tests, a fresh
 * temporary folder (named from `prefix`) is filled by `options.prepare` and the real server started on
 * it; after them, the server is stopped and the folder deleted. Read the getters inside hooks and tests.
 */
export function serverOnTemporaryWorkspace(prefix: string, options: ServerOnTemporaryWorkspaceOptions): ServerOnTemporaryWorkspace {
  let workspace: string | undefined;
  let server: TestServer | undefined;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    await options.prepare(workspace);
    server = await startServer(workspace, options.settings);
    await options.whenStarted?.(server);
  });
  after(async () => {
    await server?.stop();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });
  return {
    get workspace() {
      if (workspace === undefined) throw new Error('the workspace is made in the before hook');
      return workspace;
    },
    get server() {
      if (server === undefined) throw new Error('the server is started in the before hook');
      return server;
    },
  };
}

// A real VS Code in a real browser, offline, for the integration runner
// (run-code-server-tests.mjs) and the end-to-end checks (test/e2e/run-e2e.mjs):
// code-server (VS Code 1.139 with a Node extension host) on loopback, with our built
// extension installed, opened by Debian chromium through playwright-core.
// Recipe and why: /work/shared/notes/real-vscode-offline.md
//
// Both the install steps and the session print what they do on stderr, prefixed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureWorkspace = path.join(repo, 'test/fixtures/workspace');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function logger(prefix) {
  return (message) => console.error(`[${prefix}] ${message}`);
}
const log = logger('code-server');

/** Checks that `npm run build` ran: the files the session copies must exist. */
export function requireBuilt(files) {
  const missing = ['package.json', 'dist/client.js', 'dist/server.js', ...files].filter((f) => !fs.existsSync(path.join(repo, f)));
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: run \`npm run build\` first`);
}

function asRoot(args) {
  return process.getuid?.() === 0 ? args : ['sudo', ...args];
}

/** Debian chromium (or CHROMIUM_PATH); installed with apt-get when missing. */
export function ensureChromium() {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(chromiumPath)) return chromiumPath;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${chromiumPath} does not exist`);
  log(`${chromiumPath} is missing: installing the Debian package chromium with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']]) {
    const [command, ...rest] = asRoot(args);
    const result = spawnSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) throw new Error(`\`${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  if (!fs.existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing`);
  return chromiumPath;
}

/** The cached code-server binary; install-code-server.sh installs it the first time (~15 minutes). */
export function ensureCodeServer() {
  const install = spawnSync('bash', [path.join(repo, 'test/vscode/install-code-server.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error('install-code-server.sh failed (its messages are above)');
  return path.join(install.stdout.trim().split('\n').pop(), 'bin/code-server');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** VS Code picks up any `<publisher>.<name>-<version>/` folder of the extensions dir (code-server refuses --extensionDevelopmentPath). */
function installOurExtension(extDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const target = path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  for (const f of ['package.json', 'dist', 'syntaxes', 'resources', 'README.md', 'LICENSE']) {
    const src = path.join(repo, f);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(target, f), { recursive: true });
  }
}

// Quieter workbench: no welcome page, no update/gallery checks, nothing that is not ours.
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const sessions = new Set();

/** Closes every session, including one still starting (a runner's deadline may strike then). */
export function closeAllSessions() {
  return Promise.allSettled([...sessions].map((session) => session.close()));
}

let signalsHandled = false;
function closeOnSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => closeAllSessions().finally(() => process.exit(130)));
}

/**
 * Starts code-server on a free loopback port with our extension installed and a fresh
 * copy of a workspace (the fixture workspace unless `workspaceSource` names another folder)
 * open, then chromium on the workbench. `prepare(extDir)` may add other extensions before
 * code-server starts; `settings` are added to the user settings. Always call `close()` (also done on SIGINT/SIGTERM).
 *
 * The workspace is a copy so that edits and files written by a run (an ignore list, a
 * buffer left dirty by a failed test) never touch the repository.
 */
export async function startSession({ name, outDir, prepare = () => {}, workspaceSource = fixtureWorkspace, settings = {} }) {
  const codeServer = ensureCodeServer();
  const chromiumPath = ensureChromium();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `seed-curator-${name}-`));
  const extDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(workspaceSource, workspace, { recursive: true });
  installOurExtension(extDir);
  prepare(extDir);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  fs.mkdirSync(outDir, { recursive: true });

  // Keep both processes out of the home directory: code-server writes
  // ~/.config/code-server/config.yaml (with a password), ~/.local/share/code-server/
  // and ~/.cache/Microsoft/ (device id); chromium ~/.config/chromium and ~/.cache/dconf.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
  };

  let server;
  let browser;
  let serverExit;
  let closing;
  const serverLog = path.join(outDir, 'code-server.log');
  const session = {
    tmp,
    workspace,
    userDataDir,
    /** Why code-server stopped, if it did. */
    get serverExit() {
      return serverExit;
    },
    get browser() {
      return browser;
    },
    page: undefined,
    /** Throws when code-server or chromium went away: lets a wait loop stop at once. */
    checkAlive() {
      if (serverExit) throw new Error(serverExit);
      if (browser && !browser.isConnected()) throw new Error('chromium went away');
    },
    /** Copies VS Code's own logs (extension host, our output channel) next to the screenshots. */
    keepLogs() {
      const logs = path.join(userDataDir, 'logs');
      const kept = path.join(outDir, 'vscode-logs');
      fs.rmSync(kept, { recursive: true, force: true });
      if (fs.existsSync(logs)) fs.cpSync(logs, kept, { recursive: true });
    },
    close() {
      closing ??= closeAll();
      return closing;
    },
  };
  async function closeAll() {
    sessions.delete(session);
    await Promise.race([browser?.close().catch(() => {}), sleep(10_000)]);
    if (server?.pid) {
      // Detached: kill the whole group (code-server, its extension host, pty host, watchers).
      const killGroup = (signal) => {
        try {
          process.kill(-server.pid, signal);
        } catch {}
      };
      killGroup('SIGTERM');
      if (server.exitCode === null && server.signalCode === null) {
        await Promise.race([new Promise((resolve) => server.once('exit', resolve)), sleep(5_000)]);
      }
      // Always, even after a clean exit: an extension host spawned while code-server was
      // shutting down outlives it (reparented to init, same group) and would linger for
      // its 3-hour reconnection grace time.
      killGroup('SIGKILL');
    }
    if (process.env.SEED_CURATOR_KEEP_TMP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  sessions.add(session);
  closeOnSignals();

  // Closed while starting: stop before starting anything that close() would not see.
  const stopIfClosed = () => {
    if (closing) throw new Error(`the ${name} session was closed while starting`);
  };
  try {
    const port = await freePort();
    stopIfClosed();
    const logFd = fs.openSync(serverLog, 'w');
    server = spawn(
      codeServer,
      [
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--user-data-dir', userDataDir,
        '--extensions-dir', extDir,
        workspace,
      ],
      { detached: true, stdio: ['ignore', logFd, logFd], env },
    );
    fs.closeSync(logFd);
    server.on('exit', (code, signal) => {
      serverExit = `code-server exited (${signal ?? code}), see ${serverLog}`;
    });
    const base = `http://127.0.0.1:${port}`;
    for (const start = Date.now(); ; await sleep(250)) {
      session.checkAlive();
      if (Date.now() - start > 60_000) throw new Error(`code-server did not answer on ${base} within 60 s, see ${serverLog}`);
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    }
    log(`up on ${base}`);

    // The browser client: without it there is no extension host.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      env,
      args: [
        '--no-sandbox', // root in a container
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    if (closing) await browser.close();
    stopIfClosed();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLog = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack || e}\n`));
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    session.page = page;
    return session;
  } catch (err) {
    await screenshot(browser?.contexts()[0]?.pages()[0], path.join(outDir, `${name}-start-failed.png`));
    session.keepLogs();
    await session.close();
    throw err;
  }
}

/** Saves a screenshot; never throws (a failure to screenshot must not hide the real failure). */
export async function screenshot(page, file) {
  try {
    await page?.screenshot({ path: file, timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

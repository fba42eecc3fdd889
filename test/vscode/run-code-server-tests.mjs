#!/usr/bin/env node
// Runs the VS Code integration suite (dist/integration-tests.js) inside a real
// VS Code, offline: code-server (VS Code 1.139 with a Node extension host) plus
// Debian chromium as the browser client. Needs `npm run build` first.
// Recipe and why: /work/shared/notes/real-vscode-offline.md
//
//   1. install-code-server.sh gives the cached code-server (installs it the first time)
//   2. a temp extensions dir gets our built extension + the test harness extension
//   3. code-server on 127.0.0.1:<free port>, then chromium opens the workbench:
//      the extension host only starts once a browser client connects
//   4. the harness runs the suite in the extension host and writes results.json
//   5. print the results, screenshot to test-results/, kill everything
//
// Env: SEED_CURATOR_VSCODE_TIMEOUT_MS (default 300000), CHROMIUM_PATH (default
// /usr/bin/chromium), SEED_CURATOR_KEEP_TMP=1 keeps the temp dir.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const timeoutMs = Number(process.env.SEED_CURATOR_VSCODE_TIMEOUT_MS || 300_000);
const outDir = path.join(repo, 'test-results');
const workspace = path.join(repo, 'test/fixtures/workspace');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => console.error(`[vscode-offline] ${msg}`);

function fail(msg) {
  console.error(msg);
  process.exit(1);
}

for (const f of ['package.json', 'dist/client.js', 'dist/integration-tests.js']) {
  if (!fs.existsSync(path.join(repo, f))) fail(`missing ${f}: run \`npm run build\` first`);
}
if (!fs.existsSync(workspace)) fail(`missing fixture workspace ${workspace}`);
fs.mkdirSync(outDir, { recursive: true });

// 1. code-server (cached outside the clone; first run takes ~15 minutes).
const install = spawnSync('bash', [path.join(repo, 'test/vscode/install-code-server.sh')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (install.status !== 0) fail('install-code-server.sh failed');
const codeServer = path.join(install.stdout.trim().split('\n').pop(), 'bin/code-server');

// 2. Extensions dir: VS Code picks up any `<publisher>.<name>-<version>/` folder in it
// (--extensionDevelopmentPath is refused by code-server).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-curator-vscode-'));
const extDir = path.join(tmp, 'extensions');
const userDataDir = path.join(tmp, 'user-data');
const resultsFile = path.join(tmp, 'results.json');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const ourExt = path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
for (const f of ['package.json', 'dist', 'syntaxes', 'resources', 'README.md', 'LICENSE']) {
  const src = path.join(repo, f);
  if (fs.existsSync(src)) fs.cpSync(src, path.join(ourExt, f), { recursive: true });
}
const harness = path.join(extDir, 'seed-curator-tests.test-harness-0.0.1');
fs.cpSync(path.join(repo, 'test/vscode/harness'), harness, { recursive: true });
// The suite is copied into the harness so that its `require('vscode')` is attributed
// to the harness extension (a file outside every extension gets a default API object).
for (const f of ['integration-tests.js', 'integration-tests.js.map']) {
  const src = path.join(repo, 'dist', f);
  if (fs.existsSync(src)) fs.copyFileSync(src, path.join(harness, f));
}
const testsBundle = path.join(harness, 'integration-tests.js');
fs.writeFileSync(path.join(harness, 'config.json'), JSON.stringify({ testsBundle, resultsFile }, null, 2));
// Quieter workbench: no welcome page, no update/gallery checks.
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User/settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'git.openRepositoryInParentFolders': 'never', // the fixture sits inside our git clone
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }),
);

// Keep both processes out of the home directory: code-server writes
// ~/.config/code-server/config.yaml (with a password), ~/.local/share/code-server/
// and ~/.cache/Microsoft/ (device id); chromium ~/.config/chromium and ~/.cache/dconf.
const isolatedEnv = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
  XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
  XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
};

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

let server;
let browser;
let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  await Promise.race([browser?.close().catch(() => {}), sleep(10_000)]);
  if (server?.pid) {
    // Detached: kill the whole group (code-server, its extension host, pty host, watchers).
    const killGroup = (sig) => { try { process.kill(-server.pid, sig); } catch {} };
    killGroup('SIGTERM');
    if (server.exitCode === null && server.signalCode === null) {
      await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5_000)]);
    }
    // Always, even after a clean exit: an extension host spawned while code-server was
    // shutting down outlives it (reparented to init, same group) and would linger for
    // its 3-hour reconnection grace time.
    killGroup('SIGKILL');
  }
  if (!process.env.SEED_CURATOR_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => cleanup().finally(() => process.exit(130)));
}

async function main() {
  // 3. code-server, loopback only.
  const port = await freePort();
  const serverLog = path.join(outDir, 'code-server.log');
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
    {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: isolatedEnv,
    },
  );
  fs.closeSync(logFd);
  let serverExit;
  server.on('exit', (code, signal) => { serverExit = `code-server exited (${signal ?? code}), see ${serverLog}`; });
  const base = `http://127.0.0.1:${port}`;
  for (let start = Date.now(); ; await sleep(250)) {
    if (serverExit) throw new Error(serverExit);
    if (Date.now() - start > 60_000) throw new Error(`code-server did not answer on ${base}, see ${serverLog}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
  }
  log(`code-server up on ${base}`);

  // The browser client: without it there is no extension host.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    env: isolatedEnv,
    args: [
      '--no-sandbox', // root in a container
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLog = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack || e}\n`));
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  log('workbench opened, waiting for the test results');

  // 4. Wait for the harness to write its results.
  let results;
  for (let start = Date.now(); !results; await sleep(500)) {
    if (serverExit) throw new Error(serverExit);
    if (!browser.isConnected()) throw new Error('chromium went away');
    if (Date.now() - start > timeoutMs) throw new Error(`no test results after ${timeoutMs / 1000}s`);
    if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  }
  await sleep(1_000); // let the workbench paint the final state
  await page.screenshot({ path: path.join(outDir, 'vscode-offline.png') }).catch(() => {});
  return results;
}

// 5. Report.
let results;
try {
  results = await main();
} catch (err) {
  results = { passed: 0, failed: 1, failures: [{ title: 'code-server run', error: String(err?.message ?? err) }], tests: [] };
  // Keep what is needed to understand the failure.
  try {
    const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
    if (pages[0]) await pages[0].screenshot({ path: path.join(outDir, 'vscode-offline.png') });
  } catch {}
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(outDir, 'vscode-logs'), { recursive: true });
} finally {
  await cleanup();
}

for (const t of results.tests ?? []) {
  console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
}
for (const f of results.failures) console.log(`\nFAIL ${f.title}\n${f.error}`);
const noTests = results.passed + results.failed === 0;
if (noTests) console.log('\nno tests ran: is test/integration/*.test.ts empty?');
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || noTests ? 1 : 0);

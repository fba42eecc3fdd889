#!/usr/bin/env node
// Runs the VS Code integration suite (dist/integration-tests.js) inside a real
// VS Code, offline: code-server (VS Code 1.139 with a Node extension host) plus
// Debian chromium as the browser client. Needs `npm run build` first.
//
//   1. codeServer.mjs installs what is missing (code-server in a cache, chromium),
//      starts code-server with our extension and the test harness extension, and
//      opens the workbench in chromium: the extension host only starts once a
//      browser client connects
//   2. the harness runs the suite in the extension host and writes results.json
//   3. print the results, screenshot to test-results/, kill everything
//
// Env: SEED_CURATOR_VSCODE_TIMEOUT_MS (default 300000), CHROMIUM_PATH (default
// /usr/bin/chromium), SEED_CURATOR_KEEP_TMP=1 keeps the temp dir.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeAllSessions, logger, repo, requireBuilt, screenshot, sleep, startSession } from './codeServer.mjs';

const timeoutMs = Number(process.env.SEED_CURATOR_VSCODE_TIMEOUT_MS || 300_000);
const outDir = path.join(repo, 'test-results');
const log = logger('vscode-offline');

/** A test-only extension beside ours that runs the suite in the extension host (see harness/extension.js). */
function installHarness(extDir, resultsFile) {
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
}

async function run(session, resultsFile) {
  log('workbench opened, waiting for the test results');
  for (const start = Date.now(); ; await sleep(500)) {
    session.checkAlive();
    if (Date.now() - start > timeoutMs) throw new Error(`no test results after ${timeoutMs / 1000} s`);
    if (fs.existsSync(resultsFile)) return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  }
}

let session;
let results;
const started = Date.now();
try {
  requireBuilt(['dist/integration-tests.js']);
  let resultsFile;
  session = await startSession({
    name: 'vscode',
    outDir,
    prepare: (extDir) => {
      resultsFile = path.join(path.dirname(extDir), 'results.json');
      installHarness(extDir, resultsFile);
    },
  });
  results = await run(session, resultsFile);
  if (results.failed > 0) session.keepLogs();
} catch (err) {
  results = { passed: 0, failed: 1, failures: [{ title: 'code-server run', error: String(err?.message ?? err) }], tests: [] };
  session?.keepLogs();
} finally {
  // The final state (or the state at the failure), for a person to look at.
  await screenshot(session?.page, path.join(outDir, 'vscode-offline.png'));
  await closeAllSessions();
}

for (const t of results.tests ?? []) {
  console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
}
for (const f of results.failures) console.log(`\nFAIL ${f.title}\n${f.error}`);
const noTests = results.passed + results.failed === 0;
if (noTests) console.log('\nno tests ran: is test/integration/*.test.ts empty?');
console.log(`\nVS Code integration suite in code-server, ${Math.round((Date.now() - started) / 1000)} s:`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || noTests ? 1 : 0);

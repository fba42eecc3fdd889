#!/usr/bin/env node
// End-to-end checks: what a person sees of Seed Curator in a real VS Code (code-server)
// driven in Debian chromium by playwright-core, on a copy of test/fixtures/workspace.
// Each step saves a screenshot in test-results/e2e/ (NN-step.png, or NN-step-FAILED.png);
// the closing line is "N passed, N failed". Needs `npm run build` first; installs
// code-server (cached) and chromium when they are missing.
//
// Env: SEED_CURATOR_E2E_TIMEOUT_MS (whole run, default 300000), SEED_CURATOR_E2E_STEP_MS
// (each wait in a step, default 20000), CHROMIUM_PATH, SEED_CURATOR_KEEP_TMP=1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeAllSessions, logger, repo, requireBuilt, screenshot, startSession } from '../vscode/codeServer.mjs';
import { steps } from './steps.mjs';
import { dismiss } from './workbench.mjs';

const outDir = path.join(repo, 'test-results/e2e');
const runTimeoutMs = Number(process.env.SEED_CURATOR_E2E_TIMEOUT_MS || 300_000);
const stepTimeoutMs = Number(process.env.SEED_CURATOR_E2E_STEP_MS || 20_000);
const log = logger('e2e');
const started = Date.now();

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const file = (index, name, suffix = '') =>
  path.join(outDir, `${String(index + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}${suffix}.png`);

/** Playwright's first line ("Timeout exceeded"), and what it was waiting for, from its call log. */
function briefly(err) {
  // The call log is coloured for a terminal: drop the colour codes.
  const lines = String(err?.message ?? err).replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  return [lines[0], ...lines.filter((line) => /waiting for/.test(line)).slice(0, 1).map((line) => line.trim())].join('\n');
}

let session;
const results = [];
let currentStep = 'starting code-server and chromium';
// The whole run has a deadline: a hung browser or server must not hang CI.
let timedOut = false;
let deadlineTimer;
const deadline = new Promise((_, reject) => {
  deadlineTimer = setTimeout(() => {
    timedOut = true;
    reject(new Error(`the end-to-end run took longer than ${runTimeoutMs / 1000} s (at: ${currentStep})`));
  }, runTimeoutMs);
});

async function runSteps() {
  requireBuilt([]);
  session = await startSession({ name: 'e2e', outDir });
  const { page } = session;
  page.setDefaultTimeout(stepTimeoutMs);
  log('workbench opened');
  for (const [index, step] of steps.entries()) {
    // After the deadline the browser is closing under the steps: their failures mean nothing.
    if (timedOut) return;
    currentStep = step.name;
    const stepStarted = Date.now();
    try {
      session.checkAlive();
      await step.run(page, (label) => screenshot(page, file(index, step.name, `-${label}`)));
      await screenshot(page, file(index, step.name));
      results.push({ name: step.name, ok: true, ms: Date.now() - stepStarted });
    } catch (err) {
      if (timedOut) return;
      await screenshot(page, file(index, step.name, '-FAILED'));
      results.push({ name: step.name, ok: false, ms: Date.now() - stepStarted, error: briefly(err) });
    }
    console.log(`  ${results.at(-1).ok ? 'ok  ' : 'FAIL'} ${step.name} (${results.at(-1).ms} ms)`);
    await dismiss(page).catch(() => {});
  }
}

try {
  await Promise.race([runSteps(), deadline]);
} catch (err) {
  results.push({ name: 'end-to-end run', ok: false, error: String(err?.message ?? err) });
  await screenshot(session?.page, path.join(outDir, 'run-FAILED.png'));
} finally {
  clearTimeout(deadlineTimer);
  if (results.some((r) => !r.ok)) session?.keepLogs();
  await closeAllSessions();
}

for (const failure of results.filter((r) => !r.ok)) console.log(`\nFAIL ${failure.name}\n${failure.error}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\nend-to-end in chromium, ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${path.relative(repo, outDir)}/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

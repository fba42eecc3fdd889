#!/usr/bin/env node
// Runs the VS Code integration suite (dist/integration-tests.js) in VS Code desktop
// via @vscode/test-electron. Needs internet (it downloads VS Code into .vscode-test/)
// unless VSCODE_EXECUTABLE points at an installed VS Code binary. Needs `npm run build`
// first. Offline machines: use run-code-server-tests.mjs instead.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// VS Code desktop needs a display: on Linux without one, run again under xvfb-run (which sets DISPLAY).
if (process.platform === 'linux' && !process.env.DISPLAY) {
  const xvfb = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (xvfb.error) {
    console.error('no display and no xvfb-run: install it (`apt-get install -y xvfb`) or set DISPLAY');
    process.exit(1);
  }
  process.exit(xvfb.status ?? 1);
}
if (!fs.existsSync(path.join(repo, 'dist/integration-tests.js'))) {
  console.error('missing dist/integration-tests.js: run `npm run build` first');
  process.exit(1);
}

try {
  await runTests({
    // undefined: download the latest stable VS Code.
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'test/vscode/electron-tests-shim.js'),
    launchArgs: [
      path.join(repo, 'test/fixtures/workspace'), // first argument: the folder to open
      '--disable-extensions', // other installed extensions stay off; ours is the dev extension
      '--disable-workspace-trust',
    ],
  });
} catch (err) {
  console.error(`integration tests failed: ${err?.message ?? err}`);
  process.exit(1);
}

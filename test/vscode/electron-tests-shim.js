// extensionTestsPath for @vscode/test-electron (see run-electron-tests.mjs): VS Code
// calls run() in the extension development host; it must throw if a test fails.
// It lives inside the repo, the extension development path, so `require('vscode')`
// in the suite is attributed to our extension.
'use strict';
const path = require('path');

exports.run = async function run() {
  process.setSourceMapsEnabled(true); // failures point at test/integration/*.ts
  const { run: runSuite } = require(path.resolve(__dirname, '../../dist/integration-tests.js'));
  const results = await runSuite();
  for (const f of results.failures) console.error(`FAIL ${f.title}\n${f.error}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration tests ran');
};

// Test-only extension, copied next to Seed Curator into code-server's extensions
// dir by ../run-code-server-tests.mjs. On startup it runs the mocha suite
// (dist/integration-tests.js, copied here too) inside the extension host and writes
// {passed, failed, failures:[{title, error}], tests} as JSON for the runner to read.
// config.json (written at copy time) gives: testsBundle (absolute path), resultsFile.
// SEED_CURATOR_TEST_RESULTS, if set in the extension host's environment, overrides resultsFile.
'use strict';
const fs = require('fs');
const path = require('path');

function writeResults(file, results) {
  // Write then rename, so the runner never reads a half-written file.
  fs.writeFileSync(file + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(file + '.tmp', file);
}

exports.activate = function activate() {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
  const resultsFile = process.env.SEED_CURATOR_TEST_RESULTS || config.resultsFile;
  // Not awaited: activation returns at once, the suite runs in the background.
  (async () => {
    let results;
    try {
      // Stack traces of failures then point at test/integration/*.ts, not the bundle.
      process.setSourceMapsEnabled(true);
      results = await require(config.testsBundle).run();
    } catch (err) {
      const error = String((err && err.stack) || err);
      results = { passed: 0, failed: 1, failures: [{ title: 'integration test harness', error }], tests: [] };
    }
    writeResults(resultsFile, results);
  })().catch((err) => console.error('[seed-curator test harness]', err));
};

exports.deactivate = function deactivate() {};

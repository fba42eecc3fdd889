// Entry of dist/integration-tests.js (see esbuild.mjs). Runs every
// test/integration/*.test.ts with mocha inside a VS Code extension host, where
// `vscode` is the real API. Called by the code-server harness
// (test/vscode/harness/extension.js) and by the @vscode/test-electron shim.
import Mocha from 'mocha';
import testFiles from 'integration-test-files';

export interface TestResult {
  title: string;
  ok: boolean;
  durationMs?: number;
}

export interface Results {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
  /** Every test (and failing hook) in run order, for the runner's report. */
  tests: TestResult[];
}

export function run(): Promise<Results> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Both styles are available: describe/it (as in the unit tests) and suite/test
  // (as in VS Code's samples). Each call binds one interface's globals.
  mocha.ui('tdd');
  for (const [file, load] of testFiles) {
    // What mocha.loadFiles() does for real files: set the globals, then evaluate.
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    load();
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  return new Promise((resolve) => {
    const results: Results = { passed: 0, failed: 0, failures: [], tests: [] };
    const runner = mocha.run(() => resolve(results));
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), ok: true, durationMs: test.duration });
    });
    runner.on('fail', (test, err: unknown) => {
      results.failed++;
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.failures.push({ title: test.fullTitle(), error });
      results.tests.push({ title: test.fullTitle(), ok: false, durationMs: test.duration });
    });
  });
}

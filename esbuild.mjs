// Bundles the extension client, the language server, the CLI, the benchmark and
// (outside --production) the VS Code integration tests.
// `vscode` is provided by the editor at run time, so it stays external.
import * as esbuild from 'esbuild';
import { readFileSync } from 'fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
import * as fs from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entryPoints = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  // The server's index worker threads (server/src/core/workers/), next to server.js.
  indexWorker: 'server/src/indexWorker.ts',
  cli: 'server/src/cli/main.ts',
  bench: 'bench/main.ts',
  // Preloaded into the server by the soak benchmark to read its heap (bench/heapProbe.ts).
  heapProbe: 'bench/heapProbe.ts',
  // The VS Code integration suite (mocha bundled in), run inside an extension host
  // by test/vscode/run-code-server-tests.mjs or run-electron-tests.mjs.
  // Left out of production builds: it is test code and does not belong in the .vsix.
  ...(production ? {} : { 'integration-tests': 'test/integration/index.ts' }),
};

// `import testFiles from 'integration-test-files'` in test/integration/index.ts:
// a generated module listing every test/integration/*.test.ts as a lazy loader, so
// new test files are picked up without editing index.ts. Lazy because mocha's
// globals (suite/test/describe/it) must exist before a test file is evaluated.
const integrationTestFiles = {
  name: 'integration-test-files',
  setup(build) {
    build.onResolve({ filter: /^integration-test-files$/ }, () => ({
      path: 'integration-test-files',
      namespace: 'integration-test-files',
    }));
    build.onLoad({ filter: /.*/, namespace: 'integration-test-files' }, () => {
      const dir = path.resolve('test/integration');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort();
      const entries = files.map((f) => `[${JSON.stringify(f)}, () => require(${JSON.stringify('./' + f)})]`);
      return { contents: `module.exports = [${entries.join(',\n')}];`, resolveDir: dir, loader: 'js', watchDirs: [dir] };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const options = {
  entryPoints,
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // Prefer ES module builds: some packages' UMD builds (jsonc-parser) use dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  plugins: [integrationTestFiles],
  // Bundled mocha's parallel mode (unused) calls require.resolve on its worker files.
  logOverride: { 'require-resolve-not-external': 'silent' },
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  define: { SEED_CURATOR_VERSION: JSON.stringify(version) },
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}

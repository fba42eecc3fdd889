// Generated at build time by the `integration-test-files` plugin in esbuild.mjs:
// [file name, loader] for each test/integration/*.test.ts.
declare module 'integration-test-files' {
  const testFiles: [file: string, load: () => unknown][];
  export default testFiles;
}

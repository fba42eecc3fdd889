import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Report } from '../core/report';
import { runCli } from './main';
import { inTemporaryFolder } from '../core/fixtures/temporaryFolder';

const WORKSPACE = path.join(__dirname, '../../../test/fixtures/workspace');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

describe('seed-curator CLI', () => {
  it('writes a versioned JSON report with 1-based inclusive article lines', async () => {
    const { code, stdout } = await run('scan', WORKSPACE, '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as Report;
    assert.equal(report.reportVersion, 1);
    const file = report.files.find((f) => f.path === 'community-care.txt');
    assert.deepEqual(
      file?.articles.map((a) => [a.title, a.startLine, a.endLine]),
      [
        ['Pharmacists take on blood pressure checks', 1, 15],
        ['Will the new walk-in centre ease pressure on A&E?', 17, 23],
      ],
    );
    assert.deepEqual(report.skipped, [{ path: 'scanned-page.txt', message: 'binary file (contains NUL bytes)' }]);
    assert.equal(report.summary.files, 7);
    assert.ok(report.files.some((f) => f.path === 'notes/reading-list.md'));
  });

  it('prints one finding per line as path:line:col, then a summary', async () => {
    const { code, stdout } = await run('scan', WORKSPACE);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.includes('scanned-page.txt:1:1: warning: skipped: binary file (contains NUL bytes)'));
    // Every word of the second article (lines 17–23): title, date line and body.
    const source = (await fs.readFile(path.join(WORKSPACE, 'community-care.txt'), 'utf8')).split('\n');
    const words = source.slice(16, 23).join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    assert.ok(lines.includes(`community-care.txt:17:1: info: article "Will the new walk-in centre ease pressure on A&E?" (lines 17–23, ${words} words)`));
    assert.match(lines.at(-1) ?? '', /^Scanned .*workspace: 7 files, 9 articles, 1 skipped[,.]/);
    assert.match(lines.at(-1) ?? '', /, 1 duplicate group, \d+ organisations, \d+ organisation mentions, \d+ themes\.$/);
  });

  it('writes the report to a file with --out', async () => {
    await inTemporaryFolder('seed-cli-', async (folder) => {
      const out = path.join(folder, 'report.json');
      const { code, stdout } = await run('scan', WORKSPACE, '--format', 'json', '--out', out);
      assert.equal(code, 0);
      assert.equal(stdout, '');
      assert.equal((JSON.parse(await fs.readFile(out, 'utf8')) as Report).summary.files, 7);
    });
  });

  it('exits 2 with a clear message on usage and I/O errors', async () => {
    const cases: [string[], RegExp][] = [
      [[], /missing command/],
      [['scan'], /scan needs a folder/],
      [['frobnicate', '.'], /unknown command "frobnicate"/],
      [['scan', WORKSPACE, '--format', 'xml'], /unknown format "xml"/],
      [['scan', path.join(WORKSPACE, 'no-such-folder')], /is not a folder/],
      [['scan', WORKSPACE, '--bogus'], /Unknown option '--bogus'/],
      [['scan', WORKSPACE, '--out', path.join(WORKSPACE, 'missing-dir', 'r.json')], /ENOENT/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });
});

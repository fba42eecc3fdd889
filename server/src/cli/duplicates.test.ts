import { strict as assert } from 'assert';
import { promises as fs, readdirSync, readlinkSync } from 'fs';
import * as path from 'path';
import type { ReportedDuplicate } from '../core/duplicates/report';
import { addIgnoredPassages } from '../core/duplicates/ignore-list';
import { defaultSettings } from '../settings';
import { scanDuplicates } from './duplicates';
import { runCli } from './main';
import { temporaryFolder } from '../core/fixtures/temporaryFolder';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/duplicates');

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
}

/** What this process has open of its scratch files for texts (removed from their folder, so named "… (deleted)" on Linux). */
function openScratchFiles(): string[] {
  const links = readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  });
  return links.filter((link) => link.includes(`seed-curator-texts-${process.pid}-`));
}

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: () => undefined, interactive: false });
  return { code, stdout };
}

describe('seed-curator scan: duplicates', () => {
  const folder = temporaryFolder('seed-cli-dup-');
  let harbour: string;

  before(async () => {
    const read = async (name: string) => (await fs.readFile(path.join(FIXTURES, `${name}.txt`), 'utf8')).trimEnd();
    harbour = await read('harbour');
    await fs.writeFile(path.join(folder(), 'a.txt'), `${harbour}\n\n${await read('orchard')}\n`);
    await fs.mkdir(path.join(folder(), 'sub'));
    await fs.writeFile(path.join(folder(), 'sub', 'b.txt'), `${await read('library')}\n\n${harbour.replace(/\n\n/g, '\n')}\n`);
    await fs.writeFile(path.join(folder(), 'c.txt'), `${await read('unrelated')}\n`);
  });

  it('adds duplicates[] with 1-based ranges to the JSON report', async () => {
    const { code, stdout } = await run('scan', folder(), '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { duplicates: ReportedDuplicate[]; summary: Record<string, number> };
    assert.equal(report.summary.duplicateGroups, 1);
    const [group] = report.duplicates;
    assert.equal(group.kind, 'exact');
    assert.equal(group.similarity, 1);
    assert.deepEqual(
      group.passages.map((p) => [p.path, p.startLine, p.startColumn, p.endLine, p.endColumn]),
      [
        ['a.txt', 1, 1, 7, harbour.split('\n')[6].length + 1],
        [path.join('sub', 'b.txt'), 9, 1, 12, harbour.split('\n')[6].length + 1],
      ],
    );
  });

  it('exits with 1 under --fail-on-duplicates when a group is found, and writes SARIF 2.1.0', async () => {
    const { code, stdout } = await run('scan', folder(), '--format', 'sarif', '--fail-on-duplicates');
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.equal(results.length, 2);
    assert.equal(results[0].ruleId, 'duplicate-passage');
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.txt');
    assert.equal(results[0].relatedLocations[0].physicalLocation.artifactLocation.uri, 'sub/b.txt');
    assert.deepEqual(results[1].locations[0].physicalLocation.region.startLine, 9);
  });

  it('writes in SARIF the passages and messages of the JSON report (a SARIF scan looks for nothing else)', async () => {
    const report = JSON.parse((await run('scan', folder(), '--format', 'json')).stdout) as { duplicates: ReportedDuplicate[] };
    const sarif = JSON.parse((await run('scan', folder(), '--format', 'sarif')).stdout);
    const fromJson = report.duplicates.flatMap((group) => group.passages.map((p) => [p.path.split(path.sep).join('/'), p.startLine, p.startColumn, p.endLine, p.endColumn, p.message]));
    const fromSarif = sarif.runs[0].results.map((result: { locations: SarifLocation[]; message: { text: string } }) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      return [artifactLocation.uri, region.startLine, region.startColumn, region.endLine, region.endColumn, result.message.text];
    });
    assert.deepEqual(fromSarif, fromJson);
    assert.match(String(fromSarif[1][5]), /^This article duplicates /, 'the whole-article copy is named by its title');
  });

  it('keeps the texts of a SARIF scan in a scratch file while it runs, and closes it after, even when the scan fails', async function () {
    if (process.platform !== 'linux') this.skip();
    // Other tests run in this process may have left scratch files of their own open (a workspace indexer keeps one for its life).
    const openBefore = new Set(openScratchFiles());
    const openedSince = (): string[] => openScratchFiles().filter((link) => !openBefore.has(link));
    const openDuring: string[][] = [];
    const scan = await scanDuplicates(folder(), { ...defaultSettings, onProgress: () => openDuring.push(openedSince()) });
    assert.equal(scan.groups.length, 1);
    assert.ok(openDuring.length > 0 && openDuring.every((open) => open.length === 1), `open during the scan: ${JSON.stringify(openDuring)}`);
    assert.deepEqual(openedSince(), []);
    const failing = scanDuplicates(folder(), {
      ...defaultSettings,
      onProgress: () => {
        throw new Error('stopped');
      },
    });
    await assert.rejects(failing, /stopped/);
    assert.deepEqual(openedSince(), []);
  });

  it('keeps the texts of a SARIF scan in memory, saying so, when no temporary file can be made', async () => {
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(folder(), 'no such folder');
    let stderr = '';
    try {
      const code = await runCli(['scan', folder(), '--format', 'sarif'], { stdout: () => undefined, stderr: (text) => (stderr += text), interactive: false });
      assert.equal(code, 0);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    assert.match(stderr, /^seed-curator: File texts are kept in memory: no temporary file could be made \(.*ENOENT.*\)\.\n$/);
  });

  it('honours the folder ignore list, and then --fail-on-duplicates passes', async () => {
    const before = JSON.parse((await run('scan', folder(), '--format', 'json')).stdout) as { duplicates: ReportedDuplicate[] };
    const entries = before.duplicates[0].passages.map((p) => ({ fingerprint: p.fingerprint, words: p.words, preview: '' }));
    addIgnoredPassages(folder(), entries.slice(0, 1));
    const { code, stdout } = await run('scan', folder(), '--format', 'json', '--fail-on-duplicates');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).duplicates, []);
    const sarif = await run('scan', folder(), '--format', 'sarif', '--fail-on-duplicates');
    assert.equal(sarif.code, 0);
    assert.deepEqual(JSON.parse(sarif.stdout).runs[0].results, []);
  });

  it('says in SARIF that the run read every file: one successful invocation without notifications', async () => {
    const sarif = JSON.parse((await run('scan', folder(), '--format', 'sarif')).stdout);
    assert.deepEqual(sarif.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});

describe('seed-curator scan --format sarif: files the scan did not check', () => {
  // Thirty words, above the 25 of the shortest duplicated passage.
  const PASSAGE =
    'The county archive moved its parish registers to a dry basement store last spring, and volunteers now photograph every fragile page before any visitor is allowed to turn it by hand.';
  const folder = temporaryFolder('seed-cli-sarif-skipped-');
  let sarif: { runs: { results: { locations: SarifLocation[] }[]; invocations: unknown }[] };

  before(async () => {
    await fs.writeFile(path.join(folder(), 'first.txt'), `Archive news\n\n${PASSAGE}\n`);
    await fs.writeFile(path.join(folder(), 'second.txt'), `Volunteers wanted\n\n${PASSAGE}\n`);
    // A space in the path: the notification's URI must be encoded as the results' are.
    await fs.mkdir(path.join(folder(), 'scans'));
    await fs.writeFile(path.join(folder(), 'scans', 'page one.txt'), Buffer.from('%PDF-1.4\0\0binary', 'latin1'));
    await fs.writeFile(path.join(folder(), 'latin1.txt'), Buffer.from('Caf\xe9 opening hours\n', 'latin1'));
    sarif = JSON.parse((await run('scan', folder(), '--format', 'sarif')).stdout);
  });

  it('still reports the duplicated passage of the files it read', () => {
    const uris = sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['first.txt', 'second.txt']);
  });

  it('names a skipped file with its reason in a warning notification of the invocation, and a file read with a warning in a note', () => {
    // Property names of SARIF 2.1.0: invocation (§3.20) executionSuccessful (§3.20.14) and
    // toolExecutionNotifications (§3.20.21); notification (§3.58) locations, message, level.
    const fileLocation = (uri: string) => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' } } }];
    assert.deepEqual(sarif.runs[0].invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'warning', message: { text: 'skipped: binary file (contains NUL bytes)' }, locations: fileLocation('scans/page%20one.txt') },
          { level: 'note', message: { text: 'not valid UTF-8: invalid bytes shown as U+FFFD' }, locations: fileLocation('latin1.txt') },
        ],
      },
    ]);
  });
});

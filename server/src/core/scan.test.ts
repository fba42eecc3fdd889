import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Corpus } from './corpus';
import { fingerprintsAnalysis } from './duplicates/analysis';
import { duplicatesReport, findDuplicates } from './duplicates/report';
import { ScanResult, scanFolder } from './scan';
import { story } from './workers/fixtures/stories';
import { stateOf } from './fixtures/indexedFiles';
import { temporaryFolder } from './fixtures/temporaryFolder';

const INDEX_WORKER = path.join(__dirname, '../indexWorker.ts');
const CRASHING_WORKER = path.join(__dirname, 'workers/fixtures/crashingWorker.ts');
const OPTIONS = { include: ['**/*.txt'], exclude: ['**/ignored/**'], maxFileSizeKB: 8 };
/** More files than the DiskIndexer indexes in this thread before it starts workers. */
const FILES = 300;

/**
 * A story whose paragraph is its own (the fixture's stories about one place share theirs,
 * too often to be more than boilerplate); every tenth story quotes the next one's.
 */
function numberedStory(n: number): string {
  const paragraph = (k: number) => story(k).split('\n')[4].replace(/\b(\w+)\b/g, `$1${k}`);
  return [`Notes on the footbridge, part ${n}`, '', paragraph(n), '', ...(n % 10 === 0 ? [paragraph(n + 1), ''] : [])].join('\n');
}

describe('scanning a folder', function () {
  // Worker threads load the TypeScript sources through tsx: slow to start.
  this.timeout(60_000);
  const root = temporaryFolder('seed-scan-');

  before(async () => {
    await fs.mkdir(path.join(root(), 'later'));
    await fs.mkdir(path.join(root(), 'ignored'));
    for (let n = 0; n < FILES; n++) await fs.writeFile(path.join(root(), n % 3 === 0 ? 'later' : '', `story-${n}.txt`), numberedStory(n));
    await fs.writeFile(path.join(root(), 'ignored', 'story.txt'), story(1));
    await fs.writeFile(path.join(root(), 'empty.txt'), '');
    await fs.writeFile(path.join(root(), 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    await fs.writeFile(path.join(root(), 'huge.txt'), 'word '.repeat(4000));
    await fs.writeFile(path.join(root(), 'latin1.txt'), Buffer.concat([Buffer.from(story(7)), Buffer.from([0xe9, 0x0a])]));
  });

  /** Everything a scan found, in its order, with each line index reduced to its line count. */
  const plain = ({ corpus, skipped, warnings }: ScanResult) => ({
    files: [...corpus.all()].map(stateOf),
    skipped,
    warnings,
    duplicates: duplicatesReport(findDuplicates(corpus)),
  });

  it('finds the same files, notes and duplicates on worker threads as in this thread, in the order of the walk', async () => {
    const warnings: string[] = [];
    const inThread = plain(await scanFolder(root(), OPTIONS));
    const onWorkers = plain(await scanFolder(root(), { ...OPTIONS, workerScript: INDEX_WORKER, onWarning: (message) => warnings.push(message) }));
    assert.deepEqual(warnings, []);
    assert.deepEqual(onWorkers, inThread);
    assert.equal(inThread.files.length, FILES + 2);
    assert.deepEqual(
      inThread.files.slice(0, 3).map((file) => file.relativePath),
      ['empty.txt', 'latin1.txt', 'story-1.txt'],
    );
    assert.equal(inThread.files.at(-1)?.relativePath, 'later/story-99.txt');
    assert.deepEqual(
      inThread.skipped.map((note) => note.path),
      ['huge.txt', 'scan.txt'],
    );
    assert.deepEqual(inThread.warnings, [{ path: 'latin1.txt', message: 'not valid UTF-8: invalid bytes shown as U+FFFD' }]);
    // Every tenth story quotes the next one: one group of two copies each.
    assert.deepEqual(
      inThread.duplicates.map((group) => group.passages.length),
      new Array(FILES / 10).fill(2),
    );
  });

  it('finds the same duplicates and articles when files are split only as they are read, on worker threads or not', async () => {
    const fingerprinted = (articlesWhenRead: boolean) => new Corpus({ analyses: [fingerprintsAnalysis], articlesWhenRead });
    const eager = await scanFolder(root(), OPTIONS, fingerprinted(false));
    const expected = duplicatesReport(findDuplicates(eager.corpus));
    for (const workerScript of [undefined, INDEX_WORKER]) {
      const lazy = await scanFolder(root(), { ...OPTIONS, workerScript }, fingerprinted(true));
      // The duplicates first: finding them reads the articles of the files that share passages only.
      assert.deepEqual(duplicatesReport(findDuplicates(lazy.corpus)), expected);
      assert.deepEqual(plain(lazy), plain(eager));
    }
  });

  it('goes on in this thread when the workers fail, saying so once', async () => {
    const warnings: string[] = [];
    const fallback = plain(await scanFolder(root(), { ...OPTIONS, workerScript: CRASHING_WORKER, onWarning: (message) => warnings.push(message) }));
    assert.deepEqual(fallback, plain(await scanFolder(root(), OPTIONS)));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^Index worker threads failed \(worker thread exited with code 70\)/);
  });
});

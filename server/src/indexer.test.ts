import { strict as assert } from 'assert';
import { promises as fs, writeFileSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Corpus, IndexedFile, indexFile } from './core/corpus';
import { capitalsAnalysis } from './core/workers/fixtures/capitalsAnalysis';
import { story } from './core/workers/fixtures/stories';
import { WorkspaceIndexer } from './indexer';
import { defaultSettings } from './settings';
import { stateOf } from './core/fixtures/indexedFiles';
import { inTemporaryFolder, temporaryFolder } from './core/fixtures/temporaryFolder';

const WORKER = path.join(__dirname, 'core/workers/fixtures/analysisWorker.ts');
/** More than the files indexed in the server thread before workers start, and than one batch. */
const FILES = 320;

describe('workspace indexer with an index cache', function () {
  this.timeout(60_000);
  const workspace = temporaryFolder('seed-indexer-');
  let storage: string;
  let logs: string[];
  const log = { info: (message: string) => logs.push(message), warn: (message: string) => logs.push(message), error: (message: string) => logs.push(message) };

  /** A fresh server's scan: a new corpus and indexer on the same storage folder. */
  /** `storageFolder`: null for none. */
  const scan = async ({ storageFolder = storage as string | null } = {}): Promise<{ corpus: Corpus; batches: number[] }> => {
    logs = [];
    const corpus = new Corpus({ analyses: [capitalsAnalysis] });
    const batches: number[] = [];
    corpus.onChange((change) => batches.push(change.updated.length));
    const indexer = new WorkspaceIndexer(corpus, () => defaultSettings, log, { workerScript: WORKER });
    indexer.setStorageFolder(storageFolder ?? undefined);
    await indexer.scan([{ uri: URI.file(workspace()).toString(), name: 'news' }], { report: () => undefined });
    await indexer.saveCache();
    return { corpus, batches };
  };
  const state = (corpus: Corpus): unknown[] => [...corpus.all()].map(stateOf);
  /** Files from the cache, and files indexed (on workers or not), from the log. */
  const counts = (): { cached: number; indexed: number } => {
    const line = logs.find((candidate) => candidate.startsWith('Index: ')) ?? '';
    const found = /^Index: (\d+) from the index cache, (?:(\d+) on \d+ worker threads, )?(\d+) indexed in the server thread\.$/.exec(line);
    assert.ok(found, logs.join('\n'));
    return { cached: Number(found[1]), indexed: Number(found[2] ?? 0) + Number(found[3]) };
  };

  before(async () => {
    storage = path.join(workspace(), '.storage');
    for (let n = 0; n < FILES; n++) {
      await fs.mkdir(path.join(workspace(), `area-${n % 7}`), { recursive: true });
      await fs.writeFile(path.join(workspace(), `area-${n % 7}`, `story-${n}.txt`), story(n));
    }
    await fs.writeFile(path.join(workspace(), 'scan.txt'), Buffer.from([0x00, 0x01, 0x02]));
  });

  it('indexes on workers, then starts from the cache with the same corpus, in the same order', async () => {
    const cold = await scan();
    assert.deepEqual(counts(), { cached: 0, indexed: FILES });
    assert.ok(logs.some((line) => /^Index: 0 from the index cache, \d+ on \d+ worker threads, \d+ indexed in the server thread\.$/.test(line)), logs.join('\n'));
    assert.ok(logs.includes('Skipped scan.txt: binary file (contains NUL bytes)'), logs.join('\n'));
    assert.ok(logs.some((line) => /^Index cache: saved 320 entries/.test(line)), logs.join('\n'));
    assert.equal(cold.corpus.size, FILES);
    // Applied in batches, so that requests are served in between.
    assert.deepEqual(cold.batches, [64, 64, 64, 64, 64]);

    const warm = await scan();
    assert.deepEqual(counts(), { cached: FILES, indexed: 0 });
    assert.ok(logs.some((line) => /^Index cache: 320 entries read from .*index-cache\.bin in \d+ ms\.$/.test(line)), logs.join('\n'));
    assert.ok(logs.includes('Skipped scan.txt: binary file (contains NUL bytes)'));
    assert.ok(!logs.some((line) => line.startsWith('Index cache: saved')), 'nothing new to save');
    assert.deepEqual(state(warm.corpus), state(cold.corpus));
  });

  it('indexes again only the files that changed, were added or replaced by something else', async () => {
    await scan();
    await fs.writeFile(path.join(workspace(), 'area-3', 'story-3.txt'), story(3).replace('eight months', 'nine months'));
    await fs.writeFile(path.join(workspace(), 'area-0', 'added.txt'), story(1000));
    await fs.rm(path.join(workspace(), 'area-1', 'story-1.txt'));
    const { corpus } = await scan();
    assert.deepEqual(counts(), { cached: FILES - 2, indexed: 2 });
    const expected = [...corpus.all()].map((file): IndexedFile => indexFile(file, [capitalsAnalysis]));
    assert.deepEqual(state(corpus), expected.map(stateOf));
  });

  it('reads back the texts it indexed, whatever happens to the files on disk until it is told', async () => {
    const { corpus } = await scan();
    const file = path.join(workspace(), 'area-2', 'story-2.txt');
    const indexed = corpus.get(URI.file(file).toString())!;
    await fs.writeFile(file, 'Rewritten since the scan.');
    assert.equal(indexed.text, story(2));
    assert.equal(indexed.lines.lineText(0), story(2).split('\n')[0]);
  });

  it('keeps the texts in a temporary file, saying why, when the storage folder cannot take them', async () => {
    const { corpus } = await scan({ storageFolder: path.join(workspace(), 'scan.txt', 'storage') });
    assert.equal(logs.filter((line) => /^Texts file .*texts\.bin could not be opened \(.*ENOTDIR.*\); texts are kept in a temporary file\.$/.test(line)).length, 1, logs.join('\n'));
    assert.equal(corpus.size, FILES);
    assert.equal(corpus.get(URI.file(path.join(workspace(), 'area-5', 'story-5.txt')).toString())?.text, story(5));
  });

  it('keeps the texts in memory, saying so once, when there is no storage folder and no temporary file can be made', async () => {
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(workspace(), 'no such folder');
    try {
      const { corpus } = await scan({ storageFolder: null });
      assert.equal(logs.filter((line) => /^File texts are kept in memory: no temporary file could be made \(.*ENOENT.*\)\.$/.test(line)).length, 1, logs.join('\n'));
      assert.equal(corpus.get(URI.file(path.join(workspace(), 'area-4', 'story-4.txt')).toString())?.text, story(4));
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
  });
});

describe('workspace indexer, files changed during a scan', () => {
  it('keeps a file added during a scan in a folder the walk had listed, and drops one gone since the last scan', async () => {
    await inTemporaryFolder('seed-during-', async (root) => {
      for (let n = 0; n < 200; n++) {
        await fs.mkdir(path.join(root, `area-${n % 4}`), { recursive: true });
        await fs.writeFile(path.join(root, `area-${n % 4}`, `story-${n}.txt`), story(n));
      }
      const corpus = new Corpus();
      const indexer = new WorkspaceIndexer(corpus, () => defaultSettings, { info: () => undefined, warn: () => undefined, error: () => undefined });
      const folders = [{ uri: URI.file(root).toString(), name: 'news' }];
      /**
       * The first report comes after a batch of files: the root folder was listed before any
       * of them. The file is applied as a change the editor reported would be (see fileChanged),
       * at once rather than after reading it, so that it is in before the scan ends.
       */
      const addedAtFirstReport = (name: string) => {
        let added = false;
        return () => {
          if (added) return;
          added = true;
          const file = path.join(root, name);
          writeFileSync(file, story(999));
          corpus.apply([{ uri: URI.file(file).toString(), relativePath: name, text: story(999) }]);
        };
      };
      const uriOf = (name: string) => URI.file(path.join(root, name)).toString();
      await indexer.scan(folders, { report: addedAtFirstReport('late.txt') });
      assert.ok(corpus.get(uriOf('late.txt')), 'first scan');
      await fs.rm(path.join(root, 'area-0', 'story-0.txt'));
      await indexer.scan(folders, { report: addedAtFirstReport('later.txt') });
      assert.ok(corpus.get(uriOf('later.txt')), 'second scan');
      assert.equal(corpus.get(uriOf('area-0/story-0.txt')), undefined);
      assert.equal(corpus.size, 201);
    });
  });
});

describe('workspace indexer folders', () => {
  it('tells which workspace folder holds a file, and none for files elsewhere', async () => {
    await inTemporaryFolder('seed-folders-', async (root) => {
      const news = path.join(root, 'news');
      const notes = path.join(root, 'news notes');
      await fs.mkdir(path.join(news, 'uk'), { recursive: true });
      await fs.mkdir(notes);
      await fs.writeFile(path.join(news, 'uk', 'a.txt'), 'A story.\n');
      const indexer = new WorkspaceIndexer(new Corpus(), () => defaultSettings, { info: () => undefined, warn: () => undefined, error: () => undefined });
      const folders = [news, notes].map((folder) => ({ uri: URI.file(folder).toString(), name: path.basename(folder) }));
      await indexer.scan(folders, { report: () => undefined });
      assert.deepEqual(indexer.folderPaths(), [news, notes]);
      assert.equal(indexer.folderOf(URI.file(path.join(news, 'uk', 'a.txt')).toString()), news);
      // A sibling whose name starts with the folder's is not inside it.
      assert.equal(indexer.folderOf(URI.file(path.join(notes, 'b.txt')).toString()), notes);
      assert.equal(indexer.folderOf(URI.file(path.join(root, 'c.txt')).toString()), undefined);
      assert.equal(indexer.folderOf(URI.file(news).toString()), undefined);
      assert.equal(indexer.folderOf('untitled:Untitled-1'), undefined);
    });
  });
});

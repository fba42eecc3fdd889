import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileAnalysis } from '../analyses';
import { IndexCache, decodeEntry } from '../cache/indexCache';
import { Corpus, IndexedFile, analyseText, indexFile } from '../corpus';
import { readTextFile } from '../files';
import { splitArticles } from '../articles';
import { LineIndex } from '../text';
import { DiskFile, indexFromDisk, shareLineBuffers } from './diskFiles';
import { DiskIndexer, DiskIndexerOptions, ScannedFile } from './diskIndexer';
import { indexInWalkOrder } from './inWalkOrder';
import { ScratchFile } from '../scratchFile';
import { KnownFile, KnownFiles } from '../cache/knownFiles';
import { capitalsAnalysis } from './fixtures/capitalsAnalysis';
import { story } from './fixtures/stories';
import { keyOf } from '../duplicates/fingerprint-index';
import { BatchHalf, seedsOfHalf } from '../duplicates/freshBatch';
import { stateOf } from '../fixtures/indexedFiles';
import { temporaryFolder } from '../fixtures/temporaryFolder';

const ANALYSIS_WORKER = path.join(__dirname, 'fixtures/analysisWorker.ts');
const CRASHING_WORKER = path.join(__dirname, 'fixtures/crashingWorker.ts');
const MAX_BYTES = 8 * 1024;

describe('indexing files from disk', function () {
  // Worker threads load the TypeScript sources through tsx: slow to start.
  this.timeout(60_000);
  const folder = temporaryFolder('seed-disk-');
  let files: DiskFile[];
  let logs: string[];
  const log = { info: (message: string) => logs.push(message), warn: (message: string) => logs.push(message) };

  const write = async (name: string, content: string | Buffer): Promise<DiskFile> => {
    const filePath = path.join(folder(), name);
    await fs.writeFile(filePath, content);
    return { uri: `file://${filePath}`, relativePath: name, path: filePath };
  };

  const indexer = (options: Partial<DiskIndexerOptions>): DiskIndexer =>
    new DiskIndexer({ maxBytes: MAX_BYTES, analyses: [capitalsAnalysis], cache: IndexCache.disabled(log), log, workers: 2, inThreadFiles: 0, ...options });

  /** Jobs of a few files, as a scan hands them out. */
  const indexAll = async (disk: DiskIndexer, all = files): Promise<ScannedFile[]> => {
    const jobs: Promise<ScannedFile[]>[] = [];
    for (let i = 0; i < all.length; i += 4) jobs.push(disk.index(all.slice(i, i + 4)));
    const results = (await Promise.all(jobs)).flat();
    await disk.close();
    return results;
  };

  /** Everything a result says, with the line index reduced to its line count. */
  const plain = (results: ScannedFile[]): unknown[] =>
    results.map((result) => {
      if (result.kind === 'skipped') return { skipped: result.file.relativePath, reason: result.reason };
      return { ...stateOf(result.file), warning: result.warning };
    });

  before(async () => {
    files = [];
    for (let n = 0; n < 12; n++) files.push(await write(`story-${n}.txt`, story(n)));
    files.push(await write('empty.txt', ''));
    files.push(await write('scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])));
    files.push(await write('huge.txt', 'word '.repeat(MAX_BYTES)));
    files.push(await write('latin1.txt', Buffer.concat([Buffer.from(story(99)), Buffer.from([0xe9, 0x0a])])));
    files.push({ uri: `file://${folder()}/gone.txt`, relativePath: 'gone.txt', path: path.join(folder(), 'gone.txt') });
  });
  beforeEach(() => {
    logs = [];
  });

  it('gives the same results on worker threads as in this thread, bad files included', async () => {
    const inThread = await indexAll(indexer({ workerScript: undefined }));
    const onWorkers = indexer({ workerScript: ANALYSIS_WORKER });
    const results = await indexAll(onWorkers);
    assert.match(onWorkers.summary(), /^0 from the index cache, 14 on 2 worker threads, 0 indexed in the server thread$/);
    assert.deepEqual(plain(results), plain(inThread));
    assert.deepEqual(logs, []);
    // And the same as the corpus indexing the same texts itself.
    const byCorpus = results.map((result) =>
      result.kind === 'skipped' ? result : { ...result, file: indexFile(result.file, [capitalsAnalysis]) },
    );
    assert.deepEqual(plain(results), plain(byCorpus));

    const skipped = results.filter((result) => result.kind === 'skipped').map((result) => [result.file.relativePath, result.kind === 'skipped' && result.reason]);
    assert.deepEqual(skipped, [
      ['scan.txt', 'binary file (contains NUL bytes)'],
      ['huge.txt', 'too large (40 KB > 8 KB limit)'],
      ['gone.txt', 'file no longer exists (deleted while being read)'],
    ]);
    const latin1 = results.find((result) => result.file.relativePath === 'latin1.txt');
    assert.equal(latin1?.kind === 'indexed' && latin1.warning, 'not valid UTF-8: invalid bytes shown as U+FFFD');
    const first = results[0].kind === 'indexed' ? results[0].file : undefined;
    assert.equal(first?.articles[0].title, 'Footbridge in Kendal to reopen after repairs 0');
    assert.deepEqual(first.analyses[capitalsAnalysis.name], capitalsAnalysis.analyse(first));
  });

  it('gives the same results on workers with a small young generation (a duplicates scan\'s workerLimits)', async () => {
    const inThread = await indexAll(indexer({ workerScript: undefined }));
    const limited = indexer({ workerScript: ANALYSIS_WORKER, workerLimits: { maxYoungGenerationSizeMb: 6 } });
    const results = await indexAll(limited);
    assert.match(limited.summary(), /14 on 2 worker threads/);
    assert.deepEqual(plain(results), plain(inThread));
    assert.deepEqual(logs, []);
  });

  it('indexes the jobs its workers cannot take yet in this thread when it helps them, as they would, with one worker fewer', async () => {
    const texts = ScratchFile.create('test');
    try {
      const cores = Math.min(8, os.availableParallelism());
      const helped = indexer({ workerScript: ANALYSIS_WORKER, texts, workers: undefined, helpWorkers: true });
      const results = await indexAll(helped);
      // Jobs of 4 files, all given at once: a worker holds two, this thread takes the next.
      const [, onWorkers, inThread] = /^0 from the index cache, (\d+) on (\d+) worker threads, (\d+) indexed in the server thread$/.exec(helped.summary()) ?? [];
      assert.ok(Number(onWorkers) > 0 && Number(inThread) > 0, helped.summary());
      assert.match(helped.summary(), new RegExp(` on ${Math.max(1, cores - 1)} worker threads`));
      assert.deepEqual(plain(results), plain(await indexAll(indexer({ workerScript: undefined }))));
      assert.deepEqual(logs, []);
    } finally {
      texts.close();
    }
  });

  it('keeps the texts the workers read in the shared scratch file, each once and whole, the server thread appending beside them', async () => {
    const texts = ScratchFile.create('test');
    try {
      const onWorkers = indexer({ workerScript: ANALYSIS_WORKER, texts });
      const jobs = [];
      let ownBytes = 0;
      for (let i = 0; i < files.length; i += 2) {
        jobs.push(onWorkers.index(files.slice(i, i + 2)));
        ownBytes += texts.appendText(`the server's own text ${i}`).length;
      }
      const results = (await Promise.all(jobs)).flat();
      await onWorkers.close();
      assert.match(onWorkers.summary(), /14 on 2 worker threads/);
      assert.deepEqual(plain(results), plain(await indexAll(indexer({ workerScript: undefined }))));
      const indexedBytes = results.reduce((sum, result) => sum + (result.kind === 'indexed' ? Buffer.byteLength(result.file.text) : 0), 0);
      assert.equal(Number(new BigInt64Array(texts.share().end)[0]), indexedBytes + ownBytes);
    } finally {
      texts.close();
    }
  });

  /** A first scan on workers, its texts kept in a scratch file and its indexes in a cache; then `then`, with the files it read as the known files list them. */
  const afterFirstScan = async (cacheName: string, then: (scan: { texts: ScratchFile; cache: IndexCache; read: KnownFile[] }) => Promise<void>): Promise<void> => {
    const texts = ScratchFile.create('test');
    const cache = await IndexCache.open(path.join(folder(), cacheName), 'test', log);
    try {
      const first = await indexAll(indexer({ workerScript: ANALYSIS_WORKER, texts, cache }));
      await then({ texts, cache, read: first.flatMap((result) => (result.kind === 'indexed' && result.known ? [result.known] : [])) });
    } finally {
      cache.close();
      texts.close();
    }
  };

  /** Indexes the files again knowing `known`, on workers and in this thread, each time as a fresh index would; gives the summaries. */
  const againKnowing = async (known: KnownFile[], texts: ScratchFile, cache: IndexCache): Promise<string[]> => {
    const fresh = plain(await indexAll(indexer({ workerScript: undefined })));
    const summaries: string[] = [];
    for (const workerScript of [ANALYSIS_WORKER, undefined]) {
      const again = indexer({ workerScript, texts, cache, known: KnownFiles.of(known, 0) });
      assert.deepEqual(plain(await indexAll(again)), fresh);
      summaries.push(again.summary());
    }
    return summaries;
  };

  it('does not read again the files known unchanged since a scan read them, on workers and in this thread alike', () =>
    afterFirstScan('known-cache.bin', async ({ texts, cache, read }) => {
      // Every file read but the one not valid UTF-8, whose text is not its bytes.
      assert.deepEqual(read.map((known) => path.basename(known.path)), [...files.slice(0, 12).map((file) => file.relativePath), 'empty.txt']);
      await write('story-1.txt', story(101));
      try {
        for (const summary of await againKnowing(read, texts, cache)) assert.match(summary, /^1[34] from the index cache \(12 not read: unchanged since last read\), /);
      } finally {
        await write('story-1.txt', story(1));
      }
    }));

  it('reads again a file known unchanged whose index the cache does not hold, on workers and in this thread alike', () =>
    afterFirstScan('known-uncached.bin', async ({ texts, cache, read }) => {
      const oneUncached = read.map((known, i) => (i === 3 ? { ...known, hash: 'an index the cache does not hold' } : known));
      for (const summary of await againKnowing(oneUncached, texts, cache)) assert.match(summary, /\(12 not read: unchanged since last read\), /);
    }));

  it('starts no worker thread for files known unchanged: only the files it reads count', () =>
    afterFirstScan('known-no-workers.bin', async ({ texts, cache, read }) => {
      // 14 files, more than it reads in this thread; all known but the one not valid UTF-8.
      const again = indexer({ workerScript: ANALYSIS_WORKER, inThreadFiles: 5, texts, cache, known: KnownFiles.of(read, 0) });
      assert.deepEqual(plain(await indexAll(again)), plain(await indexAll(indexer({ workerScript: undefined }))));
      assert.equal(again.summary(), '14 from the index cache (13 not read: unchanged since last read), 0 indexed in the server thread');
    }));

  it('gives back where it put a text and its lines, not the text, when it has a scratch file for texts', async () => {
    const texts = ScratchFile.create('test');
    try {
      const options = { maxBytes: MAX_BYTES, cached: new Set<string>(), analyses: [capitalsAnalysis], articlesWhenRead: false, encodeForCache: false, read: readTextFile, texts };
      const result = await indexFromDisk(files[1].path, options);
      assert.ok(result.kind === 'indexed' && 'stored' in result && !('text' in result), JSON.stringify(result));
      assert.equal(texts.read(result.stored).toString('utf8'), story(1));
      assert.equal(result.length, story(1).length);
      const lines = new LineIndex(story(1));
      assert.deepEqual(result.lines, [0, 1].map((side) => Uint32Array.from({ length: lines.lineCount }, (_, i) => (side === 0 ? lines.lineStart(i) : lines.lineEnd(i)))));
      const withoutScratch = await indexFromDisk(files[1].path, { ...options, texts: undefined });
      assert.ok(withoutScratch.kind === 'indexed' && 'text' in withoutScratch && withoutScratch.text === story(1));
    } finally {
      texts.close();
    }
  });

  it('puts the line bounds of a job\'s results in one buffer, leaving the bounds and the other results as they were', async () => {
    const texts = ScratchFile.create('test');
    try {
      const options = { maxBytes: MAX_BYTES, cached: new Set<string>(), analyses: [capitalsAnalysis], articlesWhenRead: false, encodeForCache: false, read: readTextFile, texts };
      const results = await Promise.all([files[0], files[1], files[12], files[3]].map((file) => indexFromDisk(file.path, options)));
      results.push(await indexFromDisk(path.join(folder(), 'gone.txt'), options));
      const bounds = (): unknown[] => results.map((result) => ('lines' in result ? result.lines?.map((side) => Array.from(side)) : undefined));
      const others = (): unknown[] => results.map((result) => ({ ...result, lines: undefined }));
      const [boundsBefore, othersBefore] = [bounds(), others()];
      shareLineBuffers(results);
      assert.deepEqual(bounds(), boundsBefore);
      assert.deepEqual(others(), othersBefore);
      const buffers = new Set(results.flatMap((result) => ('lines' in result ? (result.lines ?? []).map((bounds) => bounds.buffer) : [])));
      assert.equal(buffers.size, 1);
      assert.equal(results.filter((result) => 'lines' in result).length, 4);
    } finally {
      texts.close();
    }
  });

  it('gives the index encoded for the cache only when asked, the same index either way', async () => {
    const options = { maxBytes: MAX_BYTES, cached: new Set<string>(), analyses: [capitalsAnalysis], articlesWhenRead: false, read: readTextFile };
    const encoded = await indexFromDisk(files[1].path, { ...options, encodeForCache: true });
    const plain = await indexFromDisk(files[1].path, { ...options, encodeForCache: false });
    assert.ok(encoded.kind === 'indexed' && 'entry' in encoded && !('index' in encoded));
    assert.ok(plain.kind === 'indexed' && 'index' in plain && !('entry' in plain));
    assert.deepEqual(decodeEntry(encoded.entry, encoded.hash), plain.index);
    assert.deepEqual(plain.index, analyseText(story(1), [capitalsAnalysis], { articlesWhenRead: false }));
  });

  it('splits the files it read into articles on its worker threads when asked, as this thread would', async () => {
    const texts = ScratchFile.create('test');
    let closed = false;
    try {
      const disk = indexer({ workerScript: ANALYSIS_WORKER, texts, articlesWhenRead: true, splitsAhead: true });
      const results = (await Promise.all([disk.index(files.slice(0, 6)), disk.index(files.slice(6))])).flat();
      const indexed = results.flatMap((result) => (result.kind === 'indexed' ? [result.file] : []));
      const expected = indexed.map((file) => splitArticles(file.text));
      await disk.splitAhead(indexed);
      await disk.close();
      // The texts are gone with the scratch file: the articles read now are those the workers gave.
      texts.close();
      closed = true;
      assert.deepEqual(
        indexed.map((file) => ({ articles: file.articles, boilerplate: file.boilerplate })),
        expected,
      );
      assert.deepEqual(logs, []);
    } finally {
      if (!closed) texts.close();
    }
  });

  it('finds the seeds of half of the fingerprints of a scan on a worker thread, as this thread would', async () => {
    // Hashes shared by files 0-2, 1-2 and 0-1-2, and one held once; keys in shared memory, as freshBatchSeeds gives them.
    const entries = [[7, 0], [9, 0], [7, 1], [9, 2], [7, 2], [11, 1], [12, 2], [11, 2]].map(([hash, id]) => [keyOf(hash), id]);
    const half = (): BatchHalf => {
      const keys = new Uint32Array(new SharedArrayBuffer(entries.length * 4));
      const ids = new Uint32Array(new SharedArrayBuffer(entries.length * 4));
      entries.forEach(([key, id], i) => ((keys[i] = key), (ids[i] = id)));
      return { keys, ids, files: { firstNew: 0, idLimit: 3 }, limit: 10 };
    };
    const disk = indexer({ workerScript: ANALYSIS_WORKER });
    try {
      assert.equal(disk.hasWorkers, false);
      await disk.index(files.slice(0, 2));
      assert.equal(disk.hasWorkers, true);
      const [here, there] = [half(), half()];
      const expected = seedsOfHalf(here);
      assert.deepEqual(await disk.seedsOfHalf(there), expected);
      assert.deepEqual([...there.keys], [...here.keys]);
      assert.ok(expected.files.length > 0);
    } finally {
      await disk.close();
    }
    assert.equal(disk.hasWorkers, false);
    await assert.rejects(disk.seedsOfHalf(half()));
  });

  it('starts a thread a core, one fewer when the cache knows texts, and one more once files need indexing after all', async () => {
    const cores = Math.min(8, os.availableParallelism());
    const storage = path.join(folder(), 'storage-threads', 'index-cache.bin');
    const empty = await IndexCache.open(storage, 'test', log);
    const cold = indexer({ workerScript: ANALYSIS_WORKER, cache: empty, workers: undefined });
    const results = await indexAll(cold);
    assert.match(cold.summary(), new RegExp(`^0 from the index cache, \\d+ on ${cores} worker threads`));
    await empty.save(results.flatMap((result) => (result.kind === 'indexed' ? [result.file] : [])));
    const warm = indexer({ workerScript: ANALYSIS_WORKER, cache: await IndexCache.open(storage, 'test', log), workers: undefined });
    await indexAll(warm);
    assert.match(warm.summary(), new RegExp(`^\\d+ from the index cache, 0 on ${Math.max(1, cores - 1)} worker threads`));
    // Files the cache does not know after all: once a few are indexed, the core left spare goes to a worker.
    const changed = await Promise.all(Array.from({ length: 12 }, (_, n) => write(`changed-${n}.txt`, story(n + 40))));
    const stale = indexer({ workerScript: ANALYSIS_WORKER, cache: await IndexCache.open(storage, 'test', log), workers: undefined, growAfterIndexed: 4 });
    const restaled = await indexAll(stale, changed);
    assert.match(stale.summary(), new RegExp(`^0 from the index cache, 12 on ${cores} worker threads`));
    assert.deepEqual(plain(restaled), plain(await indexAll(indexer({ workerScript: undefined }), changed)));
  });

  it('takes unchanged files from the cache and analyses changed ones again, their lines found when first needed', async () => {
    const storage = path.join(folder(), 'storage', 'index-cache.bin');
    const cold = await IndexCache.open(storage, 'test', log);
    const first = indexer({ workerScript: ANALYSIS_WORKER, cache: cold });
    const before = await indexAll(first);
    await cold.save(before.flatMap((result) => (result.kind === 'indexed' ? [result.file] : [])));

    const changed = files.map((file) => ({ ...file }));
    changed[3] = await write('story-3-edited.txt', story(3).replace('eight months', 'nine months'));
    let calls = 0;
    const counting: FileAnalysis = { ...capitalsAnalysis, analyse: (file) => (calls++, capitalsAnalysis.analyse(file)) };
    const texts = ScratchFile.create('test');
    try {
      // With a scratch file for texts, a cached file's lines are not found where it is read (see LineIndex.whenRead).
      for (const [workerScript, kept] of [[ANALYSIS_WORKER, undefined], [undefined, undefined], [ANALYSIS_WORKER, texts]] as const) {
        calls = 0;
        const warm = await IndexCache.open(storage, 'test', log);
        const disk = indexer({ workerScript, cache: warm, analyses: [counting], texts: kept });
        const after = await indexAll(disk, changed);
        assert.match(disk.summary(), workerScript ? /^13 from the index cache, 1 on 2 worker threads, 0 indexed/ : /^13 from the index cache, 1 indexed/);
        if (!workerScript) assert.equal(calls, 1, 'only the changed file is analysed');
        const fresh = await indexAll(indexer({ workerScript: undefined }), changed);
        assert.deepEqual(plain(after), plain(fresh));
      }
    } finally {
      texts.close();
    }
  });

  it('decodes a cached file\'s articles and analyses when they are first read, its articles counted before', async () => {
    const storage = path.join(folder(), 'storage-when-read', 'index-cache.bin');
    const cold = await IndexCache.open(storage, 'test', log);
    const indexed = (results: ScannedFile[]): IndexedFile[] => results.flatMap((result) => (result.kind === 'indexed' ? [result.file] : []));
    const before = await indexAll(indexer({ workerScript: undefined, cache: cold }));
    await cold.save(indexed(before));
    const warm = await IndexCache.open(storage, 'test', log);
    let decoded = 0;
    const get = warm.get.bind(warm);
    warm.get = (hash) => (decoded++, get(hash));
    const after = await indexAll(indexer({ workerScript: undefined, cache: warm }));
    const corpus = new Corpus();
    corpus.applyIndexed(indexed(after));
    const articles = indexed(before).reduce((sum, file) => sum + file.articles.length, 0);
    assert.ok(articles > 12);
    assert.equal(corpus.stats().articles, articles);
    assert.equal(decoded, 0);
    assert.deepEqual(plain(after), plain(before));
    assert.equal(decoded, warm.size);
    warm.close();
  });

  it('falls back to this thread when a worker dies, with one log line, and loses no file', async () => {
    const crashing = indexer({ workerScript: CRASHING_WORKER });
    const results = await indexAll(crashing);
    assert.deepEqual(plain(results), plain(await indexAll(indexer({ workerScript: undefined }))));
    assert.deepEqual(logs, ['Index worker threads failed (worker thread exited with code 70); indexing in the server thread instead.']);
    assert.equal(crashing.summary(), '0 from the index cache, 0 on 2 worker threads, 14 indexed in the server thread');
  });

  it('falls back to this thread when the worker script is missing', async () => {
    const results = await indexAll(indexer({ workerScript: path.join(folder(), 'no-such-worker.js') }));
    assert.equal(results.filter((result) => result.kind === 'indexed').length, 14);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^Index worker threads failed \(Cannot find module .*no-such-worker\.js.*\); indexing in the server thread instead\.$/s);
  });

  it('indexes a walk larger than the in-thread share on workers from its first file, a smaller one in this thread', async () => {
    async function* walk(): AsyncGenerator<DiskFile[]> {
      yield files.slice(0, 5);
      yield files.slice(5);
    }
    const walked = async (disk: DiskIndexer): Promise<string[]> => {
      const order: string[] = [];
      for await (const job of indexInWalkOrder(walk(), disk, { jobFiles: 4, jobsInFlight: 2 })) order.push(...job.map((scanned) => scanned.file.relativePath));
      await disk.close();
      return order;
    };
    const large = indexer({ workerScript: ANALYSIS_WORKER, inThreadFiles: 10 });
    assert.deepEqual(await walked(large), files.map((file) => file.relativePath));
    assert.equal(large.summary(), '0 from the index cache, 14 on 2 worker threads, 0 indexed in the server thread');
    const small = indexer({ workerScript: ANALYSIS_WORKER, inThreadFiles: files.length });
    assert.deepEqual(await walked(small), files.map((file) => file.relativePath));
    assert.equal(small.summary(), '0 from the index cache, 14 indexed in the server thread');
  });

  it('indexes a small workspace in this thread, without starting workers', async () => {
    const disk = indexer({ workerScript: ANALYSIS_WORKER, inThreadFiles: 250 });
    await indexAll(disk);
    assert.equal(disk.summary(), '0 from the index cache, 14 indexed in the server thread');
  });
});

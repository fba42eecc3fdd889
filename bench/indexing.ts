/**
 * Indexing throughput: splitting a generated corpus into articles in memory and scanning
 * it from disk, peak RSS, and the time to re-index one edited file in a large workspace.
 * Targets (issue 2): ≥ 20 MB/s single-threaded; one edited file of a 10k-article workspace ≤ 20 ms.
 * In-memory indexing is also given per second of CPU time used by this process: when other work
 * shares the cores (as other benchmarks do), it depends much less on them than MB/s does.
 * The smallest size runs first, before the JIT has warmed up, as a server's first scan does.
 */
import { promises as fs } from 'fs';
import { Corpus } from '../server/src/core/corpus';
import { scanFolder } from '../server/src/core/scan';
import { defaultSettings } from '../server/src/settings';
import { generateCorpus } from './generate';
import { benchSizes, fmt, msSince, peakRssMB, percentile, writeCorpus } from './measure';

export async function benchIndexing(): Promise<void> {
  console.log('articles | files | MB | in-memory MB/s | MB/CPU-s | articles/s | disk scan MB/s | re-index p50/p95 ms | peak RSS MB');
  for (const size of benchSizes([1000, 10000, 100000])) {
    const generated = generateCorpus({ articles: size, seed: 42 });
    const bytes = generated.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    const megabytes = bytes / 1e6;

    const corpus = new Corpus();
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    corpus.apply(generated.files.map((file) => ({ uri: file.path, relativePath: file.path, text: file.text })));
    const seconds = msSince(start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const articles = corpus.stats().articles;

    const root = await writeCorpus(generated, String(size));
    const scanStart = process.hrtime.bigint();
    await scanFolder(root, defaultSettings);
    const scanSeconds = msSince(scanStart) / 1000;
    await fs.rm(root, { recursive: true, force: true });

    const edits: number[] = [];
    for (let i = 0; i < 200; i++) {
      const file = generated.files[(i * 7919) % generated.files.length];
      const text = `${file.text}\nAn added closing paragraph number ${i} about local services.\n`;
      const editStart = process.hrtime.bigint();
      corpus.apply([{ uri: file.path, relativePath: file.path, text }]);
      edits.push(msSince(editStart));
    }
    console.log(
      [size, generated.files.length, fmt(megabytes), fmt(megabytes / seconds), fmt(megabytes / cpuSeconds), Math.round(articles / seconds),
        fmt(megabytes / scanSeconds), `${fmt(percentile(edits, 50), 2)}/${fmt(percentile(edits, 95), 2)}`, peakRssMB()].join(' | '),
    );
  }
}

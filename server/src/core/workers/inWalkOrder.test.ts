import { strict as assert } from 'assert';
import type { DiskFile } from './diskFiles';
import type { DiskIndexer, ScannedFile } from './diskIndexer';
import { indexInWalkOrder } from './inWalkOrder';

/**
 * A stand-in for a DiskIndexer that helps its workers: the first job waits for a worker
 * until `answerFirst` is called, and every other job is done at once, as this thread does it.
 */
function indexerWithSlowFirstJob() {
  const started: string[][] = [];
  let answerFirst = () => {};
  const disk = {
    inThreadFiles: 0,
    expect: () => undefined,
    index: (job: DiskFile[]): Promise<ScannedFile[]> => {
      started.push(job.map((file) => file.relativePath));
      const results = job.map((file) => ({ kind: 'skipped', file, reason: 'stand-in' }) as ScannedFile);
      if (started.length > 1) return Promise.resolve(results);
      return new Promise((resolve) => (answerFirst = () => resolve(results)));
    },
  };
  return { disk: disk as unknown as DiskIndexer, started, answer: () => answerFirst() };
}

/** `count` files, listed three at a time. */
async function* walk(count: number): AsyncGenerator<DiskFile[]> {
  const files = Array.from({ length: count }, (_, i) => ({ uri: `f${i}`, relativePath: `f${i}`, path: `/walk/f${i}` }));
  for (let i = 0; i < count; i += 3) yield files.slice(i, i + 3);
}

describe('indexing files in walk order', () => {
  it('goes on with the walk while the oldest job waits for a worker, up to a bound, and yields in walk order', async () => {
    const { disk, started, answer } = indexerWithSlowFirstJob();
    const order: string[] = [];
    const scan = (async () => {
      for await (const job of indexInWalkOrder(walk(200), disk, { jobFiles: 2, jobsInFlight: 2 })) order.push(...job.map((scanned) => scanned.file.relativePath));
    })();
    // Let the walk run as far as it may while the first job is unanswered.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(order.length, 0, 'nothing is yielded before the first job');
    // More jobs started than may be pending (2), since the others are done; no more than may wait (16), plus the one being handed out.
    assert.ok(started.length > 3 && started.length <= 18, `${started.length} jobs started`);
    answer();
    await scan;
    assert.deepEqual(order, Array.from({ length: 200 }, (_, i) => `f${i}`));
    assert.equal(started.length, 100);
  });
});

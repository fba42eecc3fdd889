/** Timing and memory helpers shared by the benchmarks. */
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { GeneratedCorpus } from './generate';

export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function writeCorpus(corpus: GeneratedCorpus, label: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `seed-curator-bench-${label}-`));
  const folders = new Set(corpus.files.map((file) => path.dirname(file.path)));
  await Promise.all([...folders].map((folder) => fs.mkdir(path.join(root, folder), { recursive: true })));
  for (const file of corpus.files) await fs.writeFile(path.join(root, file.path), file.text);
  return root;
}

/** Sizes from the command line (`--sizes 1000,10000`), else the defaults. */
export function benchSizes(defaults: number[]): number[] {
  const flag = process.argv.indexOf('--sizes');
  if (flag < 0) return defaults;
  return process.argv[flag + 1].split(',').map(Number).filter((n) => n > 0);
}

export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** Wall time, CPU time (user and system, all threads) and peak memory of a command run to its end. */
export interface TimedRun {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
}

/** Runs a command to its end under /usr/bin/time. */
export function timedRun(command: string, args: string[], cwd: string): TimedRun {
  const stats = path.join(os.tmpdir(), `seed-bench-time-${process.pid}`);
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', stats, command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    if (result.status !== 0) throw new Error(`${path.basename(command)} exited with ${result.status}: ${(result.stderr ?? '').slice(-300)}`);
    const [seconds, user, system, kilobytes] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { seconds, cpuSeconds: user + system, peakMB: Math.round(kilobytes / 1024) };
  } finally {
    rmSync(stats, { force: true });
  }
}

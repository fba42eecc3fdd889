/**
 * The memory of a server process started by a benchmark: its heap, read through the
 * preloaded heap probe (bench/heapProbe.ts), and its resident set, read from Linux's /proc.
 */
import { ChildProcess } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface HeapReport {
  heapUsedBeforeGc: number;
  heapUsedAfterGc: number;
  rss: number;
  /** False when the server was started without --expose-gc: "after GC" is not after one. */
  collected: boolean;
}

/** Node options that make the server answer `readServerHeap`; the probe is dist/heapProbe.js, next to the benchmark. */
export function heapProbeNodeArgs(): string[] {
  return ['--expose-gc', '--require', path.join(__dirname, 'heapProbe.js')];
}

export function heapReportPath(pid: number): string {
  return path.join(os.tmpdir(), `seed-curator-heap-${pid}.json`);
}

const HEAP_REPORT_TIMEOUT_MS = 30_000;

/** Asks the probe in `server` for a report (it collects garbage first) and waits for it. */
export async function readServerHeap(server: ChildProcess): Promise<HeapReport> {
  const file = heapReportPath(server.pid!);
  await fs.rm(file, { force: true });
  server.kill('SIGUSR2');
  const deadline = Date.now() + HEAP_REPORT_TIMEOUT_MS;
  for (;;) {
    try {
      const report = JSON.parse(await fs.readFile(file, 'utf8')) as HeapReport;
      await fs.rm(file, { force: true });
      return report;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (Date.now() > deadline) throw new Error(`no heap report from server ${server.pid} within ${HEAP_REPORT_TIMEOUT_MS / 1000} s: was it started with heapProbeNodeArgs()?`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Peak and current resident set of a process (its threads included), in MB; undefined without /proc. */
export async function residentSetMB(pid: number): Promise<{ peak: number; current: number } | undefined> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kB = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { peak: kB('VmHWM') / 1024, current: kB('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

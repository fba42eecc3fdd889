/**
 * Preloaded into the language server by the soak benchmark (`node --expose-gc --require
 * dist/heapProbe.js dist/server.js`): on SIGUSR2 it writes the server's memory before and
 * after a full garbage collection to a file named by its pid (see serverMemory.ts), so the
 * benchmark reads the server's heap without a debug request in the product's protocol.
 */
import { renameSync, writeFileSync } from 'fs';
import { HeapReport, heapReportPath } from './serverMemory';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  const report: HeapReport = { heapUsedBeforeGc: before.heapUsed, heapUsedAfterGc: after.heapUsed, rss: after.rss, collected: gc !== undefined };
  const file = heapReportPath(process.pid);
  // Written whole, then renamed: the reader never sees half a report.
  writeFileSync(`${file}.partial`, JSON.stringify(report));
  renameSync(`${file}.partial`, file);
});

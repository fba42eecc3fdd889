/** A full garbage collection from a test, without starting mocha with --expose-gc. */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Heap and buffer memory in use after full collections, in MB. Two: memory that an earlier
 * test let go of with a finaliser (a buffer, a worker's message) may outlast the first, and
 * was once freed in the middle of a measurement, which then said the texts took 4 MB, not 28.
 */
export function memoryInUseMB(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

/**
 * The checksum of a cache file (see cacheFile.ts), worked out on a thread of its own that
 * reads the file again: at 100k articles the snapshots read at a start take over 200 MB,
 * which cost the server thread about 0.4 s to hash, slice by slice. Read back from the
 * page cache, they cost it nothing now. (WebCrypto's digest, which hashes on libuv's
 * threads, was tried: it copies what it hashes on the calling thread, which cost as much.)
 */
import { Worker } from 'worker_threads';
import { readUpTo, readerOf } from '../files';
import { SLICE_BYTES, SlicedChecksum } from './cacheFile';

/**
 * Plain JavaScript, run as it is (eval): the SHA-1 of the SHA-1s of the SLICE_BYTES slices
 * of the first `length` bytes of the file open as `fd`, as SlicedChecksum computes it.
 */
const CHECKSUM_THREAD = `
const { parentPort, workerData } = require('worker_threads');
const { createHash } = require('crypto');
const { readSync } = require('fs');
const { fd, length, sliceBytes } = workerData;
const slices = createHash('sha1');
const slice = Buffer.allocUnsafe(Math.min(sliceBytes, length));
for (let at = 0; at < length; at += sliceBytes) {
  const bytes = Math.min(sliceBytes, length - at);
  for (let done = 0; done < bytes; ) {
    const read = readSync(fd, slice, done, bytes - done, at + done);
    if (read <= 0) throw new Error('the file ends before its checksum');
    done += read;
  }
  slices.update(createHash('sha1').update(slice.subarray(0, bytes)).digest());
}
parentPort.postMessage(slices.digest());
`;

const HERE_BYTES = 2 * SLICE_BYTES;

/** The checksum of the first `length` bytes of the file open as `fd`, which must stay open until it settles. */
export function fileChecksum(fd: number, length: number): Promise<Buffer> {
  // A file of up to two slices is hashed here, after the caller's code, in a few tens of
  // milliseconds at most: a thread took about 100 ms to start, and so a small workspace's
  // snapshot was read after its scan had ended instead of before, and the known files of
  // 40k files (5.5 MB), which a scan waits for, were read in 0.5-2 s at a warm start.
  if (length <= HERE_BYTES) return Promise.resolve().then(() => checksumHere(fd, length));
  return new Promise((resolve, reject) => {
    // No node options of the server's own (a profiler, a TypeScript loader): this code needs none.
    const thread = new Worker(CHECKSUM_THREAD, { eval: true, execArgv: [], workerData: { fd, length, sliceBytes: SLICE_BYTES } });
    thread.once('message', (digest: Uint8Array) => resolve(Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the checksum thread stopped (exit code ${code})`)));
  });
}

function checksumHere(fd: number, length: number): Buffer {
  const bytes = readUpTo(readerOf(fd), length, 0);
  if (bytes.length < length) throw new Error('the file ends before its checksum');
  const checksum = new SlicedChecksum();
  checksum.update(bytes);
  return checksum.digest();
}

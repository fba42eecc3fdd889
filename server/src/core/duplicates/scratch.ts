/**
 * Reused working buffers for the per-file passes (tokenizing, winnowing). Allocating them
 * afresh for every file made the garbage collector the largest cost on 100k-article
 * workspaces, where each collection has a large heap to walk. Buffers up to MAX_KEPT
 * entries are kept between calls; a larger one (a huge file) is used once and dropped.
 */
const MAX_KEPT = 1 << 20;

const uint32 = new Map<string, Uint32Array<ArrayBuffer>>();

/** A buffer of at least `size` entries; its contents are garbage until written. */
export function scratchUint32(name: string, size: number): Uint32Array<ArrayBuffer> {
  return take(uint32, name, size, (length) => new Uint32Array(length));
}

/** Keeps a buffer grown by its user, when it is small enough to keep. */
export function keepUint32(name: string, buffer: Uint32Array<ArrayBuffer>): void {
  if (buffer.length <= MAX_KEPT) uint32.set(name, buffer);
}

function take<T extends { length: number }>(kept: Map<string, T>, name: string, size: number, create: (length: number) => T): T {
  const buffer = kept.get(name);
  if (buffer && buffer.length >= size) return buffer;
  const created = create(Math.max(size, 1024));
  if (created.length <= MAX_KEPT) kept.set(name, created);
  return created;
}

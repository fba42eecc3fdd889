/**
 * A 32-bit checksum (FNV-1a) of a key and some bytes, for finding damage in what was
 * written to disk, not for security. Each index cache entry carries its own (see
 * indexCache.ts): a warm start checks the entries it reads, about a seventh of the file,
 * at a cost of tens of milliseconds at 100k articles.
 */
const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

export function checksum32(key: string, bytes: Uint8Array): number {
  let hash = OFFSET_BASIS;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), PRIME);
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], PRIME);
  return hash >>> 0;
}

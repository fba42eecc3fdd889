/**
 * Which pairs of files an update must match, found in one ordered sweep of the
 * fingerprint index over the fingerprints the update added or removed.
 *
 * - A pair with a new file is a candidate when they share a seed: a fingerprint held in
 *   fewer than `limit` places (more is boilerplate). Each such fingerprint brings fewer
 *   than limit² / 2 pairs, so the work follows the size of the change.
 * - A pair of unchanged files may have to be matched again when a fingerprint they share
 *   crossed the boilerplate threshold, since its seeds changed. Such a fingerprint has
 *   fewer than `limit` unchanged holders on the side where it seeds.
 */
import type { FingerprintIndex, Run } from './fingerprint-index';
import type { SharedSeeds } from './pairs';

export interface ChangedPairs {
  /** Pairs with a new file, by the later file: id -> partner id (not later) -> what they share. */
  fresh: Map<number, Map<number, SharedSeeds>>;
  /** Pairs of unchanged files that lost a seed to boilerplate, by the later file: id -> partner ids (not later). */
  lostSeed: Map<number, Set<number>>;
  /** Pairs of unchanged files that gained a seed: a fingerprint is no longer boilerplate. */
  gainedSeed: Map<number, Set<number>>;
}

/**
 * `added` is the run of the new files' fingerprints, already in `index`; new files have the
 * ids from `firstNew` on, unchanged files lower ones. `removed` holds the fingerprints of
 * the files the update removed (already dead in `index`).
 */
export function changedPairs(index: FingerprintIndex, added: Run, removed: readonly Uint32Array[], firstNew: number, limit: number): ChangedPairs {
  const changes = countChanges(added.hashes, removed);
  const pairs: ChangedPairs = { fresh: new Map(), lostSeed: new Map(), gainedSeed: new Map() };
  index.eachHolders(
    changes.hashes,
    // Up to limit + |change| holders tells both sides of the threshold apart.
    (i) => limit + Math.abs(changes.added[i] - changes.removed[i]),
    (i, holders, count) => {
      const change = changes.added[i] - changes.removed[i];
      const before = count - change;
      if (change !== 0 && before >= limit !== count >= limit) addCrossed(count >= limit ? pairs.lostSeed : pairs.gainedSeed, holders, count, firstNew);
      if (changes.added[i] > 0 && count >= 2 && count < limit) addFresh(pairs.fresh, changes.hashes[i], holders.subarray(0, count).sort(), firstNew);
    },
  );
  return pairs;
}

/** The distinct hashes, ascending, with how often the update added and removed each. */
function countChanges(added: Uint32Array, removed: readonly Uint32Array[]): { hashes: Uint32Array; added: Uint32Array; removed: Uint32Array } {
  const gone = new Uint32Array(removed.reduce((size, hashes) => size + hashes.length, 0));
  let at = 0;
  for (const hashes of removed) {
    gone.set(hashes, at);
    at += hashes.length;
  }
  gone.sort();
  const size = added.length + gone.length;
  const result = { hashes: new Uint32Array(size), added: new Uint32Array(size), removed: new Uint32Array(size) };
  let count = 0;
  for (let i = 0, j = 0; i < added.length || j < gone.length; count++) {
    const hash = j >= gone.length || (i < added.length && added[i] <= gone[j]) ? added[i] : gone[j];
    result.hashes[count] = hash;
    for (; i < added.length && added[i] === hash; i++) result.added[count]++;
    for (; j < gone.length && gone[j] === hash; j++) result.removed[count]++;
  }
  return { hashes: result.hashes.subarray(0, count), added: result.added.subarray(0, count), removed: result.removed.subarray(0, count) };
}

/** The pairs among the unchanged holders (ids below `firstNew`); a file with itself when it holds the fingerprint twice. */
function addCrossed(crossed: Map<number, Set<number>>, holders: Uint32Array, count: number, firstNew: number): void {
  const unchanged = holders.subarray(0, count).filter((id) => id < firstNew).sort();
  for (let i = 0; i < unchanged.length; i++) {
    for (let j = i; j < unchanged.length; j++) {
      if (j === i && unchanged[i + 1] !== unchanged[i]) continue;
      let partners = crossed.get(unchanged[j]);
      if (!partners) crossed.set(unchanged[j], (partners = new Set()));
      partners.add(unchanged[i]);
    }
  }
}

/** Adds `hash` to the seeds of each new holder with each holder of a lower or equal id; `sorted` lists every holder. */
function addFresh(fresh: Map<number, Map<number, SharedSeeds>>, hash: number, sorted: Uint32Array, firstNew: number): void {
  for (let x = 0; x < sorted.length; ) {
    const id = sorted[x];
    const own = runLength(sorted, x);
    x += own;
    if (id < firstNew) continue;
    for (let y = 0; y < sorted.length && sorted[y] <= id; ) {
      const partner = sorted[y];
      const places = runLength(sorted, y);
      y += places;
      if (partner === id && own < 2) continue;
      let partners = fresh.get(id);
      if (!partners) fresh.set(id, (partners = new Map()));
      let shared = partners.get(partner);
      if (!shared) partners.set(partner, (shared = { hashes: [], places: 0 }));
      shared.hashes.push(hash);
      // Within one file, each seed place pairs with another of the same file.
      shared.places += partner === id ? Math.floor(own / 2) : Math.min(own, places);
    }
  }
}

/** How many entries from `from` on equal `sorted[from]`. */
function runLength(sorted: Uint32Array, from: number): number {
  let to = from + 1;
  while (to < sorted.length && sorted[to] === sorted[from]) to++;
  return to - from;
}

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
import { FingerprintIndex, hashOfKey, inSlotOrder, keyOf } from './fingerprint-index';
import { grown } from '../typedArrays';

/** Pairs of files to match, each once: later id -> partner id (not later) -> the seed fingerprints they share, ascending. */
export type PairQueue = Map<number, Map<number, readonly number[]>>;

export interface ChangedPairs {
  /** Pairs with a new file that share at least `seedsNeeded` seed places. */
  fresh: PairQueue;
  /** Pairs of unchanged files that lost a seed to boilerplate, by the later file: id -> partner ids (not later). */
  lostSeed: Map<number, Set<number>>;
  /** Pairs of unchanged files that gained a seed: a fingerprint is no longer boilerplate. */
  gainedSeed: Map<number, Set<number>>;
}

/**
 * `added` holds the new files' fingerprints in slot order (as `index.add` returns them);
 * new files have the ids from `firstNew` to below `idLimit`, unchanged files lower ones.
 * `removed` holds the fingerprints of the files the update removed (already dead in `index`).
 */
export function changedPairs(
  index: FingerprintIndex,
  added: Uint32Array,
  removed: readonly Uint32Array[],
  ids: { firstNew: number; idLimit: number },
  limit: number,
  seedsNeeded: number,
): ChangedPairs {
  const { firstNew } = ids;
  const changes = countChanges(added, inSlotOrder(removed));
  const pairs = { lostSeed: new Map<number, Set<number>>(), gainedSeed: new Map<number, Set<number>>() };
  const shared = new SharedSeedList();
  index.eachHolders(
    changes.hashes,
    // Up to limit + |change| holders tells both sides of the threshold apart.
    (i) => limit + Math.abs(changes.added[i] - changes.removed[i]),
    (i, holders, count) => {
      const change = changes.added[i] - changes.removed[i];
      const before = count - change;
      if (change !== 0 && before >= limit !== count >= limit) addCrossed(count >= limit ? pairs.lostSeed : pairs.gainedSeed, holders, count, firstNew);
      if (changes.added[i] > 0 && count >= 2 && count < limit) addFresh(shared, changes.hashes[i], sortSmall(holders, count), firstNew);
    },
  );
  return { fresh: shared.pairs(seedsNeeded, ids), ...pairs };
}

/**
 * The seeds `changedPairs` gathers into pairs, for a batch that fills an empty index, from
 * its entries: keys (see keyOf) ascending with their files' ids. Every holder is new, so
 * the holders of a fingerprint are the run of its key, and none crosses the boilerplate
 * threshold: it seeds when held in 2 to `limit` - 1 places. One pass over the runs.
 */
export function batchSeeds(keys: Uint32Array, ids: Uint32Array, firstNew: number, limit: number): SharedSeedList {
  const shared = new SharedSeedList();
  const holders = new Uint32Array(limit);
  for (let from = 0; from < keys.length; ) {
    const count = runLength(keys, from);
    if (count >= 2 && count < limit) {
      for (let i = 0; i < count; i++) holders[i] = ids[from + i];
      addFresh(shared, hashOfKey(keys[from]), sortSmall(holders, count), firstNew);
    }
    from += count;
  }
  return shared;
}

/** The distinct hashes of two lists in slot order, in slot order, with how often each list holds each. */
function countChanges(added: Uint32Array, gone: Uint32Array): { hashes: Uint32Array; added: Uint32Array; removed: Uint32Array } {
  const size = added.length + gone.length;
  const result = { hashes: new Uint32Array(size), added: new Uint32Array(size), removed: new Uint32Array(size) };
  let count = 0;
  for (let i = 0, j = 0; i < added.length || j < gone.length; count++) {
    const hash = j >= gone.length || (i < added.length && keyOf(added[i]) <= keyOf(gone[j])) ? added[i] : gone[j];
    result.hashes[count] = hash;
    // Counted here, and a count of 0 left unwritten: the arrays start zeroed, and a scan that
    // removes nothing then never writes to `removed`.
    const addedFrom = i;
    while (i < added.length && added[i] === hash) i++;
    if (i > addedFrom) result.added[count] = i - addedFrom;
    const goneFrom = j;
    while (j < gone.length && gone[j] === hash) j++;
    if (j > goneFrom) result.removed[count] = j - goneFrom;
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

/** Records `hash` as shared by each new holder with each holder of a lower or equal id; `sorted` lists every holder. */
function addFresh(shared: SharedSeedList, hash: number, sorted: Uint32Array, firstNew: number): void {
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
      // Within one file, each seed place pairs with another of the same file.
      shared.push(id, partner, hash, partner === id ? Math.floor(own / 2) : Math.min(own, places));
    }
  }
}

/** `holders[0, count)` sorted in place (insertion sort: fewer than `limit` holders), as a view. */
function sortSmall(holders: Uint32Array, count: number): Uint32Array {
  for (let i = 1; i < count; i++) {
    const id = holders[i];
    let j = i;
    for (; j > 0 && holders[j - 1] > id; j--) holders[j] = holders[j - 1];
    holders[j] = id;
  }
  return holders.subarray(0, count);
}

/** The entries of a SharedSeedList, as typed arrays of the same length (see SharedSeedList.parts). */
export interface SeedListParts {
  files: Uint32Array;
  partners: Uint32Array;
  hashes: Uint32Array;
  places: Uint32Array;
}

/**
 * The seed fingerprints new files share with partners, one entry (file, partner, hash,
 * places) per pair and hash, in typed arrays: a scan of a whole workspace lists millions,
 * mostly pairs that share a phrase or two by chance and are never matched, which a Map of
 * pairs would each allocate for.
 */
export class SharedSeedList {
  private files: Uint32Array = new Uint32Array(1024);
  private partners: Uint32Array = new Uint32Array(1024);
  private hashes: Uint32Array = new Uint32Array(1024);
  private places: Uint32Array = new Uint32Array(1024);
  private length = 0;

  /** The entries of `lists`, one list after the other. */
  static joined(lists: readonly SeedListParts[]): SharedSeedList {
    const joined = new SharedSeedList();
    joined.length = lists.reduce((length, list) => length + list.files.length, 0);
    for (const field of ['files', 'partners', 'hashes', 'places'] as const) {
      joined[field] = new Uint32Array(joined.length);
      let at = 0;
      for (const list of lists) {
        joined[field].set(list[field], at);
        at += list[field].length;
      }
    }
    return joined;
  }

  /** Views of the entries. */
  parts(): SeedListParts {
    const { files, partners, hashes, places, length } = this;
    return { files: files.subarray(0, length), partners: partners.subarray(0, length), hashes: hashes.subarray(0, length), places: places.subarray(0, length) };
  }

  push(file: number, partner: number, hash: number, places: number): void {
    if (this.length === this.files.length) {
      this.files = grown(this.files, this.length + 1);
      this.partners = grown(this.partners, this.length + 1);
      this.hashes = grown(this.hashes, this.length + 1);
      this.places = grown(this.places, this.length + 1);
    }
    this.files[this.length] = file;
    this.partners[this.length] = partner;
    this.hashes[this.length] = hash;
    this.places[this.length++] = places;
  }

  /** The pairs sharing at least `needed` places, each with its hashes ascending (as matchPair takes them). */
  pairs(needed: number, ids: { firstNew: number; idLimit: number }): PairQueue {
    // Stable counting sorts, by partner then by file: each pair's entries together.
    const { files, partners, hashes, places } = this;
    const byPartner = countingOrder(partners.subarray(0, this.length), 0, ids.idLimit, identity(this.length));
    const order = countingOrder(files.subarray(0, this.length), ids.firstNew, ids.idLimit, byPartner);
    const queue: PairQueue = new Map();
    for (let from = 0; from < order.length; ) {
      const file = files[order[from]];
      const partner = partners[order[from]];
      let to = from;
      let shared = 0;
      for (; to < order.length && files[order[to]] === file && partners[order[to]] === partner; to++) shared += places[order[to]];
      if (shared >= needed) {
        let pairs = queue.get(file);
        if (!pairs) queue.set(file, (pairs = new Map()));
        // Sorted as typed numbers: a comparator called for each step took most of the time here.
        const seeds = new Uint32Array(to - from);
        for (let i = from; i < to; i++) seeds[i - from] = hashes[order[i]];
        pairs.set(partner, Array.from(seeds.sort()));
      }
      from = to;
    }
    return queue;
  }
}

/** `order` (indices into `keys`) stably sorted by key; keys lie in [low, high). */
function countingOrder(keys: Uint32Array, low: number, high: number, order: Uint32Array): Uint32Array {
  const starts = new Uint32Array(high - low + 1);
  for (const entry of order) starts[keys[entry] - low + 1]++;
  for (let key = 1; key < starts.length; key++) starts[key] += starts[key - 1];
  const sorted = new Uint32Array(order.length);
  for (const entry of order) sorted[starts[keys[entry] - low]++] = entry;
  return sorted;
}

function identity(length: number): Uint32Array {
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order;
}

/** How many entries from `from` on equal `sorted[from]`. */
function runLength(sorted: Uint32Array, from: number): number {
  let to = from + 1;
  while (to < sorted.length && sorted[to] === sorted[from]) to++;
  return to - from;
}

/**
 * Which files hold each selected fingerprint, and how often: the inverted index of
 * winnowing.
 *
 * An open-addressing hash table (linear probing) in typed arrays: nothing for the garbage
 * collector to walk, where a Map of millions of entries costs several times the memory.
 * A lookup or an insertion costs O(1) whatever the size of the workspace, which matters
 * when the server's scan adds a workspace in small batches: sorted runs merged as they
 * came (a log-structured merge tree, the earlier layout) cost a search in each of O(log n)
 * runs per fingerprint and O(log n) merges per entry, most of the engine's time at 100k
 * articles.
 *
 * - Most fingerprints are held once, so a slot holds its single holder's file id itself;
 *   a fingerprint held in more places points to a chain: its count of live holders and
 *   a linked list of postings (file, next). With the count, a boilerplate fingerprint
 *   (thousands of holders) answers "at least this many" without walking its postings.
 * - The table is keyed by each hash mixed (Fibonacci hashing: times an odd constant, a
 *   bijection): winnowing selects the least hash of each window, so the hashes themselves
 *   crowd the low end of the range. A key's home slot is the key scaled to the table, so
 *   that keys in ascending order ("slot order") are inserted and looked up walking the
 *   table forward: a batch's entries are radix-sorted into that order first, which turns
 *   millions of cache and TLB misses into a sequential pass.
 * - A removed file's entries are not searched for: its id is marked dead, its lone slots
 *   are taken over by the next file that adds their hash, and the rest is dropped when
 *   the table is rebuilt, once dead entries are half of all.
 */

import { grown } from '../typedArrays';
import { radixSort } from './radixSort';

export interface FileFingerprints {
  id: number;
  /** Selected hashes of the file, one entry per occurrence. */
  hashes: Uint32Array;
}

/** The ids of a batch of new files: from `firstNew` to below `idLimit`. */
export interface BatchIds {
  firstNew: number;
  idLimit: number;
}

/** A slot's holders: NO_HOLDER (an empty slot), a file id (≥ 0), or CHAIN - (index of a chain). */
const NO_HOLDER = -1;
const CHAIN = -2;
/** No further posting. */
const END = -1;

/** The table is rebuilt past this share of occupied slots (linear probing stays short below it), GROWTH times larger than its live hashes need. */
const MAX_LOAD = 0.7;
const GROWTH = 1.5;
const MIN_CAPACITY = 1024;

/** A FingerprintIndex as it stands (see FingerprintIndex.parts): its counts and its tables. */
export interface FingerprintIndexParts {
  counts: { capacity: number; occupied: number; chains: number; postings: number; entries: number; deadEntries: number };
  slots: Int32Array;
  chainLive: Uint32Array;
  chainFirst: Int32Array;
  postingFiles: Uint32Array;
  postingNext: Int32Array;
  alive: Uint8Array;
}

export class FingerprintIndex {
  /** Two entries a slot, read together: the hash (as an int32) and its holders. */
  private slots: Int32Array = emptySlots(MIN_CAPACITY);
  private capacity = MIN_CAPACITY;
  private occupied = 0;
  private chainLive: Uint32Array = new Uint32Array(MIN_CAPACITY);
  private chainFirst: Int32Array = new Int32Array(MIN_CAPACITY);
  private chains = 0;
  private postingFiles: Uint32Array = new Uint32Array(MIN_CAPACITY);
  private postingNext: Int32Array = new Int32Array(MIN_CAPACITY);
  private postings = 0;
  private alive: Uint8Array = new Uint8Array(MIN_CAPACITY);
  private entries = 0;
  private deadEntries = 0;
  /** Entries of a batch not inserted yet, keys ascending (see `ofSortedBatch`): only while the table is empty. */
  private unplaced: { keys: Uint32Array; ids: Uint32Array } | undefined;
  /** Reused by eachHolders: the holders of one hash. */
  private holders: Uint32Array = new Uint32Array(16);

  /**
   * The index as it stands, for a snapshot kept between sessions: views of the tables (not
   * copies, so they must be written before the index changes again) and the counts.
   */
  parts(): FingerprintIndexParts {
    this.insertUnplaced();
    const { capacity, occupied, chains, postings, entries, deadEntries } = this;
    return {
      counts: { capacity, occupied, chains, postings, entries, deadEntries },
      slots: this.slots,
      chainLive: this.chainLive.subarray(0, chains),
      chainFirst: this.chainFirst.subarray(0, chains),
      postingFiles: this.postingFiles.subarray(0, postings),
      postingNext: this.postingNext.subarray(0, postings),
      alive: this.alive,
    };
  }

  /**
   * The index that `parts()` gave; it takes over the arrays. The chains' and postings' may
   * be longer than their counts: room to grow into (see RoomToGrow).
   */
  static fromParts(parts: FingerprintIndexParts): FingerprintIndex {
    const { counts } = parts;
    const chains = parts.chainLive.length >= counts.chains && parts.chainFirst.length === parts.chainLive.length;
    const postings = parts.postingFiles.length >= counts.postings && parts.postingNext.length === parts.postingFiles.length;
    if (parts.slots.length !== 2 * counts.capacity || !chains || !postings) {
      throw new Error('the fingerprint tables do not match their counts');
    }
    const index = new FingerprintIndex();
    Object.assign(index, counts);
    index.slots = parts.slots;
    index.chainLive = parts.chainLive;
    index.chainFirst = parts.chainFirst;
    index.postingFiles = parts.postingFiles;
    index.postingNext = parts.postingNext;
    index.alive = parts.alive;
    return index;
  }

  /**
   * An index holding one batch of files (the ids from `files.firstNew` to below
   * `files.idLimit`), given as its entries: keys (see keyOf) ascending, with their files'
   * ids. They are kept as that sorted list and inserted only when the table is first
   * read or changed: a one-off scan finds its seeds from the list (see batchSeeds) and is
   * done, and at 100k articles filling the table took 0.4 s of its main thread for nothing.
   */
  static ofSortedBatch(keys: Uint32Array, ids: Uint32Array, files: BatchIds): FingerprintIndex {
    const index = new FingerprintIndex();
    index.alive = grown(index.alive, files.idLimit);
    index.alive.fill(1, files.firstNew, files.idLimit);
    index.unplaced = { keys, ids };
    return index;
  }

  /** Adds files (fresh ids); returns their hashes (one entry per occurrence) in slot order. */
  add(files: readonly FileFingerprints[]): Uint32Array {
    this.insertUnplaced();
    const ids = new Uint32Array(files.reduce((size, file) => size + file.hashes.length, 0));
    let at = 0;
    for (const file of files) {
      if (file.id >= this.alive.length) this.alive = grown(this.alive, file.id + 1);
      this.alive[file.id] = 1;
      ids.fill(file.id, at, (at += file.hashes.length));
    }
    const keys = keysInSlotOrder(files.map((file) => file.hashes), ids);
    this.insertSorted(keys, ids);
    return hashesOf(keys);
  }

  /** Inserts entries whose keys are ascending. */
  private insertSorted(keys: Uint32Array, ids: Uint32Array): void {
    // Room first: keys inserted in ascending order into a table too small for them would
    // pile up in one long run of slots, each insertion probing to its end.
    let distinct = Math.min(1, keys.length);
    for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[i - 1]) distinct++;
    if (this.occupied + distinct > MAX_LOAD * this.capacity) this.rebuild(distinct);
    for (let i = 0; i < keys.length; i++) this.insert(keys[i], ids[i]);
  }

  /** Puts the entries of `ofSortedBatch` into the table, before anything reads or changes it. */
  private insertUnplaced(): void {
    if (!this.unplaced) return;
    const { keys, ids } = this.unplaced;
    this.unplaced = undefined;
    this.insertSorted(keys, ids);
  }

  remove(file: FileFingerprints): void {
    this.insertUnplaced();
    if (this.alive[file.id] !== 1) return;
    this.alive[file.id] = 0;
    this.deadEntries += file.hashes.length;
    for (const hash of file.hashes) {
      const holders = this.slots[this.slotOf(keyOf(hash)) + 1];
      if (holders <= CHAIN) this.chainLive[CHAIN - holders]--;
    }
  }

  /** Drops the dead entries once they are half of all. */
  settle(): void {
    if (this.deadEntries * 2 > this.entries) this.rebuild();
  }

  /** Occurrences of `hash` in live files; counting stops at `limit`. */
  places(hash: number, limit = Infinity): number {
    this.insertUnplaced();
    const holders = this.slots[this.slotOf(keyOf(hash)) + 1];
    if (holders === NO_HOLDER) return 0;
    return Math.min(limit, holders >= 0 ? this.alive[holders] : this.chainLive[CHAIN - holders]);
  }

  /**
   * Calls `visit(i, holders, count)` for each of `hashes`, where `count` is the number of
   * live places holding `hashes[i]` up to `capOf(i)`. Below that cap, `holders[0, count)`
   * lists the files (once per occurrence, valid during the call); at the cap, they are not
   * listed, which keeps a boilerplate fingerprint as cheap as any other. Hashes in slot
   * order are looked up walking the table forward.
   */
  eachHolders(hashes: ArrayLike<number>, capOf: (i: number) => number, visit: (i: number, holders: Uint32Array, count: number) => void): void {
    this.insertUnplaced();
    for (let h = 0; h < hashes.length; h++) {
      const cap = capOf(h);
      const holders = this.slots[this.slotOf(keyOf(hashes[h])) + 1];
      let count = 0;
      if (holders >= 0) {
        if (this.alive[holders] === 1) this.holders[count++] = holders;
      } else if (holders <= CHAIN) {
        const chain = CHAIN - holders;
        count = Math.min(cap, this.chainLive[chain]);
        if (count < cap) this.listChain(chain, count);
      }
      visit(h, this.holders, Math.min(count, cap));
    }
  }

  /** Lists the `count` live holders of a chain in `holders`. */
  private listChain(chain: number, count: number): void {
    if (count > this.holders.length) this.holders = grown(this.holders, count);
    let listed = 0;
    for (let at = this.chainFirst[chain]; listed < count; at = this.postingNext[at]) {
      if (this.alive[this.postingFiles[at]] === 1) this.holders[listed++] = this.postingFiles[at];
    }
  }

  /** Index in `slots` of the slot of `key`: where it is, or the empty slot where it would go. */
  private slotOf(key: number): number {
    // The top 24 bits times a capacity below 2^29 stay exact in a double.
    let slot = 2 * Math.floor(((key >>> 8) * this.capacity) / 0x1000000);
    const stored = key | 0;
    while (this.slots[slot + 1] !== NO_HOLDER && this.slots[slot] !== stored) {
      slot += 2;
      if (slot === this.slots.length) slot = 0;
    }
    return slot;
  }

  private insert(key: number, file: number): void {
    const slot = this.slotOf(key);
    const holders = this.slots[slot + 1];
    this.entries++;
    if (holders === NO_HOLDER) {
      this.slots[slot] = key | 0;
      this.slots[slot + 1] = file;
      if (++this.occupied > MAX_LOAD * this.capacity) this.rebuild();
    } else if (holders >= 0 && this.alive[holders] === 0) {
      // The lone holder is gone: its entry is taken over rather than kept dead.
      this.slots[slot + 1] = file;
      this.entries--;
      this.deadEntries--;
    } else {
      const chain = holders >= 0 ? this.chain(holders) : CHAIN - holders;
      this.chainFirst[chain] = this.posting(file, this.chainFirst[chain]);
      this.chainLive[chain]++;
      this.slots[slot + 1] = CHAIN - chain;
    }
  }

  /** A new chain holding `file`, live. */
  private chain(file: number): number {
    if (this.chains === this.chainLive.length) {
      this.chainLive = grown(this.chainLive, this.chains + 1);
      this.chainFirst = grown(this.chainFirst, this.chains + 1);
    }
    this.chainLive[this.chains] = 1;
    this.chainFirst[this.chains] = this.posting(file, END);
    return this.chains++;
  }

  private posting(file: number, next: number): number {
    if (this.postings === this.postingFiles.length) {
      this.postingFiles = grown(this.postingFiles, this.postings + 1);
      this.postingNext = grown(this.postingNext, this.postings + 1);
    }
    this.postingFiles[this.postings] = file;
    this.postingNext[this.postings] = next;
    return this.postings++;
  }

  /** Re-inserts the live entries into a table where they, and `incoming` more keys, take at most MAX_LOAD / GROWTH of the slots. */
  private rebuild(incoming = 0): void {
    const { slots, chainFirst, postingFiles, postingNext } = this;
    let liveHashes = 0;
    let liveChains = 0;
    let liveChained = 0;
    for (let slot = 1; slot < slots.length; slot += 2) {
      const holders = slots[slot];
      if (holders >= 0) liveHashes += this.alive[holders];
      else if (holders <= CHAIN && this.chainLive[CHAIN - holders] > 0) {
        liveHashes++;
        liveChains++;
        liveChained += this.chainLive[CHAIN - holders];
      }
    }
    let capacity = MIN_CAPACITY;
    while ((liveHashes + incoming) * GROWTH > MAX_LOAD * capacity) capacity = Math.ceil(capacity * GROWTH);
    this.capacity = capacity;
    this.slots = emptySlots(capacity);
    this.chainLive = new Uint32Array(Math.max(MIN_CAPACITY, liveChains));
    this.chainFirst = new Int32Array(this.chainLive.length);
    this.postingFiles = new Uint32Array(Math.max(MIN_CAPACITY, liveChained));
    this.postingNext = new Int32Array(this.postingFiles.length);
    this.occupied = this.chains = this.postings = this.entries = this.deadEntries = 0;
    for (let slot = 0; slot < slots.length; slot += 2) {
      const holders = slots[slot + 1];
      const key = slots[slot] >>> 0;
      if (holders >= 0) {
        if (this.alive[holders] === 1) this.insert(key, holders);
      } else if (holders <= CHAIN) {
        // A chain lists the newest holder first: re-inserted oldest first, it keeps its order.
        const live: number[] = [];
        for (let at = chainFirst[CHAIN - holders]; at !== END; at = postingNext[at]) if (this.alive[postingFiles[at]] === 1) live.push(postingFiles[at]);
        for (let i = live.length - 1; i >= 0; i--) this.insert(key, live[i]);
      }
    }
  }
}

function emptySlots(capacity: number): Int32Array {
  const slots = new Int32Array(2 * capacity);
  for (let slot = 1; slot < slots.length; slot += 2) slots[slot] = NO_HOLDER;
  return slots;
}

/** Fibonacci hashing; and its inverse (the constants are inverses modulo 2^32). */
const MIX = 0x9e3779b1;
const UNMIX = 0x0e8b2f51;

/** The table's key of a hash: ascending keys are slot order. */
export function keyOf(hash: number): number {
  return Math.imul(hash, MIX) >>> 0;
}

/** The hash whose key is `key`. */
export function hashOfKey(key: number): number {
  return Math.imul(key, UNMIX) >>> 0;
}

/** The hashes of `keys`, in place. */
function hashesOf(keys: Uint32Array): Uint32Array {
  for (let i = 0; i < keys.length; i++) keys[i] = hashOfKey(keys[i]);
  return keys;
}

/** The entries of `lists` (hashes), in slot order. */
export function inSlotOrder(lists: readonly Uint32Array[]): Uint32Array {
  return hashesOf(keysInSlotOrder(lists));
}

/** The keys of the hashes of `lists`, ascending, with `values` (one per entry, in the order of the lists) moved along, in place. */
function keysInSlotOrder(lists: readonly Uint32Array[], values?: Uint32Array): Uint32Array {
  const keys = new Uint32Array(lists.reduce((size, list) => size + list.length, 0));
  let at = 0;
  for (const list of lists) for (const hash of list) keys[at++] = keyOf(hash);
  radixSort(keys, values, { keys: new Uint32Array(keys.length), values: values && new Uint32Array(keys.length) });
  return keys;
}

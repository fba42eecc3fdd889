/**
 * A hash table from term keys to whole numbers, in typed arrays (open addressing, linear
 * probing). Phrase keys are doubles above the small-integer range, and a Map keyed by
 * them is several times slower over the millions of lookups that weighing the terms of
 * ten thousand articles takes.
 */
import type { TermKey } from './terms';

/** Term keys are never negative: this marks an empty slot. */
const EMPTY = -1;
/** Word ids are below 2^22 (see terms.ts): a phrase key splits into two 32-bit halves here. */
const HALF = 2 ** 22;

export class TermTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of a key, or -1 when it is absent. */
  get(key: TermKey): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === key ? this.values[slot] : -1;
  }

  set(key: TermKey, value: number): void {
    // The slot first: claiming may grow the table and replace `values`.
    const slot = this.claim(key);
    this.values[slot] = value;
  }

  /** Adds `amount` to a key's value (an absent key counts as 0). */
  add(key: TermKey, amount: number): void {
    const slot = this.claim(key);
    this.values[slot] += amount;
  }

  forEach(visit: (key: TermKey, value: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] !== EMPTY) visit(this.keys[slot], this.values[slot]);
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: TermKey): number {
    const high = (key / HALF) | 0;
    let hash = Math.imul(high ^ Math.imul((key - high * HALF) | 0, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    let slot = hash & this.mask;
    while (this.keys[slot] !== key && this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The slot of `key`, inserting it with value 0 when absent; the table stays at most half full. */
  private claim(key: TermKey): number {
    let slot = this.slotOf(key);
    if (this.keys[slot] === key) return slot;
    if (2 * (this.count + 1) > this.keys.length) {
      this.grow();
      slot = this.slotOf(key);
    }
    this.keys[slot] = key;
    this.values[slot] = 0;
    this.count++;
    return slot;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      const slot = this.slotOf(keys[old]);
      this.keys[slot] = keys[old];
      this.values[slot] = values[old];
    }
  }
}

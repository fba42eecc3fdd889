/**
 * Which files hold each selected fingerprint: the inverted index of winnowing. A file is
 * added or removed in time proportional to its own fingerprints, so one edit never
 * touches the rest of the workspace.
 *
 * An open-addressing hash table over typed arrays (linear probing, backward-shift
 * deletion): about 10 bytes per fingerprint and no garbage, where a Map of millions of
 * entries costs several times that and nears V8's size limit at 100k articles. Most
 * fingerprints belong to one file, so a slot holds that file's id directly; a fingerprint
 * shared by several files points to a small list instead.
 */

const EMPTY = 0;
const USED = 1;
const INITIAL_CAPACITY = 1 << 16;

export class FingerprintIndex {
  private keys = new Uint32Array(INITIAL_CAPACITY);
  /** A file id (>= 0), or -(list index + 1) into `lists`. */
  private values = new Int32Array(INITIAL_CAPACITY);
  private states = new Uint8Array(INITIAL_CAPACITY);
  private size = 0;
  private readonly lists: number[][] = [];
  private readonly freeLists: number[] = [];

  /** Adds a file's fingerprints; `hashes` sorted ascending (repeats are added once). */
  add(fileId: number, hashes: Uint32Array): void {
    for (let i = 0; i < hashes.length; i++) {
      if (i > 0 && hashes[i] === hashes[i - 1]) continue;
      if ((this.size + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
      const slot = this.find(hashes[i]);
      if (this.states[slot] === EMPTY) {
        this.states[slot] = USED;
        this.keys[slot] = hashes[i];
        this.values[slot] = fileId;
        this.size++;
      } else if (this.values[slot] >= 0) {
        this.values[slot] = -(this.newList([this.values[slot], fileId]) + 1);
      } else {
        this.lists[-this.values[slot] - 1].push(fileId);
      }
    }
  }

  remove(fileId: number, hashes: Uint32Array): void {
    for (let i = 0; i < hashes.length; i++) {
      if (i > 0 && hashes[i] === hashes[i - 1]) continue;
      const slot = this.find(hashes[i]);
      if (this.states[slot] === EMPTY) continue;
      const value = this.values[slot];
      if (value >= 0) {
        if (value === fileId) this.deleteSlot(slot);
        continue;
      }
      const list = this.lists[-value - 1];
      const at = list.indexOf(fileId);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 1) {
        this.values[slot] = list[0];
        this.freeLists.push(-value - 1);
      }
    }
  }

  /** The id of the only file holding `hash`, or the ids of all of them; undefined when none does. */
  filesWith(hash: number): number | readonly number[] | undefined {
    const slot = this.find(hash);
    if (this.states[slot] === EMPTY) return undefined;
    const value = this.values[slot];
    return value >= 0 ? value : this.lists[-value - 1];
  }

  /** The slot holding `hash`, or the empty slot where it would go. */
  private find(hash: number): number {
    const mask = this.keys.length - 1;
    let slot = mix(hash) & mask;
    while (this.states[slot] !== EMPTY && this.keys[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private newList(files: number[]): number {
    const free = this.freeLists.pop();
    if (free === undefined) return this.lists.push(files) - 1;
    this.lists[free] = files;
    return free;
  }

  /** Empties a slot and moves later entries of its probe run back, so lookups never stop early. */
  private deleteSlot(slot: number): void {
    const mask = this.keys.length - 1;
    let hole = slot;
    let next = (slot + 1) & mask;
    while (this.states[next] !== EMPTY) {
      const home = mix(this.keys[next]) & mask;
      // Move the entry back if its home is not in the cyclic range (hole, next].
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.keys[hole] = this.keys[next];
        this.values[hole] = this.values[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    this.states[hole] = EMPTY;
    this.size--;
  }

  private resize(capacity: number): void {
    const { keys, values, states } = this;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.states = new Uint8Array(capacity);
    for (let slot = 0; slot < keys.length; slot++) {
      if (states[slot] === EMPTY) continue;
      const target = this.find(keys[slot]);
      this.states[target] = USED;
      this.keys[target] = keys[slot];
      this.values[target] = values[slot];
    }
  }
}

/** Fingerprints are already hashes, but their low bits are mixed again so probe runs stay short. */
function mix(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

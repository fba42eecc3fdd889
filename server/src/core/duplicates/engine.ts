/**
 * The incremental duplicate index of a workspace.
 *
 * Across files it keeps an inverted index of winnowed fingerprints (8 bytes each), the
 * duplicated spans found between each pair of files, and the groups of copies. An update
 * indexes the changed files, matches them against the files they share fingerprints with,
 * and regroups only the groups those files take part in; so the cost of an edit follows
 * the size of the edited file and of the files it shares passages with, not the size of
 * the workspace. Whatever the order of edits, the result equals a fresh index of the final
 * texts (checked by duplicates.property.test.ts and the soak benchmark).
 */
import type { CorpusChange, IndexedFile } from '../corpus';
import { AnalysisCache, WINNOW, maskedWords } from './analysis';
import { FingerprintIndex, Run } from './fingerprint-index';
import { SpanGroup, groupSpans, spansAround } from './group';
import type { MatchOptions } from './match';
import { PairSide, PairStore, matchPair } from './pairs';
import { DuplicateGroup, compareGroups, describeGroup, groupSignature } from './passages';

export type { DuplicateGroup, Passage } from './passages';
export { comparePassages } from './passages';

export interface DuplicateOptions {
  /** Shared runs with fewer words are not reported. */
  minWords: number;
  /** Near copies less similar than this (0..1) are not reported. */
  minSimilarity: number;
  /** A passage found in at least this many places is boilerplate and not reported. */
  boilerplateMinCopies: number;
}

export const defaultDuplicateOptions: DuplicateOptions = {
  minWords: 25,
  minSimilarity: 0.8,
  boilerplateMinCopies: 10,
};

const MAX_GAP_WORDS = 20;
/** Memory for the words of files while an update runs, and kept between updates for the next edit. */
const WORKING_BUDGET = 256 << 20;
const RESTING_BUDGET = 16 << 20;

interface FileState {
  id: number;
  file: IndexedFile;
  /** Makes the masked words of this file differ from every other file's. */
  salt: number;
}

interface GroupRecord {
  /** The files and token ranges of the copies, and the similarity. */
  key: string;
  group: DuplicateGroup;
  files: number[];
}

/** Pairs of file ids to match, each once: smaller id -> larger ids. */
type PairQueue = Map<number, Set<number>>;

export class DuplicateIndex {
  private options: DuplicateOptions;
  private readonly byUri = new Map<string, FileState>();
  private readonly byId = new Map<number, FileState>();
  private nextId = 0;
  private readonly fingerprints = new FingerprintIndex();
  private readonly analyses = new AnalysisCache(RESTING_BUDGET);
  private readonly pairs = new PairStore();
  private ignored = new Set<string>();
  private readonly records = new Set<GroupRecord>();
  private readonly recordsByFile = new Map<number, Set<GroupRecord>>();
  private sorted: { groups: DuplicateGroup[]; byId: Map<string, DuplicateGroup> } | undefined;
  private readonly groupsByUri = new Map<string, DuplicateGroup[]>();
  /** Each file's groups as the client last saw them, to tell which files changed. */
  private signatures = new Map<string, string>();

  constructor(options: Partial<DuplicateOptions> = {}) {
    this.options = { ...defaultDuplicateOptions, ...options };
  }

  /** Applies a corpus change; returns the URIs whose duplicates changed (plus the updated files). */
  update(change: CorpusChange): Set<string> {
    this.analyses.setBudget(WORKING_BUDGET);
    try {
      return this.applyChange(change);
    } finally {
      this.analyses.setBudget(RESTING_BUDGET);
    }
  }

  /** Changes the thresholds; every file is matched again. */
  setOptions(options: Partial<DuplicateOptions>): Set<string> {
    const next = { ...this.options, ...options };
    if (JSON.stringify(next) === JSON.stringify(this.options)) return new Set();
    this.options = next;
    this.analyses.setBudget(WORKING_BUDGET);
    try {
      this.pairs.clear();
      const queue: PairQueue = new Map();
      for (const id of this.byId.keys()) this.queuePartners(id, queue);
      const all = new Set(this.byId.keys());
      this.matchQueued(queue, all);
      return this.regroup(all, [], false);
    } finally {
      this.analyses.setBudget(RESTING_BUDGET);
    }
  }

  /** Passages whose fingerprint is listed are not reported, nor are the groups holding them. */
  setIgnored(fingerprints: Iterable<string>): Set<string> {
    this.ignored = new Set(fingerprints);
    return this.regroup(new Set(this.byId.keys()), [], false);
  }

  groups(): readonly DuplicateGroup[] {
    return this.sortedGroups().groups;
  }

  group(id: string): DuplicateGroup | undefined {
    return this.sortedGroups().byId.get(id);
  }

  groupsIn(uri: string): readonly DuplicateGroup[] {
    let groups = this.groupsByUri.get(uri);
    if (groups) return groups;
    const state = this.byUri.get(uri);
    const records = state && this.recordsByFile.get(state.id);
    groups = records ? [...records].map((record) => record.group).sort(compareGroups) : [];
    this.groupsByUri.set(uri, groups);
    return groups;
  }

  private applyChange(change: CorpusChange): Set<string> {
    const removed: FileState[] = [];
    for (const uri of [...change.removed, ...change.updated.map((file) => file.uri)]) {
      const state = this.byUri.get(uri);
      if (!state) continue;
      removed.push(state);
      this.byUri.delete(uri);
      this.byId.delete(state.id);
      this.fingerprints.remove(state.id);
    }
    const added = change.updated.map((file) => {
      const state: FileState = { id: this.nextId++, file, salt: stringHash(file.uri) };
      this.byUri.set(file.uri, state);
      this.byId.set(state.id, state);
      return state;
    });
    const run = this.fingerprints.add(added.map((state) => ({ id: state.id, hashes: this.fingerprintsOf(state) })));

    const affected = new Set<number>();
    const queue: PairQueue = new Map();
    this.queueRunPartners(run, queue);
    const dirty = this.crossedBoilerplate(removed, added);
    for (const state of removed) {
      affected.add(state.id);
      for (const partner of this.pairs.drop(state.id)) affected.add(partner);
      this.analyses.delete(state.id);
    }
    this.fingerprints.settle();
    for (const id of dirty) {
      affected.add(id);
      for (const partner of this.pairs.drop(id)) affected.add(partner);
      this.queuePartners(id, queue);
    }
    for (const state of added) affected.add(state.id);
    this.matchQueued(queue, affected);
    return this.regroup(affected, change.updated.map((file) => file.uri), true);
  }

  private fingerprintsOf(state: FileState): Uint32Array {
    return this.analyses.get(state.id, state.file.text).fingerprints.hashes;
  }

  /** Whether a fingerprint shared by two places may seed a match: it is not boilerplate. */
  private readonly isSeed = (hash: number): boolean => {
    const limit = this.options.boilerplateMinCopies;
    return this.fingerprints.places(hash, limit) < limit;
  };

  /** Queues the new files of `run` with every file sharing a seed fingerprint with them. */
  private queueRunPartners(run: Run, queue: PairQueue): void {
    const { hashes, files } = run;
    for (let from = 0, to = 0; from < hashes.length; from = to) {
      to = from + 1;
      while (to < hashes.length && hashes[to] === hashes[from]) to++;
      this.queueHolders(hashes[from], files.subarray(from, to), queue);
    }
  }

  /** Queues file `id` with every file sharing a seed fingerprint with it. */
  private queuePartners(id: number, queue: PairQueue): void {
    const hashes = this.fingerprintsOf(this.byId.get(id)!);
    const self = Uint32Array.of(id);
    for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) this.queueHolders(hashes[i], self, queue);
  }

  /** Queues each of `files` with each file holding `hash`, itself when it holds it twice. */
  private queueHolders(hash: number, files: Uint32Array, queue: PairQueue): void {
    const limit = this.options.boilerplateMinCopies;
    const places = this.fingerprints.places(hash, limit);
    if (places < 2 || places >= limit) return;
    const holders: number[] = [];
    this.fingerprints.holders(hash, (id) => holders.push(id));
    for (const x of new Set(files)) {
      const own = holders.reduce((count, id) => count + (id === x ? 1 : 0), 0);
      for (const y of new Set(holders)) {
        if (y === x && own < 2) continue;
        const [low, high] = x < y ? [x, y] : [y, x];
        let partners = queue.get(low);
        if (!partners) queue.set(low, (partners = new Set()));
        partners.add(high);
      }
    }
  }

  /**
   * The unchanged files holding a fingerprint that this change made boilerplate, or no
   * longer boilerplate: their pairs among themselves must be matched again.
   */
  private crossedBoilerplate(removed: FileState[], added: FileState[]): Set<number> {
    const dirty = new Set<number>();
    if (this.byId.size === added.length) return dirty;
    const delta = new Map<number, number>();
    for (const state of removed) for (const hash of this.fingerprintsOf(state)) delta.set(hash, (delta.get(hash) ?? 0) - 1);
    for (const state of added) for (const hash of this.fingerprintsOf(state)) delta.set(hash, (delta.get(hash) ?? 0) + 1);
    const limit = this.options.boilerplateMinCopies;
    const addedIds = new Set(added.map((state) => state.id));
    for (const [hash, change] of delta) {
      if (change === 0) continue;
      // Counting up to limit + |change| tells both sides of the threshold apart.
      const after = this.fingerprints.places(hash, limit + Math.abs(change));
      if (after - change >= limit === after >= limit) continue;
      this.fingerprints.holders(hash, (id) => {
        if (!addedIds.has(id)) dirty.add(id);
      });
    }
    return dirty;
  }

  private matchQueued(queue: PairQueue, affected: Set<number>): void {
    const options: MatchOptions = { ...WINNOW, ...this.options, maxGap: MAX_GAP_WORDS };
    for (const [x, partners] of queue) {
      const xSide = this.side(x);
      for (const y of partners) {
        const spans = matchPair(xSide, y === x ? xSide : this.side(y), this.isSeed, options);
        if (spans.length === 0) continue;
        this.pairs.set(x, y, spans);
        affected.add(x);
        affected.add(y);
      }
    }
  }

  private side(id: number): PairSide {
    const { file, salt } = this.byId.get(id)!;
    const analysis = this.analyses.get(id, file.text);
    const masked = analysis.masked;
    const words = maskedWords(analysis, file.boilerplate, salt);
    if (!masked) this.analyses.resized(id);
    return { id, uri: file.uri, text: file.text, analysis, words };
  }

  /**
   * Replaces the groups with a copy in one of `affected` files by the groups their spans
   * form now; returns the URIs whose groups changed, and `updated`. With `reuse`, a group
   * whose copies are unchanged keeps its description.
   */
  private regroup(affected: Set<number>, updated: string[], reuse: boolean): Set<string> {
    const previous = new Map<string, GroupRecord>();
    const touched = new Set<string>(updated);
    for (const id of affected) {
      for (const record of this.recordsByFile.get(id) ?? []) {
        this.removeRecord(record);
        previous.set(record.key, record);
        for (const passage of record.group.passages) touched.add(passage.uri);
      }
    }
    const spans = spansAround(affected, (id) => this.pairs.of(id).values());
    for (const spanGroup of groupSpans(spans)) {
      const key = groupKey(spanGroup);
      const record = (reuse ? previous.get(key) : undefined) ?? this.describe(spanGroup, key);
      if (!record) continue;
      this.addRecord(record);
      for (const passage of record.group.passages) touched.add(passage.uri);
    }
    this.sorted = undefined;
    for (const uri of touched) this.groupsByUri.delete(uri);
    const changed = new Set(updated);
    for (const uri of touched) {
      const signature = this.groupsIn(uri).map(groupSignature).join(';');
      if ((this.signatures.get(uri) ?? '') !== signature) changed.add(uri);
      if (signature) this.signatures.set(uri, signature);
      else this.signatures.delete(uri);
    }
    return changed;
  }

  private describe(spanGroup: SpanGroup, key: string): GroupRecord | undefined {
    const group = describeGroup(
      spanGroup,
      (id) => {
        const { file } = this.byId.get(id)!;
        return { file, tokens: this.analyses.get(id, file.text).tokens };
      },
      this.ignored,
    );
    return group && { key, group, files: [...new Set(spanGroup.copies.map((copy) => copy.file))] };
  }

  private addRecord(record: GroupRecord): void {
    this.records.add(record);
    for (const id of record.files) {
      let records = this.recordsByFile.get(id);
      if (!records) this.recordsByFile.set(id, (records = new Set()));
      records.add(record);
    }
  }

  private removeRecord(record: GroupRecord): void {
    this.records.delete(record);
    for (const id of record.files) {
      const records = this.recordsByFile.get(id);
      records?.delete(record);
      if (records?.size === 0) this.recordsByFile.delete(id);
    }
  }

  private sortedGroups(): { groups: DuplicateGroup[]; byId: Map<string, DuplicateGroup> } {
    if (!this.sorted) {
      const groups = [...this.records].map((record) => record.group).sort(compareGroups);
      const byId = new Map<string, DuplicateGroup>();
      for (const group of groups) if (!byId.has(group.id)) byId.set(group.id, group);
      this.sorted = { groups, byId };
    }
    return this.sorted;
  }
}

function groupKey(spanGroup: SpanGroup): string {
  return `${spanGroup.similarity}/${spanGroup.copies.map((copy) => `${copy.file}:${copy.start}-${copy.end}`).join(',')}`;
}

/** FNV-1a of a string, for salts. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

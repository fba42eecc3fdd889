/**
 * The incremental duplicate index of a workspace.
 *
 * Across files it keeps an inverted index of winnowed fingerprints (a hash table in typed arrays), the
 * duplicated spans found between each pair of files, and the groups of copies. An update
 * indexes the changed files, matches them against the files they share fingerprints with,
 * and regroups only the groups those files take part in; so the cost of an edit follows
 * the size of the edited file and of the files it shares passages with, not the size of
 * the workspace. Whatever the order of edits, the result equals a fresh index of the final
 * texts (checked by duplicates.property.test.ts and the soak benchmark).
 *
 * The work is bounded even where many files share short phrases by chance (quotations,
 * press-release phrasing, a generator's stock sentences):
 * - a fingerprint held in `boilerplateMinCopies` places or more seeds nothing, so each
 *   fingerprint brings fewer than boilerplateMinCopies² / 2 candidate pairs (candidates.ts);
 * - a candidate is matched only when it shares the seed places any run of `minWords` words
 *   would hold, and its words are read only when that many lie together (pairs.ts);
 * - a pair is matched from the fingerprints it shares, never by reading both files whole;
 * - an unchanged pair is matched again only when one of its shared fingerprints crossed the
 *   boilerplate threshold, and when it lost a seed, only if it had been matched before.
 * The fingerprints come with the file when the corpus computed them (in the server's index
 * workers); the words of a file are then computed only for the pairs that are read.
 * The whole index can be kept between sessions (snapshot, fromSnapshot): reopening a
 * workspace then matches only the files changed since.
 */
import { CorpusChange, IndexedFile, inOrderOf, valuesInOrderOf } from '../corpus';
import type { Steps } from '../steps';
import { AnalysisCache, FileAnalysis, WINNOW, maskedWords, storedFingerprints } from './analysis';
import { PairQueue, SeedListParts, changedPairs } from './candidates';
import { FileFingerprints, FingerprintIndex, FingerprintIndexParts } from './fingerprint-index';
import { BatchHalf, freshBatchSeeds } from './freshBatch';
import { SpanGroup, groupSpans, spansAround } from './group';
import { PairFile, PairSide, PairStore, PairStoreParts, SharedSeeds, matchPair, seedsNeeded, sharedSeeds } from './pairs';
import { DuplicateGroup, compareGroups, describeGroup, groupSignature } from './passages';

export type { DuplicateGroup, Passage } from './passages';
export { comparePassages } from './passages';

/** Work an update may hand to other threads (see DuplicateIndex.updateAlongside). */
export interface UpdateHelpers {
  /** Splits `files` into articles; settles once they are. */
  split(files: IndexedFile[]): Promise<void>;
  /** Runs seedsOfHalf on another thread; absent when there is none. */
  seedsOfHalf?(half: BatchHalf): Promise<SeedListParts>;
}

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
  /**
   * The selected fingerprints, sorted, kept while the rest of the analysis may be dropped:
   * enough to tell which files a pair shares, and how many seeds, without the words.
   */
  hashes: Uint32Array;
}

interface GroupRecord {
  /** The files and token ranges of the copies, and the similarity. */
  key: string;
  group: DuplicateGroup;
  files: number[];
}

/** The files of a snapshot (see DuplicateIndexSnapshot.files), in the same order in each column. */
export interface SnapshotFiles {
  uris: string[];
  hashes: string[];
  ids: Uint32Array;
}

/**
 * What a DuplicateIndex is made of (see snapshot()): a later session starts from it rather
 * than matching every pair of the workspace again.
 */
export interface DuplicateIndexSnapshot {
  options: DuplicateOptions;
  ignored: string[];
  nextId: number;
  /**
   * The files indexed, column by column: each file's URI, the content hash it was indexed
   * with, and its id. As an object a file, reading them back took most of the time of
   * reading the snapshot's first part (40-130 ms at 100k articles, in which no hover was answered).
   */
  files: SnapshotFiles;
  pairs: PairStoreParts;
  groups: GroupRecord[];
  tables: SnapshotTables;
}

/**
 * The part of a snapshot that only a change needs (see DuplicateIndex.takeTables): the
 * fingerprints, 97% of the snapshot's bytes at 100k articles.
 */
export interface SnapshotTables {
  /** The fingerprints of each file in the order of `files`, back to back: those of file i end at fileHashEnds[i]. */
  fileHashes: Uint32Array;
  fileHashEnds: Uint32Array;
  fingerprints: FingerprintIndexParts;
}

/** A snapshot without its tables: enough for an index whose files are unchanged to show its groups. */
export type SnapshotHead = Omit<DuplicateIndexSnapshot, 'tables'>;

/** What a restored index waits for its tables to do (see fromSnapshot). */
interface AwaitedTables {
  files: SnapshotFiles;
  /** The files changed or added since the snapshot. */
  updated: IndexedFile[];
}

/** The fingerprints of a file restored without its tables, until they come. */
const NO_HASHES = new Uint32Array(0);

export class DuplicateIndex {
  private activeOptions: DuplicateOptions;
  private readonly byUri = new Map<string, FileState>();
  private readonly byId = new Map<number, FileState>();
  private nextId = 0;
  private fingerprints = new FingerprintIndex();
  private readonly analyses = new AnalysisCache(RESTING_BUDGET);
  private pairs = new PairStore();
  private ignored = new Set<string>();
  private readonly records = new Set<GroupRecord>();
  private readonly recordsByFile = new Map<number, Set<GroupRecord>>();
  private sorted: { groups: DuplicateGroup[]; byId: Map<string, DuplicateGroup> } | undefined;
  private readonly groupsByUri = new Map<string, DuplicateGroup[]>();
  /** Each file's groups as the client last saw them, to tell which files changed. */
  private signatures = new Map<string, string>();
  /** Set while a restored index waits for its snapshot's tables: it shows its groups, and changes nothing. */
  private awaited: AwaitedTables | undefined;

  constructor(options: Partial<DuplicateOptions> = {}) {
    this.activeOptions = { ...defaultDuplicateOptions, ...options };
  }

  /** Applies a corpus change; returns the URIs whose duplicates changed (plus the updated files). */
  update(change: CorpusChange): Set<string> {
    this.mustHaveTables();
    return this.withWorkingBudget(() => this.applyChange(change));
  }

  /** The thresholds in effect (see setOptions). */
  get options(): DuplicateOptions {
    return this.activeOptions;
  }

  /** True while the index waits for its snapshot's tables (see fromSnapshot): it takes no change until takeTables. */
  get needsTables(): boolean {
    return this.awaited !== undefined;
  }

  private mustHaveTables(): void {
    if (this.awaited) throw new Error('the duplicate index cannot change before it has its fingerprint tables');
  }

  /**
   * The index as it stands, for a later session (see fromSnapshot). It holds views of the
   * index's tables, not copies: it must be written before the next update. The files are
   * in the order of `uris` (the corpus's) when those are the files indexed, so that a later
   * scan, which brings them in that order, restores them without a map of its files.
   */
  snapshot(uris: Iterable<string> = []): DuplicateIndexSnapshot {
    this.mustHaveTables();
    const states = valuesInOrderOf(this.byUri, uris) ?? [...this.byId.values()];
    const fileHashEnds = new Uint32Array(states.length);
    let end = 0;
    states.forEach((state, i) => (fileHashEnds[i] = end += state.hashes.length));
    const fileHashes = new Uint32Array(end);
    states.forEach((state, i) => fileHashes.set(state.hashes, fileHashEnds[i] - state.hashes.length));
    return {
      options: this.activeOptions,
      ignored: [...this.ignored],
      nextId: this.nextId,
      files: { uris: states.map(({ file }) => file.uri), hashes: states.map(({ file }) => file.hash), ids: Uint32Array.from(states, ({ id }) => id) },
      pairs: this.pairs.parts(),
      groups: [...this.records],
      tables: { fileHashes, fileHashEnds, fingerprints: this.fingerprints.parts() },
    };
  }

  /**
   * The index a snapshot was taken of, to be brought up to date with `files` (the whole
   * corpus now) once it has the snapshot's tables (see takeTables): the files whose content
   * changed, that appeared or that went since are then updated as edits would be, so the
   * result equals a fresh index of `files`. Until then it shows the snapshot's groups, which
   * are those of `files` when no file changed (`changedFiles`, the files to update, is 0),
   * and takes no change. Every group counts as shown (see regroup): the caller shows them all.
   * The tables are apart because a warm start where nothing changed does not need them: at
   * 100k articles reading and checking their 150 MB with the rest cost it 0.3 s.
   * A step a file or group: at 100k articles this took 150 ms, in which no hover was answered.
   */
  static *fromSnapshot(snapshot: SnapshotHead, files: readonly IndexedFile[]): Steps<{ index: DuplicateIndex; changedFiles: number }> {
    const index = new DuplicateIndex(snapshot.options);
    index.ignored = new Set(snapshot.ignored);
    index.nextId = snapshot.nextId;
    index.pairs = PairStore.fromParts(snapshot.pairs);
    let removedFiles = 0;
    const { uris, hashes: contentHashes, ids } = snapshot.files;
    // In the snapshot's order (see snapshot), the i-th file is the snapshot's: the map of
    // them cost 40 ms of a warm start of 100k articles.
    const inOrder = inOrderOf(files, uris);
    /** Without the order: the files not restored yet, by URI. */
    const current = inOrder ? undefined : new Map(files.map((file) => [file.uri, file]));
    /** In order: the files changed since. */
    const changed: IndexedFile[] = [];
    for (let i = 0; i < ids.length; i++) {
      yield;
      const file = current ? current.get(uris[i]) : files[i];
      if (file?.hash !== contentHashes[i]) {
        if (!file) removedFiles++;
        else if (!current) changed.push(file);
        continue;
      }
      current?.delete(uris[i]);
      const id = ids[i];
      const state: FileState = { id, file, hashes: NO_HASHES };
      // The corpus's own string as the key: the snapshot's, cut from one string, go with it.
      index.byUri.set(file.uri, state);
      index.byId.set(id, state);
    }
    for (const record of snapshot.groups) {
      yield;
      index.addRecord(record);
    }
    for (const uri of new Set(snapshot.groups.flatMap((record) => record.group.passages.map((passage) => passage.uri)))) {
      yield;
      index.signatures.set(uri, index.groupsIn(uri).map(groupSignature).join(';'));
    }
    // The files changed or added since: those left in `current`, or those found changed in order.
    const updated = current ? [...current.values()] : changed;
    index.awaited = { files: snapshot.files, updated };
    return { index, changedFiles: updated.length + removedFiles };
  }

  /**
   * Gives a restored index (see fromSnapshot) its snapshot's tables, and updates the files
   * changed since; returns the URIs whose duplicates changed. Throws when the tables do not
   * fit the snapshot's files; the index then stays waiting.
   */
  *takeTables(tables: SnapshotTables): Steps<Set<string>> {
    const awaited = this.awaited;
    if (!awaited) throw new Error('the duplicate index has its fingerprint tables already');
    const { fileHashes, fileHashEnds } = tables;
    const { ids } = awaited.files;
    if (fileHashEnds.length !== ids.length || (ids.length > 0 && fileHashEnds[ids.length - 1] !== fileHashes.length)) {
      throw new Error("the fingerprint tables do not match the duplicate index's files");
    }
    const fingerprints = FingerprintIndex.fromParts(tables.fingerprints);
    const gone: FileFingerprints[] = [];
    for (let i = 0; i < ids.length; i++) {
      yield;
      const start = i === 0 ? 0 : fileHashEnds[i - 1];
      // A view, not a copy: copying every file's fingerprints out of the table (tens of
      // megabytes at 100k articles) cost a warm start more than keeping the table does; it
      // stays while a file keeps its view, at most its own size again once most files changed.
      // The file's own fingerprints are the same, but the index cache reads them only when asked for.
      const hashes = fileHashes.subarray(start, fileHashEnds[i]);
      // The files restored are the unchanged ones, under their ids.
      const state = this.byId.get(ids[i]);
      if (state) state.hashes = hashes;
      else gone.push({ id: ids[i], hashes });
    }
    this.fingerprints = fingerprints;
    this.awaited = undefined;
    if (awaited.updated.length === 0 && gone.length === 0) return new Set();
    return this.withWorkingBudget(() => this.applyChange({ updated: awaited.updated, removed: [] }, gone));
  }

  /** Changes the thresholds; every file is matched again. */
  setOptions(options: Partial<DuplicateOptions>): Set<string> {
    const next = { ...this.activeOptions, ...options };
    if (JSON.stringify(next) === JSON.stringify(this.activeOptions)) return new Set();
    this.mustHaveTables();
    this.activeOptions = next;
    return this.withWorkingBudget(() => {
      this.pairs.clear();
      // Every file counts as new: each pair sharing a seed is matched once.
      this.fingerprints = new FingerprintIndex();
      const queue = this.changedPairs(this.fingerprints.add([...this.byId.values()]), [], 0).fresh;
      const all = new Set(this.byId.keys());
      this.matchQueued(queue, all);
      return this.regroup(all, [], false);
    });
  }

  /**
   * Passages whose fingerprint is listed are not reported, nor are the groups holding them.
   * The same list again changes nothing: the server reads the lists when it starts, and
   * describing every group again (each reading its files' words) took 25 s in a workspace of
   * 44,850 groups.
   */
  setIgnored(fingerprints: Iterable<string>): Set<string> {
    const ignored = new Set(fingerprints);
    if (ignored.size === this.ignored.size && [...ignored].every((fingerprint) => this.ignored.has(fingerprint))) return new Set();
    this.ignored = ignored;
    return this.withWorkingBudget(() => this.regroup(new Set(this.byId.keys()), [], false));
  }

  /** Work that reads many files' words keeps them within the working budget, then goes back to resting. */
  private withWorkingBudget<T>(work: () => T): T {
    this.analyses.setBudget(WORKING_BUDGET);
    try {
      return work();
    } finally {
      this.analyses.setBudget(RESTING_BUDGET);
    }
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

  /**
   * `update`, for a caller with worker threads: the files of the pairs to match are given to
   * `helpers.split` before they are matched, and the groups are described once it has
   * settled; a new index finds its first files' seeds on two threads (see freshBatchSeeds).
   * No other update may run meanwhile.
   */
  async updateAlongside(change: CorpusChange, helpers: UpdateHelpers): Promise<Set<string>> {
    this.mustHaveTables();
    // As withWorkingBudget, across the waits.
    this.analyses.setBudget(WORKING_BUDGET);
    try {
      const { queue, affected } = this.nextId === 0 ? await this.queueFirst(change.updated, helpers.seedsOfHalf) : this.queueChange(change);
      const prepared = helpers.split(this.filesOf(queue));
      this.matchQueued(queue, affected);
      await prepared;
      return this.regroup(affected, change.updated.map((file) => file.uri), true);
    } finally {
      this.analyses.setBudget(RESTING_BUDGET);
    }
  }

  /** `queueChange` for the first files of a new index. */
  private async queueFirst(files: readonly IndexedFile[], elsewhere: UpdateHelpers['seedsOfHalf']): Promise<{ queue: PairQueue; affected: Set<number> }> {
    const added = this.addStates(files);
    const ids = { firstNew: added.length > 0 ? added[0].id : this.nextId, idLimit: this.nextId };
    const { index, shared } = await freshBatchSeeds(added, ids, this.activeOptions.boilerplateMinCopies, elsewhere);
    this.fingerprints = index;
    return { queue: shared.pairs(seedsNeeded(this.activeOptions.minWords, WINNOW), ids), affected: new Set(added.map((state) => state.id)) };
  }

  /** `gone`: files of a snapshot that are no longer indexed as they were (see fromSnapshot). */
  private applyChange(change: CorpusChange, gone: readonly FileFingerprints[] = []): Set<string> {
    const { queue, affected } = this.queueChange(change, gone);
    this.matchQueued(queue, affected);
    return this.regroup(affected, change.updated.map((file) => file.uri), true);
  }

  /** The files of the queued pairs, each once. */
  private filesOf(queue: PairQueue): IndexedFile[] {
    const ids = new Set<number>();
    for (const [x, partners] of queue) {
      ids.add(x);
      for (const y of partners.keys()) ids.add(y);
    }
    return [...ids].map((id) => this.byId.get(id)!.file);
  }

  /** Updates the fingerprints for `change`; returns the pairs to match and the files whose groups may change. */
  private queueChange(change: CorpusChange, gone: readonly FileFingerprints[] = []): { queue: PairQueue; affected: Set<number> } {
    const removed = [...gone];
    for (const uri of [...change.removed, ...change.updated.map((file) => file.uri)]) {
      const state = this.byUri.get(uri);
      if (!state) continue;
      removed.push(state);
      this.byUri.delete(uri);
      this.byId.delete(state.id);
    }
    for (const state of removed) this.fingerprints.remove(state);
    const added = this.addStates(change.updated);
    const addedHashes = this.fingerprints.add(added);

    const affected = new Set<number>();
    for (const state of removed) {
      affected.add(state.id);
      for (const partner of this.pairs.drop(state.id)) affected.add(partner);
      this.analyses.delete(state.id);
    }
    for (const state of added) affected.add(state.id);
    this.fingerprints.settle();
    const changed = this.changedPairs(addedHashes, removed, added.length > 0 ? added[0].id : this.nextId);
    // Fresh pairs hold a new file, requeued ones do not: the queue holds each pair once.
    const queue = changed.fresh;
    // A pair that lost a seed and was not matched before had too few seeds, and has fewer now.
    for (const [x, partners] of changed.lostSeed) for (const y of partners) if (this.pairs.has(x, y)) this.requeue(x, y, queue, affected);
    for (const [x, partners] of changed.gainedSeed) for (const y of partners) this.requeue(x, y, queue, affected);
    return { queue, affected };
  }

  /** New files, under fresh ids: not in the fingerprint index yet. */
  private addStates(files: readonly IndexedFile[]): FileState[] {
    return files.map((file) => {
      const id = this.nextId++;
      const hashes = (storedFingerprints(file) ?? this.analyses.get(id, file).fingerprints).hashes;
      const state: FileState = { id, file, hashes };
      this.byUri.set(file.uri, state);
      this.byId.set(state.id, state);
      return state;
    });
  }

  /** The pairs to match after files (ids from `firstNew` on, `addedHashes` in slot order) joined the fingerprint index and `removed` left it. */
  private changedPairs(addedHashes: Uint32Array, removed: readonly FileFingerprints[], firstNew: number) {
    return changedPairs(
      this.fingerprints,
      addedHashes,
      removed.map((state) => state.hashes),
      { firstNew, idLimit: this.nextId },
      this.activeOptions.boilerplateMinCopies,
      seedsNeeded(this.activeOptions.minWords, WINNOW),
    );
  }

  /** Whether a fingerprint shared by two places may seed a match: it is not boilerplate. */
  private readonly isSeed = (hash: number): boolean => {
    const limit = this.activeOptions.boilerplateMinCopies;
    return this.fingerprints.places(hash, limit) < limit;
  };

  /** Forgets the spans of an unchanged pair and queues it with the seeds it shares now. */
  private requeue(x: number, y: number, queue: PairQueue, affected: Set<number>): void {
    if (queue.get(x)?.has(y)) return;
    if (this.pairs.delete(x, y)?.length) affected.add(x).add(y);
    this.queuePair(queue, x, y, sharedSeeds(this.byId.get(x)!.hashes, this.byId.get(y)!.hashes, this.isSeed));
  }

  /**
   * Queues a pair when it shares enough seed places to hold a duplicated run of `minWords`
   * words (see `seedsNeeded`). A pair that is queued is matched, and stored even when it
   * shares no span, so a pair never stored is known to have had too few seed places.
   */
  private queuePair(queue: PairQueue, x: number, y: number, shared: SharedSeeds): void {
    if (shared.places < seedsNeeded(this.activeOptions.minWords, WINNOW)) return;
    let partners = queue.get(x);
    if (!partners) queue.set(x, (partners = new Map()));
    partners.set(y, shared.hashes);
  }

  private matchQueued(queue: PairQueue, affected: Set<number>): void {
    const options = { ...WINNOW, ...this.activeOptions, maxGap: MAX_GAP_WORDS };
    const sideOf = (file: PairFile) => this.side(file.id);
    for (const [x, partners] of queue) {
      const xFile = this.pairFile(x);
      for (const [y, seeds] of partners) {
        const spans = matchPair(xFile, y === x ? xFile : this.pairFile(y), seeds, options, sideOf);
        this.pairs.set(x, y, spans);
        if (spans.length === 0) continue;
        affected.add(x);
        affected.add(y);
      }
    }
  }

  private pairFile(id: number): PairFile {
    const state = this.byId.get(id)!;
    return { id, uri: state.file.uri, fingerprints: storedFingerprints(state.file) ?? this.analysisOf(state).fingerprints };
  }

  private analysisOf(state: FileState): FileAnalysis {
    return this.analyses.get(state.id, state.file, storedFingerprints(state.file));
  }

  private side(id: number): PairSide {
    const state = this.byId.get(id)!;
    const { file } = state;
    const analysis = this.analysisOf(state);
    const masked = analysis.masked;
    // Salted by the URI, the masked words of this file differ from every other file's.
    const words = maskedWords(analysis, file.boilerplate, stringHash(file.uri));
    if (!masked) this.analyses.resized(id);
    return { id, uri: file.uri, analysis, words };
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
        const state = this.byId.get(id)!;
        return { file: state.file, analysis: this.analysisOf(state) };
      },
      this.ignored,
      this.activeOptions.minWords,
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

/**
 * The organisations of a whole corpus, kept up to date file by file. For each changed file:
 * discover the names it teaches, settle what the corpus has learned, then find the mentions
 * in that file and in every other file that contains a name just learned or forgotten.
 */
import { Corpus, CorpusChange, IndexedFile, inOrderOf } from '../corpus';
import { isStopWord } from '../stopwords';
import { Steps, runAll } from '../steps';
import { ownCopy, positionsOf } from '../text';
import { CapitalsIndex } from './capitals';
import { capitalisedKeys } from './capitalisedKeys';
import { NameDictionary, NameMatch } from './dictionary';
import { Discovery, discoverOrganisations } from './discover';
import { Gazetteer, GazetteerFile, OrganisationEntry, builtInGazetteer, mergeGazetteers } from './gazetteer';
import { LearnedNames, LearnedOrganisation, spellingsChanged } from './learned';
import { OrganisationFiles, RecognitionMemory, RememberedCounts, RememberedFile, learnedThen } from './memory';
import { packDiscovery, packTies, tiesWhenRead, unpackDiscovery, unpackTies } from './packedFindings';
import { FileMentions, MentionNumbers, MentionTranslation, Numbering, mentionTranslation } from './mentions';
import { tiesAround } from './people';
import { SavedTallies, Tallies } from './tallies';
import { nameWords } from './names';
import { TokenisedText, tokeniseText } from './tokenisedText';
import { TokenColumns } from './tokens';
import { errorMessage } from '../errors';
import { ListedSet } from '../listedSet';

export interface OrganisationMention {
  id: string;
  /** Character offsets in the file's text; end exclusive. */
  start: number;
  end: number;
  /** Index of the article in `IndexedFile.articles`, or -1 outside any article. */
  article: number;
}

export interface FileOrganisations {
  /** In text order. */
  mentions: OrganisationMention[];
  /** People tied to an organisation in this file. */
  ties: { id: string; person: string }[];
}

/** What a file's result is kept as (see FileOrganisations for what it is given out as). */
interface FoundInFile {
  mentions: FileMentions;
  /** Made when first asked for: those taken from a memory are kept packed until then (see tiesWhenRead). */
  ties(): FileOrganisations['ties'];
}

export interface Organisation {
  id: string;
  name: string;
  aliases: string[];
  description?: string;
  /** For an organisation not in the gazetteer: the sentence that shows what it is. */
  definition?: { uri: string; start: number; end: number; text: string };
  source: 'gazetteer' | 'text';
}

/** A file whose text the recogniser threw on: it counts as mentioning nothing. */
export interface RecognitionFailure {
  uri: string;
  relativePath: string;
  message: string;
}

export interface OrganisationIndexOptions {
  /** Replaces the built-in gazetteer (for measuring the recogniser without it). */
  builtIn?: GazetteerFile;
}

export class OrganisationIndex {
  private gazetteer: Gazetteer;
  private known = new NameDictionary();
  private learned = new LearnedNames();
  private readonly files = new Map<string, IndexedFile>();
  private readonly numbers: MentionNumbers = { ids: new Numbering(), spellings: new Numbering() };
  private readonly results = new Map<string, FoundInFile>();
  /**
   * Files restored from a memory whose results are made when first asked for (see resultOf),
   * with what that takes: a warm start of 100k articles spent a quarter of a second making
   * 40k files' results and finding the organisations each mentions, which the memory keeps
   * by organisation (see restoreMentionedIn).
   */
  private unmade = new Map<string, RememberedFile>();
  private unmadeFrom: { texts: readonly string[]; translation: MentionTranslation } | undefined;
  private readonly capitals = new CapitalsIndex();
  /** Organisation id -> the files that mention it (their mentions are in `results`, or made when asked for: see unmade). */
  private readonly byOrganisation = new Map<string, ListedSet>();
  private readonly listeners: (() => void)[] = [];
  private readonly builtIn: GazetteerFile;
  private generationCount = 0;
  readonly tallies = new Tallies();
  /** Organisation id -> the generation in which its mentions last changed. */
  private readonly changedIn = new Map<string, number>();
  private failures: RecognitionFailure[] = [];

  constructor(options: OrganisationIndexOptions = {}) {
    this.builtIn = options.builtIn ?? builtInGazetteer();
    this.gazetteer = mergeGazetteers(this.builtIn);
    this.rebuildKnown();
  }

  /** Follows a corpus: indexes what it holds now and every later change. */
  attach(corpus: Corpus): this {
    this.update({ updated: [...corpus.all()], removed: [] });
    corpus.onChange((change) => this.update(change));
    return this;
  }

  /** Called after every update, once the index is consistent. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Increases with every update: a key for caches. */
  get generation(): number {
    return this.generationCount;
  }

  /** The generation in which an organisation's mentions (or what is known of it) last changed. */
  changedInGeneration(id: string): number {
    return this.changedIn.get(id) ?? this.generationCount;
  }

  /** Replaces the workspace's own gazetteer and recognises everything again. */
  setWorkspaceGazetteer(file: GazetteerFile): void {
    runAll(this.workspaceGazetteerSteps(file));
  }

  /** `setWorkspaceGazetteer` one file at a time (see `updateSteps`). */
  *workspaceGazetteerSteps(file: GazetteerFile): Steps {
    this.gazetteer = mergeGazetteers(this.builtIn, file);
    this.rebuildKnown();
    this.learned = new LearnedNames();
    const all = [...this.files.values()];
    this.capitals.clear();
    this.changedIn.clear();
    yield* this.updateSteps({ updated: all, removed: [] });
  }

  /**
   * Two passes. First every changed file is read for the names it teaches, and what the
   * corpus has learned is settled; then the mentions are found in the changed files and in
   * every other file that may contain a spelling learned, forgotten or moved to another
   * organisation (one whose capitalised words include all of the spelling's). Reading the
   * changed files twice costs less than finding, file by file, which of those read early
   * would have to be read again for a name learned later in the same batch.
   */
  update(change: CorpusChange, memory?: RecognitionMemory): void {
    runAll(this.updateSteps(change, memory));
  }

  /**
   * `update`, one file at a time: the caller may pause between steps (the language server
   * does, so that a whole workspace's update does not keep requests waiting). Until the
   * last step the index answers from a mix of old and new results, and no other update
   * may start. With a `memory` of an earlier session (see remember()), a file whose content
   * it knows is not read: its names and capitalised words are taken from it, and so are its
   * mentions unless a spelling it may contain has changed since. Returns the number of
   * files whose mentions were taken from the memory.
   */
  *updateSteps(change: CorpusChange, memory?: RecognitionMemory): Steps<number> {
    yield* this.learned.readRestored();
    for (const uri of change.removed) {
      this.files.delete(uri);
      this.learned.setFile(uri, undefined);
      this.setResult(uri, undefined);
      this.capitals.delete(uri);
    }
    const translation = memory && mentionTranslation(memory, this.numbers);
    const firstUpdate = this.files.size === 0;
    for (const file of change.updated) this.files.set(file.uri, file);
    // Files counted in the memory's counts, as they are now: their tallies and capitalised words are in already.
    const { counted, inOrder } = memory?.counts && firstUpdate ? yield* this.restoreCounts(memory, memory.counts, translation!, change.updated) : { counted: new Map<string, RememberedFile>(), inOrder: false };
    // The files are those the memory counted, as they were: what they taught is settled as the memory says (see LearnedNames.restore).
    const restoring = memory?.settled && counted.size === this.files.size && counted.size === memory.counts?.capitals.uris.length;
    /**
     * Each pass tokenises a file again, into these columns, and is done with its tokens before
     * the next file's: the tokens of 10k articles kept from the first pass to the second took
     * 137 MB of fresh memory, whose page faults cost twice what tokenising again does.
     */
    const columns = new TokenColumns();
    let remembered = new Map<string, RememberedFile>();
    /** Files the recogniser failed on in the first pass: not read again in the second. */
    const failed = new Set<string>();
    /** Files not taken from the memory (in the order given), and those whose mentions a change of spellings may have changed. */
    const toRead = new Set<string>();
    // Restoring, every file is counted, and in the order given when the files came in the
    // memory's order: the counted files are the remembered ones, as they are (looking each
    // up and adding it to `remembered` cost 30 ms at 100k articles).
    if (restoring && inOrder) remembered = counted;
    else for (const file of change.updated) {
      const countedFile = counted.get(file.uri);
      const known = countedFile ?? memory?.files.get(file.hash);
      if (memory && known) {
        if (!restoring) this.learned.setRemembered(file.uri, known.discovery && unpackDiscovery(known.discovery, memory.texts));
        if (!countedFile) this.capitals.setFromTable(file.uri, known.capitals, memory.keys);
        remembered.set(file.uri, known);
        yield;
        continue;
      }
      const read = this.guarded(file, () => {
        // The text is decoded from its stored form at each reading of file.text: once is enough.
        const text = tokeniseText(file.text, isStopWord, columns);
        return { discovery: this.discover(text.tokens.source, text), capitals: capitalisedKeys(text.tokens) };
      });
      this.learned.setFile(file.uri, read?.discovery);
      this.capitals.set(file.uri, read?.capitals ?? []);
      if (!read) failed.add(file.uri);
      toRead.add(file.uri);
      yield;
    }
    // Restoring, every file is remembered: the learned names take a copy of `remembered`, which they empty as they read it.
    if (restoring && !this.learned.restore(new Map(remembered), memory.texts, memory.settled!, learnedThen(memory))) {
      for (const [uri, { discovery }] of remembered) this.learned.setRemembered(uri, discovery && unpackDiscovery(discovery, memory.texts));
    }
    const changed = this.learned.settle();
    // The other files' mentions were found under the spellings learned before this update (none on a first scan).
    const updated = firstUpdate ? undefined : new Set(change.updated.map((file) => file.uri));
    if (updated && updated.size < this.files.size) {
      for (const spelling of changed) for (const uri of this.filesThatMayContain(spelling)) if (!updated.has(uri)) toRead.add(uri);
    }
    // Remembered mentions were found under the spellings learned when the memory was made.
    if (memory && remembered.size > 0) {
      for (const spelling of spellingsChanged(learnedThen(memory), this.learned.settledSpellings())) {
        for (const uri of this.filesThatMayContain(spelling)) if (remembered.has(uri)) toRead.add(uri);
      }
    }
    yield;
    let taken = 0;
    // Every file as the memory counted it, mentions and all: their results are made when asked for.
    if (restoring && toRead.size === 0 && memory.counts?.mentionedIn && this.restoreMentionedIn(memory.counts.mentionedIn, memory.counts.capitals.uris, memory.ids)) {
      // Restored into an empty index, the remembered files are taken as they are: adding them one by one cost 20 ms at 100k articles.
      if (this.unmade.size === 0) this.unmade = remembered;
      else for (const [uri, known] of remembered) this.unmade.set(uri, known);
      this.unmadeFrom = { texts: memory.texts, translation: translation! };
      remembered = new Map();
      taken = this.unmade.size;
    }
    for (const [uri, known] of remembered) {
      const reading = toRead.has(uri);
      // A counted file read again has its counted result replaced (and so uncounted) as any other.
      if (reading && !counted.has(uri)) continue;
      const result = { mentions: FileMentions.renumbered(known.mentions, translation!, this.numbers), ties: tiesWhenRead(known.ties, memory!.texts) };
      this.setResult(uri, result, counted.has(uri));
      if (!reading) taken++;
      yield;
    }
    for (const uri of toRead) {
      const file = this.files.get(uri);
      if (file) {
        const found = failed.has(uri) ? undefined : this.guarded(file, () => this.resolve(file, tokeniseText(file.text, isStopWord, columns)));
        this.setResult(uri, found ?? { mentions: FileMentions.of([], '', this.numbers), ties: () => [] });
      }
      yield;
    }
    this.generationCount++;
    for (const listener of this.listeners) listener();
    return taken;
  }

  /**
   * Adds the names a restored memory taught to the learned names, a file a step (see
   * LearnedNames.restore), then makes the capitalised words' lists by key: an edit would
   * otherwise do it first, at once, a quarter of a second and 60 ms at 100k articles.
   * Nothing to do when they were not restored, or made since.
   */
  *readRestoredSteps(): Steps {
    yield* this.learned.readRestored();
    this.capitals.prepareVersionsByKey();
  }

  /**
   * The files that mention each organisation, as a memory kept them (see OrganisationFiles),
   * into an index that has none; false, with nothing taken, when they do not add up.
   */
  private restoreMentionedIn({ organisations, ends, files }: OrganisationFiles, uris: readonly string[], ids: readonly string[]): boolean {
    const arrays = [organisations, ends, files].every((array) => array instanceof Int32Array);
    if (!arrays || organisations.length !== ends.length || (ends.at(-1) ?? 0) !== files.length || this.byOrganisation.size > 0) return false;
    if (organisations.some((number) => number < 0 || number >= ids.length) || files.some((index) => index < 0 || index >= uris.length)) return false;
    if (ends.some((end, k) => end < (k === 0 ? 0 : ends[k - 1]))) return false;
    let start = 0;
    organisations.forEach((number, k) => {
      const id = ids[number];
      const mentioning = new ListedSet();
      for (let f = start; f < ends[k]; f++) mentioning.add(uris[files[f]]);
      start = ends[k];
      this.byOrganisation.set(id, mentioning);
      this.changedIn.set(id, this.generationCount + 1);
    });
    return true;
  }

  /** A file's result, made now if it was restored and not yet made (see unmade). */
  private resultOf(uri: string): FoundInFile | undefined {
    const found = this.results.get(uri);
    const known = found ? undefined : this.unmade.get(uri);
    if (!known) return found;
    const { texts, translation } = this.unmadeFrom!;
    const made = { mentions: FileMentions.renumbered(known.mentions, translation, this.numbers), ties: tiesWhenRead(known.ties, texts) };
    this.unmade.delete(uri);
    this.results.set(uri, made);
    return made;
  }

  /**
   * Starts an empty index from the counts of a memory: every file's tallies and capitalised
   * words as they were, less those of the files changed or gone since. Returns the files
   * counted as they are now, with what the memory knows of each (so that it is not looked
   * up by hash again); none when the memory lacks what a file counted. A step a file
   * checked or changed: at 100k articles this took 140-170 ms, in which no hover was answered.
   * `files`, the files of the update, are those of `this.files` in the update's order;
   * `inOrder` says they came in the memory's order, so that the counted files are keyed in theirs.
   */
  private *restoreCounts(
    memory: RecognitionMemory,
    counts: RememberedCounts,
    translation: MentionTranslation,
    files: readonly IndexedFile[],
  ): Steps<{ counted: Map<string, RememberedFile>; inOrder: boolean }> {
    const { uris } = counts.capitals;
    const counted = new Map<string, RememberedFile>();
    const changed: { uri: string; known: RememberedFile }[] = [];
    // In the memory's order (see rememberSteps), the i-th file is the memory's.
    const inOrder = inOrderOf(files, uris);
    for (let i = 0; i < uris.length; i++) {
      yield;
      const known = memory.files.get(counts.hashes[i]);
      if (!known) return { counted: new Map(), inOrder };
      const file = inOrder ? files[i] : this.files.get(uris[i]);
      // Keyed by the corpus's own string, which later lookups give.
      if (file?.hash === counts.hashes[i]) counted.set(file.uri, known);
      else changed.push({ uri: uris[i], known });
    }
    this.capitals.restore(counts.capitals);
    yield;
    this.tallies.restore(counts.tallies);
    for (const { uri, known } of changed) {
      yield;
      this.capitals.delete(uri);
      this.tallies.apply(uri, FileMentions.renumbered(known.mentions, translation, this.numbers), unpackTies(known.ties, memory.texts), -1);
    }
    return { counted, inOrder };
  }

  /**
   * What the index has found, by content hash, for `updateSteps` to take up in a later
   * session (see memory.ts). Between updates only: during one, results are a mix.
   */
  remember(): RecognitionMemory {
    return runAll(this.rememberSteps());
  }

  /** `remember`, a file at a time; no update may run until the last step. */
  *rememberSteps(): Steps<RecognitionMemory> {
    const keys = new Numbering();
    const texts = new Numbering();
    const files = new Map<string, RememberedFile>();
    for (const uri of [...this.results.keys(), ...this.unmade.keys()]) {
      const file = this.files.get(uri);
      const found = this.resultOf(uri);
      if (!file || !found) continue;
      const discovery = this.learned.discoveryOf(uri);
      files.set(file.hash, {
        discovery: discovery && packDiscovery(discovery, texts),
        capitals: Int32Array.from(this.capitals.keysOf(uri), (key) => keys.numberOf(key)),
        mentions: found.mentions.numbered(),
        ties: packTies(found.ties(), texts),
      });
      yield;
    }
    const learned = [...this.learned.settledSpellings()].flat();
    // In the order of the files, which is the corpus's: the next session's scan brings them in it (see restoreCounts).
    const capitals = this.capitals.snapshot(this.files.keys());
    const hashes = capitals.uris.map((uri) => this.files.get(uri)!.hash);
    const tallies: SavedTallies[] = [];
    for (const group of this.tallies.saved()) {
      tallies.push(group);
      yield;
    }
    const counts = { capitals, hashes, tallies, mentionedIn: this.mentionedIn(capitals.uris) };
    return { ids: [...this.numbers.ids.all()], spellings: [...this.numbers.spellings.all()], keys: keys.all(), texts: texts.all(), learned, settled: this.learned.settledNames(), files, counts };
  }

  /** The files that mention each organisation, for a memory whose files are `uris` (see OrganisationFiles). */
  private mentionedIn(uris: readonly string[]): OrganisationFiles | undefined {
    const index = positionsOf(uris);
    const organisations: number[] = [];
    const ends: number[] = [];
    const files: number[] = [];
    for (const [id, mentioning] of this.byOrganisation) {
      organisations.push(this.numbers.ids.numberOf(id));
      for (const uri of mentioning) {
        const at = index.get(uri);
        if (at === undefined) return undefined;
        files.push(at);
      }
      ends.push(files.length);
    }
    return { organisations: Int32Array.from(organisations), ends: Int32Array.from(ends), files: Int32Array.from(files) };
  }

  /**
   * What `read` gives, or undefined when it throws on the file's text: one file the
   * recogniser fails on counts as mentioning nothing, and is reported (see takeFailures),
   * rather than stopping the recognition of the whole workspace.
   */
  private guarded<T>(file: IndexedFile, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.failures.push({ uri: file.uri, relativePath: file.relativePath, message: errorMessage(error) });
      return undefined;
    }
  }

  /** The files the recogniser failed on since this was last asked, with why (see guarded). */
  takeFailures(): RecognitionFailure[] {
    const taken = this.failures;
    this.failures = [];
    return taken;
  }

  /** Files whose capitalised words include every capitalised word of the name (a name's capitals must be written as such). */
  private filesThatMayContain(spelling: string): string[] {
    const capitals = nameWords(spelling)
      .filter((word) => /^\p{Lu}/u.test(word.text))
      .map((word) => word.key);
    return this.capitals.filesWithAll(capitals);
  }

  mentionsIn(uri: string): FileOrganisations {
    const found = this.resultOf(uri);
    return found ? { mentions: found.mentions.all(), ties: found.ties() } : { mentions: [], ties: [] };
  }

  /** The ids of the organisations mentioned in one article of a file, in order of first mention. */
  idsInArticle(uri: string, article: number): string[] {
    return this.resultOf(uri)?.mentions.ids(article) ?? [];
  }

  /** The mention that covers `offset` (its end included, as a cursor after a word is on it). */
  mentionAt(uri: string, offset: number): OrganisationMention | undefined {
    const mentions = this.resultOf(uri)?.mentions;
    const index = mentions?.indexAt(offset) ?? -1;
    return index >= 0 ? mentions?.mention(index) : undefined;
  }

  /**
   * What a cursor at `offset` is on: a mention, or the "The" that begins an organisation's
   * name just before its mention ("The King’s Fund", where the mention is "King’s Fund", so
   * that the name matches however the text writes it), then from the "The".
   */
  mentionUnder(uri: string, offset: number): OrganisationMention | undefined {
    const mention = this.mentionAt(uri, offset);
    if (mention) return mention;
    const text = this.files.get(uri)?.text;
    if (text === undefined) return undefined;
    const isLetter = (at: number): boolean => /\p{L}/u.test(text.charAt(at));
    let start = offset;
    while (start > 0 && isLetter(start - 1)) start--;
    let end = offset;
    while (isLetter(end)) end++;
    if (text.slice(start, end).toLowerCase() !== 'the') return undefined;
    let next = end;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    const after = next > end ? this.mentionAt(uri, next) : undefined;
    if (!after || after.start !== next || !/^the\s/i.test(this.organisation(after.id)?.name ?? '')) return undefined;
    return { ...after, start };
  }

  /** Files that mention an organisation, with the mentions in each (made when asked for). */
  mentionsOf(id: string): ReadonlyMap<string, OrganisationMention[]> {
    const byFile = new Map<string, OrganisationMention[]>();
    for (const uri of this.byOrganisation.get(id) ?? []) byFile.set(uri, this.resultOf(uri)?.mentions.of(id) ?? []);
    return byFile;
  }

  /** The number of files that mention an organisation. */
  fileCountOf(id: string): number {
    return this.byOrganisation.get(id)?.size ?? 0;
  }

  file(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  /** Ids of every organisation mentioned at least once. */
  mentionedIds(): IterableIterator<string> {
    return this.byOrganisation.keys();
  }

  organisation(id: string): Organisation | undefined {
    const entry = this.gazetteer.entries.get(id);
    if (entry) return this.fromGazetteer(entry);
    const learned = this.learned.organisation(id);
    return learned ? this.fromText(learned) : undefined;
  }

  private fromGazetteer(entry: OrganisationEntry): Organisation {
    const aliases = [...new Set([...entry.aliases, ...this.learned.acronymsFor(entry.id)])];
    const organisation: Organisation = { id: entry.id, name: entry.name, aliases, source: 'gazetteer' };
    if (entry.description) organisation.description = entry.description;
    return organisation;
  }

  private fromText(learned: LearnedOrganisation): Organisation {
    const { uri, name } = learned.source;
    // Its own copy: summaries are kept, and a slice would keep the whole decoded text alive.
    const text = ownCopy(this.files.get(uri)?.text.slice(name.sentence.start, name.sentence.end).trim() ?? name.name);
    return {
      id: learned.id,
      name: learned.name,
      aliases: learned.acronyms,
      definition: { uri, start: name.sentence.start, end: name.sentence.end, text },
      source: 'text',
    };
  }

  private rebuildKnown(): void {
    const known = new NameDictionary();
    for (const entry of this.gazetteer.entries.values()) {
      for (const name of [entry.name, ...entry.aliases]) {
        if (!this.gazetteer.ignored.has(nameWords(name).map((word) => word.key).join(' '))) known.add(name, entry.id, entry.ambiguous);
      }
    }
    this.known = known;
  }

  private discover(source: string, text: TokenisedText): Discovery {
    return discoverOrganisations(source, text, {
      idOfKey: (key) => this.known.lookupKey(key),
      ignored: this.gazetteer.ignored,
    });
  }

  /** Mentions: the longest known or learned name at each position; ties to people around them. */
  private resolve(file: IndexedFile, text: TokenisedText): FoundInFile {
    const learned = this.learned.dictionary();
    const { tokens } = text;
    const mentions: OrganisationMention[] = [];
    /** The first and last token of each mention, one after the other. */
    const tokenRanges: number[] = [];
    // Every name starts with a capital ("the" is not part of one): other tokens cannot start a match.
    const { capitalised } = tokens;
    /** The first token the next mention may start at. */
    let from = 0;
    for (let c = 0; c < capitalised.length; c++) {
      const i = capitalised[c];
      if (i < from) continue;
      const match = longer(this.known.match(text, i), learned.match(text, i));
      if (!match) continue;
      mentions.push({ id: match.id, start: match.start, end: match.end, article: articleAt(file, match.start) });
      tokenRanges.push(i, match.next - 1);
      from = match.next;
    }
    // Asked a few times per mention: a search of the ranges costs less than marking every token of the file.
    const taken = (index: number): boolean => inRanges(tokenRanges, index);
    const ties: FileOrganisations['ties'] = [];
    for (let r = 0; r < tokenRanges.length; r += 2) {
      for (const person of tiesAround(tokens, tokenRanges[r], tokenRanges[r + 1], taken)) ties.push({ id: mentions[r / 2].id, person });
    }
    return { mentions: FileMentions.of(mentions, text.tokens.source, this.numbers), ties: () => ties };
  }

  /** undefined: the file is gone. `counted`: the tallies count the result already (see restoreCounts). */
  private setResult(uri: string, result: FoundInFile | undefined, counted = false): void {
    const previous = this.resultOf(uri);
    if (previous) this.tallies.apply(uri, previous.mentions, previous.ties(), -1);
    if (result && !counted) this.tallies.apply(uri, result.mentions, result.ties(), 1);
    const previousIds = previous?.mentions.ids() ?? [];
    const ids = result?.mentions.ids() ?? [];
    // The update in progress ends by increasing the generation.
    for (const id of previousIds) this.changedIn.set(id, this.generationCount + 1);
    for (const id of ids) this.changedIn.set(id, this.generationCount + 1);
    for (const id of previousIds) {
      const files = this.byOrganisation.get(id);
      files?.delete(uri);
      if (files?.size === 0) this.byOrganisation.delete(id);
    }
    if (!result) {
      this.results.delete(uri);
      return;
    }
    this.results.set(uri, result);
    for (const id of ids) {
      let files = this.byOrganisation.get(id);
      if (!files) this.byOrganisation.set(id, (files = new ListedSet()));
      files.add(uri);
    }
  }
}

/** The longer of two matches at the same place; the gazetteer's on a tie. */
function longer(known: NameMatch | undefined, learned: NameMatch | undefined): NameMatch | undefined {
  if (!known) return learned;
  if (!learned) return known;
  return learned.end > known.end ? learned : known;
}

/** Whether `index` is in one of `ranges`: first and last of each, in order, not overlapping. */
function inRanges(ranges: readonly number[], index: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (index < ranges[2 * mid]) high = mid - 1;
    else if (index > ranges[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

function articleAt(file: IndexedFile, offset: number): number {
  const { articles } = file;
  let low = 0;
  let high = articles.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < articles[mid].startOffset) high = mid - 1;
    else if (offset >= articles[mid].endOffset) low = mid + 1;
    else return mid;
  }
  return -1;
}

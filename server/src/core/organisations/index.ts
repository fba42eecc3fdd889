/**
 * The organisations of a whole corpus, kept up to date file by file. For each changed file:
 * discover the names it teaches, settle what the corpus has learned, then find the mentions
 * in that file and in every other file that contains a name just learned or forgotten.
 */
import type { Corpus, CorpusChange, IndexedFile } from '../corpus';
import { isStopWord } from '../stopwords';
import { Steps, runAll } from '../steps';
import { ownCopy } from '../text';
import { CapitalsIndex } from './capitals';
import { NameDictionary, NameMatch } from './dictionary';
import { Discovery, discoverOrganisations } from './discover';
import { Gazetteer, GazetteerFile, OrganisationEntry, builtInGazetteer, mergeGazetteers } from './gazetteer';
import { LearnedNames, LearnedOrganisation } from './learned';
import { FileMentions, OrganisationNumbers } from './mentions';
import { tiesAround } from './people';
import { Tallies } from './tallies';
import { BYTES_PER_TOKEN, TokenisedText, nameWords, tokeniseText } from './tokens';

/**
 * Memory for the tokens kept between the two passes of an update, and for the decoded texts
 * they hold (counted at two bytes a character): past it, a large batch tokenises its files
 * again for the second pass. At 10k articles almost every file fits; at 100k a fifth did
 * with 8M tokens, which held about 270 MB at the peak of the first update.
 */
const MAX_KEPT_BYTES = 128e6;

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
  ties: FileOrganisations['ties'];
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

export interface OrganisationIndexOptions {
  /** Replaces the built-in gazetteer (for measuring the recogniser without it). */
  builtIn?: GazetteerFile;
}

export class OrganisationIndex {
  private gazetteer: Gazetteer;
  private known = new NameDictionary();
  private learned = new LearnedNames();
  private readonly files = new Map<string, IndexedFile>();
  private readonly numbers = new OrganisationNumbers();
  private readonly results = new Map<string, FoundInFile>();
  private readonly capitals = new CapitalsIndex();
  /** Organisation id -> the files that mention it (their mentions are in `results`). */
  private readonly byOrganisation = new Map<string, Set<string>>();
  private readonly listeners: (() => void)[] = [];
  private readonly builtIn: GazetteerFile;
  private generationCount = 0;
  readonly tallies = new Tallies();
  /** The file version each result was computed from (its text gives the mentions' spellings). */
  private readonly resultFiles = new Map<string, IndexedFile>();
  /** Organisation id -> the generation in which its mentions last changed. */
  private readonly changedIn = new Map<string, number>();

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
  update(change: CorpusChange): void {
    runAll(this.updateSteps(change));
  }

  /**
   * `update`, one file at a time: the caller may pause between steps (the language server
   * does, so that a whole workspace's update does not keep requests waiting). Until the
   * last step the index answers from a mix of old and new results, and no other update
   * may start.
   */
  *updateSteps(change: CorpusChange): Steps {
    for (const uri of change.removed) {
      this.files.delete(uri);
      this.learned.setFile(uri, undefined);
      this.setResult(uri, undefined);
      this.capitals.delete(uri);
    }
    // The changed files' tokens serve both passes, as far as memory allows.
    const kept = new Map<string, TokenisedText>();
    let keptBytes = 0;
    for (const file of change.updated) {
      this.files.set(file.uri, file);
      const text = tokeniseText(file.text, isStopWord);
      this.learned.setFile(file.uri, this.discover(file.text, text));
      this.capitals.set(file.uri, capitalisedKeys(text));
      const bytes = text.tokens.length * BYTES_PER_TOKEN + 2 * text.tokens.source.length;
      if (keptBytes + bytes <= MAX_KEPT_BYTES) {
        kept.set(file.uri, text);
        keptBytes += bytes;
      }
      yield;
    }
    const toRead = new Set(change.updated.map((file) => file.uri));
    for (const spelling of this.learned.settle()) {
      // Once every file is to be read (as on the first scan), there are none to look for.
      if (toRead.size === this.files.size) break;
      for (const uri of this.filesThatMayContain(spelling)) toRead.add(uri);
    }
    yield;
    for (const uri of toRead) {
      const file = this.files.get(uri);
      const text = file && (kept.get(uri) ?? tokeniseText(file.text, isStopWord));
      if (file && text) this.setResult(uri, { result: this.resolve(file, text), text: text.tokens.source });
      kept.delete(uri);
      yield;
    }
    this.generationCount++;
    for (const listener of this.listeners) listener();
  }

  /** Files whose capitalised words include every capitalised word of the name (a name's capitals must be written as such). */
  private filesThatMayContain(spelling: string): string[] {
    const capitals = nameWords(spelling)
      .filter((word) => /^\p{Lu}/u.test(word.text))
      .map((word) => word.key);
    return this.capitals.filesWithAll(capitals);
  }

  mentionsIn(uri: string): FileOrganisations {
    const found = this.results.get(uri);
    return found ? { mentions: found.mentions.all(), ties: found.ties } : { mentions: [], ties: [] };
  }

  /** The ids of the organisations mentioned in one article of a file, in order of first mention. */
  idsInArticle(uri: string, article: number): string[] {
    return [...(this.results.get(uri)?.mentions.ids(article) ?? [])];
  }

  /** The mention that covers `offset` (its end included, as a cursor after a word is on it). */
  mentionAt(uri: string, offset: number): OrganisationMention | undefined {
    const mentions = this.results.get(uri)?.mentions;
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
    for (const uri of this.byOrganisation.get(id) ?? []) byFile.set(uri, this.results.get(uri)?.mentions.of(id) ?? []);
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
    for (let i = 0; i < tokens.length; ) {
      // Every name starts with a capital ("the" is not part of one): other tokens cannot start a match.
      const match = tokens.cap(i) ? longer(this.known.match(text, i), learned.match(text, i)) : undefined;
      if (!match) {
        i++;
        continue;
      }
      mentions.push({ id: match.id, start: match.start, end: match.end, article: articleAt(file, match.start) });
      tokenRanges.push(i, match.next - 1);
      i = match.next;
    }
    const inMention = new Uint8Array(tokens.length);
    for (let r = 0; r < tokenRanges.length; r += 2) inMention.fill(1, tokenRanges[r], tokenRanges[r + 1] + 1);
    const taken = (index: number): boolean => inMention[index] === 1;
    const ties: FileOrganisations['ties'] = [];
    for (let r = 0; r < tokenRanges.length; r += 2) {
      for (const person of tiesAround(tokens, tokenRanges[r], tokenRanges[r + 1], taken)) ties.push({ id: mentions[r / 2].id, person });
    }
    return { mentions: FileMentions.of(mentions, this.numbers), ties };
  }

  /** `found.text`: the file's text the result was found in, already decoded (see Tallies.apply); undefined: the file is gone. */
  private setResult(uri: string, found: { result: FoundInFile; text: string } | undefined): void {
    const result = found?.result;
    const previous = this.results.get(uri);
    const previousFile = this.resultFiles.get(uri);
    if (previous && previousFile) this.tallies.apply(uri, previousFile.text, previous.mentions, previous.ties, -1);
    const file = this.files.get(uri);
    if (found && file) {
      this.tallies.apply(uri, found.text, found.result.mentions, found.result.ties, 1);
      this.resultFiles.set(uri, file);
    } else {
      this.resultFiles.delete(uri);
    }
    const previousIds = previous?.mentions.ids() ?? new Set<string>();
    const ids = result?.mentions.ids() ?? new Set<string>();
    // The update in progress ends by increasing the generation.
    for (const id of [...previousIds, ...ids]) this.changedIn.set(id, this.generationCount + 1);
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
      if (!files) this.byOrganisation.set(id, (files = new Set()));
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

/** The keys of a text's capitalised words, possessives also without their "'s". */
function capitalisedKeys(text: TokenisedText): Set<string> {
  const keys = new Set<string>();
  const { tokens } = text;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.cap(i)) continue;
    keys.add(tokens.key(i));
    if (tokens.possessiveAt(i) >= 0) keys.add(tokens.possessiveKey(i));
  }
  return keys;
}

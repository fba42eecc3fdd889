/**
 * What the corpus has taught: names accepted on evidence and acronyms defined in some text,
 * with the files each came from, so that a name recognised once is recognised everywhere
 * and forgotten when the last file that taught it changes or goes.
 */
import { NameDictionary } from './dictionary';
import type { AcronymDefinition, DiscoveredName, Discovery } from './discover';
import { EVIDENCE_STRENGTH } from './evidence';
import { unpackDiscovery } from './packedFindings';
import { Steps, runAll } from '../steps';
import { ownCopy } from '../text';

export interface LearnedOrganisation {
  id: string;
  name: string;
  /** Where the strongest evidence for it was found. */
  source: { uri: string; name: DiscoveredName };
  /** Acronyms defined for it in the corpus. */
  acronyms: string[];
}

/** What a file taught, packed (see packDiscovery); undefined when it taught nothing. */
export interface PackedDiscovery {
  readonly discovery: Int32Array | undefined;
}

/**
 * What settle() made of the names, for a memory to keep (see restore): each organisation
 * learned as its id, the file of its strongest source and that source's name key; then
 * each acronym with the organisation it stands for. Strings one after the other, in the
 * order settle() found them.
 */
export interface SettledNames {
  organisations: string[];
  acronyms: string[];
}

export class LearnedNames {
  private readonly names = new Map<string, Map<string, DiscoveredName>>();
  private readonly acronyms = new Map<string, Map<string, AcronymDefinition>>();
  private readonly byFile = new Map<string, Discovery>();
  private resolved = new Map<string, LearnedOrganisation>();
  private acronymIds = new Map<string, string>();
  private settled = new Map<string, string>();
  private dictionaryCache: NameDictionary | undefined;
  /** Files restored from a memory whose packed discoveries (see restore) are not in `names` and `acronyms` yet. */
  private unread = new Map<string, PackedDiscovery>();
  /** The strings of the unread discoveries. */
  private unreadTexts: readonly string[] = [];

  /**
   * Starts from a memory of an earlier session: what its files taught, packed (see
   * packDiscovery), and what that settled to (see settledNames), which is what settling
   * them again would give when these are all of that session's files, unchanged, as the
   * caller makes sure. The discoveries are added to the names only before a change (see
   * readRestored): at 100k articles, making and adding their 130k names and acronyms was
   * a quarter of a second of a warm start, and nothing reads them unless a file changes.
   * Only into an instance nothing was set in; `files` is taken, not copied. False, with
   * nothing restored, when the settled names do not match the files (a damaged memory).
   */
  restore(files: Map<string, PackedDiscovery>, texts: readonly string[], settled: SettledNames, spellings: Map<string, string>): boolean {
    const { organisations, acronyms } = settled;
    if (!Array.isArray(organisations) || !Array.isArray(acronyms) || organisations.length % 3 !== 0 || acronyms.length % 2 !== 0) return false;
    const resolved = new Map<string, LearnedOrganisation>();
    for (let i = 0; i < organisations.length; i += 3) {
      const [id, uri, key] = organisations.slice(i, i + 3);
      const packed = files.get(uri)?.discovery;
      const name = packed && unpackDiscovery(packed, texts).names.find((candidate) => candidate.key === key);
      if (!name || name.id !== id) return false;
      resolved.set(id, { id, name: name.name, source: { uri, name }, acronyms: [] });
    }
    const acronymIds = new Map<string, string>();
    for (let i = 0; i < acronyms.length; i += 2) {
      acronymIds.set(acronyms[i], acronyms[i + 1]);
      resolved.get(acronyms[i + 1])?.acronyms.push(acronyms[i]);
    }
    this.unread = files;
    this.unreadTexts = texts;
    this.resolved = resolved;
    this.acronymIds = acronymIds;
    this.settled = spellings;
    this.dictionaryCache = undefined;
    return true;
  }

  /** What settle() last made of the names, for a memory (see restore). */
  settledNames(): SettledNames {
    return {
      organisations: [...this.resolved.values()].flatMap(({ id, source }) => [id, source.uri, source.name.key]),
      acronyms: [...this.acronymIds].flat(),
    };
  }

  /** Adds the discoveries of restored files to the names, a file a step (see restore); a change waits for the last. */
  *readRestored(): Steps {
    for (const [uri, { discovery }] of this.unread) {
      this.unread.delete(uri);
      this.replace(uri, discovery && unpackDiscovery(discovery, this.unreadTexts), false);
      yield;
    }
  }

  /** Replaces what a file taught (undefined: the file is gone); takes effect at settle(). */
  setFile(uri: string, found: Discovery | undefined): void {
    runAll(this.readRestored());
    this.replace(uri, found, true);
  }

  /**
   * setFile for a discovery unpacked from a recognition memory (see unpackDiscovery): its
   * strings are the memory's, one per text and cut from no file's text, so the discovery
   * is kept as it is rather than copied (see ownName).
   */
  setRemembered(uri: string, found: Discovery | undefined): void {
    runAll(this.readRestored());
    this.replace(uri, found, false);
  }

  private replace(uri: string, found: Discovery | undefined, copied: boolean): void {
    const previous = this.byFile.get(uri);
    if (previous) {
      for (const name of previous.names) this.names.get(name.key)?.delete(uri);
      for (const acronym of previous.acronyms) this.acronyms.get(acronym.short)?.delete(uri);
    }
    if (found && (found.names.length > 0 || found.acronyms.length > 0)) {
      this.byFile.set(uri, {
        names: found.names.map((name) => this.addName(uri, name, copied)),
        acronyms: found.acronyms.map((acronym) => this.addAcronym(uri, acronym, copied)),
      });
    } else {
      this.byFile.delete(uri);
    }
  }

  /** Adds a name found in a file; returns it as kept (see ownName). */
  private addName(uri: string, discovered: DiscoveredName, copied: boolean): DiscoveredName {
    let sources = this.names.get(discovered.key);
    const name = copied ? ownName(discovered, sources && firstOf(sources)) : discovered;
    if (!sources) this.names.set(name.key, (sources = new Map()));
    const existing = sources.get(uri);
    if (!existing || EVIDENCE_STRENGTH[name.evidence] > EVIDENCE_STRENGTH[existing.evidence]) sources.set(uri, name);
    return name;
  }

  private addAcronym(uri: string, discovered: AcronymDefinition, copied: boolean): AcronymDefinition {
    let sources = this.acronyms.get(discovered.short);
    const acronym = copied ? ownAcronym(discovered, sources && firstOf(sources)) : discovered;
    if (!sources) this.acronyms.set(acronym.short, (sources = new Map()));
    if (!sources.has(uri)) sources.set(uri, acronym);
    return acronym;
  }

  /**
   * Settles names and acronyms after a batch of setFile calls and tells which spellings
   * appeared, disappeared or now stand for another organisation.
   */
  settle(): Set<string> {
    // Files still unread: nothing was set since restore(), whose names are settled already.
    if (this.unread.size > 0) return new Set();
    const before = this.settled;
    const resolved = new Map<string, LearnedOrganisation>();
    /** Every learned spelling with the organisation it stands for: a name's with its strongest source's, then the acronyms'. */
    const after = new Map<string, string>();
    for (const [key, sources] of this.names) {
      if (sources.size === 0) {
        this.names.delete(key);
        continue;
      }
      const [uri, name] = strongest(sources);
      const { id } = name;
      if (!resolved.has(id)) resolved.set(id, { id, name: name.name, source: { uri, name }, acronyms: [] });
      for (const source of sources.values()) after.set(source.name, id);
    }
    const acronymIds = new Map<string, string>();
    for (const [short, sources] of this.acronyms) {
      if (sources.size === 0) {
        this.acronyms.delete(short);
        continue;
      }
      // The long form defined most often wins; a tie goes to the first file in order.
      const votes = new Map<string, number>();
      for (const definition of sources.values()) {
        const { id } = definition;
        votes.set(id, (votes.get(id) ?? 0) + 1);
      }
      const id = [...votes].sort((a, b) => b[1] - a[1])[0][0];
      acronymIds.set(short, id);
      resolved.get(id)?.acronyms.push(short);
    }
    for (const [short, id] of acronymIds) after.set(short, id);
    this.resolved = resolved;
    this.acronymIds = acronymIds;
    this.settled = after;
    const changed = spellingsChanged(before, after);
    if (changed.size > 0) this.dictionaryCache = undefined;
    return changed;
  }

  /** What a file taught, as kept (see setFile). */
  discoveryOf(uri: string): Discovery | undefined {
    const packed = this.unread.get(uri);
    if (!packed) return this.byFile.get(uri);
    return packed.discovery && unpackDiscovery(packed.discovery, this.unreadTexts);
  }

  /** Every learned spelling with the organisation it stands for, as of the last settle(). */
  settledSpellings(): ReadonlyMap<string, string> {
    return this.settled;
  }

  organisation(id: string): LearnedOrganisation | undefined {
    return this.resolved.get(id);
  }

  all(): IterableIterator<LearnedOrganisation> {
    return this.resolved.values();
  }

  /** Acronyms defined in the corpus for an organisation known by other means (the gazetteer). */
  acronymsFor(id: string): string[] {
    return [...this.acronymIds].filter(([, target]) => target === id).map(([short]) => short);
  }

  /** The spellings learned so far, as a dictionary to match every text against. */
  dictionary(): NameDictionary {
    if (!this.dictionaryCache) {
      const dictionary = new NameDictionary();
      for (const [spelling, id] of this.settled) dictionary.add(spelling, id);
      this.dictionaryCache = dictionary;
    }
    return this.dictionaryCache;
  }
}

/** Spellings learned, forgotten or standing for another organisation in `after` than in `before` (spelling -> id). */
export function spellingsChanged(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [spelling, id] of after) if (before.get(spelling) !== id) changed.add(spelling);
  for (const spelling of before.keys()) if (!after.has(spelling)) changed.add(spelling);
  return changed;
}

function strongest(sources: Map<string, DiscoveredName>): [string, DiscoveredName] {
  let best: [string, DiscoveredName] | undefined;
  for (const entry of sources) {
    if (!best || EVIDENCE_STRENGTH[entry[1].evidence] > EVIDENCE_STRENGTH[best[1].evidence] || (EVIDENCE_STRENGTH[entry[1].evidence] === EVIDENCE_STRENGTH[best[1].evidence] && entry[0] < best[0])) {
      best = entry;
    }
  }
  return best!;
}

function firstOf<T>(sources: Map<string, T>): T | undefined {
  return sources.values().next().value;
}

/**
 * Discoveries keep strings of their own: slices would keep the text they were cut from
 * alive, and a file's text is decoded afresh at each reading (see storedText.ts). The
 * same name is found in many files: where another file's discovery of it (`other`) holds
 * an equal string, that one is shared rather than copied again, which halved what the
 * learned names take.
 */
function ownName(name: DiscoveredName, other: DiscoveredName | undefined): DiscoveredName {
  return { ...name, name: shared(name.name, other?.name), key: shared(name.key, other?.key), id: shared(name.id, other?.id) };
}

function ownAcronym(acronym: AcronymDefinition, other: AcronymDefinition | undefined): AcronymDefinition {
  return {
    ...acronym,
    short: shared(acronym.short, other?.short),
    id: shared(acronym.id, other?.id),
    longKey: shared(acronym.longKey, other?.longKey),
    long: shared(acronym.long, other?.long),
  };
}

/** `text`, as `kept` when equal, else as a copy of its own. */
function shared(text: string, kept: string | undefined): string {
  return text === kept ? kept : ownCopy(text);
}

/**
 * The themes of a corpus, kept up to date as files change, without reshuffling them:
 * a new or edited article joins the theme of an identical article, a user theme whose
 * keywords it uses, or the nearest existing centroid. The whole corpus is clustered again
 * only on request, when the options change, or when a large share of the articles has
 * changed since the last clustering (lazily, the next time themes are asked for).
 *
 * A clustering runs at once (`settle`, `recluster`) or in slices (`settleInSlices`, for
 * the language server): while one runs in slices, reads see the last finished clustering
 * (nothing before the first) and edits are taken in; the articles changed meanwhile are
 * placed by the new model when it is applied. In the language server, the last clustering
 * is kept between sessions and restored in slices instead (see storedThemes.ts).
 */
import type { Article } from '../articles';
import type { Corpus, CorpusChange, IndexedFile } from '../corpus';
import {
  ClusteringSummary,
  OTHER_THEME_ID,
  Theme,
  ThemeInput,
  ThemeModel,
  ThemeOptions,
  defaultThemeOptions,
  discoverThemes,
} from './discover';
import { nearestCentroid } from './kmeans';
import { SharedSlicedRun, Steps, runAll } from '../steps';
import { compareCodeUnits } from '../text';
import { TakenVocabularies, takeVocabularies } from './articleVocabulary';
import { ArticleTerms, TermDictionary, TermKey } from './terms';
import { heaviestColumns, isZero, tfidfVector } from './vectors';
import { ChosenKeywords, FinishedClustering, StoredThemes, restoreThemes, storedThemes } from './storedThemes';

/** Names of the organisations an article mentions (the `index`-th article of the file). */
export type OrganisationsOf = (uri: string, index: number) => readonly string[];

/** How the themes were found, told after each time (for the log). */
export type ThemesFound =
  | (ClusteringSummary & { how: 'clustered'; articles: number; themes: number; ms: number })
  | { how: 'restored'; articles: number; themes: number; placed: number; ms: number }
  | { how: 'not restored'; reason: string };

/** Distinctive terms given per article (for search and hovers). */
const ARTICLE_KEYWORDS = 12;

/** Once this share of the articles clustered last time has changed, the next read clusters again. */
const RECLUSTER_SHARE = 0.2;
/** Articles given the results of a clustering (their keywords) between two yields. */
const ENTRIES_PER_STEP = 256;
/**
 * Articles whose terms are counted between two yields (before a clustering, or in idle
 * moments): counting reads the article's vocabulary from the index cache, about 0.2 ms an
 * article at 100k, and 256 articles a step made steps of 50 ms, which hovers waited for.
 */
const COUNTED_PER_STEP = 32;
/** Files taken in (see takeInSteps) between two yields; each reads its vocabularies from the index cache. */
const FILES_PER_STEP = 16;

export interface ThemedArticle {
  uri: string;
  relativePath: string;
  /** Index in the file's `articles`. */
  index: number;
  article: Article;
  themeId: string;
  /** How many other articles are copies of this one (same words, or almost). */
  copies: number;
}

export interface ThemeSummary extends Theme {
  articleCount: number;
}

interface Entry {
  uri: string;
  relativePath: string;
  index: number;
  article: Article;
  /** See ArticleTerms.textHash. */
  textHash: string;
  /**
   * Counted from the article's vocabulary when first needed (see termsOf): in a workspace
   * opened again, by its first clustering, so that its scan does not wait for them.
   */
  terms?: ArticleTerms;
  /** The vocabulary the terms are counted from, until they are. */
  vocabularies?: TakenVocabularies;
  theme: number;
  /**
   * Articles of the same copy group share one array. None before the first clustering,
   * which groups every article (see apply): a workspace opened again has 100k to index.
   */
  group: Entry[] | undefined;
  /** The article's keywords (ARTICLE_KEYWORDS of them), as of a clustering and the organisations it mentioned then. */
  keywords?: ChosenKeywords & { clustering: number };
  /** The clustering that gave the article its theme, if one did (see applying); otherwise it was placed. */
  appliedIn?: number;
}

/** The themes of the articles `entries`, found by a clustering or restored (see reclustering). */
interface Found {
  model: ThemeModel;
  /** The articles of the model's assignment, in its order. */
  entries: Entry[];
  /** The keywords of the `i`-th of them. */
  keywordsOf(i: number): ChosenKeywords | undefined;
}

/** Takes an article out of a copy group, and the group out of `groups` under its text hash when no other article of the group has that text. */
function leave(groups: Map<string, Entry[]>, entry: Entry, group: Entry[]): void {
  const at = group.indexOf(entry);
  if (at >= 0) group.splice(at, 1);
  const hash = entry.textHash;
  if (groups.get(hash) === group && !group.some((other) => other.textHash === hash)) groups.delete(hash);
}

/** The organisations an article mentions, as one string to compare. */
function namesKey(names: readonly string[]): string {
  return names.join('\n');
}

export class ThemeIndex {
  private readonly dictionary = new TermDictionary();
  private readonly entries = new Map<string, Entry[]>();
  /** Text hash -> the copy group of the articles with that text. */
  private groups = new Map<string, Entry[]>();
  private model: ThemeModel | undefined;
  /** The last clustering made here (not restored), until taken to be stored (see takeFinishedClustering). */
  private finished: FinishedClustering | undefined;
  /** Where a clustering stored by an earlier session is read from, if anywhere (see readStoredFrom). */
  private readStored: (() => Promise<StoredThemes | undefined>) | undefined;
  /** The read of the stored clustering, once started; what it read until a clustering uses it or not. */
  private storedRead: Promise<void> | undefined;
  private stored: StoredThemes | undefined;
  private clusteredArticles = 0;
  /** The themes with their article counts, as of a generation (see themes). */
  private counted: { generation: number; themes: ThemeSummary[] } | undefined;
  /**
   * Keys (uri#index) of the articles added, changed or removed since the last clustering
   * began. Not kept while a clustering is due anyway (stale): the next one starts afresh.
   */
  private readonly changedSinceClustering = new Set<string>();
  private stale = true;
  private generationCount = 0;
  private clusteringCount = 0;
  private readonly articleListeners: ((uris: readonly string[]) => void)[] = [];
  private readonly slicedClustering = new SharedSlicedRun<void>();
  /**
   * Files changed since the index was made, not yet taken in (see update), until something
   * first reads it: a workspace opened again brings 100k articles in its scan, which
   * nothing here reads before the scan ends (clustering, views and hovers come after), and
   * taking them in then means the scan need not decode every file's articles for it.
   */
  private readonly pending = new Map<string, IndexedFile>();

  constructor(
    private options: ThemeOptions = defaultThemeOptions,
    private readonly organisationsOf: OrganisationsOf = () => [],
    /** Told after every full clustering or restored one, with how long it took, and of a stored one not used. */
    private readonly onFound: (found: ThemesFound) => void = () => undefined,
  ) {}

  /**
   * Where a clustering stored by an earlier session is read from (see storedThemes.ts): read
   * once, by the first clustering in slices, and used instead if it still fits the articles.
   * The clusterings made here are then kept until taken to be stored (takeFinishedClustering).
   */
  readStoredFrom(read: () => Promise<StoredThemes | undefined>): void {
    this.readStored = read;
  }

  /** The last clustering made here, once, as steps that make what is stored of it; undefined when none was made since. */
  takeFinishedClustering(): Steps<StoredThemes> | undefined {
    const finished = this.finished;
    this.finished = undefined;
    return finished && storedThemes(finished, this.dictionary);
  }

  /** Follows a corpus: indexes what it holds now and every later change. */
  attach(corpus: Corpus): this {
    this.update({ updated: [...corpus.all()], removed: [] });
    corpus.onChange((change) => this.update(change));
    return this;
  }

  /**
   * Increases whenever what lists show may have changed: themes, or an article's title,
   * line, theme or copies. Typing inside a paragraph leaves it alone, so views and the
   * search index are not rebuilt at every keystroke. A key for caches.
   */
  get generation(): number {
    return this.generationCount;
  }

  /**
   * Increases with every full clustering: themes, their labels and the vocabulary that
   * gives each article its keywords are then new. A key for caches of the whole corpus.
   */
  get clusterings(): number {
    return this.clusteringCount;
  }

  /** Told after every update with the files whose articles changed in any way, body included, or went. */
  onArticlesChanged(listener: (uris: readonly string[]) => void): void {
    this.articleListeners.push(listener);
  }

  setOptions(options: ThemeOptions): void {
    if (JSON.stringify(options) === JSON.stringify(this.options)) return;
    this.options = options;
    this.markStale();
    this.generationCount++;
  }

  update(change: CorpusChange): void {
    const uris = [...change.removed, ...change.updated.map((file) => file.uri)];
    if (this.pending.size > 0 || (!this.model && this.entries.size === 0)) {
      for (const uri of change.removed) {
        this.pending.delete(uri);
        this.removeFile(uri);
      }
      for (const file of change.updated) {
        this.pending.delete(file.uri);
        this.pending.set(file.uri, file);
      }
      this.generationCount++;
      for (const listener of this.articleListeners) listener(uris);
      return;
    }
    const before = this.listedState(change);
    for (const uri of change.removed) this.removeFile(uri);
    for (const file of change.updated) this.updateFile(file);
    if (this.changedSinceClustering.size > RECLUSTER_SHARE * Math.max(1, this.clusteredArticles)) this.markStale();
    if (this.stale || this.listedState(change) !== before) this.generationCount++;
    for (const listener of this.articleListeners) listener(uris);
  }

  /** What lists show of the files of a change: each article's title, line, theme and copies. */
  private listedState(change: CorpusChange): string {
    const uris = [...change.removed, ...change.updated.map((file) => file.uri)];
    return uris
      .map((uri) => {
        const entries = this.entries.get(uri);
        return entries ? entries.map((e) => `${e.article.title}\u0000${e.article.startLine}\u0000${e.theme}\u0000${e.group?.length}`).join('\u0001') : '-';
      })
      .join('\u0002');
  }

  /** Clusters the whole corpus again, at once. */
  recluster(): void {
    runAll(this.reclustering());
  }

  /** Whether reads would cluster first (or, while a clustering runs in slices, wait for it). */
  get needsClustering(): boolean {
    return this.stale || !this.model || this.slicedClustering.running;
  }

  /** The next read clusters the whole corpus again. */
  markStale(): void {
    this.stale = true;
    this.changedSinceClustering.clear();
  }

  /**
   * Clusters again if that is due, in slices that let the event loop turn (see core/steps.ts),
   * joining a clustering already running; resolves once the themes are up to date.
   * Rejects with StepsAbandoned when `gaveUp` says so between two slices.
   */
  async settleInSlices(gaveUp: () => boolean = () => false): Promise<void> {
    await this.readStoredOnce();
    while (this.needsClustering) await this.slicedClustering.join(() => this.reclustering(), gaveUp);
  }

  private readStoredOnce(): Promise<void> | undefined {
    this.storedRead ??= this.readStored?.().then(
      (stored) => {
        this.stored = stored;
      },
      () => undefined,
    );
    return this.storedRead;
  }

  /**
   * A full clustering as steps, or the stored one restored when it fits. Changes that arrive
   * between steps are recorded for the next one: the articles added or edited meanwhile are
   * placed by the new model.
   */
  private *reclustering(): Steps<void> {
    const started = Date.now();
    yield* this.takeInSteps();
    this.changedSinceClustering.clear();
    this.stale = false;
    let applied = false;
    try {
      let articles = 0;
      for (const list of this.entries.values()) articles += list.length;
      // Edits arriving meanwhile are weighed against what is being clustered or restored.
      this.clusteredArticles = articles;
      const stored = this.stored;
      const restoring = stored && (yield* restoreThemes(stored, (uri) => this.entries.get(uri), articles, this.dictionary, this.options, RECLUSTER_SHARE));
      this.stored = undefined;
      if (typeof restoring === 'string') this.onFound({ how: 'not restored', reason: restoring });
      const restored = typeof restoring === 'object' ? restoring : undefined;
      const found: Found = restored ?? (yield* this.clusteredFound());
      const clustering = this.clusteringCount + 1;
      const placed = yield* this.applying(found, clustering);
      applied = true;
      // The articles new or changed since the stored clustering count as changes since this one.
      if (restored) for (const entry of [...placed, ...restored.gone]) this.noteChanged(entry.uri, entry.index);
      this.clusteredArticles = found.entries.length + (restored?.gone.length ?? 0);
      this.generationCount++;
      this.clusteringCount = clustering;
      const counts = { articles: found.entries.length, themes: found.model.themes.length, ms: Date.now() - started };
      this.onFound(restored ? { how: 'restored', ...counts, placed: placed.length } : { how: 'clustered', ...found.model.clustering, ...counts });
    } finally {
      // Abandoned: what had changed before still has to be clustered.
      if (!applied) this.markStale();
    }
  }

  /** A clustering of every article, with each article's keywords (see ARTICLE_KEYWORDS). */
  private *clusteredFound(): Steps<Found> {
    const all = [...this.entries.values()].flat().sort(
      (a, b) => compareCodeUnits(a.relativePath, b.relativePath) || compareCodeUnits(a.uri, b.uri) || a.index - b.index,
    );
    const inputs: ThemeInput[] = [];
    const organisations: string[] = [];
    for (const entry of all) {
      if (inputs.length % COUNTED_PER_STEP === COUNTED_PER_STEP - 1) yield;
      const names = this.organisationsOf(entry.uri, entry.index);
      inputs.push({ terms: this.termsOf(entry), organisations: this.organisationTerms(names) });
      organisations.push(namesKey(names));
    }
    const { model, vectors } = yield* discoverThemes(inputs, this.dictionary, this.options);
    // The vectors are at hand now: the keywords that search will ask for next cost almost nothing.
    const keywords = new Array<ChosenKeywords | undefined>(all.length);
    for (let i = 0; i < all.length; i++) {
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
      const vector = vectors[i];
      keywords[i] = vector && { organisations: organisations[i], columns: heaviestColumns(vector, ARTICLE_KEYWORDS) };
    }
    if (this.readStored) this.finished = { options: this.options, model, articles: all, keywords };
    return { model, entries: all, keywordsOf: (i) => keywords[i] };
  }

  /**
   * Gives the articles of a clustering (`found.entries`, in the order of its model) their
   * themes, copy groups and keywords: worked out a few hundred articles a step, then given
   * at once, so that reads meanwhile see the last clustering whole (at 100k articles, at
   * once it all took 400 ms, which hovers waited for). Articles removed since are left out;
   * those added or edited since are placed as an edit would be, and returned.
   */
  private *applying({ model, entries, keywordsOf }: Found, clustering: number): Steps<Entry[]> {
    const groupOf = new Array<Entry[]>(entries.length);
    const keywords = new Array<Entry['keywords']>(entries.length);
    const byOriginal = new Map<number, Entry[]>();
    const groups = new Map<string, Entry[]>();
    for (let i = 0; i < entries.length; i++) {
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
      let group = byOriginal.get(model.copyOf[i]);
      if (!group) {
        group = [];
        byOriginal.set(model.copyOf[i], group);
      }
      group.push(entries[i]);
      groupOf[i] = group;
      groups.set(entries[i].textHash, group);
      const chosen = keywordsOf(i);
      keywords[i] = chosen && { clustering, ...chosen };
    }
    yield;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (this.entries.get(entry.uri)?.[entry.index] !== entry) {
        leave(groups, entry, groupOf[i]);
        continue;
      }
      entry.keywords = keywords[i];
      entry.theme = model.assignment[i];
      entry.group = groupOf[i];
      entry.appliedIn = clustering;
    }
    this.model = model;
    this.groups = groups;
    const placed: Entry[] = [];
    for (const entry of this.allEntries()) {
      if (entry.appliedIn === clustering) continue;
      entry.theme = -1;
      entry.group = undefined;
      this.place(entry);
      placed.push(entry);
    }
    return placed;
  }

  /** Themes in order (user themes first, then automatic ones by size), each with its article count. */
  themes(): ThemeSummary[] {
    const model = this.fresh();
    if (!model) return [];
    // Counted once a generation: a hover on a title asks, and counting 100k articles took 40 ms.
    if (this.counted?.generation !== this.generationCount) {
      const counts = new Array<number>(model.themes.length).fill(0);
      for (const entry of this.allEntries()) counts[entry.theme]++;
      const themes = model.themes
        .map((theme, i) => ({ ...theme, articleCount: counts[i] }))
        .filter((theme) => theme.kind !== 'other' || theme.articleCount > 0);
      this.counted = { generation: this.generationCount, themes };
    }
    return [...this.counted.themes];
  }

  theme(id: string): ThemeSummary | undefined {
    return this.themes().find((theme) => theme.id === id);
  }

  /** Articles of one theme (all when `themeId` is undefined), by file then position. */
  articles(themeId?: string): ThemedArticle[] {
    const model = this.fresh();
    if (!model) return [];
    const result: ThemedArticle[] = [];
    for (const entry of this.allEntries()) {
      if (themeId === undefined || model.themes[entry.theme].id === themeId) result.push(this.themed(entry, model));
    }
    return result.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath) || a.index - b.index);
  }

  /** Every file indexed, articles or not. */
  files(): string[] {
    this.takeIn();
    return [...this.entries.keys()];
  }

  /** The articles of one file, in order, with their themes. */
  fileArticles(uri: string): ThemedArticle[] {
    const model = this.fresh();
    return model ? (this.entries.get(uri) ?? []).map((entry) => this.themed(entry, model)) : [];
  }

  /** The article of a file whose title is on `line`, with its theme. */
  articleAtTitle(uri: string, line: number): { article: ThemedArticle; theme: ThemeSummary } | undefined {
    this.takeIn();
    const entry = this.entries.get(uri)?.find((e) => e.article.startLine === line);
    const model = this.fresh();
    if (!entry || !model) return undefined;
    const article = this.themed(entry, model);
    const theme = this.theme(article.themeId);
    return theme && { article, theme };
  }

  /** An article's most distinctive terms, by TF-IDF over the vocabulary of the last clustering. */
  articleKeywords(uri: string, index: number, count = ARTICLE_KEYWORDS): readonly string[] {
    this.takeIn();
    const entry = this.entries.get(uri)?.[index];
    const model = this.fresh();
    if (!entry || !model) return [];
    const names = this.organisationsOf(entry.uri, entry.index);
    const organisations = namesKey(names);
    const cached = entry.keywords;
    let columns = count === ARTICLE_KEYWORDS && cached?.clustering === this.clusteringCount && cached.organisations === organisations ? cached.columns : undefined;
    if (!columns) {
      columns = heaviestColumns(tfidfVector(this.termsOf(entry), model.vocabulary, this.organisationTerms(names)), count);
      if (count === ARTICLE_KEYWORDS) entry.keywords = { clustering: this.clusteringCount, organisations, columns };
    }
    return columns.map((column) => this.dictionary.display(model.vocabulary.terms[column]));
  }

  /** Clusters again now if that is due (the corpus changed a lot, or the options did); otherwise does nothing. */
  settle(): void {
    if (this.stale || !this.model) this.recluster();
  }

  /** The model reads use: clustered again first if due, unless a clustering runs in slices (then the last finished one). */
  private fresh(): ThemeModel | undefined {
    this.takeIn();
    if (!this.slicedClustering.running) this.settle();
    return this.model;
  }

  private themed(entry: Entry, model: ThemeModel): ThemedArticle {
    return {
      uri: entry.uri,
      relativePath: entry.relativePath,
      index: entry.index,
      article: entry.article,
      themeId: model.themes[entry.theme].id,
      copies: entry.group!.length - 1,
    };
  }

  private *allEntries(): Iterable<Entry> {
    for (const list of this.entries.values()) yield* list;
  }

  /** Takes in the files changed since the index was made (see pending), a few a step. */
  private *takeInSteps(): Steps<void> {
    let taken = 0;
    for (const [uri, file] of this.pending) {
      this.pending.delete(uri);
      this.updateFile(file);
      if (++taken % FILES_PER_STEP === 0) yield;
    }
  }

  private takeIn(): void {
    runAll(this.takeInSteps());
  }

  private removeFile(uri: string): void {
    for (const entry of this.entries.get(uri) ?? []) {
      this.leaveGroup(entry);
      this.noteChanged(uri, entry.index);
    }
    this.entries.delete(uri);
  }

  private updateFile(file: IndexedFile): void {
    const before = this.entries.get(file.uri);
    const previous = before && new Map(before.map((entry) => [entry.textHash, entry]));
    if (before) for (const entry of before) this.leaveGroup(entry);
    const vocabularies = takeVocabularies(file);
    const entries = file.articles.map((article, index): Entry => {
      const textHash = vocabularies.textHashes[index];
      const unchanged = previous?.get(textHash);
      if (!unchanged) this.noteChanged(file.uri, index);
      const theme = unchanged ? unchanged.theme : -1;
      return { uri: file.uri, relativePath: file.relativePath, index, article, textHash, vocabularies, theme, group: undefined };
    });
    this.entries.set(file.uri, entries);
    for (const entry of entries) this.place(entry);
  }

  private noteChanged(uri: string, index: number): void {
    if (!this.stale) this.changedSinceClustering.add(`${uri}#${index}`);
  }

  /** Joins an identical article's copy group and theme, or the nearest theme; before the first clustering, nothing. */
  private place(entry: Entry): void {
    if (!this.model) return;
    const group = this.groups.get(entry.textHash) ?? [];
    const copy = group[0];
    this.groups.set(entry.textHash, group);
    group.push(entry);
    entry.group = group;
    if (copy) entry.theme = copy.theme;
    else if (entry.theme < 0) entry.theme = this.nearestTheme(entry, this.model);
  }

  private leaveGroup(entry: Entry): void {
    if (entry.group) leave(this.groups, entry, entry.group);
  }

  private nearestTheme(entry: Entry, model: ThemeModel): number {
    const terms = this.termsOf(entry);
    const userTheme = model.userMatcher.match(terms);
    if (userTheme >= 0) return userTheme;
    const vector = tfidfVector(terms, model.vocabulary, this.organisationTerms(this.organisationsOf(entry.uri, entry.index)));
    if (model.centroids && !isZero(vector)) {
      const { cluster, similarity } = nearestCentroid(vector, model.centroids);
      if (similarity > 0) return model.automaticThemes[cluster];
    }
    return this.otherTheme(model);
  }

  private otherTheme(model: ThemeModel): number {
    if (model.otherTheme < 0) {
      model.otherTheme = model.themes.length;
      model.themes.push({ id: OTHER_THEME_ID, label: 'Other', keywords: [], kind: 'other' });
    }
    return model.otherTheme;
  }

  /**
   * Counts, a few articles a step, the terms not counted yet (see Entry.terms), so that a
   * clustering after it finds them ready; stops when a clustering starts, which counts the rest.
   */
  *countTerms(): Steps<void> {
    yield* this.takeInSteps();
    let counted = 0;
    for (const entry of this.allEntries()) {
      if (this.slicedClustering.running) return;
      if (entry.terms) continue;
      this.termsOf(entry);
      if (++counted % COUNTED_PER_STEP === 0) yield;
    }
  }

  /** An article's terms, counted in the dictionary's words on first use. */
  private termsOf(entry: Entry): ArticleTerms {
    if (!entry.terms) {
      entry.terms = this.dictionary.termsOf(entry.vocabularies!.vocabulary(entry.index));
      entry.vocabularies = undefined;
    }
    return entry.terms;
  }

  /** Organisations an article mentions (see organisationsOf), as dictionary terms. */
  private organisationTerms(names: readonly string[]): TermKey[] {
    return names.map((name) => this.dictionary.organisationTerm(name));
  }
}

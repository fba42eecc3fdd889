/**
 * The whole client–server contract of Seed Curator: custom request and notification
 * method names and their payload types. Imported by both the client and the server, so a
 * change here is checked on both sides by the compiler.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Counts of what the index holds; sent when the index is ready and after every update. */
export interface IndexStatus {
  /** False while the initial scan of the workspace is still running, or a feature is still catching up with it. */
  ready: boolean;
  /**
   * True once the initial scan has finished: every file is indexed and the duplicates are
   * complete (they follow the files as they come), while organisations and themes may still be
   * catching up.
   */
  scanned: boolean;
  files: number;
  articles: number;
  /** Files seen but not indexed (too large, binary, unreadable). */
  skipped: number;
  /** Groups of duplicated passages in the workspace (each group is one passage and its copies). */
  duplicateGroups: number;
  /** Increases with every update, so a waiter can tell a new status from an old one. */
  generation: number;
}

export const IndexStatusNotification = new NotificationType<IndexStatus>('seedCurator/indexStatus');

/** Asks for the current status without waiting for the next notification. */
export const IndexStatusRequest = new RequestType<void, IndexStatus, void>('seedCurator/indexStatus');

/** One copy of a duplicated passage. Ranges are zero-based, as in LSP. */
export interface DuplicateCopyInfo {
  uri: string;
  relativePath: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  words: number;
  /** Title of the article when this copy is a whole article. */
  articleTitle?: string;
}

/** A passage found in several places: one group of N copies. */
export interface DuplicateGroupInfo {
  id: string;
  kind: 'exact' | 'near';
  /** 1 for exact copies; otherwise the lowest similarity (0..1) between linked copies. */
  similarity: number;
  words: number;
  /** The first words of the first copy, for lists. */
  preview: string;
  wholeArticle: boolean;
  copies: DuplicateCopyInfo[];
}

export interface DuplicateGroupsResult {
  /** False while the initial scan is still running: the list may be incomplete. */
  ready: boolean;
  groups: DuplicateGroupInfo[];
}

/** All duplicate groups of the workspace, for the Duplicates view and Next/Previous Duplicate. */
export const DuplicateGroupsRequest = new RequestType0<DuplicateGroupsResult, void>('seedCurator/duplicates');

/**
 * Adds every copy of a group to the ignore list of its workspace folder
 * (`.seed-curator/ignored-passages.json`); answers with a message for the user.
 */
export const IgnorePassageRequest = new RequestType<{ groupId: string }, string, void>('seedCurator/ignorePassage');
/** Client command run by the "Ignore this passage" code action, with the group id. */
export const IgnorePassageCommand = 'seedCurator.ignorePassage';
/** Client command run by the "Go to other copy" code action: (uri, range) opens and selects it. */
export const RevealPassageCommand = 'seedCurator.revealPassage';

/** An organisation mentioned in the workspace, for the Organisations view. */
export interface OrganisationInfo {
  id: string;
  name: string;
  /** The gazetteer's description, or the corpus sentence that shows what it is. */
  description?: string;
  mentions: number;
  articles: number;
}

export interface OrganisationsResult {
  /** False while the initial scan is still running: the list may be incomplete. */
  ready: boolean;
  /** Most mentioned first. */
  organisations: OrganisationInfo[];
}

/** Every organisation mentioned in the workspace. */
export const OrganisationsRequest = new RequestType0<OrganisationsResult, void>('seedCurator/organisations');

/** An article that mentions an organisation. `line` is zero-based, as in LSP. */
export interface OrganisationArticleInfo {
  uri: string;
  relativePath: string;
  title: string;
  line: number;
  mentions: number;
}

/** The articles that mention one organisation, most mentions first (the view's second level). */
export const OrganisationArticlesRequest = new RequestType<{ id: string }, OrganisationArticleInfo[], void>('seedCurator/organisationArticles');

/** A theme in the Themes view: user-defined, found automatically, or "Other" (articles that fit none). */
export interface ThemeInfo {
  id: string;
  label: string;
  keywords: string[];
  kind: 'user' | 'automatic' | 'other';
  articles: number;
}

export interface ThemesResult {
  /** False while the initial scan is still running: the themes may change. */
  ready: boolean;
  /** User themes first, then automatic ones, largest first. */
  themes: ThemeInfo[];
}

/** Every theme of the workspace. */
export const ThemesRequest = new RequestType0<ThemesResult, void>('seedCurator/themes');

/** An article with its theme. `line` (its title) is zero-based, as in LSP. */
export interface ThemeArticleInfo {
  uri: string;
  relativePath: string;
  title: string;
  line: number;
  themeId: string;
  /** How many other copies of this article the workspace holds (0: none). */
  duplicates: number;
}

/** The articles of one theme, or of all themes when `themeId` is omitted; by file, then position. */
export const ThemeArticlesRequest = new RequestType<{ themeId?: string }, ThemeArticleInfo[], void>('seedCurator/themeArticles');

/** Clusters the whole workspace again (themes otherwise stay stable while files are edited). */
export const ReclusterThemesRequest = new RequestType0<ThemesResult, void>('seedCurator/reclusterThemes');

/** Sent after the themes or their articles may have changed, so that views refresh. */
export const ThemesChangedNotification = new NotificationType0('seedCurator/themesChanged');

export type ThemeSearchHit =
  | { kind: 'theme'; score: number; id: string; label: string; keywords: readonly string[]; articleCount: number }
  | { kind: 'article'; score: number; uri: string; relativePath: string; title: string; line: number; themeId: string; themeLabel: string };

/** Themes and articles matching what the user typed (prefix and fuzzy), best first. */
export const SearchThemesRequest = new RequestType<{ query: string; limit?: number }, ThemeSearchHit[], void>('seedCurator/searchThemes');

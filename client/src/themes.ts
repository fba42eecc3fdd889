/**
 * The Themes view: articles grouped by theme (label, article count, keywords), by
 * organisation or by file; clicking an article opens it at its title. Fetched again when
 * the server says the themes changed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  OrganisationArticlesRequest,
  OrganisationInfo,
  OrganisationsRequest,
  ReclusterThemesRequest,
  ThemeArticleInfo,
  ThemeArticlesRequest,
  ThemeInfo,
  ThemesChangedNotification,
  ThemesRequest,
} from '../../server/src/protocol';
import { plural } from '../../server/src/core/plural';

export type ThemeGrouping = 'theme' | 'organisation' | 'file';

/** Set for `when` clauses, so the toolbar offers the groupings not in use. */
const GROUPING_CONTEXT = 'seedCurator.themesGrouping';

interface ArticleNode {
  kind: 'article';
  article: ThemeArticleInfo;
  parent: GroupNode;
}

interface GroupNode {
  kind: 'theme' | 'organisation' | 'file';
  id: string;
  label: string;
  description: string;
  tooltip?: string;
  /** Loaded when first expanded. */
  articles?: ArticleNode[];
  load(): Promise<ThemeArticleInfo[]>;
}

type Node = GroupNode | ArticleNode;

export class ThemesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private groups: GroupNode[] = [];
  private themes: ThemeInfo[] = [];
  private grouping: ThemeGrouping = 'theme';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  get currentGrouping(): ThemeGrouping {
    return this.grouping;
  }

  /** The themes as last fetched. */
  get current(): readonly ThemeInfo[] {
    return this.themes;
  }

  async setGrouping(grouping: ThemeGrouping): Promise<void> {
    this.grouping = grouping;
    await vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, grouping);
    await this.refresh();
  }

  /** Fetches the top level again; resolves once the view has it. */
  async refresh(): Promise<readonly GroupNode[]> {
    this.themes = (await this.client.sendRequest(ThemesRequest)).themes;
    this.groups = await this.loadGroups();
    this.changed.fire();
    return this.groups;
  }

  async recluster(): Promise<void> {
    await this.client.sendRequest(ReclusterThemesRequest);
    await this.refresh();
  }

  /** The node of a theme, for `TreeView.reveal`; switches to grouping by theme. */
  async themeNode(themeId: string): Promise<GroupNode | undefined> {
    if (this.grouping !== 'theme') await this.setGrouping('theme');
    return this.groups.find((group) => group.kind === 'theme' && group.id === themeId);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.groups;
    if (node.kind === 'article') return [];
    node.articles ??= (await node.load()).map((article) => ({ kind: 'article', article, parent: node }));
    return node.articles;
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'article' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'article') return this.articleItem(node);
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${node.kind}:${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip ?? node.description;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'theme' ? 'symbol-namespace' : node.kind === 'organisation' ? 'organization' : 'file');
    item.contextValue = node.kind;
    return item;
  }

  private articleItem({ article, parent }: ArticleNode): vscode.TreeItem {
    const item = new vscode.TreeItem(article.title, vscode.TreeItemCollapsibleState.None);
    const place = parent.kind === 'file' ? `line ${article.line + 1}` : `${article.relativePath}:${article.line + 1}`;
    const theme = parent.kind === 'theme' ? undefined : this.themes.find((t) => t.id === article.themeId)?.label;
    const copies = article.duplicates > 0 ? `⧉ ${article.duplicates + 1} copies` : undefined;
    item.description = [place, theme, copies].filter(Boolean).join(' · ');
    item.tooltip = copies ? `${article.title}\nThis article appears ${article.duplicates + 1} times in the workspace.` : article.title;
    item.resourceUri = vscode.Uri.parse(article.uri);
    item.iconPath = new vscode.ThemeIcon(article.duplicates > 0 ? 'files' : 'note');
    item.contextValue = 'themeArticle';
    item.command = {
      title: 'Open article',
      command: 'vscode.open',
      arguments: [vscode.Uri.parse(article.uri), { selection: new vscode.Range(article.line, 0, article.line, 0) }],
    };
    return item;
  }

  private async loadGroups(): Promise<GroupNode[]> {
    if (this.grouping === 'theme') return this.themes.map((theme) => this.themeGroup(theme));
    if (this.grouping === 'file') return this.fileGroups(await this.client.sendRequest(ThemeArticlesRequest, {}));
    const { organisations } = await this.client.sendRequest(OrganisationsRequest);
    const all = await this.client.sendRequest(ThemeArticlesRequest, {});
    return organisations.map((organisation) => this.organisationGroup(organisation, all));
  }

  private themeGroup(theme: ThemeInfo): GroupNode {
    const keywords = theme.keywords.join(', ');
    return {
      kind: 'theme',
      id: theme.id,
      label: theme.label,
      description: `${plural(theme.articles, 'article')}${keywords ? ` · ${keywords}` : ''}`,
      tooltip: `${theme.kind === 'user' ? 'Your theme' : theme.kind === 'other' ? 'Articles that fit no theme' : 'Found automatically'}\n${keywords}`,
      load: () => this.client.sendRequest(ThemeArticlesRequest, { themeId: theme.id }),
    };
  }

  private fileGroups(articles: ThemeArticleInfo[]): GroupNode[] {
    const byFile = new Map<string, ThemeArticleInfo[]>();
    for (const article of articles) byFile.set(article.relativePath, [...(byFile.get(article.relativePath) ?? []), article]);
    return [...byFile].map(([file, list]) => ({
      kind: 'file',
      id: list[0].uri,
      label: file,
      description: plural(list.length, 'article'),
      load: () => Promise.resolve(list),
    }));
  }

  /** An organisation's articles, with their themes taken from the list of all articles. */
  private organisationGroup(organisation: OrganisationInfo, all: ThemeArticleInfo[]): GroupNode {
    const byPlace = new Map(all.map((article) => [`${article.uri}#${article.line}`, article]));
    return {
      kind: 'organisation',
      id: organisation.id,
      label: organisation.name,
      description: plural(organisation.articles, 'article'),
      tooltip: organisation.description,
      load: async () => {
        const articles = await this.client.sendRequest(OrganisationArticlesRequest, { id: organisation.id });
        return articles.flatMap((article) => byPlace.get(`${article.uri}#${article.line}`) ?? []);
      },
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface ThemesView {
  provider: ThemesProvider;
  view: vscode.TreeView<Node>;
  /** Shows a theme in the view, grouped by theme, selected and expanded. */
  reveal(themeId: string): Promise<void>;
}

export function registerThemes(context: vscode.ExtensionContext, client: LanguageClient): ThemesView {
  const provider = new ThemesProvider(client);
  const view = vscode.window.createTreeView('seedCurator.themes', { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => provider.refresh().catch(() => undefined);
  const group = (grouping: ThemeGrouping) => () => provider.setGrouping(grouping).catch(() => undefined);
  context.subscriptions.push(
    provider,
    view,
    client.onNotification(ThemesChangedNotification, () => void refresh()),
    vscode.commands.registerCommand('seedCurator.refreshThemes', refresh),
    vscode.commands.registerCommand('seedCurator.reclusterThemes', () =>
      vscode.window.withProgress({ location: { viewId: 'seedCurator.themes' }, title: 'Finding themes' }, () => provider.recluster()),
    ),
    vscode.commands.registerCommand('seedCurator.groupThemesByTheme', group('theme')),
    vscode.commands.registerCommand('seedCurator.groupThemesByOrganisation', group('organisation')),
    vscode.commands.registerCommand('seedCurator.groupThemesByFile', group('file')),
  );
  void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, provider.currentGrouping);
  void refresh();
  return {
    provider,
    view,
    async reveal(themeId) {
      const node = await provider.themeNode(themeId);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    },
  };
}

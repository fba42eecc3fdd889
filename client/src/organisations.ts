/**
 * The Organisations view: organisations by number of mentions, each opening onto the
 * articles that mention it (fetched when expanded); clicking an article opens it at its
 * title. The list is fetched again whenever the server announces a new index status.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OrganisationArticleInfo, OrganisationArticlesRequest, OrganisationInfo, OrganisationsRequest } from '../../server/src/protocol';
import type { IndexStatusWatcher } from './indexStatus';
import { plural } from '../../server/src/core/plural';

type Node = { organisation: OrganisationInfo } | { article: OrganisationArticleInfo };

export class OrganisationsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private organisations: OrganisationInfo[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** Fetches the organisations from the server; resolves once the view has them. */
  async refresh(): Promise<readonly OrganisationInfo[]> {
    this.organisations = (await this.client.sendRequest(OrganisationsRequest)).organisations;
    this.changed.fire();
    return this.organisations;
  }

  get current(): readonly OrganisationInfo[] {
    return this.organisations;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.organisations.map((organisation) => ({ organisation }));
    if ('article' in node) return [];
    const articles = await this.client.sendRequest(OrganisationArticlesRequest, { id: node.organisation.id });
    return articles.map((article) => ({ article }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('article' in node) {
      const { article } = node;
      const item = new vscode.TreeItem(article.title, vscode.TreeItemCollapsibleState.None);
      item.description = `${article.relativePath}:${article.line + 1} · ${plural(article.mentions, 'mention')}`;
      item.resourceUri = vscode.Uri.parse(article.uri);
      item.command = { title: 'Open article', command: 'vscode.open', arguments: [vscode.Uri.parse(article.uri), { selection: new vscode.Range(article.line, 0, article.line, 0) }] };
      return item;
    }
    const { organisation } = node;
    const item = new vscode.TreeItem(organisation.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = organisation.id;
    item.description = `${plural(organisation.mentions, 'mention')} · ${plural(organisation.articles, 'article')}`;
    if (organisation.description) item.tooltip = organisation.description;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'organisation';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerOrganisations(context: vscode.ExtensionContext, client: LanguageClient, status: IndexStatusWatcher): OrganisationsProvider {
  const provider = new OrganisationsProvider(client);
  const refresh = () => provider.refresh().catch(() => undefined);
  context.subscriptions.push(
    provider,
    vscode.window.createTreeView('seedCurator.organisations', { treeDataProvider: provider, showCollapseAll: true }),
    status.onDidChange((next) => next.ready && void refresh()),
    vscode.commands.registerCommand('seedCurator.refreshOrganisations', refresh),
  );
  if (status.current?.ready) void refresh();
  return provider;
}

/**
 * The Duplicates view (groups, then their copies), the Next/Previous Duplicate commands
 * that walk every copy of the workspace in path order, and the commands the server's code
 * actions call (reveal a copy, ignore a passage). The groups come from the server and are
 * fetched again whenever it announces a new index status.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DuplicateCopyInfo,
  DuplicateGroupInfo,
  DuplicateGroupsRequest,
  IgnorePassageCommand,
  IgnorePassageRequest,
  RevealPassageCommand,
} from '../../server/src/protocol';
import type { IndexStatusWatcher } from './indexStatus';

type LspRange = DuplicateCopyInfo['range'];
type Node = { group: DuplicateGroupInfo } | { group: DuplicateGroupInfo; copy: DuplicateCopyInfo };

function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function revealPassage(uri: string, range: LspRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const selection = toRange(range);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  // The cursor at the passage's first word: a long passage is shown from its beginning.
  editor.selection = new vscode.Selection(selection.end, selection.start);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function linesOf(copy: DuplicateCopyInfo): string {
  const first = copy.range.start.line + 1;
  const last = copy.range.end.line + 1;
  return first === last ? `${copy.relativePath}:${first}` : `${copy.relativePath}:${first}–${last}`;
}

function similarityLabel(group: DuplicateGroupInfo): string {
  return group.kind === 'exact' ? 'exact' : `${Math.floor(group.similarity * 100)}% similar`;
}

export class DuplicatesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private groups: DuplicateGroupInfo[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** Fetches the groups from the server; resolves once the view has them. */
  async refresh(): Promise<readonly DuplicateGroupInfo[]> {
    this.groups = (await this.client.sendRequest(DuplicateGroupsRequest)).groups;
    this.changed.fire();
    return this.groups;
  }

  get current(): readonly DuplicateGroupInfo[] {
    return this.groups;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ group }));
    if ('copy' in node) return [];
    return node.group.copies.map((copy) => ({ group: node.group, copy }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { group } = node;
    if ('copy' in node) {
      const item = new vscode.TreeItem(linesOf(node.copy), vscode.TreeItemCollapsibleState.None);
      item.description = node.copy.articleTitle ? `article ‘${node.copy.articleTitle}’` : `${node.copy.words} words`;
      item.resourceUri = vscode.Uri.parse(node.copy.uri);
      item.contextValue = 'duplicateCopy';
      item.command = { title: 'Open copy', command: RevealPassageCommand, arguments: [node.copy.uri, node.copy.range] };
      return item;
    }
    const item = new vscode.TreeItem(group.preview || '(no words)', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${group.copies.length} copies · ${group.words} words · ${similarityLabel(group)}`;
    item.tooltip = `${group.wholeArticle ? 'Whole article' : 'Passage'} found in ${group.copies.map(linesOf).join(', ')}`;
    item.contextValue = 'duplicateGroup';
    item.id = group.id;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface Place {
  path: string;
  line: number;
  character: number;
}

function comparePlaces(x: Place, y: Place): number {
  if (x.path !== y.path) return x.path < y.path ? -1 : 1;
  return x.line - y.line || x.character - y.character;
}

/** The copy after (or before) the cursor across the whole workspace, in path order, wrapping around. */
export function neighbourCopy(
  groups: readonly DuplicateGroupInfo[],
  here: Place | undefined,
  direction: 1 | -1,
): DuplicateCopyInfo | undefined {
  const copies = groups.flatMap((group) => group.copies);
  const place = (copy: DuplicateCopyInfo): Place => ({ path: copy.relativePath, ...copy.range.start });
  copies.sort((x, y) => comparePlaces(place(x), place(y)));
  if (copies.length === 0) return undefined;
  if (!here) return direction === 1 ? copies[0] : copies[copies.length - 1];
  if (direction === 1) return copies.find((copy) => comparePlaces(place(copy), here) > 0) ?? copies[0];
  return [...copies].reverse().find((copy) => comparePlaces(place(copy), here) < 0) ?? copies[copies.length - 1];
}

async function goToNeighbour(provider: DuplicatesProvider, direction: 1 | -1): Promise<void> {
  const groups = provider.current.length > 0 ? provider.current : await provider.refresh();
  const editor = vscode.window.activeTextEditor;
  const here = editor
    ? { path: vscode.workspace.asRelativePath(editor.document.uri, false), ...editor.selection.active }
    : undefined;
  const copy = neighbourCopy(groups, here, direction);
  if (!copy) {
    void vscode.window.showInformationMessage('No duplicated passages in the workspace.');
    return;
  }
  await revealPassage(copy.uri, copy.range);
}

/** Removes a copy from the view's context menu, through the server's own "Remove this copy" action. */
async function removeCopy(node: Node | undefined): Promise<void> {
  if (!node || !('copy' in node)) return;
  const uri = vscode.Uri.parse(node.copy.uri);
  await vscode.workspace.openTextDocument(uri);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, toRange(node.copy.range))) ?? [];
  const remove = actions.find((action) => action.title === 'Remove this copy');
  if (!remove?.edit || remove.disabled) {
    void vscode.window.showWarningMessage(remove?.disabled?.reason ?? 'This copy cannot be removed right now; try again.');
    return;
  }
  await vscode.workspace.applyEdit(remove.edit);
}

export function registerDuplicates(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  status: IndexStatusWatcher,
): DuplicatesProvider {
  const provider = new DuplicatesProvider(client);
  const refresh = () => provider.refresh().catch(() => undefined);
  context.subscriptions.push(
    provider,
    vscode.window.createTreeView('seedCurator.duplicates', { treeDataProvider: provider, showCollapseAll: true }),
    status.onDidChange((next) => next.scanned && void refresh()),
    vscode.commands.registerCommand('seedCurator.nextDuplicate', () => goToNeighbour(provider, 1)),
    vscode.commands.registerCommand('seedCurator.previousDuplicate', () => goToNeighbour(provider, -1)),
    vscode.commands.registerCommand('seedCurator.refreshDuplicates', refresh),
    vscode.commands.registerCommand('seedCurator.removeCopy', removeCopy),
    vscode.commands.registerCommand(RevealPassageCommand, revealPassage),
    vscode.commands.registerCommand(IgnorePassageCommand, async (groupId: string) => {
      const message = await client.sendRequest(IgnorePassageRequest, { groupId });
      void vscode.window.showInformationMessage(message);
      await refresh();
    }),
  );
  if (status.current?.scanned) void refresh();
  return provider;
}

/**
 * The status bar item: "N articles" and "M duplicates" (groups of duplicated passages) once
 * the index is ready, a spinner while indexing.
 * Clicking it shows the output channel, where skipped files are explained.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';
import type { IndexStatusWatcher } from './indexStatus';

export function statusBarText(status: IndexStatus | undefined): string {
  if (!status || !status.ready) return '$(sync~spin) Seed Curator: indexing…';
  const articles = `$(book) ${counted(status.articles, 'article')}`;
  return status.duplicateGroups > 0 ? `${articles}  $(copy) ${counted(status.duplicateGroups, 'duplicate')}` : articles;
}

export function statusBarTooltip(status: IndexStatus | undefined): string {
  if (!status) return 'Seed Curator is starting';
  const skipped = status.skipped > 0 ? `, ${status.skipped} skipped (see the Seed Curator output)` : '';
  const duplicates = `, ${counted(status.duplicateGroups, 'duplicated passage')} (see the Duplicates view)`;
  return `Seed Curator: ${counted(status.files, 'file')}, ${counted(status.articles, 'article')}${skipped}${duplicates}`;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function createStatusBar(watcher: IndexStatusWatcher): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('seedCurator.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Seed Curator';
  item.command = 'seedCurator.showOutput';
  const render = (status: IndexStatus | undefined): void => {
    item.text = statusBarText(status);
    item.tooltip = statusBarTooltip(status);
  };
  render(watcher.current);
  item.show();
  // A restarted server has no status yet: show it as starting.
  return vscode.Disposable.from(item, watcher.onDidChange(render), watcher.onDidRestart(() => render(undefined)));
}

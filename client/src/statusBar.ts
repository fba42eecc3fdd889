/**
 * The status bar item: "N articles" once the index is ready, a spinner while indexing.
 * Clicking it shows the output channel, where skipped files are explained.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';
import type { IndexStatusWatcher } from './indexStatus';

export function statusBarText(status: IndexStatus | undefined): string {
  if (!status || !status.ready) return '$(sync~spin) Seed Curator: indexing…';
  const articles = `${status.articles} article${status.articles === 1 ? '' : 's'}`;
  return `$(book) ${articles}`;
}

export function statusBarTooltip(status: IndexStatus | undefined): string {
  if (!status) return 'Seed Curator is starting';
  const skipped = status.skipped > 0 ? `, ${status.skipped} skipped (see the Seed Curator output)` : '';
  return `Seed Curator: ${status.files} files, ${status.articles} articles${skipped}`;
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

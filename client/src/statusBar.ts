/**
 * The status bar item (its text: see statusBarText.ts). Clicking it shows the output
 * channel, where skipped files are explained.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';
import type { IndexStatusWatcher } from './indexStatus';
import { statusBarText, statusBarTooltip } from './statusBarText';

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

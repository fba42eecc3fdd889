/**
 * The language client's error handler: restarts the server when it dies and tells the user
 * once per episode, following restartPolicy.ts. Results are marked `handled` so that the
 * client adds no notifications of its own; it still writes `message` to the output channel.
 * After a restart the index status starts again from the new server's.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, State } from 'vscode-languageclient/node';
import type { IndexStatusWatcher } from './indexStatus';
import { HealthDecision, Notice, initialHealth, onConnectionError, onServerClosed } from './restartPolicy';

const SHOW_OUTPUT = 'Show Output';

export function serverHealthHandler(outputChannel: vscode.OutputChannel): ErrorHandler {
  let state = initialHealth;
  const follow = (decision: HealthDecision): void => {
    state = decision.state;
    if (decision.notice) void tell(decision.notice, outputChannel);
  };
  return {
    error(_error, _message, count) {
      const decision = onConnectionError(state, count);
      follow(decision);
      return { action: decision.carryOn ? ErrorAction.Continue : ErrorAction.Shutdown, message: decision.log, handled: true };
    },
    closed() {
      const decision = onServerClosed(state, Date.now());
      follow(decision);
      return { action: decision.carryOn ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.log, handled: true };
    },
  };
}

async function tell(notice: Notice, outputChannel: vscode.OutputChannel): Promise<void> {
  const show = notice.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  if ((await show(notice.message, SHOW_OUTPUT)) === SHOW_OUTPUT) outputChannel.show();
}

/** Tells the index status watcher each time a server process starts, so that it follows the new one. */
export function followServerRestarts(client: LanguageClient, watcher: IndexStatusWatcher): vscode.Disposable {
  return client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) watcher.serverStarting();
  });
}

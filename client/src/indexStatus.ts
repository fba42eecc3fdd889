/** The latest index status from the server, as an event source and something to wait on. */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';

export class IndexStatusWatcher implements vscode.Disposable {
  private latest: IndexStatus | undefined;
  private readonly emitter = new vscode.EventEmitter<IndexStatus>();
  readonly onDidChange = this.emitter.event;

  get current(): IndexStatus | undefined {
    return this.latest;
  }

  update(status: IndexStatus): void {
    this.latest = status;
    this.emitter.fire(status);
  }

  waitFor(afterGeneration = -1): Promise<IndexStatus> {
    const done = (status: IndexStatus | undefined): status is IndexStatus =>
      status !== undefined && status.ready && status.generation > afterGeneration;
    if (done(this.latest)) return Promise.resolve(this.latest);
    return new Promise((resolve) => {
      const subscription = this.onDidChange((status) => {
        if (!done(status)) return;
        subscription.dispose();
        resolve(status);
      });
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

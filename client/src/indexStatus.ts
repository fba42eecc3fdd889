/**
 * The latest index status from the server, as an event source and something to wait on.
 *
 * Each server process counts its generations from 0. When the server is restarted (after
 * a crash), the watcher goes on counting from where the previous process stopped, so a
 * caller waiting for "a status newer than generation N" is answered by the new process
 * instead of waiting forever. No `vscode` import at run time: tested without an editor.
 */
import type * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';

type Listener<T> = (value: T) => unknown;

/** The part of vscode.EventEmitter the watcher needs. */
class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): vscode.Disposable => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export class IndexStatusWatcher implements vscode.Disposable {
  private latest: IndexStatus | undefined;
  /** Added to the generations of the current server process. */
  private offset = 0;
  /** The highest generation handed out so far, across server processes. */
  private highest = -1;
  private readonly changes = new Emitter<IndexStatus>();
  private readonly restarts = new Emitter<void>();
  /** A new status from the server (generations continue across restarts). */
  readonly onDidChange = this.changes.event;
  /** A new server process is starting: there is no status until it sends one. */
  readonly onDidRestart = this.restarts.event;

  get current(): IndexStatus | undefined {
    return this.latest;
  }

  update(status: IndexStatus): void {
    const seen = { ...status, generation: status.generation + this.offset };
    this.highest = Math.max(this.highest, seen.generation);
    this.latest = seen;
    this.changes.fire(seen);
  }

  /** Called when a server process starts; the first one too, which changes nothing. */
  serverStarting(): void {
    if (this.highest < 0) return;
    this.offset = this.highest + 1;
    this.latest = undefined;
    this.restarts.fire();
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
    this.changes.dispose();
    this.restarts.dispose();
  }
}

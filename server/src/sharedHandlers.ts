/**
 * vscode-languageserver keeps ONE handler per request or notification: a second
 * `connection.onReferences(...)` silently replaces the first. Several features answer the
 * same requests (duplicates and organisations both give references), so before any feature
 * registers, these methods are made to collect handlers and merge their answers: lists are
 * concatenated, hovers joined, notifications delivered to every handler. A request
 * cancelled before or while its handlers ran is answered as cancelled.
 */
import { CancellationToken, Connection, Disposable, Hover, MarkupContent } from 'vscode-languageserver/node';
import { throwIfCancelled } from './cancellation';

type Handler = (...args: never[]) => unknown;

const LIST_REQUESTS = ['onReferences', 'onDocumentHighlight', 'onDefinition'] as const;
const NOTIFICATIONS = ['onDidChangeWatchedFiles'] as const;

export function shareHandlers(connection: Connection): void {
  for (const method of LIST_REQUESTS) share(connection, method, mergeLists);
  share(connection, 'onHover', mergeHovers);
  for (const method of NOTIFICATIONS) share(connection, method, () => undefined);
}

function share(connection: Connection, method: string, merge: (results: unknown[]) => unknown): void {
  const target = connection as unknown as Record<string, (handler: Handler) => Disposable>;
  const register = target[method].bind(connection);
  const handlers: Handler[] = [];
  let registered = false;
  target[method] = (handler: Handler): Disposable => {
    handlers.push(handler);
    if (!registered) {
      registered = true;
      register(async (...args: never[]) => {
        const token = (args as unknown[]).find((arg) => CancellationToken.is(arg));
        throwIfCancelled(token);
        const merged = merge(await Promise.all(handlers.map((each) => each(...args))));
        throwIfCancelled(token);
        return merged;
      });
    }
    return { dispose: () => void handlers.splice(handlers.indexOf(handler), 1) };
  };
}

function mergeLists(results: unknown[]): unknown[] | null {
  const lists = results.filter((result): result is unknown[] => Array.isArray(result));
  return lists.length === 0 ? null : lists.flat();
}

function mergeHovers(results: unknown[]): Hover | null {
  const hovers = results.filter((result): result is Hover => typeof result === 'object' && result !== null && 'contents' in result);
  if (hovers.length <= 1) return hovers[0] ?? null;
  const value = hovers.map((hover) => markdownOf(hover.contents)).join('\n\n---\n\n');
  const merged: Hover = { contents: { kind: 'markdown', value } };
  if (hovers[0].range) merged.range = hovers[0].range;
  return merged;
}

function markdownOf(contents: Hover['contents']): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n\n');
  return (contents as MarkupContent).value;
}

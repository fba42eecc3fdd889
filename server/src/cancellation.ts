/**
 * Cancellation for long request handlers (lists over the whole workspace, workspace
 * symbols). A `$/cancelRequest` is only read between turns of the event loop, so a
 * synchronous loop can never see it: long loops go through `forEachInSlices`, which gives
 * the event loop a turn every few hundred items and then stops with the RequestCancelled
 * error that vscode-languageserver sends back as the answer of a cancelled request.
 */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { nextTurn } from './core/steps';

/** Items handled between two turns of the event loop: a slice takes well under a millisecond. */
export const SLICE_ITEMS = 500;

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Gives the event loop one turn, so that a cancellation already on its way is read, then
 * throws RequestCancelled if it came. For handlers about to start one long computation
 * that cannot be sliced.
 */
export async function checkpoint(token: CancellationToken | undefined): Promise<void> {
  throwIfCancelled(token);
  await nextTurn();
  throwIfCancelled(token);
}

/**
 * Calls `each` on every item, a slice at a time, and throws RequestCancelled as soon as
 * the token is cancelled (before the first item, or between slices); a request cancelled
 * right after it was sent does no work. The items are taken at the start, so files indexed
 * meanwhile do not change what is visited.
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  token: CancellationToken | undefined,
  each: (item: T) => void,
  sliceItems = SLICE_ITEMS,
): Promise<void> {
  const all = Array.isArray(items) ? (items as T[]) : [...items];
  for (let start = 0; start < all.length; start += sliceItems) {
    await checkpoint(token);
    for (let i = start; i < Math.min(all.length, start + sliceItems); i++) each(all[i]);
  }
}

/** `forEachInSlices` collecting what `each` returns. */
export async function mapInSlices<T, R>(items: Iterable<T>, token: CancellationToken | undefined, each: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  await forEachInSlices(items, token, (item) => results.push(each(item)));
  return results;
}

// What every integration test needs: the extension's API once the workspace is indexed,
// the fixture files' URIs, and waits on VS Code events that fail with a clear message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedCuratorApi } from '../../client/src/extension';

export const EXTENSION_ID = 'seed-curator.seed-curator';

/** How long an event may take before a wait fails: generous, the machine may be busy. */
const WAIT_MS = 20_000;

let api: Promise<SeedCuratorApi> | undefined;

/** The activated extension's API, after the language server has indexed the workspace. */
export function seedCurator(): Promise<SeedCuratorApi> {
  api ??= (async () => {
    const extension = vscode.extensions.getExtension<SeedCuratorApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const exported = await extension.activate();
    await within(exported.waitForIndex(), 'the index of the workspace to be ready');
    return exported;
  })();
  return api;
}

/** A file of the fixture workspace (test/fixtures/workspace, or the runner's copy of it). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Rejects with "timed out waiting for <what>" unless `promise` settles first; the timer is always cleared. */
export async function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The duplicated-passage diagnostics Seed Curator put on a file. */
export function duplicateDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Seed Curator' && (typeof d.code === 'object' ? d.code.value : d.code) === 'duplicate-passage');
}

/** Resolves with the file's duplicate diagnostics as soon as `accept` takes them: now, or at a later change. */
export function duplicateDiagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const now = duplicateDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  let subscription: vscode.Disposable | undefined;
  const changed = new Promise<vscode.Diagnostic[]>((resolve) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changedUri) => changedUri.toString() === uri.toString())) return;
      const diagnostics = duplicateDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    });
  });
  const last = () => JSON.stringify(duplicateDiagnostics(uri).map((d) => [d.range.start.line, d.range.end.line, d.message]));
  return within(changed, `${what} (diagnostics now: ${last()})`).finally(() => subscription?.dispose());
}

/** Zero-based number of the first line of `document` that starts with `prefix`; fails when there is none. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.startsWith(prefix)) return line;
  assert.fail(`no line of ${vscode.workspace.asRelativePath(document.uri)} starts with "${prefix}"`);
}

/** A location's file and line span, for comparisons: [relative path, first line, last line]. */
export function place(location: vscode.Location | vscode.LocationLink): [string, number, number] {
  const [uri, range] = 'targetUri' in location ? [location.targetUri, location.targetRange] : [location.uri, location.range];
  return [vscode.workspace.asRelativePath(uri, false), range.start.line, range.end.line];
}

/** The text of hovers, markdown and plain strings alike. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

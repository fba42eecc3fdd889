/**
 * What the soak benchmark compares between the edited server and a fresh one: the
 * diagnostics each published (the last notification per file wins) and the document
 * symbols of the edited files, keyed by relative path so that the two workspace folders
 * compare equal.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { TestServer } from '../test/lsp/lspClient';

/** The last diagnostics published for each file, by path relative to the workspace folder. */
export class PublishedDiagnostics {
  private readonly latest = new Map<string, Diagnostic[]>();
  /** Notifications received, to tell when the server has gone quiet. */
  received = 0;

  constructor(server: TestServer, private readonly rootUri: string) {
    server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.received++;
      this.latest.set(this.relative(params.uri), params.diagnostics);
    });
  }

  relative(uri: string): string {
    return uri.startsWith(`${this.rootUri}/`) ? uri.slice(this.rootUri.length + 1) : uri;
  }

  /** What a person sees of each diagnostic: range, severity, code, message and the copies it links to. */
  comparable(): Map<string, unknown[]> {
    const files = new Map<string, unknown[]>();
    for (const [file, diagnostics] of this.latest) {
      if (diagnostics.length === 0) continue;
      files.set(
        file,
        diagnostics.map((diagnostic) => ({
          range: diagnostic.range,
          severity: diagnostic.severity,
          code: diagnostic.code,
          message: diagnostic.message,
          related: (diagnostic.relatedInformation ?? []).map(({ location, message }) => ({ uri: this.relative(location.uri), range: location.range, message })),
        })),
      );
    }
    return files;
  }
}

/** The files whose lists differ, each with its first differing item. */
export function listDifferences(what: string, edited: Map<string, unknown[]>, fresh: Map<string, unknown[]>): string[] {
  const differences: string[] = [];
  const files = [...new Set([...edited.keys(), ...fresh.keys()])].sort();
  for (const file of files) {
    const mine = edited.get(file) ?? [];
    const theirs = fresh.get(file) ?? [];
    const at = firstDifference(mine, theirs);
    if (at === undefined) continue;
    differences.push(
      `${file}: ${what} ${at + 1} (edited server has ${mine.length}, fresh server ${theirs.length})\n` +
        `    edited: ${shown(mine[at])}\n    fresh:  ${shown(theirs[at])}`,
    );
  }
  return differences;
}

function firstDifference(a: unknown[], b: unknown[]): number | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i;
  }
  return undefined;
}

const SHOWN_CHARS = 400;

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const json = JSON.stringify(value);
  return json.length > SHOWN_CHARS ? `${json.slice(0, SHOWN_CHARS)}…` : json;
}

export function countItems(files: Map<string, unknown[]>): number {
  let count = 0;
  for (const items of files.values()) count += items.length;
  return count;
}

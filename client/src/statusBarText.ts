/**
 * What the status bar item says: "N articles" and "M duplicates" (groups of duplicated
 * passages) once the workspace is scanned, a spinner while indexing and while
 * organisations and themes are still being analysed (on a large workspace, well after the
 * duplicates are known). No `vscode` import: tested without an editor.
 */
import type { IndexStatus } from '../../server/src/protocol';
import { plural } from '../../server/src/core/plural';

export function statusBarText(status: IndexStatus | undefined): string {
  if (!status || !status.scanned) return '$(sync~spin) Seed Curator: indexing…';
  const articles = `$(book) ${plural(status.articles, 'article')}`;
  const counts = status.duplicateGroups > 0 ? `${articles}  $(copy) ${plural(status.duplicateGroups, 'duplicate')}` : articles;
  return status.ready ? counts : `${counts}  $(sync~spin) analysing…`;
}

export function statusBarTooltip(status: IndexStatus | undefined): string {
  if (!status) return 'Seed Curator is starting';
  const skipped = status.skipped > 0 ? `, ${status.skipped} skipped (see the Seed Curator output)` : '';
  const duplicates = `, ${plural(status.duplicateGroups, 'duplicated passage')} (see the Duplicates view)`;
  const analysing = status.scanned && !status.ready ? '; organisations and themes are still being analysed' : '';
  return `Seed Curator: ${plural(status.files, 'file')}, ${plural(status.articles, 'article')}${skipped}${duplicates}${analysing}`;
}

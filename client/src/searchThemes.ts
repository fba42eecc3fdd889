/**
 * "Seed Curator: Search Themes…": a QuickPick whose items come from the server as the user
 * types (prefix and fuzzy matching over theme labels, titles, keywords and organisations).
 * Choosing an article opens it at its title; choosing a theme reveals it in the Themes view.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SearchThemesRequest, ThemeSearchHit } from '../../server/src/protocol';
import type { ThemesView } from './themes';
import { plural } from '../../server/src/core/plural';

const MAX_RESULTS = 60;

interface HitItem extends vscode.QuickPickItem {
  hit: ThemeSearchHit;
}

export function hitItem(hit: ThemeSearchHit): HitItem {
  if (hit.kind === 'theme') {
    return {
      hit,
      label: `$(symbol-namespace) ${hit.label}`,
      description: `theme · ${plural(hit.articleCount, 'article')}`,
      detail: hit.keywords.join(', '),
      // The server has matched already (fuzzy, by keywords too): VS Code must not filter again by label.
      alwaysShow: true,
    };
  }
  return {
    hit,
    label: `$(note) ${hit.title}`,
    description: `${hit.relativePath}:${hit.line + 1}`,
    detail: hit.themeLabel,
    alwaysShow: true,
  };
}

export function registerSearchThemes(context: vscode.ExtensionContext, client: LanguageClient, themes: ThemesView): void {
  context.subscriptions.push(vscode.commands.registerCommand('seedCurator.searchThemes', () => searchThemes(client, themes)));
}

async function searchThemes(client: LanguageClient, themes: ThemesView): Promise<void> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.placeholder = 'Search themes and articles (words of a title, a theme, an organisation…)';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  // Answers can arrive out of order: only the latest query's answer is shown.
  let latest = 0;
  pick.onDidChangeValue(async (query) => {
    const asked = ++latest;
    pick.busy = true;
    try {
      const hits = await client.sendRequest(SearchThemesRequest, { query, limit: MAX_RESULTS });
      if (asked === latest) pick.items = hits.map(hitItem);
    } catch {
      if (asked === latest) pick.items = [];
    } finally {
      if (asked === latest) pick.busy = false;
    }
  });
  const chosen = await new Promise<HitItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return;
  const { hit } = chosen;
  if (hit.kind === 'theme') {
    await themes.reveal(hit.id);
  } else {
    const position = new vscode.Position(hit.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(hit.uri), { selection: new vscode.Range(position, position) });
  }
}

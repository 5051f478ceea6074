import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { CatalogEntry } from '../../core/types';
import { isMetaDocsUrl, openDocs } from '../views/docsLink';
import { copyToClipboard } from './clipboard';

interface EntryItem extends vscode.QuickPickItem {
  readonly entry: CatalogEntry;
}

const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy code') };
const DOCS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Open Meta documentation') };

/** The first sentence of a description, clipped: the detail line has room for one line. */
function shortDescription(text: string): string {
  const sentence = /^[^.!?]*[.!?]/.exec(text)?.[0] ?? text;
  return sentence.length > 140 ? `${sentence.slice(0, 139)}…` : sentence;
}

function toItem(entry: CatalogEntry, alwaysShow = false): EntryItem {
  return {
    entry,
    label: `${entry.key} · ${entry.title}`,
    description: entry.legacy ? `${entry.category} · ${vscode.l10n.t('legacy')}` : entry.category,
    detail: shortDescription(entry.description),
    buttons: isMetaDocsUrl(entry.docsUrl) ? [COPY_BUTTON, DOCS_BUTTON] : [COPY_BUTTON],
    alwaysShow,
  };
}

/**
 * Items for a query: the catalog's own search (code prefixes, title words, variants, category) is
 * always shown, best first; the rest stay available to the quick pick's fuzzy matching.
 */
function itemsFor(catalog: Catalog, query: string, first: CatalogEntry | undefined): EntryItem[] {
  const hits = query.trim() ? catalog.search(query) : first ? [first] : [];
  const shown = new Set(hits);
  return [...hits.map((e) => toItem(e, query.trim() !== '')), ...catalog.entries.filter((e) => !shown.has(e)).map((e) => toItem(e))];
}

/**
 * A quick pick over the whole catalog. Resolves with the chosen entry, or undefined when dismissed.
 * `preselect` is put first and made active; `query` fills the filter box.
 */
export function pickEntry(catalog: Catalog, opts: { preselect?: CatalogEntry; query?: string; placeholder?: string } = {}): Promise<CatalogEntry | undefined> {
  const pick = vscode.window.createQuickPick<EntryItem>();
  pick.title = vscode.l10n.t('WhatsApp Cloud API error codes');
  pick.placeholder = opts.placeholder ?? vscode.l10n.t('Type a code (131047), a title or words from the description');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.value = opts.query ?? '';
  pick.items = itemsFor(catalog, pick.value, opts.preselect);
  const active = pick.items.find((i) => i.entry === opts.preselect);
  if (active) pick.activeItems = [active];

  return new Promise((resolve) => {
    let chosen: CatalogEntry | undefined;
    const subscriptions = [
      pick.onDidChangeValue((value) => {
        pick.items = itemsFor(catalog, value, undefined);
      }),
      pick.onDidTriggerItemButton(async ({ button, item }) => {
        if (button === DOCS_BUTTON) await openDocs(item.entry.docsUrl);
        else await copyToClipboard(item.entry.key, vscode.l10n.t('Copied {0}', item.entry.key));
      }),
      pick.onDidAccept(() => {
        chosen = pick.selectedItems[0]?.entry;
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    pick.show();
  });
}

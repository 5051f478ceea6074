import * as vscode from 'vscode';
import { type SnippetLanguage, allHandlerSnippets } from '../../core/snippets';
import type { CatalogEntry } from '../../core/types';
import { copyToClipboard } from '../commands/clipboard';
import { retryAdviceText } from '../texts';
import { isMetaDocsUrl, openDocs } from './docsLink';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** Language names as shown in the snippet picker (product names, not translated). */
const LANGUAGE_NAMES: Record<SnippetLanguage, string> = {
  javascript: 'JavaScript / TypeScript',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  kotlin: 'Kotlin',
  php: 'PHP',
  ruby: 'Ruby',
  csharp: 'C#',
  dart: 'Dart',
};

/** What `media/details.js` renders; every string is shown with textContent. */
export interface DetailsModel {
  readonly strings: Readonly<Record<string, string>>;
  readonly entry: {
    readonly key: string;
    readonly title: string;
    readonly category: string;
    readonly httpStatus: string;
    readonly description: string;
    readonly solution: string;
    readonly retry: string;
    readonly docsUrl: string | undefined;
    readonly variants: readonly string[];
    readonly confidenceNote: string | undefined;
    readonly origin: string | undefined;
  };
  readonly snippets: readonly { readonly language: SnippetLanguage; readonly label: string; readonly code: string }[];
  readonly language: SnippetLanguage;
}

/** Messages the details script may send; anything else is ignored. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'openDocs' }
  | { type: 'copy'; what: 'code' | 'title' }
  | { type: 'copySnippet'; language: string };

/** The one details panel, reused for every code (opening a second panel per code clutters the editor area). */
export class DetailsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private model: DetailsModel | undefined;
  private entry: CatalogEntry | undefined;
  private ready = false;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The code shown now (for tests and for commands run from the panel). */
  get current(): CatalogEntry | undefined {
    return this.panel ? this.entry : undefined;
  }

  show(entry: CatalogEntry, language: SnippetLanguage): void {
    this.entry = entry;
    this.model = detailsModel(entry, language);
    if (!this.panel) {
      this.panel = this.createPanel();
    } else {
      this.panel.reveal(undefined, false);
      if (this.ready) void this.panel.webview.postMessage({ type: 'show', model: this.model });
    }
    this.panel.title = vscode.l10n.t('WhatsApp error {0}', entry.key);
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('waErrors.details', '', vscode.ViewColumn.Beside, webviewOptions(this.extensionUri));
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'details', vscode.l10n.t('WhatsApp error details'));
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    return panel;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = raw as Partial<FromWebview> | null;
    const entry = this.entry;
    if (!message || typeof message !== 'object' || !entry) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.model) void this.panel?.webview.postMessage({ type: 'show', model: this.model });
        return;
      case 'openDocs':
        // The URL comes from the catalog entry, never from the webview.
        await openDocs(entry.docsUrl);
        return;
      case 'copy':
        if (message.what === 'code') await copyToClipboard(entry.key, vscode.l10n.t('Copied {0}', entry.key));
        if (message.what === 'title') await copyToClipboard(entry.title, vscode.l10n.t('Copied the title of {0}', entry.key));
        return;
      case 'copySnippet': {
        const snippet = this.model?.snippets.find((s) => s.language === message.language);
        if (snippet) await copyToClipboard(snippet.code, vscode.l10n.t('Copied the {0} snippet for {1}', snippet.label, entry.key));
        return;
      }
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function detailsModel(entry: CatalogEntry, language: SnippetLanguage): DetailsModel {
  return {
    strings: {
      code: vscode.l10n.t('Code'),
      category: vscode.l10n.t('Category'),
      httpStatus: vscode.l10n.t('HTTP status'),
      meaning: vscode.l10n.t('What it means'),
      solution: vscode.l10n.t('What to do'),
      retry: vscode.l10n.t('Retry'),
      variants: vscode.l10n.t('Other titles seen for this code'),
      variantsHint: vscode.l10n.t('Match on the code, not on these: titles change.'),
      confidence: vscode.l10n.t('How sure this is'),
      snippet: vscode.l10n.t('Handle it by code'),
      language: vscode.l10n.t('Language'),
      openDocs: vscode.l10n.t('Open Meta documentation'),
      copyCode: vscode.l10n.t('Copy code'),
      copyTitle: vscode.l10n.t('Copy title'),
      copySnippet: vscode.l10n.t('Copy snippet'),
    },
    entry: {
      key: entry.key,
      title: entry.title,
      category: entry.category,
      httpStatus: entry.httpStatus === null ? vscode.l10n.t('not documented') : String(entry.httpStatus),
      description: entry.description,
      solution: entry.solution,
      retry: retryAdviceText(entry.retry),
      docsUrl: isMetaDocsUrl(entry.docsUrl) ? entry.docsUrl : undefined,
      // A variant that differs from the title only in letter case tells the reader nothing.
      variants: entry.variants.filter((v) => v.toLowerCase() !== entry.title.toLowerCase()),
      confidenceNote: entry.confidenceNote,
      origin: entry.custom
        ? vscode.l10n.t('From your waErrors.customCodes setting.')
        : entry.legacy
          ? vscode.l10n.t('Legacy code: Meta no longer lists it.')
          : undefined,
    },
    snippets: allHandlerSnippets(entry).map((s) => ({ language: s.language, label: LANGUAGE_NAMES[s.language], code: s.code })),
    language,
  };
}

import * as vscode from 'vscode';
import type { LogSummary } from '../../core/summary';
import { formatCount } from '../texts';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** Occurrence lines sent to the page per code (the page lists them under the row). */
const LINES_SHOWN = 200;

/** One row of the summary, with 1-based line numbers as the editor shows them. */
export interface SummaryRow {
  readonly code: number;
  /** The catalog key ("131047", "200-299"), or the bare code when the catalog does not know it. */
  readonly key: string;
  readonly title: string | undefined;
  readonly count: number;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly lines: readonly number[];
  /** True when `lines` leaves some lines out (the page says so). */
  readonly truncated: boolean;
}

/** A log summary as the commands return it and the summary page shows it. */
export interface SummaryView {
  readonly uri: string;
  readonly name: string;
  /** False when the file is too large for VS Code to open: lines are shown, not linked. */
  readonly canOpen: boolean;
  readonly total: number;
  readonly lineCount: number;
  readonly cancelled: boolean;
  readonly rows: readonly SummaryRow[];
}

export function summaryView(summary: LogSummary, uri: vscode.Uri, canOpen: boolean): SummaryView {
  return {
    uri: uri.toString(),
    name: displayName(uri),
    canOpen,
    total: summary.total,
    lineCount: summary.lineCount,
    cancelled: summary.cancelled,
    rows: summary.codes.map((c) => ({
      code: c.code,
      key: c.entry?.key ?? String(c.code),
      title: c.entry?.title,
      count: c.count,
      firstLine: c.firstLine + 1,
      lastLine: c.lastLine + 1,
      lines: c.lines.slice(0, LINES_SHOWN).map((l) => l + 1),
      truncated: c.lines.length > LINES_SHOWN || c.lines[c.lines.length - 1] !== c.lastLine,
    })),
  };
}

export function displayName(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : (uri.path.split('/').pop() ?? uri.toString());
}

type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'details'; key: string };

/** The one summary panel, reused for each summarized log. */
export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: SummaryView | undefined;
  private ready = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly showDetails: (key: string) => void,
  ) {}

  show(view: SummaryView): void {
    this.view = view;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('waErrors.summary', '', vscode.ViewColumn.Beside, webviewOptions(this.extensionUri));
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
      this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, 'summary', vscode.l10n.t('WhatsApp error summary'));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      });
    } else {
      this.panel.reveal(undefined, true);
      if (this.ready) this.post();
    }
    this.panel.title = vscode.l10n.t('Errors in {0}', view.name);
  }

  private post(): void {
    if (this.view) void this.panel?.webview.postMessage({ type: 'show', view: this.view, strings: pageStrings(this.view) });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = raw as Partial<FromWebview> | null;
    const view = this.view;
    if (!message || typeof message !== 'object' || !view) return;
    if (message.type === 'ready') {
      this.ready = true;
      this.post();
    } else if (message.type === 'reveal' && Number.isSafeInteger(message.line)) {
      const line = message.line as number;
      if (line >= 1 && line <= view.lineCount) await revealLine(view, line - 1);
    } else if (message.type === 'details' && typeof message.key === 'string') {
      // Only keys of rows we sent; the details command validates against the catalog again.
      if (view.rows.some((r) => r.key === message.key)) this.showDetails(message.key);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function revealLine(view: SummaryView, line: number): Promise<void> {
  if (!view.canOpen) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is too large for VS Code to open; the error is on line {1}.', view.name, formatCount(line + 1)),
    );
    return;
  }
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(view.uri, true));
    const range = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    // Jump in the editor already showing the log, if any, rather than opening it a second time.
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    await vscode.window.showTextDocument(document, { selection: range, viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', view.name, e instanceof Error ? e.message : String(e)));
  }
}

function pageStrings(view: SummaryView): Record<string, string> {
  return {
    heading: vscode.l10n.t('WhatsApp errors in {0}', view.name),
    // Each part carries its own plural; the template only orders them ("5 occurrences of 2 codes in 9 lines").
    totals: vscode.l10n.t(
      '{0} of {1} in {2}',
      view.total === 1 ? vscode.l10n.t('1 occurrence') : vscode.l10n.t('{0} occurrences', formatCount(view.total)),
      view.rows.length === 1 ? vscode.l10n.t('1 code') : vscode.l10n.t('{0} codes', formatCount(view.rows.length)),
      view.lineCount === 1 ? vscode.l10n.t('1 line') : vscode.l10n.t('{0} lines', formatCount(view.lineCount)),
    ),
    empty: vscode.l10n.t('No WhatsApp error codes found in {0}', view.name),
    cancelled: vscode.l10n.t('Cancelled: these counts cover only the part read before cancelling.'),
    notOpenable: vscode.l10n.t('This file is too large for VS Code to open, so line numbers are not links.'),
    code: vscode.l10n.t('Code'),
    title: vscode.l10n.t('Title'),
    count: vscode.l10n.t('Count'),
    first: vscode.l10n.t('First line'),
    last: vscode.l10n.t('Last line'),
    unknown: vscode.l10n.t('(not in the catalog)'),
    lines: vscode.l10n.t('Lines'),
    moreLines: vscode.l10n.t('Only the first lines are listed.'),
    // The page fills in {0}; passing '{0}' keeps the placeholder through formatting.
    goToLine: vscode.l10n.t('Go to line {0}', '{0}'),
    details: vscode.l10n.t('Show details of {0}', '{0}'),
  };
}

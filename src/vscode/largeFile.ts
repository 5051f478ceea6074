import * as vscode from 'vscode';
import type { DocumentKinds } from './documentKinds';
import type { DocumentScans } from './documentScans';
import { CommandId } from './ids';
import { formatCount } from './texts';

/** perf: VS Code's large-file mode (textModel.ts): above these it turns CodeLens off for the editor. */
const LARGE_FILE_CHARS = 20 * 1024 * 1024;
const LARGE_FILE_LINES = 300_000;
/** After an edit of the shown log, recount once typing pauses (no lens provider rescans it for us). */
const EDIT_DELAY_MS = 1000;

/**
 * For a log too large for CodeLens, a status bar item with the error count that opens the log summary
 * ("WhatsApp errors: 2,314 — Summarize"). Created only when such a file is first shown.
 */
export class LargeFileStatus implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly kinds: DocumentKinds,
    private readonly scans: DocumentScans,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      scans.onDidComplete((d) => d === vscode.window.activeTextEditor?.document && void this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document || !this.shown) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), EDIT_DELAY_MS);
      }),
    ];
    // After activation has returned: the editor that triggered it may already be a large log.
    this.timer = setTimeout(() => void this.update(), 0);
  }

  async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const kind = document && this.kinds.of(document);
    if (!document || !kind?.family || !kind.isData || kind.excluded || !isLargeFileMode(document)) {
      this.hide();
      return;
    }
    const scan = await this.scans.scan(document, kind.family);
    if (!scan || document !== vscode.window.activeTextEditor?.document) return;
    if (scan.hits.count === 0) {
      this.hide();
      return;
    }
    this.item ??= vscode.window.createStatusBarItem('waErrors.largeFile', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('WhatsApp errors in a large file');
    this.item.text = vscode.l10n.t('WhatsApp errors: {0} — Summarize', formatCount(scan.hits.hitCount));
    this.item.tooltip = vscode.l10n.t('This file is too large for CodeLens. Click to summarize its errors.');
    this.item.command = { title: vscode.l10n.t('Summarize'), command: CommandId.summarizeLog, arguments: [document.uri] };
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item?.hide();
    this.shown = false;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item?.dispose();
  }
}

function isLargeFileMode(document: vscode.TextDocument): boolean {
  if (vscode.workspace.getConfiguration('editor', document).get<boolean>('largeFileOptimizations', true) === false) return false;
  if (document.lineCount > LARGE_FILE_LINES) return true;
  return document.offsetAt(new vscode.Position(document.lineCount, 0)) > LARGE_FILE_CHARS;
}

import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { familyFor } from '../../core/detect';
import { LogSummarizer, summarizeText } from '../../core/summary';
import { formatCount } from '../texts';
import { type SummaryPanel, type SummaryView, displayName, summaryView } from '../views/summaryPanel';
import { BinaryFileError, type FileChunkReader, TextChunks } from './fileReader';

/** VS Code does not hand documents above this size to extensions, and cannot open them for us. */
const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;
/** Open documents below this are summarized at once, without a progress notification. */
const QUIET_CHARS = 2 * 1024 * 1024;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Summarize {
  constructor(
    private readonly getCatalog: () => Catalog,
    private readonly panel: SummaryPanel,
    private readonly reader: FileChunkReader,
  ) {}

  /** Summarizes an open document (the active one, or the one `arg` names); a file not open is read from disk. */
  async log(arg?: unknown): Promise<SummaryView | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    const document = uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!document) {
      if (uri) return this.file(uri);
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a log file first, or use "Summarize Errors in a Log File…".'));
      return undefined;
    }
    const text = document.getText();
    const family = familyFor(document.languageId, document.fileName) ?? 'text';
    const run = (token?: vscode.CancellationToken, progress?: vscode.Progress<{ increment: number }>) => {
      let reported = 0;
      return summarizeText(text, family, this.getCatalog(), {
        token,
        pause,
        onProgress: (done) => {
          const percent = (done / text.length) * 100;
          progress?.report({ increment: percent - reported });
          reported = percent;
        },
      });
    };
    const summary =
      text.length < QUIET_CHARS
        ? await run()
        : await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Summarizing errors in {0}', displayName(document.uri)), cancellable: true },
            (progress, token) => run(token, progress),
          );
    const view = summaryView(summary, document.uri, true);
    this.panel.show(view);
    return view;
  }

  /** Summarizes a file from disk, streamed, whatever its size (within the reader's limit). */
  async file(arg?: unknown): Promise<SummaryView | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : await this.askForFile();
    if (!uri) return undefined;
    const name = displayName(uri);
    let size: number;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} is a folder, not a log file.', name));
        return undefined;
      }
      size = stat.size;
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', name, messageOf(e)));
      return undefined;
    }
    if (this.reader.maxBytes !== undefined && size > this.reader.maxBytes) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} is {1} MB; here files up to {2} MB can be summarized.', name, formatCount(Math.ceil(size / 2 ** 20)), formatCount(this.reader.maxBytes / 2 ** 20)),
      );
      return undefined;
    }
    try {
      const summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Summarizing errors in {0}', name), cancellable: true },
        (progress, token) => this.stream(uri, size, token, progress),
      );
      const view = summaryView(summary, uri, size <= SYNC_LIMIT_BYTES);
      this.panel.show(view);
      return view;
    } catch (e) {
      const message = e instanceof BinaryFileError ? vscode.l10n.t('{0} looks like a binary file, not a text log.', name) : vscode.l10n.t('Cannot read {0}: {1}', name, messageOf(e));
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  private async stream(uri: vscode.Uri, size: number, token: vscode.CancellationToken, progress: vscode.Progress<{ increment: number; message?: string }>) {
    const family = familyFor(undefined, uri.path) ?? 'text';
    const summarizer = new LogSummarizer(family, this.getCatalog(), { token });
    const text = new TextChunks();
    const total = formatCount(Math.max(1, Math.ceil(size / 2 ** 20)));
    let read = 0;
    for await (const bytes of this.reader.read(uri, token)) {
      if (token.isCancellationRequested) break;
      summarizer.push(text.decode(bytes));
      read += bytes.length;
      progress.report({ increment: size > 0 ? (bytes.length / size) * 100 : 0, message: vscode.l10n.t('{0} of {1} MB', formatCount(Math.floor(read / 2 ** 20)), total) });
      await pause();
    }
    summarizer.push(text.end());
    return summarizer.finish();
  }

  private async askForFile(): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Summarize'),
      title: vscode.l10n.t('Choose a log file to summarize'),
      filters: { [vscode.l10n.t('Logs')]: ['log', 'ndjson', 'jsonl', 'json', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
    });
    return picked?.[0];
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

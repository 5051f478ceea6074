import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { CommandId } from '../ids';
import { DetailsPanel } from '../views/detailsPanel';
import { SummaryPanel } from '../views/summaryPanel';
import { activeSnippetLanguage, copyCode, copySnippet, copyTitle, unknownCodeMessage } from './copy';
import { type FileChunkReader, workspaceFsReader } from './fileReader';
import { pickEntry } from './lookup';
import { Summarize } from './summarize';
import { entryAtCursor, entryFromArg } from './target';

export type { FileChunkReader } from './fileReader';
export type { SummaryRow, SummaryView } from '../views/summaryPanel';

export interface CommandOptions {
  /** How `summarizeFile` reads files: the Node build passes a streaming reader; default `workspace.fs` (capped). */
  readonly readFileChunks?: FileChunkReader;
}

/**
 * Registers the palette commands: lookup, details, log summaries and copy. Commands return their
 * result (the entry key, the summary, the copied text) so tests and other commands can use them.
 */
export function registerCommands(context: vscode.ExtensionContext, getCatalog: () => Catalog, options: CommandOptions = {}): void {
  const details = new DetailsPanel(context.extensionUri);
  const showDetails = (arg: unknown): boolean => {
    const entry = entryFromArg(arg, getCatalog());
    if (!entry) {
      void vscode.window.showErrorMessage(unknownCodeMessage(arg));
      return false;
    }
    details.show(entry, activeSnippetLanguage());
    return true;
  };
  const summaries = new SummaryPanel(context.extensionUri, (key) => showDetails(key));
  const summarize = new Summarize(getCatalog, summaries, options.readFileChunks ?? workspaceFsReader);

  context.subscriptions.push(
    details,
    summaries,
    vscode.commands.registerCommand(CommandId.lookupCode, async (query?: unknown) => {
      const catalog = getCatalog();
      const text = typeof query === 'string' ? query.slice(0, 200) : typeof query === 'number' ? String(query) : undefined;
      const entry = await pickEntry(catalog, { query: text, preselect: text === undefined ? entryAtCursor(catalog) : undefined });
      if (entry) showDetails(entry.key);
      return entry?.key;
    }),
    vscode.commands.registerCommand(CommandId.showDetails, showDetails),
    vscode.commands.registerCommand(CommandId.summarizeLog, (uri?: unknown) => summarize.log(uri)),
    vscode.commands.registerCommand(CommandId.summarizeFile, (uri?: unknown) => summarize.file(uri)),
    vscode.commands.registerCommand(CommandId.copyCode, (arg?: unknown) => copyCode(arg, getCatalog())),
    vscode.commands.registerCommand(CommandId.copyTitle, (arg?: unknown) => copyTitle(arg, getCatalog())),
    vscode.commands.registerCommand(CommandId.copySnippet, (arg?: unknown) => copySnippet(arg, getCatalog())),
  );
}

import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { familyFor } from '../../core/detect';
import { handlerSnippet, snippetLanguageFor } from '../../core/snippets';
import type { CatalogEntry } from '../../core/types';
import { copyToClipboard } from './clipboard';
import { pickEntry } from './lookup';
import { entryAtCursor, entryFromArg } from './target';

/**
 * The entry a command acts on: its argument when given (an invalid one is reported, not guessed
 * around), else the code under the cursor, else one the user picks.
 */
export async function resolveEntry(arg: unknown, catalog: Catalog): Promise<CatalogEntry | undefined> {
  if (arg !== undefined && arg !== null) {
    const entry = entryFromArg(arg, catalog);
    if (!entry) void vscode.window.showErrorMessage(unknownCodeMessage(arg));
    return entry;
  }
  return entryAtCursor(catalog) ?? pickEntry(catalog, { placeholder: vscode.l10n.t('Choose an error code') });
}

export function unknownCodeMessage(arg: unknown): string {
  const shown = typeof arg === 'string' || typeof arg === 'number' ? String(arg).slice(0, 40) : typeof arg;
  return vscode.l10n.t('"{0}" is not a WhatsApp Cloud API error code in the catalog.', shown);
}

/** Copies the code; resolves with the text copied (for callers and tests), or undefined. */
export async function copyCode(arg: unknown, catalog: Catalog): Promise<string | undefined> {
  const entry = await resolveEntry(arg, catalog);
  if (!entry) return undefined;
  await copyToClipboard(entry.key, vscode.l10n.t('Copied {0}', entry.key));
  return entry.key;
}

export async function copyTitle(arg: unknown, catalog: Catalog): Promise<string | undefined> {
  const entry = await resolveEntry(arg, catalog);
  if (!entry) return undefined;
  await copyToClipboard(entry.title, vscode.l10n.t('Copied the title of {0}', entry.key));
  return entry.title;
}

/** Copies a code-based handler in the active editor's language (JavaScript when it is not source code). */
export async function copySnippet(arg: unknown, catalog: Catalog): Promise<string | undefined> {
  const language = activeSnippetLanguage();
  const entry = await resolveEntry(arg, catalog);
  if (!entry) return undefined;
  const snippet = handlerSnippet(entry, language);
  await copyToClipboard(snippet.code, vscode.l10n.t('Copied a handler for {0}', entry.key));
  return snippet.code;
}

/** The snippet language of the active editor, or of the last visible one when a panel has focus. */
export function activeSnippetLanguage(): ReturnType<typeof snippetLanguageFor> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  const document = editor?.document;
  return snippetLanguageFor(document ? familyFor(document.languageId, document.fileName) : undefined);
}

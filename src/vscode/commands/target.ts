import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { codeAt, familyFor, fileContext } from '../../core/detect';
import type { CatalogEntry } from '../../core/types';

/** A bare code as typed or selected: "131047", "#131047", "(#131047)" or a key such as "200-299". */
const CODE_TEXT = /^\(?#?(\d{1,9}(?:-\d{1,9})?)\)?$/;

/**
 * The catalog entry a command argument names. Arguments come from hover links, lenses and other
 * extensions, so they are untrusted: only a safe integer or a key string of the catalog is accepted.
 */
export function entryFromArg(arg: unknown, catalog: Catalog): CatalogEntry | undefined {
  if (typeof arg === 'number') return Number.isSafeInteger(arg) && arg >= 0 ? catalog.get(arg) : undefined;
  if (typeof arg !== 'string' || arg.length > 40) return undefined;
  const key = CODE_TEXT.exec(arg.trim())?.[1];
  return key === undefined ? undefined : catalog.byKey(key);
}

/**
 * The code the user points at in the active editor: a selected code, else the detector's finding
 * under the cursor (so `setTimeout(fn, 100)` is not taken for code 100), else a bare number under
 * the cursor that the catalog knows.
 */
export function entryAtCursor(catalog: Catalog, editor = vscode.window.activeTextEditor): CatalogEntry | undefined {
  if (!editor) return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty && selection.isSingleLine) {
    const selected = entryFromArg(document.getText(selection), catalog);
    if (selected) return selected;
  }
  const line = document.lineAt(selection.active.line).text;
  const family = familyFor(document.languageId, document.fileName);
  if (family && line.length <= 10000) {
    const context = fileContext(document.getText());
    const found = codeAt(line, selection.active.character, family, catalog, context);
    if (found?.code !== undefined) return catalog.get(found.code);
  }
  const word = document.getWordRangeAtPosition(selection.active, /\d{1,9}/);
  return word ? entryFromArg(document.getText(word), catalog) : undefined;
}

// Shared helpers for extension-host tests (imported by the *.test.ts files, bundled into each).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'wa-errors.whatsapp-cloud-api-errors';

/** Activates our extension and fails clearly when the host did not load it. */
export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in the extension host`);
  await ext.activate();
}

/** URI of a file in the fixture workspace the tests run in. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests must run with test/fixtures/workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture file in an editor (providers for its language are then active). */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Position of the first occurrence of `needle` (plus `offset` characters) in a document. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

/**
 * Markdown of a hover as a reader sees it: non-breaking-space entities become spaces and
 * backslash escapes are dropped, so assertions can use the catalog's plain titles.
 */
export function readableMarkdown(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Readable text of every hover any provider returns at a position. */
export async function hoverTexts(doc: vscode.TextDocument, pos: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return (hovers ?? []).map((h) => readableMarkdown(h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')));
}

/** Polls `get` every 50 ms until `ok` accepts its value; fails after `ms` with the last value. */
export async function until<T>(get: () => T, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

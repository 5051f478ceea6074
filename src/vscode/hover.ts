import * as vscode from 'vscode';
import { ERROR_CODES_URL } from '../core/catalog/entries';
import { legacyEquivalent } from '../core/catalog/legacy';
import { codeAt } from '../core/detect';
import { payloadAt } from '../core/detect/payload';
import type { FindingIndex } from '../core/findingIndex';
import type { CatalogService } from './catalogService';
import { settingsFor } from './config';
import type { DocumentKinds } from './documentKinds';
import type { DocumentScans } from './documentScans';
import type { FileContexts } from './fileContexts';
import { entryHover, unknownCodeHover } from './markdown';

/** perf: lines longer than VS Code's long-line boundary are read through a window around the cursor. */
const LONG_LINE = 10_000;
const WINDOW_CHARS = 4096;
/**
 * Lines above the hovered one read with it, so `case 100:` sees the `switch (err.code)` it belongs to and
 * `"code": 100` in pretty-printed JSON sees the `"type": "OAuthException"` of its error object.
 */
const LINES_ABOVE = 12;
const CHARS_ABOVE = 2048;

/**
 * Hover on an error code: reads only the hovered line (or a ±4 KB window of a long line), never the whole
 * document, so its cost does not depend on the document's size.
 */
export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly catalogs: CatalogService,
    private readonly kinds: DocumentKinds,
    private readonly contexts: FileContexts,
    private readonly scans?: DocumentScans,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const kind = this.kinds.of(document);
    if (!kind.family || kind.excluded || token.isCancellationRequested || !settingsFor(document).hoverEnabled) return undefined;
    const line = document.lineAt(position.line).text;
    // `from`: where `lineText` starts in the line; `above`: the lines read before it.
    const from = line.length > LONG_LINE ? Math.max(0, position.character - WINDOW_CHARS) : 0;
    const lineText = line.length > LONG_LINE ? line.slice(from, position.character + WINDOW_CHARS) : line;
    const above = line.length > LONG_LINE ? '' : linesAbove(document, position.line);
    const catalog = this.catalogs.get();
    const found = codeAt(above + lineText, above.length + position.character - from, kind.family, catalog, this.contexts.of(document));
    let span: { start: number; end: number; code: number } | undefined;
    if (found?.code !== undefined && found.start >= above.length) span = { start: found.start - above.length, end: found.end - above.length, code: found.code };
    // The window saw nothing, but the whole-document scan behind the CodeLens may have (a code deep in a
    // long docstring, a small code the rest of the file shows to be a Graph error): agree with it.
    span ??= scannedAt(this.scans?.finished(document, kind.family)?.hits, position.line, lineText, position.character - from);
    if (span === undefined) return undefined;
    const { start, end, code } = span;
    const payload = kind.isData ? payloadAt(lineText, start) : undefined;
    const entry = catalog.get(code);
    const legacy = legacyEquivalent(code);
    const contents = entry ? entryHover(entry, payload, legacy) : unknownCodeHover(code, ERROR_CODES_URL, payload, legacy);
    return new vscode.Hover(contents, new vscode.Range(position.line, from + start, position.line, from + end));
  }
}

/** The number under `offset` in `lineText` when the document's finished scan found that code on `line`. */
function scannedAt(hits: FindingIndex | undefined, line: number, lineText: string, offset: number): { start: number; end: number; code: number } | undefined {
  if (!hits || hits.count === 0) return undefined;
  let start = Math.min(offset, lineText.length);
  let end = start;
  while (start > 0 && isDigitOrSeparator(lineText.charCodeAt(start - 1))) start--;
  while (end < lineText.length && isDigitOrSeparator(lineText.charCodeAt(end))) end++;
  const digits = lineText.slice(start, end).replace(/_/g, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const code = Number(digits);
  return hits.has(line, code) ? { start, end, code } : undefined;
}

function isDigitOrSeparator(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95;
}

/** Up to {@link LINES_ABOVE} whole lines above `line` (at most about {@link CHARS_ABOVE} characters), with their line breaks. */
function linesAbove(document: vscode.TextDocument, line: number): string {
  let first = line;
  let size = 0;
  while (first > 0 && line - first < LINES_ABOVE) {
    const length = document.lineAt(first - 1).text.length + 1;
    if (size + length > CHARS_ABOVE) break;
    size += length;
    first--;
  }
  return first < line ? document.getText(new vscode.Range(first, 0, line, 0)) : '';
}

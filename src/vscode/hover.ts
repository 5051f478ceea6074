import * as vscode from 'vscode';
import { ERROR_CODES_URL } from '../core/catalog/entries';
import { legacyEquivalent } from '../core/catalog/legacy';
import { codeAt } from '../core/detect';
import { payloadFieldsAt } from '../core/payloadFields';
import type { CatalogService } from './catalogService';
import { settingsFor } from './config';
import type { DocumentKinds } from './documentKinds';
import { entryHover, unknownCodeHover } from './markdown';

/** perf: lines longer than VS Code's long-line boundary are read through a window around the cursor. */
const LONG_LINE = 10_000;
const WINDOW_CHARS = 4096;

/**
 * Hover on an error code: reads only the hovered line (or a ±4 KB window of a long line), never the whole
 * document, so its cost does not depend on the document's size.
 */
export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly catalogs: CatalogService,
    private readonly kinds: DocumentKinds,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const kind = this.kinds.of(document);
    if (!kind.family || kind.excluded || token.isCancellationRequested || !settingsFor(document).hoverEnabled) return undefined;
    const line = document.lineAt(position.line).text;
    const from = line.length > LONG_LINE ? Math.max(0, position.character - WINDOW_CHARS) : 0;
    const text = line.length > LONG_LINE ? line.slice(from, position.character + WINDOW_CHARS) : line;
    const catalog = this.catalogs.get();
    const finding = codeAt(text, position.character - from, kind.family, catalog);
    if (finding?.code === undefined) return undefined;
    const payload = kind.isData ? payloadFieldsAt(text, finding.start) : undefined;
    const entry = catalog.get(finding.code);
    const legacy = legacyEquivalent(finding.code);
    const contents = entry ? entryHover(entry, payload, legacy) : unknownCodeHover(finding.code, ERROR_CODES_URL, payload, legacy);
    return new vscode.Hover(contents, new vscode.Range(position.line, from + finding.start, position.line, from + finding.end));
  }
}

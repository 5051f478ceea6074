import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/catalog';
import type { FindingIndex } from '../core/findingIndex';
import type { CatalogService } from './catalogService';
import { settingsFor } from './config';
import type { DocumentKinds } from './documentKinds';
import type { DocumentScans } from './documentScans';
import { CommandId } from './ids';
import { formatCount, retryAdviceText } from './texts';

interface LensCache {
  readonly key: string;
  readonly lenses: vscode.CodeLens[];
}

/**
 * One lens per line that carries error codes: in source above the line that handles a code, in JSON and
 * logs above each line with errors. Lenses come from the cached scan (no rescan per call) and are complete
 * at provide time (no resolve step). Past `waErrors.codeLens.maxPerDocument` lines, a summary lens at
 * the top offers the log summary instead.
 */
export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Same lens objects for an unchanged scan and settings, so VS Code keeps its rendered lenses. */
  private readonly built = new WeakMap<FindingIndex, LensCache>();

  constructor(
    private readonly catalogs: CatalogService,
    private readonly kinds: DocumentKinds,
    private readonly scans: DocumentScans,
  ) {}

  /** Asks VS Code to provide lenses again (settings or catalog changed). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const kind = this.kinds.of(document);
    if (!kind.family || kind.excluded) return [];
    const settings = settingsFor(document);
    if (!settings.codeLensEnabled) return [];
    const scan = await this.scans.scan(document, kind.family);
    if (!scan || token.isCancellationRequested) return [];
    const key = `${settings.codeLensMax}:${kind.isData}:${this.catalogs.generation}`;
    const cached = this.built.get(scan.hits);
    if (cached?.key === key) return cached.lenses;
    const lenses = buildLenses(document, scan.hits, this.catalogs.get(), kind.isData, settings.codeLensMax);
    this.built.set(scan.hits, { key, lenses });
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function buildLenses(document: vscode.TextDocument, hits: FindingIndex, catalog: Catalog, isData: boolean, max: number): vscode.CodeLens[] {
  const lenses = hits.distinctLines() > max ? [summaryLens(document, hits)] : [];
  for (let i = 0, left = max; i < hits.count && left > 0; left--) {
    const line = hits.line(i);
    const codes: number[] = [];
    for (; i < hits.count && hits.line(i) === line; i++) codes.push(hits.code(i));
    const range = new vscode.Range(line, 0, line, 0);
    const first = codes[0] as number;
    lenses.push(
      new vscode.CodeLens(range, {
        title: lineTitle(codes, catalog, isData),
        tooltip: vscode.l10n.t('Show details of error {0}', first),
        command: CommandId.showDetails,
        arguments: [catalog.get(first)?.key ?? String(first)],
      }),
    );
  }
  return lenses;
}

/** "131047 · Re-engagement message — do not retry", or "131047, 131026 · 2 codes" for several codes. */
function lineTitle(codes: readonly number[], catalog: Catalog, isData: boolean): string {
  if (codes.length > 1) return vscode.l10n.t('{0} · {1} codes', codes.join(', '), codes.length);
  const code = codes[0] as number;
  const entry = catalog.get(code);
  if (!entry) return vscode.l10n.t('{0} · not in the catalog', code);
  // Logs get the title only; in source the advice is what the handling code needs.
  return isData ? `${code} · ${entry.title}` : vscode.l10n.t('{0} · {1} — {2}', code, entry.title, retryAdviceText(entry.retry));
}

function summaryLens(document: vscode.TextDocument, hits: FindingIndex): vscode.CodeLens {
  const codes = hits.distinctCodes();
  const errors = formatCount(hits.hitCount);
  return new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
    title:
      codes === 1
        ? vscode.l10n.t('{0} errors, 1 code — show summary', errors)
        : vscode.l10n.t('{0} errors, {1} codes — show summary', errors, formatCount(codes)),
    tooltip: vscode.l10n.t('Too many errors for one lens each (waErrors.codeLens.maxPerDocument): summarize them instead'),
    command: CommandId.summarizeLog,
    arguments: [document.uri],
  });
}

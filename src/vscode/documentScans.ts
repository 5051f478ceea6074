import * as vscode from 'vscode';
import { findingsOf, rescanCodes, scanCodes, scanCodesState, type CodeScanState } from '../core/detect';
import { addFindings, FindingIndex } from '../core/findingIndex';
import type { LanguageFamily } from '../core/types';
import type { CatalogService } from './catalogService';
import { EditTracker } from './editTracker';
import type { FileContexts } from './fileContexts';

/** A finished scan of one document version. */
export interface DocumentScan {
  readonly version: number;
  readonly family: LanguageFamily;
  readonly hits: FindingIndex;
}

interface Entry {
  readonly version: number;
  readonly catalogGeneration: number;
  readonly family: LanguageFamily;
  readonly cts: vscode.CancellationTokenSource;
  readonly result: Promise<DocumentScan | undefined>;
  /** The result once the scan has finished (for `finished`, which cannot wait). */
  done?: DocumentScan;
}

/** Documents up to this many characters are scanned in one synchronous pass (a few ms). */
const ONE_PASS_CHARS = 1 << 20;
/** Target size of one slice of a larger document; each slice is followed by a yield to the event loop. */
const SLICE_CHARS = 1 << 20;
/** Scans kept: enough for the visible editors and a few recently used tabs. */
const MAX_ENTRIES = 24;

/**
 * Error-code scans of open documents, keyed by uri and version (LRU-bounded). Large documents are
 * scanned in line slices of ~1 MiB with a `setTimeout(0)` between slices, so the extension host is never
 * blocked for long; a scan stops as soon as its document changes, closes, or the catalog is rebuilt.
 * CodeLens and the large-file status read from here, so a document version is scanned once.
 */
export class DocumentScans implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** One-pass scans and the edits since: typing in a 200 KB file re-scans a few KB (see rescanCodes). */
  private readonly baselines = new EditTracker<CodeScanState>(MAX_ENTRIES);
  private readonly completed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a scan finishes (not for scans served from the cache). */
  readonly onDidComplete = this.completed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly catalogs: CatalogService,
    private readonly contexts: FileContexts,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // An edit makes any running scan of the old version useless: stop it now rather than at its next slice.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const key = e.document.uri.toString();
        this.entries.get(key)?.cts.cancel();
        this.baselines.onChange(e);
      }),
      catalogs.onDidChange(() => this.clear()),
    ];
  }

  /** The scan of the document's current version: cached, in progress, or started now. */
  scan(document: vscode.TextDocument, family: LanguageFamily): Promise<DocumentScan | undefined> {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.family === family && cached.catalogGeneration === this.catalogs.generation) {
      // Refresh LRU position.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.result;
    }
    cached?.cts.cancel();
    const cts = new vscode.CancellationTokenSource();
    const result = this.run(document, document.version, family, cts.token);
    const entry: Entry = { version: document.version, catalogGeneration: this.catalogs.generation, family, cts, result };
    result.then(
      (scan) => {
        entry.done = scan;
      },
      () => undefined,
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
    return entry.result;
  }

  /**
   * The finished scan of the document's current version, if there is one; never starts a scan. The
   * hover reads it to agree with the CodeLens where its own window is too small to tell (a code deep in
   * a long docstring, a small code that the rest of the file shows to be a WhatsApp error).
   */
  finished(document: vscode.TextDocument, family: LanguageFamily): DocumentScan | undefined {
    const e = this.entries.get(document.uri.toString());
    if (!e?.done || e.version !== document.version || e.family !== family || e.catalogGeneration !== this.catalogs.generation) return undefined;
    return e.done;
  }

  private async run(
    document: vscode.TextDocument,
    version: number,
    family: LanguageFamily,
    token: vscode.CancellationToken,
  ): Promise<DocumentScan | undefined> {
    // Let `scan()` record its entry before any work or event happens (listeners may call back into it).
    await Promise.resolve();
    if (token.isCancellationRequested || document.version !== version) return undefined;
    const catalog = this.catalogs.get();
    const hits = new FindingIndex();
    const lineCount = document.lineCount;
    const size = document.offsetAt(new vscode.Position(lineCount, 0));
    if (size <= ONE_PASS_CHARS) {
      const text = document.getText();
      const key = document.uri.toString();
      const generation = this.catalogs.generation;
      const base = this.baselines.since(key, version, generation);
      const incremental = base && base.state.family === family && base.state.catalog === catalog;
      const state = incremental ? rescanCodes(base.state, text, base.change, { token }) : scanCodesState(text, family, catalog, { token });
      if (token.isCancellationRequested) return undefined;
      this.baselines.set(key, state, version, generation);
      addFindings(hits, text, 0, findingsOf(state));
    } else {
      // A slice alone may not show what the file is about: every slice gets the document's context.
      const context = this.contexts.of(document);
      // perf: slices by line count (getText(range) joins only those lines; getText() would copy the whole
      // document and lineAt() would cache an object per line). The count adapts to the measured slice size.
      let linesPerSlice = Math.max(1, Math.floor((lineCount * SLICE_CHARS) / size));
      for (let line = 0; line < lineCount; ) {
        const end = Math.min(lineCount, line + linesPerSlice);
        const text = document.getText(new vscode.Range(line, 0, end, 0));
        addFindings(hits, text, line, scanCodes(text, family, catalog, { token, context }));
        line = end;
        if (text.length > 0) linesPerSlice = Math.max(1, Math.floor((linesPerSlice * SLICE_CHARS) / text.length));
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (token.isCancellationRequested || document.isClosed || document.version !== version) return undefined;
      }
    }
    if (token.isCancellationRequested || document.version !== version) return undefined;
    hits.trim();
    this.completed.fire(document);
    return { version, family, hits };
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES) break;
      e.cts.cancel();
      this.entries.delete(key);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const e = this.entries.get(key);
    e?.cts.cancel();
    e?.cts.dispose();
    this.entries.delete(key);
    this.baselines.delete(key);
  }

  private clear(): void {
    for (const e of this.entries.values()) e.cts.cancel();
    this.entries.clear();
    this.baselines.clear();
  }

  dispose(): void {
    this.clear();
    this.completed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

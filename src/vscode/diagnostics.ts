import * as vscode from 'vscode';
import { rescanTitles, scanTitlesState, titleMatchMessage, type TitleScanState } from '../core/lint';
import type { Finding } from '../core/types';
import type { CatalogService } from './catalogService';
import { settingsFor, toDiagnosticSeverity } from './config';
import type { DocumentKinds } from './documentKinds';
import { EditTracker } from './editTracker';
import { DIAGNOSTIC_SOURCE } from './ids';
import { safeHttpsUrl } from './markdown';

/** perf: wait for a pause in typing before linting (the markdown built-in uses the same 300 ms). */
const DEBOUNCE_MS = 300;
/** VS Code shows at most 1000 diagnostics per file; more would only be dropped on its side. */
const MAX_PER_FILE = 1000;
/** Source files above this size are generated or minified: not worth a title lint. */
const MAX_LINT_CHARS = 5 * 1024 * 1024;
/**
 * Documents up to this size keep their last lint's state (literals, masked text) so that the next
 * lint re-reads only around the edits; a few at a time, as many as are being edited.
 */
const INCREMENTAL_CHARS = 1 << 20;
const MAX_STATES = 8;

/**
 * Title-match diagnostics for source files: code that compares error titles or message text where it
 * should compare `code`. Runs debounced on open and edit; results for a superseded version are dropped.
 */
export class TitleLint implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly states = new EditTracker<TitleScanState>(MAX_STATES);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly catalogs: CatalogService,
    private readonly kinds: DocumentKinds,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.states.onChange(e);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  /** Re-lints every open document (after a settings or catalog change). */
  relintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  private schedule(document: vscode.TextDocument): void {
    // Output panes and other documents we never lint change often: no timer for them.
    if (!this.kinds.of(document).family) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer edit has its own timer; a closed document has nothing to show.
        if (!document.isClosed && document.version === version) this.lint(document);
      }, DEBOUNCE_MS),
    );
  }

  private lint(document: vscode.TextDocument): void {
    const kind = this.kinds.of(document);
    const settings = settingsFor(document);
    const severity = settings.lintSeverity;
    // Data is never linted, except a SQL script's filters on error columns and a JSON configuration's
    // match rules (the core reads the text to tell); logs are not.
    if (!kind.family || (kind.isData && !holdsRules(document)) || kind.excluded || !settings.lintEnabled || severity === 'off') {
      this.collection.delete(document.uri);
      return;
    }
    const text = document.getText();
    const key = document.uri.toString();
    if (text.length > MAX_LINT_CHARS) {
      this.states.delete(key);
      this.collection.delete(document.uri);
      return;
    }
    const catalog = this.catalogs.get();
    const generation = this.catalogs.generation;
    const base = this.states.since(key, document.version, generation);
    const state =
      base && base.state.family === kind.family && base.state.catalog === catalog ? rescanTitles(base.state, text, base.change) : scanTitlesState(text, kind.family, catalog);
    if (state && text.length <= INCREMENTAL_CHARS) this.states.set(key, state, document.version, generation);
    else this.states.delete(key);
    const findings = (state?.findings ?? []).slice(0, MAX_PER_FILE);
    this.collection.set(
      document.uri,
      findings.map((f) => toDiagnostic(document, f, catalog.get(f.codes?.[0] ?? -1)?.docsUrl, titleMatchMessage(f, catalog, kind.family), toDiagnosticSeverity(severity))),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.states.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(
  document: vscode.TextDocument,
  f: Finding,
  docsUrl: string | undefined,
  message: string,
  severity: vscode.DiagnosticSeverity,
): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  const d = new vscode.Diagnostic(range, message, severity);
  d.source = DIAGNOSTIC_SOURCE;
  const value = String(f.codes?.[0] ?? '');
  const target = docsUrl ? safeHttpsUrl(docsUrl) : undefined;
  d.code = target ? { value, target: vscode.Uri.parse(target) } : value;
  // A title kept in a constant, map or pattern: where it is matched against error text.
  if (f.useAt !== undefined) {
    const at = new vscode.Location(document.uri, document.positionAt(f.useAt));
    d.relatedInformation = [new vscode.DiagnosticRelatedInformation(at, vscode.l10n.t('The error text is matched against this title here'))];
  }
  return d;
}

/** A SQL or JSON file by its language id or name: the data files that may hold title matches. */
function holdsRules(document: vscode.TextDocument): boolean {
  return ['sql', 'json', 'jsonc'].includes(document.languageId) || /\.(?:sql|jsonc?)$/i.test(document.fileName);
}

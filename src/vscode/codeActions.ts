import * as vscode from 'vscode';
import { fixesFor, scanTitles } from '../core/lint';
import type { CatalogService } from './catalogService';
import type { DocumentKinds } from './documentKinds';
import { DIAGNOSTIC_SOURCE } from './ids';

/**
 * Quick fixes for title-match diagnostics. Fixes are recomputed from the document's current text (the
 * diagnostic only locates the finding), so an edit never lands on stale offsets; each fix is one
 * WorkspaceEdit, which VS Code applies as one undo step and refuses if the document changed since.
 */
export class TitleFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly catalogs: CatalogService,
    private readonly kinds: DocumentKinds,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const family = this.kinds.of(document).family;
    if (ours.length === 0 || !family) return [];
    const text = document.getText();
    const catalog = this.catalogs.get();
    const findings = scanTitles(text, family, catalog, { token });
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = findings.find((f) => f.start === start && f.end === end);
      if (!finding) continue; // the text changed under the diagnostic; a fresh lint is on its way
      for (const fix of fixesFor(text, finding, family, catalog)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred === true;
        actions.push(action);
      }
    }
    return actions;
  }
}

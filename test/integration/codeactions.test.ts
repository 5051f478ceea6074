import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, until } from './helpers';

const open = (file: string) => openFixture(`features/${file}`);

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'wa-errors');
}

/** Puts the document back to `text` in one edit (the fixtures are never saved). */
async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('quick fixes for title matching', function () {
  // The workbench may cancel a request in flight while diagnostics and edits settle (code-server
  // answers "Canceled"): one more try, from the fixture as it is on disk.
  this.retries(1);
  suiteSetup(activateExtension);

  for (const file of ['handler.js', 'handler.py']) {
    test(`${file}: each fix edits the text and clears the warning; one is preferred`, async () => {
      const doc = await open(file);
      if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
      const original = doc.getText();
      const [diagnostic] = await until(() => ours(doc.uri), (l) => l.length > 0);
      assert.ok(diagnostic);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      // The API command drops `CodeAction.diagnostics`; no other provider offers quick fixes in these fixtures.
      const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.ok(fixes.length >= 2, 'a rewrite and a suppression');
      assert.equal(fixes.filter((f) => f.isPreferred).length, 1);
      for (const fix of fixes) {
        assert.ok(fix.edit, `${fix.title} carries its edit`);
        const before = ours(doc.uri).length;
        assert.ok(await vscode.workspace.applyEdit(fix.edit), fix.title);
        assert.notEqual(doc.getText(), original, `${fix.title} changed the text`);
        await until(() => ours(doc.uri).length, (n) => n < before);
        await restore(doc, original);
        assert.equal(doc.getText(), original);
        await until(() => ours(doc.uri).length, (n) => n === before);
      }
    });
  }

  test('no quick fixes where there is no warning', async () => {
    const doc = await open('handler.ts');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(3, 0, 3, 10));
    assert.deepEqual(actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value), []);
  });
});

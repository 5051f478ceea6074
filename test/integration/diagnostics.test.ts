import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture } from './helpers';

const open = (file: string) => openFixture(`features/${file}`);

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'wa-errors');
}

/** Waits (on onDidChangeDiagnostics, at most `ms`) until our diagnostics of `uri` satisfy `ok`. */
function diagnosticsWhere(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, ms = 5000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const now = ours(uri);
      if (!ok(now)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(now);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics never matched; last: ${JSON.stringify(ours(uri).map((d) => d.message))}`));
    }, ms);
    check();
  });
}

suite('diagnostics: title matching', () => {
  suiteSetup(activateExtension);

  for (const [file, needle] of [
    ['handler.js', "'Re-engagement message'"],
    ['handler.py', '"Re-engagement message"'],
  ] as const) {
    test(`${file}: a warning on the title literal, linked to the docs`, async () => {
      const doc = await open(file);
      const [d] = await diagnosticsWhere(doc.uri, (list) => list.length > 0);
      assert.ok(d);
      assert.equal(d.range.start.line, doc.positionAt(doc.getText().indexOf(needle)).line);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(d.message.length > 0);
      assert.ok(typeof d.code === 'object' && d.code !== null && 'target' in d.code, 'code links to the docs');
      assert.equal(d.code.value, '131047');
      assert.equal(d.code.target.scheme, 'https');
    });
  }

  test('code-based handling and data files get no title warnings', async () => {
    for (const file of ['handler.ts', 'handler.go', 'webhook.json', 'statuses.ndjson']) {
      const doc = await open(file);
      // Give the 300 ms debounce time to run, then expect nothing.
      await new Promise((r) => setTimeout(r, 700));
      assert.deepEqual(ours(doc.uri), [], file);
    }
  });

  test('a SQL report: the filter on an error-title column is warned, with a suppression in SQL syntax', async () => {
    const doc = await open('failed_sends_report.sql');
    const [d] = await diagnosticsWhere(doc.uri, (list) => list.length > 0);
    assert.ok(d);
    assert.equal(d.range.start.line, 6);
    assert.match(d.message, /error_code = 131047/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const suppress = actions.find((a) => a.title.startsWith('Suppress'));
    assert.ok(suppress?.edit, JSON.stringify(actions.map((a) => a.title)));
    const [, edits] = suppress.edit.entries()[0] ?? [];
    assert.equal(edits?.[0]?.newText, '  -- wa-errors-disable-next-line\n');
  });

  test('a JSON rule matching error text on a title is warned; the webhook payload beside it is not', async () => {
    const doc = await open('alert-rules.json');
    const [d] = await diagnosticsWhere(doc.uri, (list) => list.length > 0);
    assert.ok(d);
    assert.equal(d.range.start.line, 5);
    assert.match(d.message, /131056/);
    const payload = await open('webhook.json');
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(ours(payload.uri), []);
  });

  test('a title kept in a constant: the warning on the constant points to where the error text is tested', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: `// WhatsApp Cloud API errors\nconst WINDOW_CLOSED = "Re-engagement message";\n\nfunction onFailure(err) {\n  if (err.title === WINDOW_CLOSED) reopen();\n}\n`,
    });
    const [d] = await diagnosticsWhere(doc.uri, (list) => list.length === 1);
    assert.ok(d);
    assert.equal(d.range.start.line, 1);
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]?.location.uri.toString(), doc.uri.toString());
    assert.equal(related[0]?.location.range.start.line, 4, 'the comparison that uses the constant');
    assert.ok((related[0]?.message ?? '').length > 0);
  });

  test('warnings follow edits: a comment opened above hides them, closing it brings them back at the shifted lines', async () => {
    const filler = 'const noise = items.length;\n'.repeat(60);
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: `${filler}if (err.message.includes("Re-engagement message")) reopen();\n${filler}if (err.title === "Message Undeliverable") drop();\n`,
    });
    const lines = (list: vscode.Diagnostic[]) => list.map((d) => d.range.start.line).join(',');
    const expected = () => ['Re-engagement message', 'Message Undeliverable'].map((t) => doc.positionAt(doc.getText().indexOf(t)).line).join(',');
    await diagnosticsWhere(doc.uri, (list) => list.length === 2);
    const apply = async (build: (e: vscode.WorkspaceEdit) => void): Promise<void> => {
      const e = new vscode.WorkspaceEdit();
      build(e);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    // Lines inserted at the top and a block comment opened before the second match, in one change event.
    await apply((e) => {
      e.insert(doc.uri, new vscode.Position(0, 0), '// header\n// more\n');
      e.insert(doc.uri, doc.positionAt(doc.getText().indexOf('if (err.title')), '/* ');
    });
    const one = await diagnosticsWhere(doc.uri, (list) => list.length === 1);
    assert.equal(lines(one), expected().split(',')[0]);
    // Closing the comment right there brings the second warning back.
    await apply((e) => e.insert(doc.uri, doc.positionAt(doc.getText().indexOf('if (err.title')), '*/ '));
    const two = await diagnosticsWhere(doc.uri, (list) => list.length === 2);
    assert.equal(lines(two), expected());
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture } from './helpers';

const open = (file: string) => openFixture(`features/${file}`);

/** Our lenses (their commands are ours) as "line: title". */
async function lenses(doc: vscode.TextDocument): Promise<{ line: number; title: string; command: string }[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
  return all
    .filter((l) => l.command?.command.startsWith('waErrors.'))
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command?.command ?? '' }))
    .sort((a, b) => a.line - b.line);
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `fixture contains ${needle}`);
  return doc.positionAt(at).line;
}

suite('CodeLens', () => {
  suiteSetup(activateExtension);

  test('source: one lens per handling line, with title and advice, several codes share one', async () => {
    const doc = await open('handler.js');
    const got = await lenses(doc);
    const at = (needle: string) => got.filter((l) => l.line === lineOf(doc, needle));
    const ifLine = at('if (err.code === 131026)');
    assert.equal(ifLine.length, 1);
    assert.match(ifLine[0]?.title ?? '', /^131026 · Message Undeliverable — .+/);
    assert.equal(ifLine[0]?.command, 'waErrors.showDetails');
    assert.match(at('case 131047:')[0]?.title ?? '', /^131047 · Re-engagement message — /);
    assert.match(at('err.code === 131047 ||')[0]?.title ?? '', /^131047, 131026 · 2 codes$/);
    assert.deepEqual(at('setTimeout'), []);
    assert.equal(new Set(got.map((l) => l.line)).size, got.length, 'at most one lens per line');
  });

  test('log: a lens above each line with errors, none on other lines', async () => {
    const doc = await open('statuses.ndjson');
    const got = await lenses(doc);
    assert.deepEqual(
      got.map((l) => l.line),
      [1, 2, 3, 5],
    );
    assert.equal(got[0]?.title, '131047 · Re-engagement message');
    assert.match(got[1]?.title ?? '', /^130429 · /);
    assert.equal(got[3]?.title, '131047, 131026 · 2 codes');
  });

  test('past maxPerDocument a summary lens at the top opens the log summary', async () => {
    const config = vscode.workspace.getConfiguration('waErrors');
    await config.update('codeLens.maxPerDocument', 2, vscode.ConfigurationTarget.Global);
    try {
      const got = await lenses(await open('statuses.ndjson'));
      const summary = got.filter((l) => l.command === 'waErrors.summarizeLog');
      assert.equal(summary.length, 1);
      assert.equal(summary[0]?.line, 0);
      assert.match(summary[0]?.title ?? '', /^\d+ errors, \d+ codes? — show summary$/);
      assert.equal(got.length, 3, 'the summary plus the first two lines');
    } finally {
      await config.update('codeLens.maxPerDocument', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a 2 MB log is scanned in slices and capped by the summary lens', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        i % 10 === 3
          ? `{"i":${i},"statuses":[{"status":"failed","errors":[{"code":131047,"title":"Re-engagement message"}]}],"pad":"${'x'.repeat(20)}"}`
          : `{"i":${i},"level":"info","msg":"delivered","elapsed_ms":100,"pad":"${'y'.repeat(40)}"}`,
      );
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'jsonl', content: lines.join('\n') });
    assert.ok(doc.getText().length > 1 << 20, 'larger than one slice');
    const got = await lenses(doc);
    assert.equal(got[0]?.title, '2,000 errors, 1 code — show summary');
    assert.equal(got.length, 501, 'the summary plus the default 500');
    assert.equal(got[1]?.line, 3);
    assert.equal(got[500]?.line, 4993);
  });

  test('asking again without a change gives the same lenses', async () => {
    const doc = await open('statuses.ndjson');
    const first = await lenses(doc);
    const second = await lenses(doc);
    assert.deepEqual(second, first);
  });

  test('lenses follow edits: re-scans around the edit agree with a fresh scan, multi-cursor edits too', async () => {
    const body = (codes: readonly number[]): string =>
      codes.map((c, i) => `// step ${i}\n${'const noise = items.length;\n'.repeat(40)}if (err.code === ${c}) retry();\n`).join('');
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: body([131047, 131026, 130429, 131056]) });
    const titles = async (): Promise<string[]> => (await lenses(doc)).map((l) => `${l.line}:${l.title.split(' ')[0]}`);
    const fresh = async (): Promise<string[]> => {
      const copy = await vscode.workspace.openTextDocument({ language: 'javascript', content: doc.getText() });
      return (await lenses(copy)).map((l) => `${l.line}:${l.title.split(' ')[0]}`);
    };
    assert.equal((await titles()).length, 4);
    const edit = async (build: (e: vscode.WorkspaceEdit) => void): Promise<void> => {
      const e = new vscode.WorkspaceEdit();
      build(e);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    // A code changed in place, a line removed, two far-apart places edited in one change event.
    await edit((e) => e.replace(doc.uri, new vscode.Range(doc.positionAt(doc.getText().indexOf('131026')), doc.positionAt(doc.getText().indexOf('131026') + 6)), '131049'));
    assert.deepEqual(await titles(), await fresh());
    assert.ok((await titles()).some((t) => t.endsWith(':131049')));
    await edit((e) => e.delete(doc.uri, doc.lineAt(doc.positionAt(doc.getText().indexOf('130429')).line).rangeIncludingLineBreak));
    assert.deepEqual(await titles(), await fresh());
    await edit((e) => {
      e.insert(doc.uri, new vscode.Position(0, 0), 'if (err.code === 131048) stop();\n');
      e.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), 'switch (err.code) {\n  case 131051:\n}\n');
    });
    const after = await titles();
    assert.deepEqual(after, await fresh());
    assert.ok(after.some((t) => t.startsWith('0:131048')) && after.some((t) => t.endsWith(':131051')), after.join(', '));
  });
});

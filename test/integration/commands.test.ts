import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SummaryView } from '../../src/vscode/commands';
import { activateExtension, fixtureUri, openFixture } from './helpers';

/** code → [count, first line, last line] (1-based, as the summary shows them). */
function table(view: SummaryView | undefined): Record<string, [number, number, number]> {
  assert.ok(view, 'the command returns the summary');
  const out: Record<string, [number, number, number]> = {};
  for (const r of view.rows) out[r.key] = [r.count, r.firstLine, r.lastLine];
  return out;
}

/** errors.ndjson: 131047 on lines 2 and 6, 130429 on 3, 131026 on 5; "retry in 100 ms" is no code. */
const EXPECTED = { '131047': [2, 2, 6], '130429': [1, 3, 3], '131026': [1, 5, 5] };

/** Runs a command that shows a quick pick, accepting the active item until the command returns. */
async function acceptQuickPick<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
  let done = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (done = true));
  // The first accept waits longer: on a busy machine the pick may not have its items yet, and
  // accepting an empty pick closes it with nothing chosen.
  for (let i = 0; i < 50 && !done; i++) {
    await new Promise((resolve) => setTimeout(resolve, i === 0 ? 800 : 200));
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

/** Resolves once the details panel's tab for `key` is in the tab model (it follows asynchronously). */
async function detailsTabOpened(key: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    if (labels.includes(`WhatsApp error ${key}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no details tab for ${key}`);
}

suite('Commands', function () {
  // Quick picks and panels compete for focus in the workbench; a pick closed by a late focus change
  // gets one more try.
  this.retries(1);
  suiteSetup(activateExtension);

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('showDetails opens the panel for a code or key, and refuses anything else without throwing', async () => {
    assert.equal(await vscode.commands.executeCommand('waErrors.showDetails', 131047), true);
    assert.equal(await vscode.commands.executeCommand('waErrors.showDetails', '200-299'), true);
    // The tab model follows the panel asynchronously.
    let labels: string[] = [];
    for (let i = 0; i < 25; i++) {
      labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).filter((l) => l.startsWith('WhatsApp error '));
      if (labels.length > 0 && labels.every((l) => l === 'WhatsApp error 200-299')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(labels, ['WhatsApp error 200-299'], 'one details panel, reused');
    for (const bad of ['not a code', 999999999, -1, 1.5, { code: 131047 }, '<img src=x>', undefined]) {
      assert.equal(await vscode.commands.executeCommand('waErrors.showDetails', bad), false, String(bad));
    }
  });

  test('lookupCode: a query finds the code first; accepting it opens the details', async () => {
    assert.equal(await acceptQuickPick<string>('waErrors.lookupCode', '131047'), '131047');
    // The details panel takes focus when it opens, which would close a quick pick shown meanwhile:
    // let it settle before the second lookup.
    await detailsTabOpened('131047');
    assert.equal(await acceptQuickPick<string>('waErrors.lookupCode', 'Re-engagement'), '131047');
  });

  test('lookupCode without a query preselects the code under the cursor', async () => {
    const doc = await openFixture('commands/errors.ndjson');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const at = doc.positionAt(doc.getText().indexOf('130429') + 1);
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await acceptQuickPick<string>('waErrors.lookupCode'), '130429');
  });

  test('summarizeLog counts each code with first and last line of the active log', async () => {
    await openFixture('commands/errors.ndjson');
    const view = await vscode.commands.executeCommand<SummaryView>('waErrors.summarizeLog');
    assert.deepEqual(table(view), EXPECTED);
    assert.equal(view.rows[0]?.key, '131047', 'most frequent first');
    assert.equal(view.rows[0]?.title, 'Re-engagement message');
    assert.deepEqual(view.rows[0]?.lines, [2, 6]);
    assert.equal(view.name, 'errors.ndjson');
    assert.equal(view.canOpen, true);
  });

  test('summarizeLog on a log without WhatsApp errors returns an empty summary', async () => {
    await openFixture('commands/quiet.log');
    const view = await vscode.commands.executeCommand<SummaryView>('waErrors.summarizeLog');
    assert.deepEqual(table(view), {});
    assert.equal(view.total, 0);
  });

  test('summarizeFile reads a file given as a Uri, without opening it', async () => {
    const view = await vscode.commands.executeCommand<SummaryView>('waErrors.summarizeFile', fixtureUri('commands/errors.ndjson'));
    assert.deepEqual(table(view), EXPECTED);
    assert.equal(view.lineCount, 8);
    assert.equal(view.cancelled, false);
  });

  test('summarizeFile refuses a binary file with a message, not a summary', async () => {
    const view = await vscode.commands.executeCommand<SummaryView | undefined>('waErrors.summarizeFile', fixtureUri('commands/archive.bin'));
    assert.equal(view, undefined);
  });

  test('copyCode and copyTitle put the code and the verbatim title on the clipboard', async () => {
    assert.equal(await vscode.commands.executeCommand('waErrors.copyCode', 131047), '131047');
    assert.equal(await vscode.env.clipboard.readText(), '131047');
    await vscode.commands.executeCommand('waErrors.copyTitle', '131026');
    assert.equal(await vscode.env.clipboard.readText(), 'Message Undeliverable');
  });

  test('copyCode without an argument copies the code under the cursor', async () => {
    const doc = await openFixture('commands/errors.ndjson');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const at = doc.positionAt(doc.getText().indexOf('131026') + 2);
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await vscode.commands.executeCommand('waErrors.copyCode'), '131026');
    assert.equal(await vscode.env.clipboard.readText(), '131026');
  });

  test('copySnippet copies a handler that tests the code in the active language', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'print("hi")\n' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('waErrors.copySnippet', 131047);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /if err\.get\("code"\) == 131047:/);
    assert.match(copied, /# 131047 Re-engagement message/);
  });

  test('copy commands report an invalid argument instead of copying', async () => {
    await vscode.env.clipboard.writeText('unchanged');
    assert.equal(await vscode.commands.executeCommand('waErrors.copyCode', 'rm -rf /'), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, readableMarkdown, until } from './helpers';

const Global = vscode.ConfigurationTarget.Global;

const open = (file: string) => openFixture(`features/${file}`);

async function hoverCount(doc: vscode.TextDocument, needle: string): Promise<number> {
  const pos = doc.positionAt(doc.getText().indexOf(needle) + 1);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hovers.flatMap((h) => h.contents).filter((c) => typeof c !== 'string' && 'value' in c && c.value.includes('command:waErrors.')).length;
}

async function lensCount(doc: vscode.TextDocument): Promise<number> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return all.filter((l) => l.command?.command.startsWith('waErrors.')).length;
}

function ours(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'wa-errors');
}

/** Runs `body` with a waErrors setting changed (optionally for one language only), then restores it. */
async function withSetting(key: string, value: unknown, body: () => Promise<void>, languageId?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('waErrors', languageId ? { languageId } : undefined);
  await config.update(key, value, Global, languageId !== undefined);
  try {
    await body();
  } finally {
    await config.update(key, undefined, Global, languageId !== undefined);
  }
}

suite('settings', () => {
  suiteSetup(activateExtension);

  test('hover.enabled, also per language', async () => {
    const js = await open('handler.js');
    const py = await open('handler.py');
    assert.equal(await hoverCount(py, '131047'), 1);
    await withSetting('hover.enabled', false, async () => {
      assert.equal(await hoverCount(py, '131047'), 0);
      assert.equal(await hoverCount(js, '131026'), 1, 'other languages keep their hover');
    }, 'python');
    await withSetting('hover.enabled', false, async () => assert.equal(await hoverCount(js, '131026'), 0));
    assert.equal(await hoverCount(js, '131026'), 1, 'restored');
  });

  test('codeLens.enabled switches our lenses only', async () => {
    const doc = await open('statuses.ndjson');
    assert.ok((await lensCount(doc)) > 0);
    await withSetting('codeLens.enabled', false, async () => assert.equal(await lensCount(doc), 0));
    assert.ok((await lensCount(doc)) > 0, 'restored');
    assert.equal(vscode.workspace.getConfiguration('editor').get('codeLens'), true, 'editor.codeLens untouched');
  });

  test('lint.severity maps to the diagnostic severity; off removes them', async () => {
    const doc = await open('handler.js');
    await until(() => ours(doc), (l) => l.length > 0);
    await withSetting('lint.severity', 'error', async () => {
      await until(() => ours(doc), (l) => l.length > 0 && l.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    });
    await withSetting('lint.severity', 'off', async () => {
      await until(() => ours(doc), (l) => l.length === 0);
    });
    await until(() => ours(doc), (l) => l.length > 0 && l.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('lint.enabled per language', async () => {
    const js = await open('handler.js');
    const py = await open('handler.py');
    await until(() => ours(py), (l) => l.length > 0);
    await withSetting('lint.enabled', false, async () => {
      await until(() => ours(py), (l) => l.length === 0);
      await until(() => ours(js), (l) => l.length > 0);
    }, 'python');
    await until(() => ours(py), (l) => l.length > 0);
  });

  test('exclude globs match workspace-relative paths; a bad glob is ignored', async () => {
    const py = await open('handler.py');
    const js = await open('handler.js');
    await until(() => ours(py), (l) => l.length > 0);
    await withSetting('exclude', ['features/*.py', 'bad{glob'], async () => {
      await until(() => ours(py), (l) => l.length === 0);
      assert.equal(await hoverCount(py, '131047'), 0);
      await until(() => ours(js), (l) => l.length > 0);
    });
    await until(() => ours(py), (l) => l.length > 0);
  });

  test('invalid customCodes entries are skipped; valid ones and the built-in catalog keep working', async () => {
    const custom = [
      { code: 'not-a-code', title: 42 },
      { code: 131047, title: 'Custom re-engagement title' },
      { code: 131026, docsUrl: 'javascript:alert(1)' },
    ];
    const hoverAt = async (file: string, needle: string) => {
      const doc = await open(file);
      const pos = doc.positionAt(doc.getText().indexOf(needle) + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      return hovers.flatMap((h) => h.contents).map((c) => readableMarkdown(typeof c === 'string' ? c : c.value)).join('\n');
    };
    await withSetting('customCodes', custom, async () => {
      assert.match(await hoverAt('webhook.json', '131047'), /Custom re-engagement title/);
      const builtin = await hoverAt('statuses.ndjson', '131026');
      assert.match(builtin, /Message Undeliverable/);
      assert.doesNotMatch(builtin, /javascript:/);
    });
  });

  test('customCodes add an entry to hovers', async () => {
    const doc = await open('webhook.json');
    const custom = [{ code: 131047, title: 'Custom re-engagement title', description: 'From a test.', solution: 'None.', category: 'test', retry: 'do-not-retry' }];
    await withSetting('customCodes', custom, async () => {
      const pos = doc.positionAt(doc.getText().indexOf('131047') + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const text = hovers.flatMap((h) => h.contents).map((c) => readableMarkdown(typeof c === 'string' ? c : c.value)).join('\n');
      assert.match(text, /Custom re-engagement title/);
    });
  });
});

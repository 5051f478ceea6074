import * as assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import * as vscode from 'vscode';
import { activateExtension, hoverTexts, openFixture, positionOf } from './helpers';

const catalog = builtinCatalog();

function titleOf(code: number): string {
  const entry = catalog.get(code);
  assert.ok(entry, `${code} missing from the built-in catalog`);
  return entry.title;
}

suite('hover', () => {
  suiteSetup(activateExtension);

  test('explains 131047 in a webhook payload (JSON)', async () => {
    const doc = await openFixture('sample.json');
    const texts = await hoverTexts(doc, positionOf(doc, '131047', 2));
    const ours = texts.find((t) => t.includes('131047'));
    assert.ok(ours, `no hover mentions 131047; got ${JSON.stringify(texts)}`);
    assert.ok(ours.includes(titleOf(131047)), ours);
  });

  test('explains 131047 compared with err.code (TypeScript)', async () => {
    const doc = await openFixture('sample.ts');
    const texts = await hoverTexts(doc, positionOf(doc, 'err.code === 131047', 'err.code === '.length + 1));
    const ours = texts.find((t) => t.includes('131047'));
    assert.ok(ours, `no hover mentions 131047; got ${JSON.stringify(texts)}`);
    assert.ok(ours.includes('Re-engagement message'), ours);
  });

  test('stays silent on setTimeout(fn, 100) although 100 is a catalog code', async () => {
    const doc = await openFixture('sample.ts');
    const texts = await hoverTexts(doc, positionOf(doc, 'setTimeout(fn, 100)', 'setTimeout(fn, '.length + 1));
    const invalidParameter = titleOf(100);
    for (const t of texts) {
      assert.ok(!t.includes(invalidParameter), `unexpected WhatsApp hover: ${t}`);
      assert.ok(!t.includes('WhatsApp'), `unexpected WhatsApp hover: ${t}`);
    }
  });

  test('explains codes in a SQL report and in a CSV export opened as plain text', async () => {
    const sql = await vscode.workspace.openTextDocument({ language: 'sql', content: '-- WhatsApp delivery report\nselect * from statuses\nwhere error_code in (132001, 132015);\n' });
    const sqlTexts = await hoverTexts(sql, positionOf(sql, '132001', 2));
    assert.ok(sqlTexts.some((t) => t.includes(titleOf(132001))), `no hover in SQL; got ${JSON.stringify(sqlTexts)}`);
    const csv = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'message_id,status,error_code,error_title\nwamid.1,failed,131047,Re-engagement message\nwamid.2,sent,,\n' });
    const csvTexts = await hoverTexts(csv, positionOf(csv, '131047', 2));
    assert.ok(csvTexts.some((t) => t.includes(titleOf(131047))), `no hover in CSV; got ${JSON.stringify(csvTexts)}`);
  });

  test('explains codes in Spring properties, INI configs and Markdown runbooks (VS Code\'s own languages)', async () => {
    const props = await vscode.workspace.openTextDocument({ language: 'properties', content: '# WhatsApp Cloud API sender\nserver.port=8080\nwhatsapp.retry.error-codes=131000,131056\n' });
    const propsTexts = await hoverTexts(props, positionOf(props, '131056', 2));
    assert.ok(propsTexts.some((t) => t.includes(titleOf(131056))), `no hover in a .properties file; got ${JSON.stringify(propsTexts)}`);
    assert.ok(!(await hoverTexts(props, positionOf(props, '8080', 2))).some((t) => t.includes('WhatsApp')), 'the port has no hover');
    const ini = await vscode.workspace.openTextDocument({ language: 'ini', content: '[whatsapp]\ngraph_version = v21.0\nretryable_error_codes = 131000, 131056, 130429\n' });
    const iniTexts = await hoverTexts(ini, positionOf(ini, '130429', 2));
    assert.ok(iniTexts.some((t) => t.includes(titleOf(130429))), `no hover in an .ini file; got ${JSON.stringify(iniTexts)}`);
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# WhatsApp runbook\n\n| Code | What to do |\n|---|---|\n| 131047 | send a template |\n' });
    const mdTexts = await hoverTexts(md, positionOf(md, '131047', 2));
    assert.ok(mdTexts.some((t) => t.includes(titleOf(131047))), `no hover in a Markdown runbook; got ${JSON.stringify(mdTexts)}`);
  });

  test('agrees with the CodeLens on a code deep in a long docstring, beyond the lines the hover reads', async () => {
    const filler = Array.from({ length: 20 }, (_, i) => `    Paragraph ${i} on how the retry queue of this service works.`);
    const content = ['import requests', '', 'def send(to):', '    """Send a message with the WhatsApp Cloud API.', '', '    Error codes:', ...filler, '    131026 undeliverable: do not retry', '    """', '    return requests.post(URL, json={"to": to})', ''].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(doc);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const line = doc.positionAt(doc.getText().indexOf('131026')).line;
    assert.ok((lenses ?? []).some((l) => l.range.start.line === line), 'the CodeLens scan finds the code in the docstring');
    const texts = await hoverTexts(doc, positionOf(doc, '131026', 2));
    const ours = texts.find((t) => t.includes('131026'));
    assert.ok(ours, `no hover mentions 131026; got ${JSON.stringify(texts)}`);
    assert.ok(ours.includes(titleOf(131026)), ours);
    const plain = await hoverTexts(doc, positionOf(doc, 'Paragraph 3', 'Paragraph '.length));
    assert.ok(!plain.some((t) => t.includes('WhatsApp')), `a number in the prose got a hover: ${JSON.stringify(plain)}`);
  });
});

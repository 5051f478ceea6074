import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, readableMarkdown } from './helpers';

/** Hover contents of our provider only (other hover providers, e.g. TypeScript's, also answer). */
async function ourHovers(file: string, needle: string, offsetInNeedle = 1, occurrence = 0): Promise<vscode.MarkdownString[]> {
  const doc = await openFixture(`features/${file}`);
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${file} contains ${needle}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + offsetInNeedle));
  return hovers
    .flatMap((h) => h.contents)
    .filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('command:waErrors.lookupCode'));
}

/** The one hover of ours, as readable text (markdown backslash escapes removed). */
function single(list: vscode.MarkdownString[]): string {
  assert.equal(list.length, 1, 'exactly one hover from this extension');
  return readableMarkdown((list[0] as vscode.MarkdownString).value);
}

suite('hover: content per language', () => {
  suiteSetup(activateExtension);

  test('JavaScript: case label and comparison', async () => {
    const onCase = single(await ourHovers('handler.js', 'case 131047', 6));
    assert.match(onCase, /131047/);
    assert.match(onCase, /Re-engagement message/);
    assert.match(onCase, /command:waErrors\.showDetails\?/);
    assert.match(onCase, /https:\/\/developers\.facebook\.com\//);
    const onIf = single(await ourHovers('handler.js', '131026', 2));
    assert.match(onIf, /Message Undeliverable/);
  });

  test('a small code in a case label: the switch on err.code above it counts as context', async () => {
    assert.match(single(await ourHovers('graph_errors.ts', 'case 100', 6)), /Invalid parameter/);
    assert.match(single(await ourHovers('graph_errors.ts', 'case 190', 6)), /Access token has expired/);
  });

  test('a small code in pretty-printed JSON: the Graph error object around it counts as context', async () => {
    assert.match(single(await ourHovers('graph-error-pretty.json', '100')), /Invalid parameter/);
    assert.match(single(await ourHovers('graph-error-pretty.json', '2388091')), /2388091/);
  });

  test('JavaScript: a timer delay is not an error code', async () => {
    assert.deepEqual(await ourHovers('handler.js', '100);'), []);
  });

  test('TypeScript: case label, not res.status(400)', async () => {
    assert.match(single(await ourHovers('handler.ts', '130429')), /130429/);
    assert.deepEqual(await ourHovers('handler.ts', '400'), []);
  });

  test('Python: comparison on error["code"], not a plain number', async () => {
    assert.match(single(await ourHovers('handler.py', '131047')), /Re-engagement message/);
    assert.deepEqual(await ourHovers('handler.py', '100'), []);
  });

  test('Go: case label, not a retry count', async () => {
    assert.match(single(await ourHovers('handler.go', '131026')), /Message Undeliverable/);
    assert.deepEqual(await ourHovers('handler.go', '100'), []);
  });

  test('JSON: webhook error code, not retry_after_ms', async () => {
    const md = single(await ourHovers('webhook.json', '131047'));
    assert.match(md, /Re-engagement message/);
    assert.match(md, /24 hours/, 'the payload details are shown');
    assert.deepEqual(await ourHovers('webhook.json', '100'), []);
  });

  test('NDJSON: payload fields of the hovered error, not a duration', async () => {
    const md = single(await ourHovers('statuses.ndjson', '"code":130429', 9));
    assert.match(md, /error_subcode/);
    assert.match(md, /2494055/);
    assert.match(md, /Az8or2yhqkZfEZ/);
    assert.deepEqual(await ourHovers('statuses.ndjson', '131047}'), [], 'elapsed_ms is not an error code');
  });
});

suite('hover: security', () => {
  suiteSetup(activateExtension);

  test('log text is escaped and only our commands are trusted', async () => {
    const [md] = await ourHovers('statuses.ndjson', '"code":131026', 9);
    assert.ok(md, 'hover on the code');
    assert.deepEqual(md.isTrusted, { enabledCommands: ['waErrors.lookupCode', 'waErrors.showDetails', 'waErrors.copyCode'] });
    assert.ok(!md.supportHtml, 'no HTML');
    // The details contain a ``` run, so they must sit in a code span fenced by at least four backticks.
    const span = /(`{4,})\s?(.*?command:workbench.*?)\s?\1/.exec(md.value);
    assert.ok(span, `details shown as inline code: ${md.value}`);
    const outside = md.value.replace(span[0], '');
    assert.doesNotMatch(outside, /workbench\.action/);
    for (const link of outside.matchAll(/\]\((command:[^?)]+)/g)) assert.match(link[1] as string, /^command:waErrors\./);
  });
});

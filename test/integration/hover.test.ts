import * as assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/catalog';
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
});

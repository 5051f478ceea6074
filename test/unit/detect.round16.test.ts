// Round-16 detector cases (blind corpora AM, AN, AP): maps named for what their keys are, PHP and
// Ruby rows keyed `'code' =>`, and the other shapes listed in each test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();
const WA = '// WhatsApp Cloud API client\n';

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('a small key of a map named for other keys is not a code, even near a real one', () => {
  const ts = `${WA}// free text reminders fail with 131047.\nconst TEMPLATE_BY_OFFSET: Record<number, string> = {\n  24: 'reminder_24h',\n  2: 'reminder_2h',\n};\n`;
  assert.deepEqual(codes(ts, 'javascript'), [131047]);
  // A map named for its values keeps its keys: cooldowns per code.
  const cooldowns = `${WA}const COOLDOWN_MS: Readonly<Record<number, number>> = {\n  4: 30 * SECOND,\n  80007: 5 * MINUTE,\n  130429: 10 * SECOND,\n};\n`;
  assert.deepEqual(codes(cooldowns, 'javascript'), [4, 80007, 130429]);
});

test("PHP rows keyed 'code' => vouch for the small codes beside them", () => {
  const php = `<?php // WhatsApp\n$rows = [\n  ['code' => 0, 'severity' => 3],\n  ['code' => 190, 'severity' => 3],\n  ['code' => 131031, 'severity' => 1],\n];\n`;
  assert.deepEqual(codes(php, 'php'), [0, 190, 131031]);
});

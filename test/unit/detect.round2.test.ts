// Round-2 detector cases: per-name context in constant blocks, numbers in files that never mention
// WhatsApp, alternatives and guards, call arguments, and BSP wrappers read on a single line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeAt, fileContext, scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();
const WA = '// WhatsApp Cloud API\n';

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('constant blocks: each member is judged by its own name', () => {
  const block = 'const (\n\tErrWindow = 131047\n\tErrUndeliverable = 131026\n\tmaxBodyBytes = 100\n\tdefaultRetries = 4\n\tErrThrottled = 4\n)';
  assert.deepEqual(codes(`// Meta error codes\n${block}`, 'go'), [131047, 131026, 4]);
  // In an enum every member is a code, whatever its name.
  assert.deepEqual(codes(`${WA}enum Fault {\n  Window = 131047,\n  TooManyCalls = 4,\n}`, 'javascript'), [131047, 4]);
});

test('files without WhatsApp words: six-digit numbers need a name about codes', () => {
  assert.deepEqual(codes('BLOCKED_ACCOUNTS = {131047, 131026, 900001}', 'python'), []);
  assert.deepEqual(codes('if account_id == 131047:\n    pass', 'python'), []);
  assert.deepEqual(codes('if invoice.total == 131026 { }', 'go'), []);
  assert.deepEqual(codes('@pytest.mark.parametrize("price", [131000, 5])\ndef test_price(price): ...', 'python'), []);
  // Names about codes or errors still count, as do lists made only of catalog codes.
  assert.deepEqual(codes('if err_code == 131047:\n    pass', 'python'), [131047]);
  assert.deepEqual(codes('RETRYABLE = (130429, 131056)', 'python'), [130429, 131056]);
  assert.deepEqual(codes('if (failure.code === 131026) drop();', 'javascript'), [131026]);
});

test('alternatives, unions and guards', () => {
  assert.deepEqual(codes('match e.code:\n    case 131047 | 131026 | 131049:\n        pass', 'python'), [131047, 131026, 131049]);
  assert.deepEqual(codes('type WindowCode = 131047 | 131026;', 'javascript'), [131047, 131026]);
  assert.deepEqual(codes('type Level = 1 | 2 | 3;', 'javascript'), []);
  assert.deepEqual(codes(`# pywa handler\nmatch err.code:\n    case 100 if err.error_subcode == 2388040:\n        pass`, 'python'), [100, 2388040]);
  // A bitwise or outside a case or a type is arithmetic.
  assert.deepEqual(codes(`${WA}const flags = err.code | 4;`, 'javascript'), []);
});

test('call arguments, optional chaining and comments that open with the code', () => {
  assert.deepEqual(codes('on_status(filters.message_status.failed_with(131031, 131042))', 'python'), [131031, 131042]);
  assert.deepEqual(codes('expect(result.error?.code).toBe(131047);', 'javascript'), [131047]);
  assert.deepEqual(codes('expect(res.status).toBe(131047);', 'javascript'), []);
  assert.deepEqual(codes(`${WA}throw new GraphApiError(190, 'expired');`, 'javascript'), [190]);
  assert.deepEqual(codes(`# whatsapp\n# 131026 means the number cannot receive messages`, 'python'), [131026]);
  assert.deepEqual(codes('# fixed in #131026', 'python'), []);
});

test('small-code sets: named for errors, or a telling code beside sets of distinctive ones', () => {
  assert.deepEqual(codes(`${WA}TOKEN_ERRORS = [0, 190]`, 'ruby'), [0, 190]);
  const sets = `${WA}const STOP = new Set([131049, 131050]);\nconst RENEW = new Set<number>([0, 190]);\nconst STEPS = new Set<number>([10, 100]);`;
  assert.deepEqual(codes(sets, 'javascript'), [131049, 131050, 0, 190]);
});

test('BSP wrappers explain small codes by their own message, even on one line', () => {
  const line = '{"status":"failed","errorCode":190,"errorMessage":"Access token has expired","retriable":false}';
  assert.equal(codeAt(line, line.indexOf('190') + 1, 'json', catalog)?.code, 190);
  const other = '{"status":"failed","errorCode":190,"errorMessage":"quota exceeded","retriable":false}';
  assert.equal(codeAt(other, other.indexOf('190'), 'json', catalog), undefined);
  // With the document's context passed, the wrapper shape is enough.
  assert.equal(codeAt(other, other.indexOf('190'), 'json', catalog, { whatsapp: true })?.code, 190);
});

test('text logs: a bare code=100 counts beside a subcode or its own title', () => {
  const log = `${WA}job rejected code=100 msg="Invalid parameter"\nhealth code=100 ok\n`;
  assert.deepEqual(codes(log, 'text'), [100]);
  // Without WhatsApp words in the file, the distinctive subcode shows what the log is about.
  assert.deepEqual(codes('submit failed code=100 subcode=2388040', 'text'), [100, 2388040]);
  assert.deepEqual(codes(`${WA}submit failed code=100 subcode=2388040`, 'text'), [100, 2388040]);
});

test('file context reads a bounded head, so a late mention does not cost a full pass', () => {
  const late = `${'x'.repeat(70_000)}\nwhatsapp`;
  assert.equal(fileContext(late).whatsapp, false);
  assert.equal(fileContext('import { WhatsAppAPI } from "whatsapp-api-js";').whatsapp, true);
});

// Round-5 detector cases, from a blind corpus of SDK-like code beside shops, IoT gateways and OTP
// senders: comments that quote code, typed literals, records, exclusive bounds; and the shapes that
// hid codes (names among list items, lookups by key, word arrays, codes in parentheses).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();
const WA = '// WhatsApp Cloud API client\n';
const PY_WA = '# WhatsApp Cloud API client\n';

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('comments that quote code or name another number', () => {
  assert.deepEqual(codes(`${PY_WA}# order_number looks like 131047 for legacy orders`, 'python'), []);
  assert.deepEqual(codes(`${WA}// Manual check: verifyOtp('+15551234567', '131047')`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}// Example alert: postAlert({ queue: 'whatsapp-outbound', depth: 131047 })`, 'javascript'), []);
  // Prose with parentheses still names codes.
  assert.deepEqual(codes(`${WA}// spam limit (131048) and per-user pair limit (131056).`, 'javascript'), [131048, 131056]);
  assert.deepEqual(codes(`${WA}// Meta throttling errors: app-level (4), WABA-level (80007)`, 'javascript'), [4, 80007]);
});

test('typed literals, records, assertions on other fields, exclusive bounds', () => {
  const modbus = 'package modbus\n\n// Modbus exception codes.\nvar SensorIDs = []int{130429, 131026, 131047, 133016}\n\nfunc retry(ex *Exception) bool {\n\treturn ex.Code == 4 || ex.Code == 10 || ex.Code == 100\n}\n';
  assert.deepEqual(codes(modbus, 'go'), []);
  assert.deepEqual(codes(`${PY_WA}s._issued = {"+15551234567": ("130429", time.monotonic() - 1)}`, 'python'), []);
  assert.deepEqual(codes(`<?php\n${WA}$this->assertSame(131026, $msg->order_id);`, 'php'), []);
  assert.deepEqual(codes(`${WA}const templateBlock = code >= 132000 && code < 133000;`, 'javascript'), [132000]);
});

test('lists mixing names and numbers, lookups by key, typed constants and loops', () => {
  assert.deepEqual(codes(`${WA}val THROTTLING = setOf(4, 80007, RATE_LIMIT, PAIR_RATE_LIMIT, 131048)`, 'kotlin'), [4, 80007, 131048]);
  assert.deepEqual(codes(`${PY_WA}if err["code"] in (WAError.TOKEN_EXPIRED, 0):\n    refresh()`, 'python'), [0]);
  assert.deepEqual(codes(`${PY_WA}if err.get("code") == 100 and err.get("error_subcode") == 2388040:\n    pass`, 'python'), [100, 2388040]);
  assert.deepEqual(codes(`${WA}if (graph.code === 80007 || graph.code === 4) backoff();`, 'javascript'), [80007, 4]);
  assert.deepEqual(codes(`// whatsapp\nconst (\n\tCodeAuth Code = 0\n\tCodeTooManyCalls Code = 4\n)`, 'go'), [0, 4]);
  assert.deepEqual(codes(`// whatsapp\nfor _, c := range []Code{10, 200, 250, 299} {\n\tcheck(c)\n}`, 'go'), [10, 200, 250, 299]);
  assert.deepEqual(codes(`// whatsapp\nif Is(err, 131026) {\n}`, 'go'), [131026]);
});

test('names that veto, and what outweighs them', () => {
  // A map named `ERROR_TO_HTTP` is keyed by errors.
  assert.deepEqual(codes(`${PY_WA}ERROR_TO_HTTP = {\n    131047: 409,\n    131026: 422,\n}`, 'python'), [131047, 131026]);
  // A member of an enum named for codes keeps its own name.
  assert.deepEqual(codes('export enum WhatsAppErrorCode {\n  ReEngagement = 131047,\n  ExperimentNumber = 130472,\n}', 'javascript'), [131047, 130472]);
});

test('word arrays, escaped markers, codes in parentheses, titles before their code', () => {
  assert.deepEqual(codes('# whatsapp\nTHROTTLED = %w[4 80007 130429 131048].freeze', 'ruby'), [4, 80007, 130429, 131048]);
  assert.deepEqual(codes('ITEMS = %w[131047 4 990001].freeze', 'ruby'), []);
  assert.deepEqual(codes(`${WA}if (/\\(#131047\\)/.test(text)) retry();`, 'javascript'), [131047]);
  assert.deepEqual(codes(`${PY_WA}assert str(err).startswith("(131047)")`, 'python'), [131047]);
  assert.deepEqual(codes('# whatsapp\nexpect(msg).to eq("Account has been locked (131031)")', 'ruby'), [131031]);
});

test('round 6: arms without a switch are map entries; names among arm alternatives; promo codes; SQL in strings', () => {
  assert.deepEqual(codes("<?php\nconst WAREHOUSES = [\n    131001 => 'Sonipat DC',\n];", 'php'), []);
  assert.deepEqual(codes('// whatsapp\nwhen (err.code) {\n    WaErrorCodes.STOPPED_MARKETING, 131021 -> drop()\n}', 'kotlin'), [131021]);
  assert.deepEqual(codes(`${WA}var retry = ex.Code is WhatsAppErrorCodes.Throughput or 4 or 80007;`, 'csharp'), [4, 80007]);
  assert.deepEqual(codes("// The launch promo code was 131047\nif (code === '131047') applyDiscount();", 'javascript'), []);
  assert.deepEqual(codes(`${PY_WA}rows = db.execute("SELECT * FROM statuses WHERE error_code IN (131049, 130472)")`, 'python'), [131049, 130472]);
  assert.deepEqual(codes(`${PY_WA}rows = db.execute("SELECT * FROM orders WHERE zip_code = 131001")`, 'python'), []);
  assert.deepEqual(codes(`<?php\n${WA}$rows = Status::where('error_code', 131047)->get();`, 'php'), [131047]);
});

test('round 6: a neutral list waits for the file to show itself; titles beside codes; keyword codes; legends', () => {
  const late = 'CUSTOMER_FIXABLE = [131047, 131050, 132000]\n\ndef handle(err):\n    if err.code == 131026:\n        drop()\n';
  assert.deepEqual(codes(late, 'python'), [131047, 131050, 132000, 131026]);
  // Without a handler below, the same list stays quiet.
  assert.deepEqual(codes('CUSTOMER_FIXABLE = [131047, 131050, 132000]\n', 'python'), []);
  assert.deepEqual(codes('choices = [\n    (131026, "Message undeliverable"),\n    (131047, "Re-engagement message"),\n]', 'python'), [131026, 131047]);
  assert.deepEqual(codes(`${PY_WA}assert WhatsAppError(code=10, message="x").is_permission_error`, 'python'), [10]);
  assert.deepEqual(codes(`${PY_WA}# Graph throttling: 4 = application limit, 613 = custom rate limit`, 'python'), [4, 613]);
  assert.deepEqual(codes(`${PY_WA}# retry: 4 = attempts before giving up`, 'python'), []);
});

test('round 7: zero-padded fields, maps named for other things, methods on codes, alternatives in patterns', () => {
  assert.deepEqual(codes(`${PY_WA}MERCHANT = "000000"\nif err.code == 000000:\n    pass`, 'python'), []);
  assert.deepEqual(codes('// hubs maps 6-digit Indian PIN codes to hub ids.\nvar hubs = map[int]int{\n\t131001: 4,\n\t132001: 10,\n}', 'go'), []);
  assert.deepEqual(codes(`${PY_WA}permission = df[df.error_code.between(200, 299)]`, 'python'), [200, 299]);
  assert.deepEqual(codes(`${PY_WA}q = session.query(Status).filter(Status.error_code.in_([0, 190]))`, 'python'), [0, 190]);
  assert.deepEqual(codes(`${PY_WA}match err:\n    case GraphError(code=0 | 190):\n        refresh()`, 'python'), [0, 190]);
  assert.deepEqual(codes(`${WA}if (ex is GraphApiException { Code: 190 or 0 }) Refresh();`, 'csharp'), [190, 0]);
  assert.deepEqual(codes(`${WA}final retry = switch (e.code) {\n  130429 || 131056 => true,\n  _ => false,\n};`, 'dart'), [130429, 131056]);
  // Bitwise alternatives on other names are not codes.
  assert.deepEqual(codes(`${WA}const flags = READ | 4;`, 'javascript'), []);
});

test('round 7 (logs): lists of other systems, bordered tables, small codes in log text, code lists in strings, subcode 33', () => {
  assert.deepEqual(codes('# whatsapp sender\nKAFKA_RETRIABLE_ERROR_CODES=6,7,10,13', 'text'), []);
  assert.deepEqual(codes('# whatsapp sender\nWA_IGNORE_ERROR_CODES="131047 131026"', 'text'), [131047, 131026]);
  // (the small code waits for a file about WhatsApp)
  // (the column's distinctive code shows whose codes it holds, WhatsApp words or not)
  assert.deepEqual(codes('+------------+-------+\n| error_code | count |\n+------------+-------+\n| 131047     | 13104 |\n| 368        | 12    |\n', 'text'), [131047, 368]);
  assert.deepEqual(codes('+------------+-------+\n| error_code | count |\n+------------+-------+\n| 368        | 12    |\n', 'text'), []);
  assert.deepEqual(codes('whatsapp errors\n+------------+-------+\n| error_code | count |\n+------------+-------+\n| 131047     | 13104 |\n| 368        | 12    |\n', 'text'), [131047, 368]);
  assert.deepEqual(codes('{"values":[["1","level=error msg=\\"whatsapp graph request failed\\" error_code=190"]]}\n{"values":[]}\n', 'json'), [190]);
  assert.deepEqual(codes('{\n  "WA_NON_RETRYABLE_CODES": "131047,131026,368"\n}', 'json'), [131047, 131026]);
  assert.deepEqual(codes('{\n  "whatsapp": {"WA_NON_RETRYABLE_CODES": "131047,131026,368"}\n}', 'json'), [131047, 131026, 368]);
  const sub33 = '{"error":{"message":"Unsupported post request. Object with ID 1 does not exist","type":"OAuthException","code":100,"error_subcode":33,"fbtrace_id":"A"}}\n{"a":1}\n';
  assert.deepEqual(codes(sub33, 'json'), [100, 33]);
});

test('round 7: arguments of helpers defined above, by their parameter names', () => {
  const go = '// whatsapp\nfunc Case(code int, retry bool) Row { return Row{code, retry} }\nvar rows = []Row{\n\tCase(190, true),\n\tCase(131047, false),\n}';
  assert.deepEqual(codes(go, 'go'), [190, 131047]);
  assert.deepEqual(codes('# whatsapp\ndef in_codes(codes):\n    return Status.error_code.in_(codes)\n\nq = in_codes([0, 190])', 'python'), [0, 190]);
  // Another parameter, or a subcode of 0 ("none"), is not a code.
  assert.deepEqual(codes('function total(amount, qty) { return amount * qty; }\ntotal(131047, 4);', 'javascript'), []);
  assert.deepEqual(codes('// whatsapp\nfunc graphBody(code int, subcode int, msg string) string { return "" }\nbody := graphBody(130429, 0, "rate limited")', 'go'), [130429]);
  assert.deepEqual(codes('# whatsapp\nTHROTTLED = [130429, 131056]\nallowTenants = [131047, 131050, 2388019]', 'python'), [130429, 131056]);
});

test('round 8 (logs): a list under a YAML section for another system', () => {
  const yaml = '# whatsapp sender\nretry:\n  retryable_error_codes: [4, 130429]\nkafka:\n  fatal_error_codes: [3, 10, 33]\n';
  assert.deepEqual(codes(yaml, 'text'), [4, 130429]);
});

test('round 8: "err" inside a word is no error; legends of small codes open their comment', () => {
  assert.deepEqual(codes('const PRICE_OVERRIDES = {\n  131026: 1999,\n  131047: 2999,\n};', 'javascript'), []);
  assert.deepEqual(codes('// whatsapp\n// 131031 = account locked\n// 368 = temporarily blocked for policy violations.', 'javascript'), [131031, 368]);
});

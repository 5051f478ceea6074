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

test("a parameterized test's row is read by the test method's parameter for each cell", () => {
  const java = `${WA}class SenderTest {\n  @ParameterizedTest\n  @CsvSource({\n      "400, 131056, true",\n      "403, 250, false",\n  })\n  void retries(int httpStatus, int graphCode, boolean expected) {}\n\n  @CsvSource({"4, true", "190, false"})\n  void throttled(int code, boolean expected) {}\n\n  @CsvSource({"4, 10", "100, 2"})\n  void pages(int page, int size) {}\n}\n`;
  assert.deepEqual(codes(java, 'java'), [131056, 250, 4, 190]);
});

test('a header comment saying "class" does not hide an object of codes; a markdown table in a template string', () => {
  const ts = `${WA}/**\n * Do not edit the class manually.\n */\nexport const GraphErrorCode = {\n    NUMBER_0: 0,\n    NUMBER_190: 190,\n    NUMBER_131047: 131047,\n} as const;\n`;
  assert.deepEqual(codes(ts, 'javascript'), [0, 190, 131047]);
  const docs = `${WA}export const docs = \`\n| code   | what to do                           |\n|--------|--------------------------------------|\n| 131026 | ask the customer for another channel |\n\`;\n`;
  assert.deepEqual(codes(docs, 'javascript'), [131026]);
});

test('seed rows whose labels hold brackets and slashes; quoted test input beside unknown numbers; gRPC and calling codes', () => {
  const py = `# WhatsApp error table\nROWS = [\n    (131026, "Not on WhatsApp / cannot receive", 400),\n    (131048, "Sending too fast (spam limit)", 429),\n]\n`;
  assert.deepEqual(codes(py, 'python'), [131026, 131048]);
  const dart = `${WA}void main() {\n  for (final pin in ['000000', '111111', '133005']) {\n    enter(pin);\n  }\n}\n`;
  assert.deepEqual(codes(dart, 'dart'), []);
  const kt = `import io.grpc.Status\n// fronts email, SMS and WhatsApp senders behind one gRPC API\nfun describe(code: Int): String = when (code) {\n    0 -> "ok"\n    4 -> "deadline exceeded"\n    else -> "other"\n}\n`;
  assert.deepEqual(codes(kt, 'kotlin'), []);
  const calling = `${WA}const Map<String, int> callingCodes = {\n  'US': 1,\n  'FR': 33,\n  'NG': 234,\n};\n`;
  assert.deepEqual(codes(calling, 'dart'), []);
});

test('logs and runbooks: code maps in JSON lines, legend rows, sentences and pairs in a WhatsApp file', () => {
  // (a small key needs the WhatsApp context a distinctive one has of its own)
  const ndjson = `{"msg":"template sync done","errors_by_code":{"100":5,"131047":2}}\n`;
  assert.deepEqual(codes(ndjson, 'json'), [131047]);
  const runbook = [
    'WhatsApp sender runbook',
    '  131047  24h window closed. Send a template.',
    '  130429 / 131056  throttled, back off',
    '- Circuit breaker on 131048 for the campaign',
    'Sends failed because of 131026: the number is not on WhatsApp.',
    '<!-- 131026, 131049 -> wa_reason_undeliverable -->',
  ].join('\n');
  assert.deepEqual(codes(runbook, 'text'), [131047, 130429, 131056, 131048, 131026, 131026, 131049]);
  const kafka = [
    '[2024-06-11 10:21:12,131] INFO [Log partition=whatsapp-status-events-3] Rolled new log segment at offset 131047 in 4 ms.',
    'Out[3]: (131047, 9)',
    'order 131047 for customer 131026 shipped',
    '0:25:19\twamid.HBgL\t15550000010\tread\t200\t1\t131047',
  ].join('\n');
  assert.deepEqual(codes(`# WhatsApp\n${kafka}`, 'text'), []);
});

test('an exclusive bound, an acronym error type, a bracketed code glossed by its title, a log message before its context object', () => {
  assert.deepEqual(codes(`${WA}boolean perm(int code) { return code >= 200 && code < 300; }\nboolean big(int n) { return n >= 200 && n < 500; }\n`, 'java'), [200]);
  assert.deepEqual(codes(`${WA}func TestX(t *testing.T) {\n\terr := &APIError{Code: 100}\n\ts := &HTTPError{Code: 100}\n}\n`, 'go'), [100]);
  assert.deepEqual(codes('# WhatsApp incident\n10:42 account locked (131031).\n10:44 order shipped (131047).\n', 'text'), [131031]);
  const laravel = '# WhatsApp reminders\n[2024-07-02 08:32:17] production.WARNING: Billing problem on WABA, halting reminders {"waba_id":"1234","code":131042} []\n[2024-07-02 08:32:18] production.INFO: sent {"code":131042}\n';
  assert.deepEqual(codes(laravel, 'text'), [131042]);
});

test('a method call statement is no enum row; a code followed by its title in a string', () => {
  const cs = `${WA}public class Tests {\n    private void RespondWithError(int code, string message) { }\n    public void Expired() {\n        RespondWithError(190, "Error validating access token");\n        Thread.Sleep(100);\n    }\n}\n`;
  assert.deepEqual(codes(cs, 'csharp'), [190]);
  assert.deepEqual(codes('# WhatsApp\nassert str(err) == "[131047] Re-engagement message (More than 24 hours have passed)"\n', 'python'), [131047]);
});

test('exports and notes: a qualified code column, zero-padded statuses, a PIN code\'s own title, bullets that run on', () => {
  const csv = 'message_id,channel,last_error_code,attempts\nwamid.A,whatsapp,131026,2\nwamid.B,whatsapp,190,1\n';
  assert.deepEqual(codes(csv, 'text'), [131026, 190]);
  const dlr = '# WhatsApp and SMS delivery report\nchannel\tprovider\terror_code\tstatus\nsms\tsmsgate\t000\tDELIVRD\nwhatsapp\tmeta\t131026\tfailed\n';
  assert.deepEqual(codes(dlr, 'text'), [131026]);
  const notes = '# WhatsApp registration runbook\n133005   PIN mismatch -> ask the owner for the two-step PIN\n- 131048 was back within the hour\n- 131047 (window closed) on every retry\n';
  assert.deepEqual(codes(notes, 'text'), [133005, 131048, 131047]);
});

test('round 17: one-time codes in quotes, Go buffers, defaults named for codes, calls outside enum languages', () => {
  const kt = `${WA}class OtpVerificationTest {\n    val otp = service.issue(phone = "15550100200", generator = { "131047" })\n    fun retry() { if (err.code == 131047) reopen() }\n}\n`;
  assert.deepEqual(codes(kt, 'kotlin'), [131047]);
  assert.deepEqual(codes(`${WA}func TestUpload(t *testing.T) {\n\tbuf := make([]byte, 131026)\n}\n`, 'go'), []);
  assert.deepEqual(codes('// x\nconst DEFAULT_ERROR_CODE = 131000;\nconst DEFAULT_TIMEOUT = 131000;\n', 'javascript'), [131000]);
  const py = '# WhatsApp templates\ndef graph_error(code, message):\n    return {"error": {"code": code, "message": message}}\nbody = graph_error(100, "Invalid parameter")\n';
  assert.deepEqual(codes(py, 'python'), [100]);
});

test('round 17: tables without WhatsApp words, titles beside codes, RSpec shared examples, legend words', () => {
  const java = '// retries\nclass ErrorClassifierTest {\n  @ParameterizedTest\n  @CsvSource({"131048, THROTTLED", "131026, PERMANENT"})\n  void classifies(int code, Kind expected) {}\n}\n';
  assert.deepEqual(codes(java, 'java'), [131048, 131026]);
  const py = '# WhatsApp templates\nCASES = [\n    pytest.param(2388040, "Field character limit exceeded", id="too-long"),\n]\n';
  assert.deepEqual(codes(py, 'python'), [2388040]);
  const rb = "# Whatsapp webhook errors\nRSpec.describe Handler do\n  it_behaves_like 'a recoverable error', 131026\n  it_behaves_like 'a page', 131047\nend\n";
  assert.deepEqual(codes(rb, 'ruby'), [131026]);
  const js = `${WA}const ERROR_TITLES = Object.freeze({\n  0: 'AuthException',\n  1: 'API Unknown',\n  2: 'API Service',\n});\n`;
  assert.deepEqual(codes(js, 'javascript'), [0, 1, 2]);
});

test('round 17: Go struct tag examples and XML arrays named for codes', () => {
  const go = `${WA}type Failure struct {\n\tCode   int \`json:"error_code" example:"131047"\`\n\tAmount int \`json:"amount" example:"131047"\`\n}\n`;
  assert.deepEqual(codes(go, 'go'), [131047]);
  const xml = '<resources>\n    <integer-array name="wa_reauth_codes">\n        <item>131026</item>\n    </integer-array>\n    <integer-array name="retry_delays">\n        <item>131026</item>\n    </integer-array>\n</resources>\n';
  assert.deepEqual(codes(xml, 'text'), [131026]);
});

test('round 18: a bare code unpacked with a body from a call is an HTTP status; Go conversions are not', () => {
  const rb = '# WhatsApp sinatra bot\ndef send\n  code, body = graph_post(payload)\n  return true if code == 200\nend\n';
  assert.deepEqual(codes(rb, 'ruby'), []);
  const go = `${WA}func explain(arg string) {\n\tcode, err := strconv.Atoi(arg)\n\tif err == nil && code >= 200 && code <= 299 {\n\t\tfmt.Println("permission")\n\t}\n}\n`;
  assert.deepEqual(codes(go, 'go'), [200, 299]);
});

test('round 18: typed values under code keys in JSON exports', () => {
  const firestore = '{"fields": {"error": {"mapValue": {"fields": {"code": {"integerValue": "131026"}, "title": {"stringValue": "Message Undeliverable"}}}}}}\n';
  assert.deepEqual(codes(firestore, 'json'), [131026]);
  const mongo = '{"error": {"code": {"$numberInt": "131050"}, "message": "Unable to deliver"}}\n';
  assert.deepEqual(codes(mongo, 'json'), [131050]);
  const stripe = '{"amount": {"$numberInt": "131050"}, "count": {"integerValue": "131026"}}\n';
  assert.deepEqual(codes(stripe, 'json'), []);
});

test('round 18: code and error words of other languages; test codes in their comments', () => {
  const ts = `${WA}export function ehPermissao(codigo: number): boolean {\n  // Faixa de permissão da API\n  return codigo >= 200 && codigo <= 299;\n}\n`;
  assert.deepEqual(codes(ts, 'javascript'), [200, 299]);
  const go = `${WA}func tokenKedaluwarsa(g *Galat) bool {\n\treturn g.Kode == 190\n}\n`;
  assert.deepEqual(codes(go, 'go'), [190]);
  const py = '# WhatsApp\ndef f(err):\n    return err.codigo_error == 100\n';
  assert.deepEqual(codes(py, 'python'), [100]);
  const dart = `${WA}// Código de pruebas para QA en el entorno de staging: 131026\n// em homologação o código fixo é 131047\nconst x = 1;\n`;
  assert.deepEqual(codes(dart, 'dart'), []);
  assert.deepEqual(codes(`${WA}const kode_pos = 131026;\n`, 'javascript'), []);
});

test('round 18: a small code opening a legend row among rows of distinctive codes', () => {
  const txt = '# WhatsApp runbook\n  131047   window closed, send a template\n  190      token expired, rotate it\n  100  rows imported\n';
  assert.deepEqual(codes(txt, 'text'), [131047, 190]);
  assert.deepEqual(codes('# WhatsApp runbook\n  190      token expired, rotate it\n', 'text'), []);
});

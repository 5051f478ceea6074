// Round-4 detector cases, from a blind corpus of code (shops, payroll, PIN codes and one-time codes
// beside WhatsApp clients): what a distinctive number needs besides being in the catalog, and
// the syntax that hid real codes (raw strings, unions over lines, guards, loops, Allman braces).
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

test('numbers named for something else: PIN codes, SKUs, warehouses, regions, ids', () => {
  assert.deepEqual(codes('var pinCodes = map[int]string{\n\t131001: "Sonipat",\n\t132001: "Karnal",\n}\n', 'go'), []);
  assert.deepEqual(codes('switch pin {\ncase 131001, 133001:\n\treturn "north"\n}\n', 'go'), []);
  assert.deepEqual(codes('switch (sku) {\n  case 131047:\n    return 10;\n}\n', 'javascript'), []);
  assert.deepEqual(codes('$price = match ($sku) {\n    131047 => 49900,\n    132001 => 129900,\n};\n', 'php'), []);
  assert.deepEqual(codes('switch (warehouseCode) {\n    case 131047:\n        break;\n}\n', 'java'), []);
  assert.deepEqual(codes('private static final Set<Integer> ACTIVE_WAREHOUSES = Set.of(131047, 131050, 132001);', 'java'), []);
  assert.deepEqual(codes('NORTH_REGIONS = {131001, 131021, 133001, 134011}', 'python'), []);
  assert.deepEqual(codes('public IEnumerable<int> EmployeeIdsForRun() => new[] { 131047, 131048, 131049 };', 'csharp'), []);
  // The same shapes named for errors still count.
  assert.deepEqual(codes('switch (err.code) {\n  case 131047:\n    return 10;\n}\n', 'javascript'), [131047]);
  assert.deepEqual(codes('RETRYABLE_ERRORS = {130429, 131056}', 'python'), [130429, 131056]);
  assert.deepEqual(codes('$errors = [131047 => "window closed"];', 'php'), [131047]);
});

test('one-time codes, PINs, glyphs and settings in WhatsApp files and elsewhere', () => {
  assert.deepEqual(codes(`${WA}const pendingGlyph = 131047; // private use area`, 'dart'), []);
  assert.deepEqual(codes(`${WA}STAGING_PIN = "131056"`, 'python'), []);
  assert.deepEqual(codes(`${WA}module.exports = {\n  maxJobs: 131000,\n};`, 'javascript'), []);
  assert.deepEqual(codes("export const VERIFY = { codeLength: 6, testCode: '131047' };", 'javascript'), []);
  assert.deepEqual(codes('const val DEMO_CODE = "131047"', 'kotlin'), []);
  assert.deepEqual(codes('val BLOCKED_CODES = setOf("000000", "123456", "133005")', 'kotlin'), []);
  assert.deepEqual(codes(`${WA}// regional office, Sonipat (PIN 131001)`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}// otp example: code 133005 valid for 10 min`, 'javascript'), []);
  // A comment about the error itself still counts.
  assert.deepEqual(codes(`${WA}// 133005: two-step verification PIN mismatch`, 'javascript'), [133005]);
});

test('raw strings opened with three quotes are one string', () => {
  const raw = 'val raw = """{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2388040}}"""';
  assert.deepEqual(codes(`${WA}${raw}`, 'kotlin'), [100, 2388040]);
});

test('unions over several lines, const lists, case labels among names, Allman braces', () => {
  const union = 'export type TerminalCode =\n  | WaErrorCode.ReEngagement\n  | 131026\n  | 131050;\n';
  assert.deepEqual(codes(union, 'javascript'), [131026, 131050]);
  assert.deepEqual(codes('type WindowCode = 131047 | 131026;', 'javascript'), [131047, 131026]);
  assert.deepEqual(codes(`${WA}bool get canRetry => const [130429, 131000].contains(errorCode);`, 'dart'), [130429, 131000]);
  assert.deepEqual(codes(`${WA}switch ge.Code {\ncase CodeTooManyCalls, 80007, CodeRateLimitHit:\n\treturn true\n}`, 'go'), [80007]);
  const allman = 'public static readonly IReadOnlySet<int> Retryable = new HashSet<int>\n{\n    RateLimitHit, PairRateLimit, 131000, 131016, Maintenance,\n};\n';
  assert.deepEqual(codes(allman, 'csharp'), [131000, 131016]);
  // Names and numbers in a list named for something else are not codes.
  assert.deepEqual(codes('var ports = new List<int>\n{\n    HttpPort, 131047,\n};\n', 'csharp'), []);
});

test('assertions, guards, loops and errors built in place', () => {
  assert.deepEqual(codes(`${WA}(await act.Should().ThrowAsync<GraphApiException>()).Which.Code.Should().Be(131047);`, 'csharp'), [131047]);
  assert.deepEqual(codes(`${WA}var msg = ex.Code switch\n{\n    100 when ex.Subcode == 2388019 => "limit",\n    _ => "other",\n};`, 'csharp'), [100, 2388019]);
  assert.deepEqual(codes(`${WA}for _, code := range []int{0, 190, 200, 299} {\n\tif !IsAuth(code) { t.Fail() }\n}`, 'go'), [0, 190, 200, 299]);
  assert.deepEqual(codes(`${WA}if IsAuth(&Error{Code: 100}) {\n}`, 'go'), [100]);
  // A loop over plain numbers is not one over codes.
  assert.deepEqual(codes(`${WA}for _, n := range []int{0, 1, 2, 4} {\n\ttotal += n\n}`, 'go'), []);
});

test('logs: small codes need Graph words on their own line, even under an error-code key', () => {
  const worker = 'whatsapp worker started\n2024-05-01 10:00:12 WARNING [kafka] produce error error_code=3 topic=wa.events\n';
  assert.deepEqual(codes(worker, 'text'), []);
  assert.deepEqual(codes('whatsapp worker\nERROR graph call failed error_code=4 type=OAuthException\n', 'text'), [4]);
});

test('logs: a distinctive subcode beside a small code is Graph evidence, under any subcode key', () => {
  const zap = '{"level":"error","msg":"template api error","code":100,"subcode":2388091}\n{"level":"info","msg":"ok"}\n';
  assert.deepEqual(codes(zap, 'json'), [100, 2388091]);
  // A subcode the catalog lacks says nothing.
  assert.deepEqual(codes('{"level":"error","code":100,"subcode":7}\n{"level":"info"}\n', 'json'), []);
});

test('logs: log text in arrays of strings, and `error_code=` in prose', () => {
  const loki = '{"values":[["1714557600131047000","level=error msg=\\"send failed\\" code=131052 title=\\"Media download error\\""]]}\n{"values":[]}\n';
  assert.deepEqual(codes(loki, 'json'), [131052]);
  assert.deepEqual(codes('{"msg":"graph api error error_code=130429"}\n{"msg":"ok"}\n', 'json'), [130429]);
  assert.deepEqual(codes('{"msg":"request done status_code=20000"}\n{"msg":"ok"}\n', 'json'), []);
});

test('delimited exports: a column named for error codes under the header', () => {
  const csv = 'order_id,wamid,status,error_code,error_title,amount_cents\n132000,wamid.HBgL1,failed,131047,Re-engagement message,131026\n131047,wamid.HBgL2,failed,130472,experiment,368\n';
  assert.deepEqual(codes(csv, 'text'), [131047, 130472]);
  const tsv = 'date\tphone_number_id\terror_code\tcount\n2024-05-01\t106540352242922\t131026\t368\n';
  assert.deepEqual(codes(tsv, 'text'), [131026]);
  // A header without a code column, and a line of another shape, say nothing.
  assert.deepEqual(codes('sku,qty,price\n131047,4,131026\n', 'text'), []);
});

test('logs: a pretty-printed object opened at the end of a log line is walked across its lines', () => {
  const logback = [
    '2024-05-01 10:00:00 ERROR c.a.wa.GraphClient - graph call failed, response body: {',
    '  "error" : {',
    '    "message" : "Invalid parameter",',
    '    "type" : "OAuthException",',
    '    "code" : 100,',
    '    "error_subcode" : 2388072',
    '  }',
    '}',
    '2024-05-01 10:00:01 INFO  c.a.wa.Sender - retry scheduled in 100 ms',
  ].join('\n');
  assert.deepEqual(codes(logback, 'text'), [100, 2388072]);
  // A brace that opens no JSON leaves the lines after it to the text rules.
  assert.deepEqual(codes('WARN config reloaded {\nERROR send failed (#131047) Re-engagement message\n', 'text'), [131047]);
});

test('ranges written as chained comparisons and C# relational arms; comments and docstrings naming small codes', () => {
  assert.deepEqual(codes(`${WA}def is_permission(code):\n    return 200 <= code <= 299`, 'python'), [200, 299]);
  assert.deepEqual(codes(`${WA}if 0 <= index <= 100:\n    pass`, 'python'), []);
  const arms = `${WA}var action = ex.Code switch\n{\n    >= 200 and <= 299 => Recovery.Reconnect,\n    _ => Recovery.None,\n};`;
  assert.deepEqual(codes(arms, 'csharp'), [200, 299]);
  assert.deepEqual(codes(`${WA}var size = bytes switch\n{\n    >= 100 and <= 200 => "small",\n    _ => "large",\n};`, 'csharp'), []);
  assert.deepEqual(codes(`${WA}// 4 = application request limit, 130429 = Cloud API throughput reached`, 'php'), [4, 130429]);
  assert.deepEqual(codes(`${WA}def f():\n    """Header/body/footer format rejected (2388047, 2388072, 2388073)."""\n    pass`, 'python'), [2388047, 2388072, 2388073]);
  assert.deepEqual(codes(`${WA}def test_expired(exc):\n    assert exc.value.code == 190`, 'python'), [190]);
});

test('rows of a parameterized test far below its annotation', () => {
  const rows = Array.from({ length: 6 }, (_, i) => `    "${[131047, 131026, 131049, 131050, 130429, 132001][i]}, X${i}",`).join('\n');
  const java = `// WhatsApp error mapping\nclass MapperTest {\n  @ParameterizedTest\n  @CsvSource({\n${rows}\n  })\n  void maps(int code, String kind) {}\n}`;
  assert.deepEqual(codes(java, 'java'), [131047, 131026, 131049, 131050, 130429, 132001]);
});

test('logs (round 5): a Graph message vouches only for its own code; log records named message; Serilog-style keys', () => {
  // OpenTelemetry's span status 2 beside a Graph message is not error 2.
  const otel = '{"trace":{"status":{"code":2,"message":"(#131056) (Business Account, Consumer Account) pair rate limit hit"}}}\n{"trace":{}}\n';
  assert.deepEqual(codes(otel, 'json'), [131056]);
  assert.deepEqual(codes('{"error":{"code":4,"message":"(#4) Application request limit reached"}}\n{"a":1}\n', 'json'), [4, 4]);
  // journald's MESSAGE is the record's own text when the record has no code of its own.
  const journal = '{"__REALTIME_TIMESTAMP":"1717","MESSAGE":"whatsapp send failed code=131026 (Message undeliverable)"}\n{"MESSAGE":"ok"}\n';
  assert.deepEqual(codes(journal, 'json'), [131026]);
  // A map keyed by codes: small keys among distinctive ones.
  assert.deepEqual(codes('{\n  "pager": {"131031": "page", "368": "page", "131042": "ticket"}\n}', 'json').sort(), [131031, 131042, 368].sort());
  // Arrays under keys naming errors, and subcodes lists.
  assert.deepEqual(codes('{\n  "retryable": [130429, 131056],\n  "subcodes": [2388019]\n}', 'json'), [130429, 131056, 2388019]);
  assert.deepEqual(codes('{\n  "retryable": [3, 5]\n}', 'json'), []);
});

test('logs (round 5): exceptions named for Graph, rows of exports with small codes', () => {
  assert.deepEqual(codes('whatsapp worker\nERROR: Whatsapp::GraphError: (368) Temporarily blocked for policies violations', 'text'), [368]);
  assert.deepEqual(codes('celery: task failed GraphRateLimited(130429)', 'text'), [130429]);
  const csv = 'sent_at,wamid,status,error_code,error_title\n2024-06-01,wamid.A,failed,368,Temporarily blocked for policies violations\n2024-06-01,wamid.B,failed,4,API Too Many Calls\n';
  assert.deepEqual(codes(`${csv}`, 'text'), [368, 4]);
});

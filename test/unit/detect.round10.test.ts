// Round-10 detector cases: subjects that are an error's code without saying so (a receiver typed as
// an error, a variable set from one), collections built by factories, arms with named constants,
// legends that open with a range or gloss the code in parentheses, constants of error classes.
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

test('a receiver declared as an error type compares small codes', () => {
  const go = `${WA}var ge *GraphError\nif !errors.As(err, &ge) {\n\treturn false\n}\nswitch {\ncase ge.Code >= 200 && ge.Code <= 299:\n\treturn true\ncase ge.Code == 4:\n\treturn true\n}\n`;
  assert.deepEqual(codes(go, 'go'), [200, 299, 4]);
  assert.deepEqual(codes(`${WA}const ge = err as GraphApiError;\nif (ge.code === 190) refresh();`, 'javascript'), [190]);
  assert.deepEqual(codes(`${PY_WA}except WhatsAppError as failure:\n    if failure.code == 4:\n        backoff()`, 'python'), [4]);
  // Another system's error type, or no declaration at all: not Graph's code.
  assert.deepEqual(codes(`${WA}var pe *StripeError\nif pe.Code == 4 {\n}`, 'go'), []);
  assert.deepEqual(codes(`${WA}if (job.code === 4) retry();`, 'javascript'), []);
  // Outside a WhatsApp file the type alone is not enough.
  assert.deepEqual(codes('var ge *GraphError\nif ge.Code == 4 {\n}', 'go'), []);
});

test('a variable set from an error code, and an object\'s own code in its error class', () => {
  const rb = `${PY_WA}class ErrorClassifier\n  def initialize(error)\n    @code = error['code'].to_i\n  end\n\n  def call\n    case @code\n    when 131047\n      :template\n    when 190, 0\n      :token\n    end\n  end\nend\n`;
  assert.deepEqual(codes(rb, 'ruby'), [131047, 190, 0]);
  const py = `${PY_WA}class WhatsAppError(Exception):\n    @property\n    def is_auth_error(self):\n        return self.code in (0, 190)\n`;
  assert.deepEqual(codes(py, 'python'), [0, 190]);
  // Set from something else: a setting, not a code.
  assert.deepEqual(codes(`${PY_WA}class Job\n  def initialize(opts)\n    @code = opts['priority']\n  end\n  def call\n    case @code\n    when 4\n      :low\n    end\n  end\nend\n`, 'ruby'), []);
});

test('a small number alone on a line is a branch value, not a list item', () => {
  const rb = `${PY_WA}case error.code\nwhen 131047\n  1\nwhen 131026\n  2\nend\n`;
  assert.deepEqual(codes(rb, 'ruby'), [131047, 131026]);
  // Items of a multi-line list still count.
  assert.deepEqual(codes(`${WA}const RETRY_CODES = [\n  131047,\n  4\n];`, 'javascript'), [131047, 4]);
});

test('collections built by factories, also on the line after their name', () => {
  const cs = `${WA}private static readonly ImmutableHashSet<int> Throttling =\n    ImmutableHashSet.Create(4, 80007, 130429, 131048);\n`;
  assert.deepEqual(codes(cs, 'csharp'), [4, 80007, 130429, 131048]);
  // Numbers the catalog lacks make it data, and a neutral file needs to show itself first.
  assert.deepEqual(codes(`${WA}var grid = Matrix.Create(4, 80007, 12345);`, 'csharp'), []);
  assert.deepEqual(codes('var ledger = Accounts.Create(131000, 131045, 131047);', 'csharp'), []);
  assert.deepEqual(codes('var ledger = Accounts.Create(131000, 131045, 131047);\nif (ex.Code == 131026) {}', 'csharp'), [131000, 131045, 131047, 131026]);
});

test('switch arms with named constants after the number; error factories named for failures', () => {
  const cs = `${WA}return code switch\n{\n    131000 or Codes.ServiceUnavailable => Decision.Retry,\n    _ => Decision.Drop,\n};`;
  assert.deepEqual(codes(cs, 'csharp'), [131000]);
  assert.deepEqual(codes(`${WA}val f = WaFailure.from(131053, "Unsupported file type")`, 'kotlin'), [131053]);
});

test('comment legends that open with a range or gloss the code in parentheses', () => {
  const js = `${WA}// 131031: the account is locked\n// 368 = temporarily blocked for policy violations\n// 200-299: permission errors on the WABA\n// 0 (AuthException): log in again\n`;
  assert.deepEqual(codes(js, 'javascript'), [131031, 368, 200, 0]);
  // Arithmetic and dates in comments are not legends.
  assert.deepEqual(codes(`${WA}// 131031: the account is locked\n// x = 200-100 for the margin\n// 2024-01-05: rotated keys\n`, 'javascript'), [131031]);
  // Outside WhatsApp files a small legend needs the file to be about codes.
  assert.deepEqual(codes('// 200-299: reserved ports\n// 4 (four) workers\n', 'javascript'), []);
});

test('constants of an error class in a WhatsApp file', () => {
  const php = `<?php\n${WA}class WhatsAppException extends \\RuntimeException\n{\n    public const ACCESS_TOKEN_EXPIRED = 190;\n    public const RATE_LIMITED = 130429;\n    public const TIMEOUT_MS = 100;\n}\n`;
  assert.deepEqual(codes(php, 'php'), [190, 130429]);
  // Another system's error class keeps its own numbers.
  assert.deepEqual(codes(`<?php\n${WA}class StripeException extends \\RuntimeException\n{\n    public const CARD_DECLINED = 4;\n}\n`, 'php'), []);
});

test('ranges as arms and property patterns, under a switch whose arms are codes', () => {
  assert.deepEqual(codes(`${WA}val f = when (dto.code) {\n  131047 -> Window\n  in 200..299 -> Auth(dto.code)\n}\n`, 'kotlin'), [131047, 200, 299]);
  assert.deepEqual(codes(`${WA}var r = ex switch {\n  { Code: 131047 } => A,\n  { Code: >= 200 and <= 299 } => (403, "Missing permission"),\n};`, 'csharp'), [131047, 200]);
  assert.deepEqual(codes(`${WA}final r = switch (code) {\n  131047 => A(),\n  >= 200 && <= 299 => Failed(code),\n  _ => B(),\n};`, 'dart'), [131047, 200, 299]);
  const php = `<?php\n${WA}class WhatsAppException extends Exception {\n  public function status(): int {\n    return match (true) {\n      $this->getCode() === 131047 => 409,\n      $this->getCode() >= 200 && $this->getCode() <= 299 => 403,\n    };\n  }\n}\n`;
  assert.deepEqual(codes(php, 'php'), [131047, 200, 299]);
  // A switch on something else keeps its ranges.
  assert.deepEqual(codes(`${WA}val f = when (item.size) {\n  131047 -> Window\n  in 200..299 -> Large\n}\n`, 'kotlin'), []);
});

test('helpers declared with a return type, errors passed by reference, keys after the value', () => {
  const cs = `${WA}private static GraphException Ex(int code, int? sub = null) => new(code, sub);\n\n[Fact]\npublic void Maps() {\n    var pd = Mapper.Map(Ex(100, 2388012), ctx);\n    Mapper.Map(Ex(130429), ctx);\n}\n`;
  assert.deepEqual(codes(cs, 'csharp'), [100, 130429]);
  // (a call is no declaration: `return Ex(...)` names no parameters)
  assert.deepEqual(codes(`${WA}static Item Find(int sku) => repo.Get(sku);\nvar x = Find(131047);`, 'csharp'), []);
  assert.deepEqual(codes(`${WA}if !Is(&env.Error, 131051) {\n}`, 'go'), [131051]);
  assert.deepEqual(codes(`${WA}const rules = [[R.propEq(131047, 'code'), 'template-required']];`, 'javascript'), [131047]);
});

test('prose and strings: glosses after a dash, payloads in doc comments, thresholds, PromQL, pandas', () => {
  assert.deepEqual(codes(`${WA}/**\n * Graph throttling:\n *   80007  - WABA limit\n *   613    - calls within one hour exceeded\n */\nconst x = a - 4;`, 'javascript'), [80007, 613]);
  assert.deepEqual(codes('/**\n * isBlockedByUser({ code: 131050 }) // => true\n */', 'javascript'), [131050]);
  assert.deepEqual(codes(`${PY_WA}# tenants created before the 2023 migration have ids below 131000`, 'python'), []);
  assert.deepEqual(codes(`const rule = 'sum(rate(wa_send_failures_total{code=~"130429|131056"}[5m])) > 4';`, 'javascript'), [130429, 131056]);
  assert.deepEqual(codes(`spam = failed.query("error_code == 131048")`, 'python'), [131048]);
  // A subtraction after a small number is still arithmetic.
  assert.deepEqual(codes(`${WA}// 131047: window closed\nconst rest = 100 - used;`, 'javascript'), [131047]);
});

test('objects named for codes, code-to-code maps, subcodes tested for presence', () => {
  const js = `${WA}export const GraphErrorCode = Object.freeze({\n  AUTH_EXCEPTION: 0,\n  API_TOO_MANY_CALLS: 4,\n  PAGE_SIZE: 100,\n  RE_ENGAGEMENT: 131047,\n});\n`;
  assert.deepEqual(codes(js, 'javascript'), [0, 4, 131047]);
  // An object named for something else keeps its numbers.
  assert.deepEqual(codes(`${WA}const Limits = {\n  AUTH: 0,\n  MAX: 4,\n};`, 'javascript'), []);
  assert.deepEqual(codes(`${PY_WA}ON_PREM_TO_CLOUD = {470: 131047, 1026: 131026}`, 'python'), [131047, 131026]);
  assert.deepEqual(codes('PRICES = {470: 131047}', 'python'), []);
  assert.deepEqual(codes(`${WA}if e.Subcode != 0 {\n}\nif e.Code == 0 || e.Code == 190 {\n}`, 'go'), [0, 190]);
});

test('sentence ends and ranges in comments about errors', () => {
  const js = `${WA}/// Graph permission errors (200-299).\n/** Graph uses the whole 200..299 block for permission errors */\n// token problems come back under code 100.\n`;
  assert.deepEqual(codes(js, 'javascript'), [200, 200, 100]);
  // Arithmetic, decimals and ranges of other things are not.
  assert.deepEqual(codes(`${WA}const x = 200-100;\nconst y = 1.5 + 100.0;\n// 10 workers, 200-250 ms\n`, 'javascript'), []);
});

test('later arguments in WhatsApp files, tuples with titles, ranges tested by a method', () => {
  assert.deepEqual(codes(`${PY_WA}StatusFailureWorker.perform_async('template', status['recipient_id'], 131_047)`, 'ruby'), [131047]);
  // Lookups by id, SQL lists of strings and one-time codes are not codes.
  assert.deepEqual(codes(`${PY_WA}Order.find_by('x', 131047)\nassert not s.verify("+15551234567", "130429")`, 'python'), []);
  assert.deepEqual(codes(`${PY_WA}X = """\nSELECT a WHERE shipping_zip IN ('131001', '132001', '133001')\n"""`, 'python'), []);
  assert.deepEqual(codes(`${PY_WA}ROWS = [\n    (368, 'Temporarily blocked for policies violations', False),\n]`, 'python'), [368]);
  assert.deepEqual(codes(`${PY_WA}def permission?(code)\n  (200..299).cover?(code.to_i)\nend`, 'ruby'), [200]);
  assert.deepEqual(codes(`${PY_WA}def big?(size)\n  (200..299).cover?(size)\nend`, 'ruby'), []);
});

test('test tables handed to callbacks whose parameter is a code; rows of wrapped codes', () => {
  const kt = 'class GraphRetryTest : FunSpec({\n  withData(4, 80007, 130429) { code ->\n  }\n  withData(4, 8, 10) { code ->\n  }\n})\n';
  assert.deepEqual(codes(kt, 'kotlin'), [4, 80007, 130429]);
  assert.deepEqual(codes(`${WA}it.each([200, 250, 299])('treats %i as a permission error', (code) => {});\nit.each([1, 2, 3])('x', (n) => {});`, 'javascript'), [200, 250, 299]);
  const zod = 'export const FlowErrorCode = z.union([\n  z.literal(139000), // Blocked by integrity\n  z.literal(139001),\n]);\n';
  assert.deepEqual(codes(zod, 'javascript'), [139000, 139001]);
  assert.deepEqual(codes(`${PY_WA}def seeded():\n    random.seed(131047)\n    Faker.seed(2388019)\n`, 'python'), []);
});

test('extensions of Ruby tasks and exports are read', async () => {
  const { familyFor } = await import('../../src/core/detect');
  assert.equal(familyFor(undefined, 'lib/tasks/whatsapp.rake'), 'ruby');
  assert.equal(familyFor(undefined, 'Rakefile'), 'ruby');
  assert.equal(familyFor(undefined, 'exports/failed.csv'), 'text');
  assert.equal(familyFor(undefined, 'bi/by_code.tsv'), 'text');
  assert.equal(familyFor('csv', 'x.csv'), 'text');
});

test('logs: escaped JSON in nginx and CSV fields, bracketed codes, presence subcodes and counts', () => {
  const nginx = '1.2.3.4 - - [14/May/2024:08:20:30 +0000] "POST /webhooks/whatsapp HTTP/1.1" 200 2 body="{\\x22object\\x22:\\x22whatsapp_business_account\\x22,\\x22errors\\x22:[{\\x22code\\x22:131053,\\x22title\\x22:\\x22Media upload error\\x22}]}"\n';
  assert.deepEqual(codes(nginx, 'text'), [131053]);
  const csv = 'ts,host,service,level,message\n2024-05-14T16:14:31Z,ip-1,wa-send,error,"{""msg"":""send failed"",""err"":{""message"":""(#131052) Media download error"",""code"":131052}}"\n';
  assert.deepEqual(codes(csv, 'text'), [131052, 131052]);
  assert.deepEqual(codes('bot.whatsapp.GraphAPIError: [190] OAuthException: Error validating access token\n', 'text'), [190]);
  assert.deepEqual(codes('level=warning msg="graph rate limit" code=4 subcode=0 type=OAuthException\n', 'text'), [4]);
  assert.deepEqual(codes('[ERROR] plugin/errors: 2 graph.facebook.com. A: read udp 10.8.0.4:36800: i/o timeout\n', 'text'), []);
  assert.deepEqual(codes('production.ALERT: WhatsApp billing problem on WABA 1188762, code 131042 - check payment method\n', 'text'), [131042]);
  assert.deepEqual(codes('# WhatsApp ticket\nentity_type: WABA, error_code 368, "Temporarily blocked for policies violations"\n', 'text'), [368]);
  assert.deepEqual(codes('# WhatsApp relay\n{"msg":"graph throttled","data":{"code": 130429, "subcode": 2494055, "retry_after": "4s"}}\n', 'text'), [130429]);
});

test('small codes listed in comments, tested by predicates of code holders, beside their titles', () => {
  const js = `${WA}// IsPermission reports Graph permission errors (10 and the 200-299 range).\n/// Retries on HTTP 5xx and on Graph throttling codes (4, 80007, 130429);\n// retry 3 times (4, 5) before giving up\n`;
  assert.deepEqual(codes(js, 'javascript'), [10, 200, 4, 80007, 130429]);
  assert.deepEqual(codes(`${WA}GraphErrorCodes.IsPermission(200).Should().BeTrue();\nLimits.IsLarge(200).Should().BeTrue();`, 'csharp'), [200]);
  assert.deepEqual(codes(`${WA}return error(401, 368, "Temporarily blocked for policies violations")\nreturn error(401, 368, "something else")`, 'kotlin'), [368]);
  assert.deepEqual(codes(`${WA}writeError(w, Failure{Status: 401, Code: 190, Title: "Access token has expired"})`, 'go'), [190]);
});

test('codes in sentences of strings: at the end, in parentheses, as code/subcode pairs', () => {
  assert.deepEqual(codes(`${PY_WA}WINDOW_CLOSED = Gauge("wa_window_closed", "Recipients last seen failing with 131047")`, 'python'), [131047]);
  assert.deepEqual(codes(`${WA}want := "whatsapp: graph error 100/2388040: Invalid parameter"\nx := a / 100\ny := 100/2`, 'go'), [100, 2388040]);
  assert.deepEqual(codes(`${PY_WA}desc "Mark contacts that opted out of marketing (131050) so campaigns skip them"`, 'ruby'), [131050]);
  // Ids in strings and order numbers in parentheses are not codes.
  assert.deepEqual(codes(`${WA}expect(await api.shareOrder('ORD-131047', '+919876543210'), 'wamid.abc');`, 'dart'), []);
  assert.deepEqual(codes(`${WA}log("shipped your order (131047)")`, 'javascript'), []);
});

test('small codes in sentences of strings: after "error", glossed in parentheses', () => {
  assert.deepEqual(codes(`${PY_WA}x = 'WhatsApp no pudo entregar este mensaje (error 368).'`, 'ruby'), [368]);
  assert.deepEqual(codes(`${PY_WA}it 'kills the job when the token expired (190)' do\nend`, 'ruby'), [190]);
  // Counts in parentheses, and the same outside WhatsApp files, are not codes.
  assert.deepEqual(codes(`${PY_WA}y = 'we retried (4) times'`, 'ruby'), []);
  assert.deepEqual(codes(`it 'kills the job when the token expired (190)' do\nend`, 'ruby'), []);
  // A hash named for something else inside a module of codes keeps its numbers.
  assert.deepEqual(codes(`${PY_WA}module ErrorCodes\n  SIZES = {\n    small: 4\n  }\nend`, 'ruby'), []);
});

test('round 11: index initializers, Mockito, Ruby arms, multi-line calls, legends beside code', () => {
  // A C# index initializer names no map of its own: the dictionary around it does.
  assert.deepEqual(codes('private static readonly Dictionary<int, ItemDef> Items = new() {\n    [131047] = new ItemDef(131047, "Ember Longsword"),\n};', 'csharp'), []);
  assert.deepEqual(codes('when(random.nextInt(1_000_000)).thenReturn(131026);', 'java'), []);
  // A Ruby `when CONST` arm is no subject: the `case` above is.
  assert.deepEqual(codes(`${PY_WA}code = error["code"].to_i\ncase code\nwhen UNDELIVERABLE, 131_051\n  :x\nwhen 190, 0\n  :token\nend`, 'ruby'), [131051, 190, 0]);
  // Small numbers alone on the lines of a multi-line call are its arguments; a collection's are items.
  assert.deepEqual(codes(`${WA}logMonitor(\n  "q 130429",\n  200,\n  0,\n);\nconst S = new Set([\n  131047,\n  4,\n]);`, 'javascript'), [131047, 4]);
  // A legend glossing the code compared before it on the line is no finding outside WhatsApp files.
  assert.deepEqual(codes('const ok = pin !== 131001, // 131001: too many COD refusals last quarter\n// 131047: outside the window', 'javascript'), [131047]);
});

test('round 11: tuple rows, quoted code lists, objects named for errors, needle-first membership, SQL columns', () => {
  assert.deepEqual(codes(`${PY_WA}ROWS = [\n    (131026, "Nicht zustellbar"),\n    (368, "Konto gesperrt"),\n]\nPAGING_CODES = ("131048", "368", "131031")`, 'python'), [131026, 368, 131048, 368, 131031]);
  assert.deepEqual(codes(`${WA}export const WA_ERR = {\n  REENGAGEMENT: 131047,\n  TOKEN_EXPIRED: 190,\n  POLICY_BLOCK: 368,\n};`, 'javascript'), [131047, 190, 368]);
  assert.deepEqual(codes(`${WA}export const ERRORS_SEEN = {\n  TOTAL: 190,\n  LIMIT: 4,\n};`, 'javascript'), []);
  assert.deepEqual(codes(`<?php\n${WA}if (in_array($code, [0, 190], true)) {}\nif (in_array($size, [0, 190], true)) {}`, 'php'), [0, 190]);
  assert.deepEqual(codes(`${PY_WA}Q = """\nSELECT * FROM orders WHERE shipping_zip IN ('131001', '132001', '133001')\n"""`, 'python'), []);
});

test('SQL, Jest snapshots and ARB files are read', async () => {
  const { familyFor } = await import('../../src/core/detect');
  assert.equal(familyFor(undefined, 'reports/weekly_failures.sql'), 'text');
  assert.equal(familyFor('sql', 'q.sql'), 'text');
  assert.equal(familyFor(undefined, '__snapshots__/card.test.tsx.snap'), 'text');
  assert.equal(familyFor(undefined, 'lib/l10n/app_en.arb'), 'json');
  assert.deepEqual(codes('-- WhatsApp failures\nSELECT * FROM statuses WHERE error_code IN (132001, 132015)\n', 'text'), [132001, 132015]);
  assert.deepEqual(codes('SELECT * FROM api_requests WHERE status BETWEEN 200 AND 299\n', 'text'), []);
});

test('round 11: codes listed in sentences, search syntax, glossed codes, SQL conditions and comments', () => {
  const py = `${PY_WA}def f():\n    """Token expired or revoked (codes 0 and 190). Refresh the token."""\n    """Throughput (130429), pair (131056) or app (4) rate limit."""\n`;
  assert.deepEqual(codes(py, 'python'), [0, 190, 130429, 131056, 4]);
  assert.deepEqual(codes(`${PY_WA}# 131048 (spam rate limit) and 368 (policy block) mean trouble.`, 'python'), [131048, 368]);
  const strings = `${PY_WA}t = "Throttled sends (80007 / 130429)"\nw = "whatsapp throttled (4/80007/130429), backing off"\nx = "e.g. wactl explain 131047 or wactl"\nd = "after repeated 131026 (undeliverable) failures"\nq = "service:wa-outbox @wa.error.code:(130429 OR 131056) env"\nr = "@wa.error.code:190 env"\n`;
  assert.deepEqual(codes(strings, 'python'), [80007, 130429, 4, 80007, 130429, 131047, 131026, 130429, 131056, 190]);
  // Quantities in parentheses are not codes, nor lists without a distinctive one.
  assert.deepEqual(codes(`${PY_WA}s = "we sold (4 / 100) items"`, 'python'), []);
  const sql = '-- WhatsApp delivery report\n--   131047 = outside the 24h window\nselect case\n  when s.error_code in (368, 131031) then \'account\'\n  when s.error_code = 190 then \'auth\'\nend\n';
  assert.deepEqual(codes(sql, 'text'), [131047, 368, 131031, 190]);
  // The same columns in a log line of another system stay theirs.
  assert.deepEqual(codes('# WhatsApp sender\nkafka consumer error_code=3 partition=2\n', 'text'), []);
});

test('round 11: prose in comments and strings: sentence starts, code lists with slashes, title glosses, settings of codes', () => {
  const js = `${WA}// 4 / 130429: our own throughput\n// Codes where resending later can work. 4 is the app-level limit.\n// IsTokenProblem: code 190 (expired/invalid token) or 0 (AuthException).\n// Template creation errors arrive as code 100 + error_subcode.\n`;
  assert.deepEqual(codes(js, 'javascript'), [4, 130429, 4, 190, 0, 100]);
  // Arithmetic and member access stay arithmetic.
  assert.deepEqual(codes(`${WA}const y = 100 + n;\nconst z = a. 4;\nconst w = total / 131047;`, 'javascript'), []);
  assert.deepEqual(codes(`${PY_WA}log.info("%d contacts with 131050 since %s", n)`, 'python'), [131050]);
  assert.deepEqual(codes(`<?php\n${WA}$x = env('WA_SOFT_SKIP_CODES', '130472,131049');\n$y = env('WA_PORTS', '131047,131026');`, 'php'), [130472, 131049]);
});

test('round 12: quoted keys in pattern alternatives, Ruby grouped neighbours, template tables, test names', () => {
  assert.deepEqual(codes(`${PY_WA}match err:\n    case {"code": 131026 | 131049 | 130472}:\n        pass`, 'python'), [131026, 131049, 130472]);
  assert.deepEqual(codes(`${PY_WA}ERRORS = [\n  { code: 131_047, retry: false },\n  { code: 230, retry: false },\n]`, 'ruby'), [131047, 230]);
  const table = `${WA}it.each\`\n  code       | family\n  \${131048}  | \${"spam"}\n  \${190}     | \${"auth"}\n  \${0}       | \${"auth"}\n\`('maps $code', ({ code, family }) => {});\nit.each\`\n  attempts | delay\n  \${4}     | \${100}\n\`('x', () => {});\n`;
  assert.deepEqual(codes(table, 'javascript'), [131048, 190]);
  assert.deepEqual(codes(`${WA}test("retries under code 100", () => {});`, 'javascript'), [100]);
});

test('round 12: a short local set from an error code by a helper', () => {
  assert.deepEqual(codes(`${WA}c := Code(err)\nif c >= 200 && c <= 299 {\n}\nn := len(items)\nif n >= 200 && n <= 299 {\n}`, 'go'), [200, 299]);
});

test('round 12 logs: float cells, quoted CSV fields, slow-log headers, Kafka codes, subcodes after a slash, bind pairs', () => {
  const tsv = 'week\tchannel\tstatus\terror_code\terror_subcode\tcount\n2024-W22\twhatsapp\tfailed\t131047.0\t\t4\n2024-W22\twhatsapp\tfailed\t368.0\t\t4.0\n';
  assert.deepEqual(codes(tsv, 'text'), [131047, 368]);
  const csv = 'sent_at,to,status,error_code,error_title,retries\n2024-05-01,+4477,failed,131056,"(Business Account, Consumer Account) pair rate limit hit",2\n2024-05-01,+4478,failed,132001,Template name does not exist in the translation,0\n';
  assert.deepEqual(codes(csv, 'text'), [131056, 132001]);
  assert.deepEqual(codes('# Query_time: 4.368100  Rows_sent: 100  Rows_examined: 131047\n# 131047: outside the window\n', 'text'), [131047]);
  assert.deepEqual(codes('WARN Error code 3 (UNKNOWN_TOPIC_OR_PARTITION) returned for ListOffsets on whatsapp-status-events-9 (kafka.server.KafkaApis)\n', 'text'), []);
  const log = '# WhatsApp worker\nskip +4477: code 131047 is not retryable, needs template\nGraphApiException: Graph API error 100/2388040: Message template character limit exceeded\nGET /v17.0/1234567/messages 200\n  SQL (0.4ms)  UPDATE "messages" SET "error_code" = $2 [["status", "failed"], ["error_code", 131050]]\n';
  assert.deepEqual(codes(log, 'text'), [131047, 100, 2388040, 131050]);
  // One-time codes stay out, WhatsApp file or not.
  assert.deepEqual(codes('# WhatsApp OTP\nsent verification code 131047 to +4477\n', 'text'), []);
});

test('round 13: indexed writes, lists owned through nested calls, tuple keys, helpers inside assertions, lone markers', () => {
  assert.deepEqual(codes('player.inventory[131000] = 1;', 'javascript'), []);
  assert.deepEqual(codes('static final Set<Integer> SONIPAT = new HashSet<>(Arrays.asList(\n        131001, 131021, 131023, 131026, 131047));', 'java'), []);
  assert.deepEqual(codes(`${PY_WA}demo = {("IN","marketing"): 131047, ("IN","utility"): 80007}\nerrs = {"code": 131047}`, 'python'), [131047]);
  assert.deepEqual(codes(`${WA}assertNotNull(whatsappRetries.ruleFor(130429))\nassertEquals(3, repo.findById(131047).size)`, 'kotlin'), [130429]);
  assert.deepEqual(codes(`${WA}const alarms = [{ pattern: '"(#368)"' }, { pattern: '"(#131048)"' }];`, 'javascript'), [368, 131048]);
});

test('round 14: named table columns decide small cells, sets of small codes, case arms among code arms, PHP exception codes, ranges in constants', () => {
  const py = `${PY_WA}@pytest.mark.parametrize("code,attempt,expected", [\n    (130429, 1, Action.RETRY),\n    (190, 1, Action.STOP),\n])\ndef test_x(code, attempt, expected): pass\nTHROTTLED = frozenset({4, 80007, 130429})\nAUTH = frozenset({0, 190})\n`;
  assert.deepEqual(codes(py, 'python'), [130429, 190, 4, 80007, 130429, 0, 190]);
  const php = `<?php\n${WA}throw new WhatsAppException('Envio pausado por error de cuenta', 368);\nthrow new WhatsAppException('x', 0);\nswitch ($fehler->code) {\n  case 130429:\n    break;\n  case 190:\n    break;\n}\n`;
  assert.deepEqual(codes(php, 'php'), [368, 130429, 190]);
  // Arms of another switch without codes stay silent.
  assert.deepEqual(codes(`${WA}switch (requestCode) {\n  case 100:\n    break;\n  case 190:\n    break;\n}`, 'java'), []);
  assert.deepEqual(codes(`${PY_WA}TEMPLATE = (132_000..132_018).freeze\nPORTS = (131_000..131_010).freeze`, 'ruby'), [132000, 132018]);
});

test('round 14 logs: terminal colours, what Meta did in prose, another system naming its own status', () => {
  assert.deepEqual(codes('# WhatsApp dev\n  code: \x1b[33m131047\x1b[39m,\n', 'text'), [131047]);
  assert.deepEqual(codes('# WhatsApp tickets\nMeta now rejects with 131050.\nLoad test hit 130429 at ~80 mps\nwe hit 131047 messages today\n', 'text'), [131050, 130429]);
  assert.deepEqual(codes('[Server thread/ERROR]: Encountered an unexpected exception, code=131056 (WORLD_SAVE_FAILED)\n', 'text'), []);
});

test('round 14 JSON: small codes in a list named for errors beside distinctive ones', () => {
  const json = '{\n  "channel": "whatsapp",\n  "nonRetryable": [131047, 131026, 368],\n  "retryable": [4, 10],\n  "codes": [0, 190]\n}\n';
  assert.deepEqual(codes(json, 'json'), [131047, 131026, 368, 0, 190]);
});

test('round 15 logs: a column named for Graph codes vouches for its small codes', () => {
  const tsv = 'template\tgraph_code\tgraph_subcode\tuser_title\norder_update\t100\t2388019\tMessage template character limit exceeded\n';
  assert.deepEqual(codes(tsv, 'text'), [100, 2388019]);
  const other = 'sku\tstatus_code\tqty\nA-1\t100\t4\n';
  assert.deepEqual(codes(other, 'text'), []);
});

test('round 15: 0 as "no code", constants classes after a private constructor', () => {
  const java = `${WA}public final class MetaErrorCodes {\n    private MetaErrorCodes() {\n    }\n    public static final int AUTH_EXCEPTION = 0;\n    public static final int ACCESS_TOKEN_EXPIRED = 190;\n    public static final int RE_ENGAGEMENT = 131047;\n}\n`;
  assert.deepEqual(codes(java, 'java'), [0, 190, 131047]);
  assert.deepEqual(codes(`${WA}if ge.Error.Code != 0 {\n}\nif ge.Error.Code == 0 || ge.Error.Code == 190 {\n}`, 'go'), [0, 190]);
  assert.deepEqual(codes(`${WA}ex.Code.Should().Be(0);\nex.Code.Should().Be(190);`, 'csharp'), [190]);
});

test('lookups in maps keyed by codes above, in WhatsApp files', () => {
  const js = `${WA}const MENSAJES = new Map([\n  [131047, "Ventana cerrada"],\n  [131026, "No entregable"],\n]);\nfunction texto() { return MENSAJES.get(131047); }\nconst friendly = { 131026: "x", 131047: "y" };\nfunction f() { return friendly[131047]; }\nconst orders = loadOrders();\nconst o = orders[131047];\nconst p = orders.get(131047);\n`;
  assert.deepEqual(codes(js, 'javascript'), [131047, 131026, 131047, 131026, 131047, 131047]);
});

test('other systems are read from the words of an error type name', async () => {
  const { isOtherSystemType } = await import('../../src/core/detect/errorSubject');
  for (const t of ['StripeError', 'pgconn.PgError', 'HTTPError', 'MySQLException', 'GrpcStatusError', 'S3Exception']) assert.ok(isOtherSystemType(t), t);
  for (const t of ['UpgradeError', 'GraphError', 'WhatsAppException', 'TemplateStatusless']) assert.ok(!isOtherSystemType(t), t);
  // (an error class named like an upgrade is still ours: its constants are codes in a WhatsApp file)
  assert.deepEqual(codes(`<?php\n${WA}class UpgradeException extends \\RuntimeException\n{\n    public const ACCESS_TOKEN_EXPIRED = 190;\n}\n`, 'php'), [190]);
});

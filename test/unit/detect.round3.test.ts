// Round-3 detector cases, from blind corpora written by testers who had not seen the detector:
// JSON serialized into strings, one-time codes and log levels in plain text, comments in files
// that are not about WhatsApp, call arguments judged by the callee's own name, enum constants
// with constructor arguments.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();
const WA = '// WhatsApp Cloud API\n';

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

/** The text each finding covers. */
function spans(text: string, family: LanguageFamily): string[] {
  return scanCodes(text, family, catalog).map((f) => text.slice(f.start, f.end));
}

test('JSON serialized into a JSON string is read, and its findings point into the escaped text', () => {
  const cloudWatch = '{"ts":1,"message":"{\\"level\\":\\"warn\\",\\"err\\":{\\"code\\":130429,\\"type\\":\\"OAuthException\\"}}"}\n{"ts":2,"message":"ok"}\n';
  assert.deepEqual(spans(cloudWatch, 'json'), ['130429']);
  // A `(#N)` the walk finds in the string is not reported twice.
  const batch = '{"code":400,"body":"{\\"error\\":{\\"message\\":\\"(#131009) Parameter value is not valid\\",\\"code\\":131009,\\"fbtrace_id\\":\\"A\\"}}"}\n{"code":200}\n';
  assert.deepEqual(spans(batch, 'json'), ['131009', '131009']);
  // Pretty-printed documents too (a Postman collection's raw body).
  const postman = '{\n  "request": {\n    "raw": "{\\n  \\"error\\": {\\n    \\"code\\": 131047,\\n    \\"error_data\\": {\\"details\\": \\"x\\"}\\n  }\\n}"\n  }\n}';
  assert.deepEqual(spans(postman, 'json'), ['131047']);
  // Serialized twice.
  const twice = '{"message":"{\\"body\\":\\"{\\\\\\"error\\\\\\":{\\\\\\"code\\\\\\":131026,\\\\\\"fbtrace_id\\\\\\":\\\\\\"x\\\\\\"}}\\"}"}\n{"a":1}\n';
  assert.deepEqual(codes(twice, 'json'), [131026]);
  // A serialized object that is not an error stays quiet.
  assert.deepEqual(codes('{"message":"{\\"order\\":131047,\\"qty\\":4}"}\n{"a":1}\n', 'json'), []);
});

test('JSON escaped into a plain-text log line is read', () => {
  const laravel = '[2024-05-02] production.ERROR: send failed {\\"error\\":{\\"message\\":\\"(#132012) Parameter format does not match\\",\\"type\\":\\"OAuthException\\",\\"code\\":132012}}';
  assert.deepEqual(codes(laravel, 'text'), [132012, 132012]);
  const logfmt = 'level=error msg="graph call failed" body="{\\"code\\":\\"131000\\",\\"title\\":\\"Something went wrong\\"}" attempt=2';
  assert.deepEqual(codes(logfmt, 'text'), [131000]);
});

test('plain text: one-time codes, log levels with process ids, exceptions named for Graph', () => {
  assert.deepEqual(codes('INFO otp: generated verification code 131047 for user 8812', 'text'), []);
  assert.deepEqual(codes('INFO user 8812 entered code 131056 -> mismatch', 'text'), []);
  assert.deepEqual(codes('sent whatsapp template, promo code 131047', 'text'), []);
  assert.deepEqual(codes('2024-05-02 ERROR 1 --- [nio-8080-exec-7] c.e.wa.WhatsAppSender : whatsapp graph call failed', 'text'), []);
  assert.deepEqual(codes('# whatsapp sender\ncom.example.GraphApiException: GraphError 190: Error validating access token', 'text'), [190]);
  // Still found: a code after "error", and a bare "code" in a line about an error.
  assert.deepEqual(codes('send failed: error 131047', 'text'), [131047]);
  assert.deepEqual(codes('request failed code 131026', 'text'), [131026]);
});

test('JSON: a bare "code" beside its own catalog title explains itself', () => {
  const line = '{"level":"error","message":"send failed","code":368,"title":"Temporarily blocked for policies violations"}\n{"level":"info"}\n';
  assert.deepEqual(codes(line, 'json'), [368]);
  assert.deepEqual(codes('{"level":"error","message":"send failed","code":368,"title":"Not found"}\n{"level":"info"}\n', 'json'), []);
});

test('comments: outside WhatsApp files a six-digit number needs to be spoken of as an error', () => {
  assert.deepEqual(codes('function total(x) {\n  // Legacy order 131047 was charged twice\n  return x;\n}', 'javascript'), []);
  assert.deepEqual(codes('// Moved 131000 rows to the archive', 'javascript'), []);
  assert.deepEqual(codes('# The customer 131026 asked for a refund', 'python'), []);
  // A legend, an error word, or the code's title: still found.
  assert.deepEqual(codes('// 131047: outside the 24h window', 'javascript'), [131047]);
  assert.deepEqual(codes('# retry on error 130429', 'python'), [130429]);
  assert.deepEqual(codes('// 131026 Message Undeliverable', 'javascript'), [131026]);
  // In a WhatsApp file every comment naming a code counts, but not a count of things.
  assert.deepEqual(codes(`${WA}// window closed: 131047 means re-engage with a template`, 'javascript'), [131047]);
  assert.deepEqual(codes(`${WA}// 131000 rows migrated`, 'javascript'), []);
});

test('call arguments: the callee is judged by its own name', () => {
  const billing = 'invoiceService.displayInvoice(131047, true);\nhistory.add(131026);\nregistry.register(131056);\ncustomerList.remove(131050);';
  assert.deepEqual(codes(billing, 'java'), []);
  assert.deepEqual(codes('throw new GraphError(131047);\nif (isRetryable(130429)) {}', 'javascript'), [131047, 130429]);
  // Beside a code argument: `.having((e) => e.code, 'code', 131026)`.
  assert.deepEqual(codes(`${WA}expect(f, throwsA(isA<WaError>().having((e) => e.code, 'code', 131026)));`, 'dart'), [131026]);
  // A Graph marker the lexer reads as code (inside a raw string).
  // (a raw string opened with `"""` is one string: its Graph marker and its code are both found, as in a JSON file)
  assert.deepEqual(spans('val body = """{"error":{"message":"(#131056) pair rate limit hit","code":131056}}"""', 'kotlin'), ['131056', '131056']);
});

test('enum constants with constructor arguments', () => {
  const java = `${WA}public enum WaError {\n  API_UNKNOWN(1, true),\n  RE_ENGAGEMENT(131047, false, "24h"),\n  UNDELIVERABLE(131026, false, "x"),\n  RATE_LIMIT_ISSUES(80007, true, "y");\n  WaError(int code, boolean retry, String d) {}\n}`;
  assert.deepEqual(codes(java, 'java'), [1, 131047, 131026, 80007]);
  const dart = `${WA}enum WaErrorCode {\n  reEngagement(131047),\n  rateLimitHit(130429),\n  tooManyCalls(4);\n  const WaErrorCode(this.code);\n  final int code;\n}`;
  assert.deepEqual(codes(dart, 'dart'), [131047, 130429, 4]);
  // A lone call on its own line, and enums of other things, are not codes.
  assert.deepEqual(codes('process(131047)\nconsume(4)', 'python'), []);
  assert.deepEqual(codes(`${WA}enum Priority {\n  LOW(1),\n  HIGH(4);\n}`, 'java'), []);
});

test('constant holders named for codes or errors, and enums of them', () => {
  const php = `<?php // WhatsApp Cloud API\nenum WhatsAppErrorCode: int {\n    case AuthException = 0;\n    case TooManyCalls = 4;\n    case AccessTokenExpired = 190;\n}`;
  assert.deepEqual(codes(php, 'php'), [0, 4, 190]);
  const kotlin = `// WhatsApp Cloud API\nobject WaErrorCodes {\n    const val TOKEN_EXPIRED = 190\n    const val TOO_MANY_CALLS = 4\n}`;
  assert.deepEqual(codes(kotlin, 'kotlin'), [190, 4]);
  const python = `# WhatsApp Cloud API\nclass WAError(IntEnum):\n    AUTH_EXCEPTION = 0\n    API_METHOD = 3\n    ACCESS_TOKEN_EXPIRED = 190\n`;
  assert.deepEqual(codes(python, 'python'), [0, 3, 190]);
  const ruby = `# WhatsApp Cloud API\nmodule ErrorCodes\n  TOKEN_EXPIRED = 190\n  TOO_MANY_CALLS = 4\nend`;
  assert.deepEqual(codes(ruby, 'ruby'), [190, 4]);
  // Holders of other things, even in a WhatsApp file.
  assert.deepEqual(codes(`# WhatsApp Cloud API\nclass Settings:\n    RETRIES = 4\n    WORKERS = 10\n`, 'python'), []);
  assert.deepEqual(codes(`// WhatsApp Cloud API\nobject Limits {\n    const val BATCH = 100\n}`, 'kotlin'), []);
  assert.deepEqual(codes(`# WhatsApp Cloud API\nclass Level(IntEnum):\n    LOW = 1\n    HIGH = 4\n`, 'python'), []);
});

test("an error class's own code, C# patterns and guards, lists with codes the catalog lacks", () => {
  const ts = `// WhatsApp Cloud API\nexport class GraphApiError extends Error {\n  isAuth() { return this.code === 190 || this.code === 0 || this.code === 131005; }\n}`;
  assert.deepEqual(codes(ts, 'javascript'), [190, 0, 131005]);
  // Outside an error class `this.code` is anything.
  assert.deepEqual(codes(`// WhatsApp Cloud API\nclass Coupon {\n  valid() { return this.code === 4; }\n}`, 'javascript'), []);
  const cs = `// WhatsApp Cloud API\ntry { } catch (WaException ex) when (ex.Code is 130429 or 131056 or 4 && attempt < 3) { }\nswitch (error.Code) {\n  case 100 when error.Subcode == 2388040: break;\n}\nbool t = (int)code is >= 132000 and <= 132016;`;
  assert.deepEqual(codes(cs, 'csharp'), [130429, 131056, 4, 100, 2388040, 132000, 132016]);
  assert.deepEqual(codes(`// WhatsApp Cloud API\nconst throttled = [4, 17, 341, 80007, 130429].includes(err.code);`, 'javascript'), [4, 80007, 130429]);
  assert.deepEqual(codes(`// WhatsApp Cloud API\nconst sizes = [4, 17, 341, 80007].includes(width);`, 'javascript'), []);
});

test('helpers named for failures or codes, Ruby lists after keywords, Kotest matchers', () => {
  assert.deepEqual(codes('# whatsapp\nbody = json.dumps(failed_status(132001, "Template does not exist"))', 'python'), [132001]);
  assert.deepEqual(codes(`${WA}expect(WaError.fromCode(4).retryable).toBe(true);`, 'javascript'), [4]);
  assert.deepEqual(codes(`${WA}res.setStatusCode(4);`, 'javascript'), []);
  assert.deepEqual(codes('# whatsapp\nif x\nelsif [131_049, 131_050].include?(code)\nend', 'ruby'), [131049, 131050]);
  assert.deepEqual(codes(`${WA}failure.code shouldBe 131056`, 'kotlin'), [131056]);
  assert.deepEqual(codes(`${WA}String body = "{\\"type\\":\\"OAuthException\\",\\"code\\":190,\\"fbtrace_id\\":\\"x\\"}";`, 'java'), [190]);
  assert.deepEqual(codes(`${WA}String body = "{\\"status\\":\\"ok\\",\\"code\\":4}";`, 'java'), []);
});

test('enum constants whose names end like numeric helpers, and test names that name a code', () => {
  const kotlin = `enum class WaErrorCode(val code: Int) {\n    RATE_LIMIT(130429),\n    SPAM_RATE_LIMIT(131048),\n    TEMPLATE_FORMAT(132012);\n}`;
  assert.deepEqual(codes(kotlin, 'kotlin'), [130429, 131048, 132012]);
  assert.deepEqual(codes(`${WA}it('treats 131026 as undeliverable', async () => {});`, 'javascript'), [131026]);
  assert.deepEqual(codes(`${WA}t.Error("131026 should classify as ErrUndeliverable")`, 'go'), [131026]);
  // Sentences about other numbers, and files that are not about WhatsApp.
  assert.deepEqual(codes(`${WA}it('ships order 131026 to the customer', () => {});`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}const text = "Your verification PIN is 131047";`, 'javascript'), []);
  assert.deepEqual(codes(`it('treats 131026 as undeliverable', async () => {});`, 'javascript'), []);
});

test('pull-request references, assertions outside WhatsApp files, sample data, neighbouring enums', () => {
  // `(#N)` is Graph's marker when its message follows; a bare one cites a pull request.
  assert.deepEqual(codes('/**\n * - Fix race in flag cache refresh (#131047)\n */\nif (err.code === 4) {}', 'javascript'), []);
  assert.deepEqual(codes('// (#131047) Re-engagement message', 'javascript'), [131047]);
  assert.deepEqual(codes("expect(parseNumber('131,026')).toBe(131026);", 'javascript'), []);
  assert.deepEqual(codes('expect(err.code).toBe(131026);', 'javascript'), [131026]);
  assert.deepEqual(codes(`${WA}const sample = ['Ana', '131047', '4', '$200.00'];`, 'javascript'), []);
  const enums = `${WA}enum WaError {\n  ReEngagement = 131047,\n  Undeliverable = 131026,\n}\nenum MessageStatus {\n  Sent = 1,\n  Delivered = 2,\n  Failed = 4,\n}`;
  assert.deepEqual(codes(enums, 'javascript'), [131047, 131026]);
  assert.deepEqual(codes(`${WA}const errorBudgetPerHour = 100;\nconst ErrCodeReEngagement = 131047;`, 'javascript'), [131047]);
  assert.deepEqual(codes(`${WA}const tier = MessagingTier.fromCode(2);`, 'javascript'), []);
});

test('PHP error variables, C# switch arms with `or`, legends of codes in docstrings', () => {
  assert.deepEqual(codes(`<?php // WhatsApp\nswitch ($error['code']) {\n  case 190: break;\n}`, 'php'), [190]);
  assert.deepEqual(codes(`${WA}var retry = code switch {\n  131000 or 131016 => true,\n  4 or 80007 => true,\n  _ => false,\n};`, 'csharp'), [131000, 131016, 4, 80007]);
  const py = `# WhatsApp Cloud API\nclass GraphAPIError(Exception):\n    """Notable codes:\n        131047 -- re-engagement window closed.\n        190    -- the access token has expired.\n        133010 -- the number is not registered.\n    """\n`;
  assert.deepEqual(codes(py, 'python'), [131047, 190, 133010]);
});

test('logs: small codes of other systems, verification codes, keys named for Graph codes, log text in strings, long lines', () => {
  // gRPC's status in a WhatsApp service's log has Graph's shape but not its words.
  const grpc = '{"service":"whatsapp-sender","err":{"message":"4 DEADLINE_EXCEEDED: Deadline exceeded","code":4}}\n{"a":1}\n';
  assert.deepEqual(codes(grpc, 'json'), []);
  const graph = '{"service":"whatsapp-sender","err":{"message":"(#4) Application request limit reached","code":4}}\n{"a":1}\n';
  assert.deepEqual(codes(graph, 'json'), [4, 4]);
  // A one-key body of a verification request, in a WhatsApp file.
  assert.deepEqual(codes('{"messaging_product":"whatsapp","path":"/verify_code"}\n{"body":{"code":"131026"}}\n', 'json'), []);
  assert.deepEqual(codes('{"level":"error","code":131026,"msg":"whatsapp send failed"}\n{"a":1}\n', 'json'), [131026]);
  // Keys named for Graph's codes.
  assert.deepEqual(codes('{"level":50,"graphCode":100,"msg":"send failed"}\n{"graph.code":"131047"}\n', 'json'), [100, 131047]);
  assert.deepEqual(codes('{"statusCode":131047,"zipCode":131026}\n{"a":1}\n', 'json'), []);
  // A log's own text in a JSON string.
  // (a JSON line is read when it names a code somewhere: here its `graphCode`, or `code=` in the text)
  assert.deepEqual(codes('{"level":50,"graphCode":130429,"msg":"graph error 130429: Rate limit hit"}\n{"log":"ERROR send failed code=131047 status=400"}\n', 'json'), [130429, 130429, 131047]);
  assert.deepEqual(codes('{"level":30,"msg":"order 131047 shipped"}\n{"a":1}\n', 'json'), []);
  // An OTP in a WhatsApp log is not an error code.
  assert.deepEqual(codes('whatsapp auth template sent, code 131026 valid for 10 minutes', 'text'), []);
  // Errors far out on a long line (a batch response) are still read.
  const items = Array.from({ length: 900 }, (_, i) => `{"id":"m${i}","status":"sent"}`).join(',');
  const batch = `{"results":[${items},{"id":"x","error":{"code":131026,"fbtrace_id":"A"}}]}\n{"a":1}\n`;
  assert.ok(batch.length > 20000);
  assert.deepEqual(codes(batch, 'json'), [131026]);
});

test('subjectless switches and codes passed to a parent error class', () => {
  assert.deepEqual(codes(`${WA}switch {\ncase apiErr.Code == 131000 || apiErr.Code == 131016:\n\treturn true\n}`, 'go'), [131000, 131016]);
  assert.deepEqual(codes(`${WA}switch {\ncase retries == 4:\n\treturn false\n}`, 'go'), []);
  const js = `${WA}class RateLimitError extends WhatsAppError {\n  constructor() { super('Rate limit hit', 130429); }\n}`;
  assert.deepEqual(codes(js, 'javascript'), [130429]);
  assert.deepEqual(codes(`class Cart extends Base {\n  constructor() { super('cart', 131047); }\n}`, 'javascript'), []);
});

test('third blind round: pincodes, ledgers, defaults, case labels, factories', () => {
  assert.deepEqual(codes("export const SAME_DAY_PINCODES = new Set<string>([\n  '131001', '131021',\n  '131028',\n]);\nconst order = { pincode: '132001' };", 'javascript'), []);
  assert.deepEqual(codes('const BARCODES = [131047, 131026];', 'javascript'), []);
  assert.deepEqual(codes('const RETRY_CODES = [131047, 131026];\nconst retryCodes = [130429];', 'javascript'), [131047, 131026, 130429]);
  const ledger = 'enum class Account(val number: Int) {\n    CASH(100),\n    RECEIVABLES(131000),\n    PAYABLES(200),\n    DEPOSITS(131045);\n}';
  assert.deepEqual(codes(ledger, 'kotlin'), []);
  assert.deepEqual(codes(`${WA}const schema = z.object({ retries: z.number().default(0) });`, 'javascript'), []);
  // The subject of a switch, not an earlier case label.
  const ts = `${WA}switch (err.code) {\n  case RATE_LIMIT:\n    break;\n  case 368:\n    break;\n}`;
  assert.deepEqual(codes(ts, 'javascript'), [368]);
  assert.deepEqual(codes(`${WA}val retryable = listOf(4, 80007, 130429)`, 'kotlin'), [4, 80007, 130429]);
  assert.deepEqual(codes(`${WA}val e = WaError.from(131047, "window")`, 'kotlin'), [131047]);
  assert.deepEqual(codes('case cloudapi.IsCode(err, 131048):', 'go'), [131048]);
});

test('parameter defaults, one-time codes logged as code=, exceptions named for WhatsApp in logs', () => {
  const php = `<?php // WhatsApp Cloud API\nclass WhatsAppException extends Exception {\n    public function __construct(\n        string $message = '',\n        int $code = 0,\n        ?string $fbtraceId = null,\n    ) {}\n}`;
  assert.deepEqual(codes(php, 'php'), []);
  assert.deepEqual(codes(`# WhatsApp\ndef __init__(self, message="", code=0, fbtrace_id=None):\n    pass`, 'python'), []);
  assert.deepEqual(codes('ts=1 otp.issue template=auth_code_v2 code=130429 expires_in=300', 'text'), []);
  assert.deepEqual(codes('ts=1 level=error msg="send failed" code=130429', 'text'), [130429]);
  assert.deepEqual(codes('# whatsapp worker\nraised WhatsAppError(131000, \'Something went wrong\')', 'text'), [131000]);
  assert.deepEqual(codes('ticket: sends to +44… keep failing with 131049 since Monday', 'text'), [131049]);
});

test('a struct literal inside a function body is not a parameter list', () => {
  const go = `// WhatsApp Cloud API\nfunc TestTokenExpired(t *testing.T) {\n\tge := &GraphError{Code: 190, Type: "OAuthException", HTTPStatus: 401}\n\t_ = ge\n}`;
  assert.deepEqual(codes(go, 'go'), [190]);
});

test('ranges of codes', () => {
  assert.deepEqual(codes(`// WhatsApp Cloud API\nwhen (err.code) {\n    in 132000..132016 -> Template\n    in 200..299 -> Permission\n    else -> Other\n}`, 'kotlin'), [132000, 132016, 200, 299]);
  assert.deepEqual(codes('# whatsapp\ncase error.code\nwhen 132_000..132_016 then :template\nend', 'ruby'), [132000, 132016]);
  assert.deepEqual(codes('if code in 132000..132016 { }', 'kotlin'), [132000, 132016]);
  // Loops and slices are not ranges of codes; nor are bounds outside the catalog, except the end
  // of a block beside a distinctive code of it (round 25: `in 132000..132099` under `when (err.code)`).
  assert.deepEqual(codes(`// WhatsApp Cloud API\nfor (i in 0..4) { }\nval page = items.slice(0..100)\nwhen (err.code) { in 130000..133999 -> x }`, 'kotlin'), []);
  assert.deepEqual(codes(`// WhatsApp Cloud API\nwhen (err.code) { in 131000..131999 -> x }`, 'kotlin'), [131000]);
});

test("rows of a parameterized test's table", () => {
  const java = `// WhatsApp Cloud API\nclass MapperTest {\n  @ParameterizedTest\n  @CsvSource({\n    "131047, WINDOW_CLOSED",\n    "131026, UNDELIVERABLE",\n  })\n  void maps(int code, Kind kind) {}\n}`;
  assert.deepEqual(codes(java, 'java'), [131047, 131026]);
  // Outside a test table, and outside WhatsApp files, a string of CSV is data.
  assert.deepEqual(codes(`// WhatsApp Cloud API\nString row = "131047, 12.50, EUR";`, 'java'), []);
  assert.deepEqual(codes(`@CsvSource({\n  "131047, 3",\n})`, 'java'), []);
});

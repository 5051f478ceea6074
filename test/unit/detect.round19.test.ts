// Round-19 detector cases (blind corpora BA, BB): configuration files — INI sections and YAML
// parents named for error codes, Spring XML maps, Graph error objects in YAML, query syntaxes — and
// the code shapes listed in each test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();

function codes(text: string, family: LanguageFamily = 'text'): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('an INI section named for errors vouches for its keys; another section does not', () => {
  const ini = '[whatsapp]\nsend_timeout = 15\nbatch_size = 100\n\n[whatsapp.errors]\n; labels for the back office\nundeliverable = 131026\nblocking = 368, 131031\n\n[kafka.errors]\nlag = 131026\n';
  assert.deepEqual(codes(ini), [131026, 368, 131031]);
});

test('a YAML parent named for error codes vouches for its fields; ports and sizes stay silent', () => {
  const yaml = '# WhatsApp sender\nwhatsapp:\n  port: 8080\n  error_codes:\n    reengagement: 131047\n    throttled: 130429\n  limits:\n    daily: 131047\n';
  assert.deepEqual(codes(yaml), [131047, 130429]);
});

test("a field beside a field holding the code's own title", () => {
  const yaml = 'mappings:\n  - legacy: 470\n    cloud: 131047\n    title: Re-engagement message\n  - legacy: 9\n    cloud: 131048\n    title: something else\n';
  assert.deepEqual(codes(yaml), [131047]);
});

test('a Spring XML map keyed by codes, small keys among distinctive ones', () => {
  const xml = '<!-- WhatsApp delivery failures -->\n<util:map id="routes">\n  <entry key="131047" value-ref="a"/>\n  <entry key="131026" value-ref="b"/>\n  <entry key="368" value-ref="c"/>\n</util:map>\n<util:map id="pages">\n  <entry key="4" value-ref="d"/>\n</util:map>\n';
  assert.deepEqual(codes(xml), [131047, 131026, 368]);
});

test('a small key of a YAML map keyed by distinctive codes, in a WhatsApp file', () => {
  const yaml = '# WhatsApp error policy\nactions:\n  "131047": SEND_TEMPLATE\n  "131026": MARK_UNREACHABLE\n  "100": ALERT_ENGINEERING\nreplicas:\n  "3": small\n';
  assert.deepEqual(codes(yaml), [131047, 131026, 100]);
});

test("a YAML Graph error object: small codes by their sibling keys, not an HTTP status's", () => {
  const yaml = '- name: bad_param\n  body:\n    error:\n      message: Invalid parameter\n      type: OAuthException\n      code: 100\n      fbtrace_id: AXX01\n- name: health\n  response:\n    code: 200\n    body: ok\n';
  assert.deepEqual(codes(yaml), [100]);
});

test('query syntaxes: jq ==, Datadog OR lists, Logstash fields, CloudWatch error paths', () => {
  assert.deepEqual(codes("echo \"$body\" | jq -e '.error.code == 131030'\n"), [131030]);
  assert.deepEqual(codes('query: "logs(\\"service:wa @wa.error.code:(132000 OR 132001 OR 132012)\\")"\n'), [132000, 132001, 132012]);
  assert.deepEqual(codes('if [wa][error_code] in ["131048", "131056"] {\n'), [131048, 131056]);
  assert.deepEqual(codes("# WhatsApp sends\nFilterPattern: '{ $.error.code = 190 || $.error.code = 10 }'\n"), [190, 10]);
  assert.deepEqual(codes("FilterPattern: '{ $.error.code = 190 }'\n"), [], 'a small code needs a WhatsApp file');
});

const WA = '// WhatsApp Cloud API client\n';

test("Python's Literal[...] lists values; an index does not", () => {
  const py = `# WhatsApp\nfrom typing import Literal\nRetryableCode = Literal[4, 80007, 130429]\nrow = table[131047]\n`;
  assert.deepEqual(codes(py, 'python'), [4, 80007, 130429]);
});

test('the first of a pattern\'s alternatives, and alternatives in brackets (Dart)', () => {
  const py = `# WhatsApp\nmatch body:\n    case {"error": {"code": 368 | 131031}}:\n        pause()\n    case {"flags": 4 | 8}:\n        pass\n`;
  assert.deepEqual(codes(py, 'python'), [368, 131031]);
  const dart = `${WA}String kind(Map<String, dynamic> b) => switch (b) {\n  {'error': {'code': (4 || 80007 || 130429) && final int c}} => 'throttle',\n  _ => 'other',\n};\n`;
  assert.deepEqual(codes(dart, 'dart'), [4, 80007, 130429]);
});

test("a Python capture pattern's name is the match subject: an HTTP status range is no code", () => {
  const py = `# WhatsApp\ndef ok(status_code, err):\n    match status_code:\n        case code if 200 <= code < 300:\n            return True\n    match err.code:\n        case code if 200 <= code <= 299:\n            return False\n`;
  assert.deepEqual(codes(py, 'python'), [200, 299]);
});

test('error variants: a Failure class passing its code up, a variant nested in an error type, zod literals under code keys', () => {
  const dart = `${WA}final class WindowClosed extends GraphFailure { const WindowClosed() : super(131047); }\n`;
  assert.deepEqual(codes(dart, 'dart'), [131047]);
  const ts = `${WA}const Throttled = GraphError.extend({ code: z.literal(131056) });\nconst Bad = z.object({\n  code: z.literal(100),\n  page: z.literal(4),\n});\nthrow new GraphError.TemplateRejected(100, 2388047, 'x');\nconst p = new Pager.Page(4, 10);\n`;
  assert.deepEqual(codes(ts, 'javascript'), [131056, 100, 100, 2388047]);
});

test('plain-text logs: tallies, print_r dumps, pprint dicts, sentences', () => {
  assert.deepEqual(codes('INFO wa.sender: failures by code: 131056=2 131047=1\nINFO pool: workers by id: 131047=2\n'), [131056, 131047]);
  assert.deepEqual(codes('# WhatsApp daily\n  131047 x 412\n  131026 x 17\n'), [131047, 131026]);
  assert.deepEqual(codes('[2026-03-02] local.ERROR: WhatsApp send failed\n    [code] => 132012\n    [page] => 4\n'), [132012]);
  const pprint = "ERROR graph error, response body:\n{'error': {'message': 'Invalid parameter',\n           'type': 'OAuthException',\n           'code': 100,\n           'fbtrace_id': 'A1b2'}}\n";
  assert.deepEqual(codes(pprint), [100]);
  assert.deepEqual(codes('# WhatsApp incident\n10:12  Retry policy treated 131047 as retryable.\n10:14  ticket 131026 closed\n'), [131047]);
  assert.deepEqual(codes('info: [campaign]     131026  (Message Undeliverable)   61\n'), [131026]);
});

test("Graph's marker before its message makes a log about WhatsApp; a pull request's does not", () => {
  assert.deepEqual(codes('FAIL send_test: GraphError (#131030) Recipient not in allowed list\nFAIL perms: (#10) Application does not have permission\n'), [131030, 10]);
  assert.deepEqual(codes('FAIL perms: (#10) Application does not have permission\n'), [], 'a small code alone needs the context');
  const changelog = '/**\n *   - Fix race in flag cache refresh (#131047)\n *   - Bump rollout to 100% (#131056)\n */\nexport const flags = {};\n';
  assert.deepEqual(codes(changelog, 'javascript'), []);
});

test("Redis's pid:role prefix is no key of a map keyed by codes; Datadog's @ columns are columns", () => {
  assert.deepEqual(codes('131047:C 02 Mar 2026 10:15:00.131 * DB saved on disk\n131047:M 02 Mar 2026 * Ready\n'), []);
  assert.deepEqual(codes('timestamp,service,@wa.error.code,@wa.error.subcode\n2026-03-02,wa-notifier,100,2388040\n'), [100, 2388040]);
});

test('a small code after words of its own title, in a WhatsApp log; not another system\'s', () => {
  const log = '# WhatsApp sender\n[WA] access token expired (code 190), rotating\ndb: connection reset (code 4)\n';
  assert.deepEqual(codes(log), [190]);
  assert.deepEqual(codes('[auth] access token expired (code 190)\n'), [], 'a small code needs a WhatsApp file');
});

test('round 20: pairs of a map named for codes, glossed small codes in comments, shop legends', () => {
  const ts = "type Category = 'param' | 'window';\nconst BY_CODE = new Map<number, Category>([\n  [131008, 'param'],\n  [131047, 'window'],\n]);\n";
  assert.deepEqual(codes(ts, 'javascript'), [131008, 131047]);
  const skus = "const SKUS = new Map([\n  [131047, 'shirt'],\n  [131026, 'hat'],\n]);\n";
  assert.deepEqual(codes(skus, 'javascript'), []);
  const legend = '// fbtraceId and friends\n// 190 = token expired/invalid (subcode 463 = session expired)\n// 4 = retries left\n';
  assert.deepEqual(codes(legend, 'javascript'), [190]);
  const shop = '// 131047 = "Gift card" product\nif (product.get_product_id() === 131047) {}\n// 131026 = undeliverable\n';
  assert.deepEqual(codes(shop, 'javascript'), [131026]);
});

test('round 20: constants named for their title, Kotlin pairs from On-Premises codes, SQL BETWEEN', () => {
  const rb = '# WhatsApp\nclass TokenRefresher\n  TOKEN_EXPIRED = 190\n  MAX_RETRIES = 4\nend\nINVALID_PARAMETER = 100\nPAGE_SIZE = 100\n';
  assert.deepEqual(codes(rb, 'ruby'), [190, 100]);
  assert.deepEqual(codes('TOKEN_EXPIRED = 190\n', 'ruby'), [], 'a small code needs a WhatsApp file');
  const kt = `${WA}val LEGACY = mapOf(\n    470 to 131047,\n    1026 to 131026,\n)\nval sizes = mapOf(3 to 4)\n`;
  assert.deepEqual(codes(kt, 'kotlin'), [131047, 131026]);
  assert.deepEqual(codes("-- WhatsApp report\nselect case when error_code between 132000 and 132016 then 'template' end from s;\n"), [132000, 132016]);
});

test('round 20: data at rest — spreadsheet headings, TSV rows ending empty, generic code columns, psql pid columns', () => {
  const csv = '# WhatsApp support tracker\nTicket,Order #,Meta error code,Root cause / notes\nT-1,131188,131049,Promo not received\nT-2,131189,4,throttled\n';
  assert.deepEqual(codes(csv), [131049, 4]);
  const tsv = '# WhatsApp escalations\nid\towner\tmeta_code\tticket\nESC-41\teng-jon\t131056\t\nESC-42\teng-ana\t131047\tMETA-9\n';
  assert.deepEqual(codes(tsv), [131056, 131047]);
  const carrier = 'tracking_no,carrier,order_id,code,description,notify_via\n1Z9,UPS,131047,4,Parcel damaged in transit,whatsapp\n1Z8,UPS,131048,10,Address unknown,email\n';
  assert.deepEqual(codes(carrier), [], 'a column named just code, beside a whatsapp cell');
  const graph = 'wamid,status,code,title\nwamid.A,failed,131047,Re-engagement message\nwamid.B,failed,4,Application request limit reached\n';
  assert.deepEqual(codes(graph), [131047, 4], 'the same column holding Graph codes');
  const psql = ' pid    | usename | state\n--------+---------+------\n 131047 | wa_app  | idle in transaction\n(1 row)\nDETAIL: Key (wamid)=(wamid.X) already exists.\n';
  assert.deepEqual(codes(psql), []);
});

test('round 20: report sentences and Mongo canonical JSON', () => {
  assert.deepEqual(codes('# WhatsApp weekly\nSends returned 132015 from Thursday.\n29 failures with 132001 on Monday.\n'), [132015, 132001]);
  assert.deepEqual(codes('{"errors":[{"code":{"$numberInt":"131026"},"title":"Message undeliverable"}]}\n{"errors":[]}\n', 'json'), [131026]);
});

test("round 20: pg_dump's COPY column list heads its tab-separated rows", () => {
  const dump = '-- WhatsApp failures, pg_dump\nCOPY public.wa_failure_daily (day, error_code, failures, retried) FROM stdin;\n2024-03-10\t131026\t368\t0\n2024-03-10\t4\t12\t1\n\\.\n\nCOPY public.orders (id, total, qty) FROM stdin;\n131047\t100\t4\n\\.\n';
  assert.deepEqual(codes(dump), [131026, 4]);
});

test('round 21: a log that shows distinctive codes is judged as a WhatsApp file for its small ones', () => {
  const log = 'ci: send_template failed code=131056 pair limit\nci: send failed code=100 subcode=2388040 msg="(#100) Invalid parameter"\n';
  assert.deepEqual(codes(log), [131056, 100, 2388040, 100]);
  assert.deepEqual(codes('worker: send failed code=100 took=3ms\n'), [], 'without a distinctive code the small one stays alone');
});

test('round 21: observability JSON — attributes named for codes, aggregation buckets, Datadog facets', () => {
  const jaeger = '{"spans":[{"tags":[{"key":"wa.error.code","type":"int64","value":131026},{"key":"kafka.error_code","type":"int64","value":10},{"key":"wa.error.code","value":{"intValue":"131056"}},{"key":"whatsapp.error.code","value":{"intValue":"0"}},{"key":"graph.error_code","value":"190"}]}]}';
  assert.deepEqual(codes(jaeger, 'json'), [131026, 131056, 190]);
  assert.deepEqual(codes('[{"field":"error.code","value":"131047"},{"field":"@timestamp","value":"2024"},{"field":"http.status_code","value":"200"}]', 'json'), [131047]);
  const es = '{"aggregations": {"failed_by_error_code": {"buckets": [{"key": 131047, "doc_count": 41207}]}, "by_zip_code": {"buckets": [{"key": 131026, "doc_count": 2}]}, "by_status": {"buckets": [{"key": 200, "doc_count": 9}]}}}';
  assert.deepEqual(codes(es, 'json'), [131047]);
  assert.deepEqual(codes('{"by":{"@wa.error.code":131048},"count":1}', 'json'), [131048]);
});

test('round 21: constants named for their title by stem, whatever else their words mean; counts included in a plan are not codes', () => {
  const ts = `${WA}export const POLICY_BLOCK = 368;\nexport const COUNTRY_RESTRICTED = 130497;\nexport const PAGE_SIZE = 100;\nconst plan = { seats: 100, conversationsIncluded: 131000 };\n`;
  assert.deepEqual(codes(ts, 'javascript'), [368, 130497]);
});

test('round 21: a catalog subcode on the line vouches for code=100; alert summaries and escaped rule queries are read', () => {
  assert.deepEqual(codes('ERROR [template-sync] create failed status=400 code=100 subcode=2388047 msg="Invalid parameter"\n'), [100, 2388047]);
  assert.deepEqual(codes('ERROR [sync] failed status=400 code=100 subcode=7\n'), [], 'an unknown subcode says nothing');
  const rules = '{"rules": [{"expr": "sum(increase(whatsapp_send_errors_total{error_code=\\"131048\\"}[10m]))", "summary": "Sends failing with error_code 131047 since the deploy"}]}';
  assert.deepEqual(codes(rules, 'json'), [131048, 131047]);
});

test('round 22: comment legends aligned in columns or glossed with "means"; Markdown read as text', () => {
  const js = '/**\n * Error codes you will see:\n *   131047  Re-engagement message\n *   190     Access token has expired\n *   100     Invalid parameter (typo in your JSON!)\n */\n';
  assert.deepEqual(codes(js, 'javascript'), [131047, 190, 100]);
  const py = '# WhatsApp Cloud API tutorial\n# 190 means your token expired, copy a new one\n# 4 means four items per page\nsend()\n';
  assert.deepEqual(codes(py, 'python'), [190]);
  const md = '# Sending WhatsApp messages\n\n| Code | Title | What to do |\n|---|---|---|\n| 131047 | Re-engagement message | send a template |\n\nPage size is 100 and the timeout 190 ms.\n';
  assert.deepEqual(codes(md), [131047]);
});

test('round 22: crash output — tallies and failures in sentences, .NET property dumps, killed processes', () => {
  const note = '# WhatsApp ticket\nFailures since Monday: 131049 x3, 131026 x2.\n-> failed (131049), retrying later\n';
  assert.deepEqual(codes(note), [131049, 131026, 131049]);
  const dump = 'WhatsAppApiException: send failed\n   Type        : OAuthException\n   Code        : 4\n   FbTraceId   : A1b2C3\n';
  assert.deepEqual(codes(dump), [4]);
  assert.deepEqual(codes('# An error report file with more information is saved as:\n#   Executing "kill -9 131056"...\n'), []);
});

test('round 22: lists under error-handling ancestors or dotted error keys, label-led legend rows, more sentence words', () => {
  const yaml = '# WhatsApp gateway\nerror_handling:\n  default:\n    terminal: [131047, 131026, 368]\nserver:\n  ports: [8080, 131047]\n';
  assert.deepEqual(codes(yaml), [131047, 131026, 368]);
  assert.deepEqual(codes('# WhatsApp\nwhatsapp.errors.page=368,131031,190\nserver.port=8080\n'), [368, 131031, 190]);
  const notes = '# WhatsApp notes\nTerminal codes:\n  WindowClosed  131047 -> escalate\n  Undeliverable  131026 / 131049 -> mark contact\nAlso saw 130429 twice, and maps to 131048 later.\nOrders 131000 shipped.\n';
  assert.deepEqual(codes(notes), [131047, 131026, 131049, 130429, 131048]);
});

test('round 22: a Go test row zero value is no code; a WhatsApp log line vouches for a code beside a subcode', () => {
  const go = '// WhatsApp\nvar cases = []struct{ name string; err *Error }{\n\t{"throughput", &Error{Code: 130429, Subcode: 2494055}},\n\t{"edge 429", &Error{Code: 0, HTTPStatus: 429}},\n}\n';
  assert.deepEqual(codes(go, 'go'), [130429]);
  const log = '2024-05-01 WARN WhatsApp send failed {"code":190,"subcode":460,"status":401}\n2024-05-01 WARN kafka produce failed {"code":10,"subcode":3}\n';
  assert.deepEqual(codes(log), [190]);
});

test('round 23: provider fields, tallies without words, reason codes beside a provider\'s own words, quantities and Failure calls', () => {
  assert.deepEqual(codes('{"channel_code": "131047", "channelErrorCode": "131026", "provider_code": 131056}', 'json'), [131047, 131026, 131056]);
  assert.deepEqual(codes('INFO failure breakdown 131026=61 131047=44\nINFO pool sizes 131026=2\n'), [131026, 131047]);
  assert.deepEqual(codes('WARN sinch reason_code=4 reason="Recipient not on WhatsApp"\n'), []);
  const kt = `${WA}sealed class WaFailure(val code: Int)\nobject TokenExpired : WaFailure(190)\nval plan = Scale(credits = 131047)\nval SMOKE_QUANTITIES = mapOf(131026 to 4)\n// 131031 = account locked, 368 = policy block\n`;
  assert.deepEqual(codes(kt, 'kotlin'), [190, 131031, 368]);
});

test("round 24: a number before '=' inside braces is a value, not a key; Ruby's between? compares a code", () => {
  assert.deepEqual(codes('INFO consumer whatsapp.statuses FetchPosition{offset=131047, epoch=1}\n'), []);
  assert.deepEqual(codes('{131047: 2, 131026: 5} by code\n'), [131047, 131026]);
  assert.deepEqual(codes('# WhatsApp\nPERMISSION = ->(code) { code == 10 || code.between?(200, 299) }\n', 'ruby'), [10, 200, 299]);
});

test('round 24: a bare code whose object says it verifies a one-time code is that code', () => {
  const log = '{"msg":"otp verify","userId":"usr_8812","code":"131056","attempt":1,"wamid":"wamid.X"}\n{"msg":"send failed","code":"131056","wamid":"wamid.Y"}\n';
  assert.deepEqual(codes(log, 'json'), [131056]);
});

test('round 24: a bare code repeating one reported above; columns named for Graph errors', () => {
  const log = '{"error":{"message":"x","type":"OAuthException","code":80007,"fbtrace_id":"A"}}\n{"history":[{"t":"1","status":400,"call_count":100,"code":80007}]}\n{"history":[{"t":"1","status":400,"code":131047}]}\n';
  assert.deepEqual(codes(log, 'json'), [80007, 80007]);
  const csv = 'sid,status,meta_error,note\nSM1,failed,131050,opted out\nSM2,failed,131026,unreachable\n';
  assert.deepEqual(codes(csv), [131050, 131026]);
});

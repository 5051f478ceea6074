// Round-25 detector cases (blind corpora HA, HB, HD): incident notes and operations logs, code
// written in a hurry, and the shapes listed in each test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanCodes } from '../../src/core/detect';
import { familyFor } from '../../src/core/detect/language';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

function codes(text: string, family: LanguageFamily = 'text'): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('an incident timeline: code spans, pairs written with a slash, counts before the code', () => {
  const md = [
    '# Incident: WhatsApp delivery degraded',
    '- 09:12 failed statuses are mostly `131049`, some `131026` for marketing.',
    '- 09:30 residual errors are `131050` (opted out).',
    '- 09:41 retry off for 131049/131050 until the window resets.',
    '- 09:50 the account turns into 131031 (account locked) if we keep pushing.',
    '- 10:05 all clear except 2x 131049. Closing.',
  ].join('\n');
  assert.deepEqual(codes(md), [131049, 131026, 131050, 131049, 131050, 131031, 131049]);
  // (a slash between other numbers is no pair of codes: a date, a path of ids)
  assert.deepEqual(codes('# WhatsApp outage notes\nship date 10/131050 and /v21.0/123456/131050 paths'), []);
});

test("a worker's failed reason and a log's escaped exception are read as text", () => {
  const bull = '[{"id": "88", "name": "wa-send", "failedReason": "Graph error code=132015 (Template is paused due to low quality)", "attemptsMade": 3}]';
  assert.deepEqual(codes(bull, 'json'), [132015]);
  const monolog = '[2025-10-02 10:00:02] production.ERROR: send failed {"order_id":100431,"exception":"[object] (App\\\\Exceptions\\\\WhatsAppException(code: 131026): Message undeliverable at /app/Wa.php:88)"}';
  assert.deepEqual(codes(monolog), [131026]);
});

test("a log's own text naming Graph's error in a JSON export", () => {
  const json = '[\n  {"level":"error","msg":"send failed","err":"whatsapp: graph error 190: Error validating access token"},\n  {"level":"error","err":"whatsapp: graph error 100/2388073: footer format rejected"}\n]\n';
  assert.deepEqual(codes(json, 'json'), [190, 100, 2388073]);
  // (GraphQL's errors are not Graph's)
  assert.deepEqual(codes('[{"level":"error","err":"graphql error 190: unknown field"}]', 'json'), []);
});

test("a log line's prefix naming Graph vouches for a small code beside a subcode; GraphQL's does not", () => {
  assert.deepEqual(codes('[10:00:01] production.WARNING: Graph error {"http":401,"code":190,"subcode":463,"trace":"abc"}'), [190]);
  assert.deepEqual(codes('[10:00:01] WARN: GraphQL error {"code":190,"subcode":463}'), []);
});

test('a subcode named in prose, and Prometheus exposition files', () => {
  assert.deepEqual(codes('WhatsApp template create failed with error_subcode 2388091 in the header'), [2388091]);
  assert.equal(familyFor(undefined, 'metrics/notifier.prom'), 'text');
  assert.deepEqual(codes('notifier_whatsapp_errors_total{code="131047"} 431\nnotifier_whatsapp_errors_total{code="131026"} 12\n'), [131047, 131026]);
});

test("an object's keys named for their code's title, in a WhatsApp file", () => {
  const js = '// WhatsApp Cloud API error codes\nmodule.exports = {\n  TOKEN_EXPIRED: 190,\n  TOO_MANY_CALLS: 4,\n  POLICY_BLOCK: 368,\n  RE_ENGAGEMENT: 131047,\n};\n';
  assert.deepEqual(codes(js, 'javascript'), [190, 4, 368, 131047]);
  // (the same keys in a file that never names WhatsApp are settings)
  assert.deepEqual(codes('module.exports = {\n  TOKEN_EXPIRED: 190,\n  TOO_MANY_CALLS: 4,\n};\n', 'javascript'), []);
  // (a prefix saying what kind of name it is: Go's `CodeTemplateParamCount`)
  const go = 'package wa\n\n// Graph error codes the WhatsApp client handles.\nconst (\n\tCodeTokenExpired       = 190\n\tCodeTemplateParamCount = 132000\n)\n';
  assert.deepEqual(codes(go, 'go'), [190, 132000]);
});

test("a range's open end in the block of a distinctive code", () => {
  const kt = 'fun classify(err: GraphError) = when (err.code) {\n    131047 -> Result.NeedsTemplate\n    in 132000..132099 -> Result.Failed("template")\n    else -> Result.Retry\n}\n';
  assert.deepEqual(codes(kt, 'kotlin'), [131047, 132000]);
  // (the end of another block is no bound of this one)
  assert.deepEqual(codes('fun c(err: GraphError) = when (err.code) {\n    in 132000..133999 -> 1\n    else -> 0\n}\n', 'kotlin'), []);
});

test('a membership test on a code decides, whatever the line assigns', () => {
  const py = 'from .whatsapp import WhatsAppError\n\ntry:\n    send()\nexcept WhatsAppError as e:\n    status = 429 if e.code in (130429, 131056) else 400\n';
  assert.deepEqual(codes(py, 'python'), [130429, 131056]);
});

test("a quoted code searched for in an error's text; not in a one-time code's", () => {
  const php = "<?php\nforeach ($rows as $n) {\n    if (strpos((string)$n['ultimo_error'], '131056') !== false) { reenqueue($n); }\n}\n";
  assert.deepEqual(codes(php, 'php'), [131056]);
  assert.deepEqual(codes("<?php\nif (strpos($otp_input, '131056') !== false) { ok(); }\n", 'php'), []);
  assert.deepEqual(codes('if (verify(phone, "130429")) { ok() }', 'go'), []);
});

test("Ruby's dig along an error's keys, and a code variable that holds an HTTP status", () => {
  const rb = 'namespace :whatsapp do\n  task refresh: :environment do\n    res = WhatsappClient.new.get("/me")\n    puts "expired" if res.dig("error", "code") == 190\n  end\nend\n';
  assert.deepEqual(codes(rb, 'ruby'), [190]);
  const gs = '// reports only, no whatsapp stuff here\nfunction fetchReport() {\n  var code = res.getResponseCode(); if (code === 200) return JSON.parse(res.getContentText());\n}\n';
  assert.deepEqual(codes(gs, 'javascript'), []);
  const py = '# WhatsApp sender\nr = requests.post(url, json=body)\ncode = r.status_code\nif code == 200:\n    pass\n';
  assert.deepEqual(codes(py, 'python'), []);
});

test('a small code first before a catalog subcode, as Graph pairs them', () => {
  const cs = '// WhatsApp Graph error classification tests\npublic class ClassifierTests {\n  [Fact] public void T() => Assert.Equal(Kind.Template, Classifier.Classify(100, 2388019));\n}\n';
  assert.deepEqual(codes(cs, 'csharp'), [100, 2388019]);
  // (a small number before a number the catalog lacks is no such pair)
  assert.deepEqual(codes('// WhatsApp\nvar r = Resize(100, 2388999);\n', 'csharp'), []);
});

test('round 26 (blind corpus IA): ids named first, call arguments, package:test, Graph-code fields, bullets, metrics', () => {
  // (a name that starts with ID is an id: an Android notification's)
  assert.deepEqual(codes('// WhatsApp order updates\nconst val ID_NEW_ORDER = 131047\n', 'kotlin'), []);
  // (a call's arguments are the callee's, whatever its result is assigned to)
  const py = '# WhatsApp client tests\ndef _error(code, message, subcode=None, status=400):\n    return {"error": {"code": code}}, status\n\nbody, status = _error(190, "Error validating access token", status=401)\n';
  assert.deepEqual(codes(py, 'python'), [190]);
  assert.deepEqual(codes("// WhatsApp client\nvoid main() { test('x', () { expect(e.code, 100); expect(err.code, equals(190)); }); }\n", 'dart'), [100, 190]);
  assert.deepEqual(codes("<?php\n// WhatsApp context\n$this->assertSame(368, $ctx['graph_code']);\n", 'php'), [368]);
  const js = '// WhatsApp Cloud API\n/**\n * Codes worth a retry:\n *  - 4       application-level throttling\n *  - 80007   WABA rate limit\n */\nconst RETRYABLE = [4, 80007];\n';
  assert.deepEqual(codes(js, 'javascript'), [4, 80007, 4, 80007]);
  const yaml = '# WhatsApp alerts\ngroups:\n  - rules:\n      - expr: sum(increase(wa_send_errors_total{code=~"4|80007"}[5m])) > 20\n      - expr: sum(rate(http_requests_total{code="200"}[5m]))\n';
  assert.deepEqual(codes(yaml), [4, 80007]);
});

test('round 26 (blind corpus IC): Serilog and worker output files, a heading with a question mark, glossed lists of codes', () => {
  assert.equal(familyFor(undefined, 'logs/outbound-20260305.clef'), 'json');
  assert.equal(familyFor(undefined, 'worker/output/retry-worker.out'), 'text');
  const md = '# WhatsApp send errors\n\n| Code | Meaning | Retry? | Action |\n|---|---|---|---|\n| 368 | Temporarily blocked for policies violations | no | appeal |\n| 190 | Access token expired | no | rotate |\n| 131047 | Re-engagement message | no | template |\n';
  assert.deepEqual(codes(md), [368, 190, 131047]);
  const prose = '# WhatsApp template errors\nCommon subcodes: 2388019 (character limit), 2388040 (field too long), 2388293 (body too long).\nThe pause was followed by 131050 (recipient stopped marketing messages).\n';
  assert.deepEqual(codes(prose), [2388019, 2388040, 2388293, 131050]);
});

test('round 27 (blind corpora JA, JD): Markdown cells in code spans, lists of codes, quoted exports, multi-row INSERTs', () => {
  const md = '# WhatsApp runbook\n\n| Code | What to do |\n|---|---|\n| `131056` | Same patient, slow down |\n\n- `130497` (business restricted in that country)\n- retry off for `131026`, `131047`, `131049`\n- dashboard shows only 132015\n- Health API says error `131031`.\n';
  assert.deepEqual(codes(md), [131056, 130497, 131026, 131047, 131049, 132015, 131031]);
  // (a CSV row's comma is no list of prose, nor are a tuple's or an id list's items)
  assert.deepEqual(codes('# WhatsApp daily\n2024-05-03,113204958372615,131047,130429,100368\n'), []);
  assert.deepEqual(codes('# WhatsApp notes\nOrder ids in the screenshots (131047, 131048, ...) are unrelated.\nclosed 4 (ids 80007, 80008, 80009)\n'), []);
  const csv = '"Failed At: Day","Error Code","Error Title","Count","% of Sends"\n"March 1, 2026","131049","This message was not delivered to maintain healthy ecosystem engagement.","131","2.97%"\n"March 2, 2026","131026","Message Undeliverable.","190","1.10%"\n';
  assert.deepEqual(codes(csv), [131049, 131026]);
  const sql = "-- WhatsApp send failures\nINSERT INTO public.wa_send_failures (id, tenant_id, wamid, error_code, error_subcode, details) VALUES\n    (368001, 4, 'wamid.HBgL', 131047, NULL, 'Message failed, more than 24 hours'),\n    (368003, 10, NULL, 100, 2388019, 'Message template count limit exceeded'),\n    (368004, 4, NULL, 190, NULL, 'Error validating access token');\n";
  assert.deepEqual(codes(sql), [131047, 100, 2388019, 190]);
});

test('round 27 (blind corpus JC): syrupy snapshots, Ruby word arrays walked in place, assertions on error text, PIN values', () => {
  assert.equal(familyFor(undefined, 'tests/__snapshots__/test_notifications.ambr'), 'text');
  assert.deepEqual(codes("# WhatsApp specs\n%w[130472 131026 131047].each do |code|\n  it { expect(described_class.retryable?(code.to_i)).to be(false) }\nend\n", 'ruby'), [130472, 131026, 131047]);
  assert.deepEqual(codes('// WhatsApp client tests\nex.Message.Should().Contain("131009");\n', 'csharp'), [131009]);
  assert.deepEqual(codes('# WhatsApp channel\nexpect(channel.error_reason).to include("131031")\n', 'ruby'), [131031]);
  assert.deepEqual(codes("// WhatsApp registration\nexpect(RegisterRequest(pin: '133005').pin, '133005');\n", 'dart'), []);
});

test('round 28 (blind corpora KA, KC, KD): prose marks, titles after small codes, exports of chats, modern idioms', () => {
  const md = '# WhatsApp on-call notes\n- **Sent as template instead:** 131047\n> 2388299 means a variable at the edge\n- Delivery tab shows 131050.\n- Error 100 "Invalid parameter" on template create\n- with code 190 the token is dead (OAuthException)\n- retry 130429 5x then give up\n';
  assert.deepEqual(codes(md), [131047, 2388299, 131050, 100, 190, 130429]);
  // (a count after an arbitrary word stays a count)
  assert.deepEqual(codes('# WhatsApp worker\ncheckpoint complete: wrote 131000 buffers\nfailed for outbox item 131047 (attempt 4/4)\n'), []);
  const slack = '{"messages": [{"user": "U1", "text": "FYI a couple of 131056 on the second one, WhatsApp side"}]}';
  assert.deepEqual(codes(slack, 'json'), [131056]);
  const ts = '// WhatsApp Cloud API error codes\nexport const WaCode = {\n  InvalidParameter: 100,\n  AccessTokenExpired: 190,\n  RateLimited: 130429,\n} as const;\n';
  assert.deepEqual(codes(ts, 'javascript'), [100, 190, 130429]);
  assert.deepEqual(codes('// WhatsApp resilience\nif (ex.Error.Code is not (131047 or 131026)) Retry();\n', 'csharp'), [131047, 131026]);
  const py = '# WhatsApp template hints\nSUBCODE_HINTS: dict[int, str] = {2388019: "too many templates"}\n\n\ndef hint(err):\n    return SUBCODE_HINTS[2388019]\n';
  assert.deepEqual(codes(py, 'python'), [2388019, 2388019]);
  const consts = '"""WhatsApp Cloud API constants."""\nfrom typing import Final\n\nERR_NOT_ALLOWED_TEST_NUMBER: Final = 131030\n';
  assert.deepEqual(codes(consts, 'python'), [131030]);
  const php = "<?php\n// WhatsApp notifications for WooCommerce\n$code = wp_remote_retrieve_response_code( $response );\nif ( 200 === $code ) { return true; }\n";
  assert.deepEqual(codes(php, 'php'), []);
});

test("round 28 (blind corpus KA): the code of an HTTP response's own object in a test double", () => {
  const php = `<?php\n// WhatsApp client tests\n$this->next_response = array( 'response' => array( 'code' => 200 ), 'body' => '{"error":{"type":"OAuthException"}}' );\n`;
  assert.deepEqual(codes(php, 'php'), []);
});

test("round 29 (blind corpus LA): a Java map's entries keyed by codes", () => {
  const java = '/** Decides what to do with a failed WhatsApp Cloud API call. */\npublic final class WhatsAppErrorClassifier {\n    private static final Map<Integer, Action> ACTIONS = Map.ofEntries(\n            Map.entry(190, Action.REFRESH_TOKEN),\n            Map.entry(131047, Action.SEND_TEMPLATE),\n            Map.entry(131026, Action.FALLBACK_SMS),\n            Map.entry(368, Action.ALERT_OPS));\n}\n';
  assert.deepEqual(codes(java, 'java'), [190, 131047, 131026, 368]);
  // (a map keyed by something else stays silent)
  assert.deepEqual(codes('// WhatsApp rooms\nprivate static final Map<Integer, Room> ROOMS = Map.ofEntries(\n    Map.entry(190, Room.SUITE),\n    Map.entry(368, Room.DOUBLE));\n', 'java'), []);
});

test('round 29 (blind corpus LC): a build number in a Markdown heading is no code; a code in one still is', () => {
  const md = '# WhatsApp app release notes\n\n## Android 8.13.1 (build 131047)\n\n### Why 131000 is in backoff\n';
  assert.deepEqual(codes(md), [131000]);
});

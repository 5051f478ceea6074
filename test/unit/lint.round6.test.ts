/**
 * Title lint, round 6 (found by a blind corpus): named collections judged where they are used,
 * one list of error-text sources and pattern bindings, same-file helpers, object properties of
 * named lists, message predicates' keyword arguments, Kotlin `it`, PHP's strcmp family; and, as
 * negatives, a bare `reason`, Go test conditions, chat text, slugs and Dart `on X catch (e)`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();
const WA = '// WhatsApp Cloud API\n';
const WA_HASH = '# WhatsApp Cloud API\n';

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

/** Code that stands between a definition and its use, so the two are far apart. */
const FILLER = Array.from({ length: 20 }, (_, i) => `func helper${i}() int { return ${i} }\n`).join('');

describe('FN1: a named collection is judged where it is used', () => {
  test('everyday titles in a map defined under another service import, looked up by a Graph error', () => {
    const go = `package outbox\n\nimport "github.com/redis/go-redis/v9"\n\nvar retryable = map[string]bool{\n\t"Rate limit hit": true,\n\t"Service unavailable": true,\n\t"Spam rate limit hit": true,\n}\n\n${FILLER}\ntype W struct{ rdb *redis.Client }\n\nfunc (w *W) handle(gerr *GraphError) {\n\tif retryable[gerr.Title] {\n\t\tw.rdb.RPush(ctx, "q", 1)\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), [6, 7, 8]);
  });

  test('Go: what the branches after the call do with another client does not make the error theirs', () => {
    const go = `package outbox\n\nimport "github.com/redis/go-redis/v9"\n// WhatsApp sender\nvar retryable = map[string]bool{\n\t"Rate limit hit": true,\n}\n\nfunc (w *W) run() {\n\tgerr, err := w.send(ctx, p)\n\tif err != nil {\n\t\treturn\n\t}\n\tw.rdb.ZAdd(ctx, "q", redis.Z{Score: 1})\n\tif retryable[gerr.Title] {\n\t\treturn\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), [6]);
  });

  test('a collection used on a line that names another service stays out', () => {
    const go = `package outbox\n// WhatsApp and Redis\nvar retryable = map[string]bool{\n\t"Rate limit hit": true,\n}\n\n${FILLER}\nfunc handle(rerr *RedisError) bool { return retryable[redisErr(rerr).Title] }\n`;
    assert.deepEqual(lines(go, 'go'), []);
  });
});

describe('FN2: error-text sources and bindings', () => {
  test('a failed response body read through an `instanceof` binding, C# `is T x`', () => {
    const java = `${WA}class R { RetryConfig c = RetryConfig.custom()\n  .retryOnException(e -> e instanceof HttpClientErrorException hce\n    && hce.getResponseBodyAsString().contains("Service unavailable")).build(); }\n`;
    assert.deepEqual(lines(java, 'java'), [4]);
    const cs = `${WA}bool F(Exception e) => e is HttpRequestException hre && hre.Data["t"] is string t && Check(t);\nbool G(Exception ex) { if (ex is GraphException gex) { return gex.Body == "Service unavailable"; } return false; }\n`;
    assert.deepEqual(lines(cs, 'csharp'), [3]);
  });

  test('a binding of a type that is no error, and a response body of a success, stay out', () => {
    const java = `${WA}boolean f(Object o) { return o instanceof Banner b && b.text().contains("Service unavailable"); }\n`;
    assert.deepEqual(lines(java, 'java'), []);
  });
});

describe('FN3: same-file helpers that match a parameter', () => {
  test('a literal passed where the helper matches its parameter', () => {
    const js = `${WA}function messageHas(err, s) {\n  const msg = err?.response?.data?.error?.message || err.message || '';\n  return msg.includes(s);\n}\nfunction f(err) {\n  if (messageHas(err, 'Re-engagement message')) return 1;\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), [7]);
    const py = `${WA_HASH}class C:\n    def _has(self, err, s):\n        return s in str(err)\n    def f(self, err):\n        if self._has(err, "Re-engagement message"):\n            pass\n`;
    assert.deepEqual(lines(py, 'python'), [6]);
    const go = `${WA}func has(err error, s string) bool {\n\treturn strings.Contains(err.Error(), s)\n}\nfunc f(err error) {\n\tif has(err, "Re-engagement message") {\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), [6]);
  });

  test('a literal at a parameter the helper does not match, and a logger, stay out', () => {
    const js = `${WA}function report(err, label) {\n  metrics.inc(label);\n  return err.message.includes('x');\n}\nreport(err, 'Re-engagement message');\nlogger.info(err, 'Re-engagement message');\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
  });
});

describe('FN4: properties of objects in a named list', () => {
  test('a walk that passes `rule.match` into a match', () => {
    const ts = `${WA}export const RULES = [\n  { match: 'Re-engagement message', action: 'template' },\n  { match: 'Rate limit hit', action: 'retry' },\n];\nexport function decide(err: Error) {\n  for (const rule of RULES) if (err.message.includes(rule.match)) return rule.action;\n}\n`;
    assert.deepEqual(lines(ts, 'javascript'), [3, 4]);
  });

  test('a property the walk only displays, and a list never walked, stay out', () => {
    const ts = `${WA}export const RULES = [\n  { label: 'Re-engagement message', match: 'x' },\n];\nfor (const rule of RULES) if (err.message.includes(rule.match)) console.log(rule.label);\n`;
    assert.deepEqual(lines(ts, 'javascript'), []);
    const menu = `${WA}export const MENU = [{ title: 'Re-engagement message' }];\nrender(MENU);\n`;
    assert.deepEqual(lines(menu, 'javascript'), []);
  });

  test("a map's values are a catalog to membership tests, which read its keys", () => {
    const py = `${WA_HASH}ACCOUNT_LEVEL = {\n    131031: "Business account locked",\n    133016: "Registration rate limit",\n}\ndef f(err):\n    if err.get("code") in ACCOUNT_LEVEL:\n        page(ACCOUNT_LEVEL[err["code"]])\n`;
    assert.deepEqual(lines(py, 'python'), []);
    const walked = `${WA}const TITLES = { window: 'Re-engagement message' };\nconst closed = (err) => Object.values(TITLES).some((t) => err.message.includes(t));\n`;
    assert.deepEqual(lines(walked, 'javascript'), [2]);
  });
});

describe('FN5: keyword arguments of message predicates', () => {
  test('tenacity `retry_if_exception_message(match=...)` and `message=`', () => {
    const py = `${WA_HASH}from tenacity import retry, retry_if_exception_message\n@retry(retry=retry_if_exception_message(match=r".*Re-engagement message.*"))\ndef send(): pass\n@retry(retry=retry_unless_exception_message(message="Re-engagement message"))\ndef send2(): pass\n`;
    assert.deepEqual(lines(py, 'python'), [3, 5]);
  });

  test('pytest.raises(match=) pins a fixture: no finding', () => {
    const py = `${WA_HASH}def test_send():\n    with pytest.raises(GraphError, match="Re-engagement message"):\n        send()\n`;
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('FN6/FN7: Kotlin block parameters, the strcmp family', () => {
  test('`it` and a named parameter read as the receiver', () => {
    const kt = `${WA}fun a(e: Throwable) = (e as? GraphException)?.title?.let { it == "Unsupported message type" } ?: false\nfun b(errors: List<GraphError>) = errors.map { it.title }.filter { t -> t == "Unsupported message type" }\n`;
    assert.deepEqual(lines(kt, 'kotlin'), [2, 3]);
  });

  test('`it` of a receiver that is no error text stays out', () => {
    const kt = `${WA}fun a(menu: Menu) = menu.caption?.let { it == "Unsupported message type" } ?: false\n`;
    assert.deepEqual(lines(kt, 'kotlin'), []);
  });

  test('PHP strcasecmp and strncmp', () => {
    const php = `<?php // WhatsApp\nfunction f(array $error) {\n    if (strcasecmp($error['title'], 'Re-engagement message') === 0) { return 1; }\n    if (strncmp($error['title'], 'Rate limit hit', 14) === 0) { return 2; }\n}\n`;
    assert.deepEqual(lines(php, 'php'), [3, 4]);
  });
});

describe('FP-A: a bare `reason`, a lower-case token', () => {
  test('a template picker switching on `reason` is not error handling', () => {
    const go = `package templates\n\n// WhatsApp template picker\nfunc Pick(reason string) string {\n\tswitch reason {\n\tcase "reengagement":\n\t\treturn "offer"\n\t}\n\treturn ""\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
  });

  test('a qualified reason, or a token compared with error text, still counts', () => {
    assert.deepEqual(lines(`${WA}if (err.reason === 'Rate limit hit') retry();\n`, 'javascript'), [2]);
    assert.deepEqual(lines(`${WA}if (err.message.includes('reengagement')) retry();\n`, 'javascript'), [2]);
    assert.deepEqual(lines(`${WA_HASH}def f(exc):\n    reason = str(exc)\n    if reason == "Access denied":\n        stop()\n`, 'python'), [4]);
  });
});

describe('FP-B: a condition whose branch only fails the test', () => {
  test('Go `if !strings.Contains(...) { t.Errorf(...) }`, Python `self.fail`', () => {
    const go = `package wa\n// WhatsApp client tests\nfunc TestMsg(t *testing.T) {\n\terr := send()\n\tif !strings.Contains(err.Error(), "Re-engagement message") {\n\t\tt.Errorf("missing title")\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
    const py = `${WA_HASH}class T(TestCase):\n    def test_f(self):\n        if "Re-engagement message" not in str(self.err):\n            self.fail("missing")\n`;
    assert.deepEqual(lines(py, 'python'), []);
  });

  test('a branch that handles the error (or logs and fails the program) still counts', () => {
    const go = `package wa\n// WhatsApp\nfunc f(err error) {\n\tif strings.Contains(err.Error(), "Re-engagement message") {\n\t\tt.Errorf("x")\n\t\tsendTemplate()\n\t}\n\tif strings.Contains(err.Error(), "Re-engagement message") {\n\t\tlog.Fatalf("closed")\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), [4, 8]);
  });
});

describe('FP-C/FP-D/FP-E: chat text, slugs, Dart handlers', () => {
  test('a variable written only from a chat message body, through a copy', () => {
    const py = `${WA_HASH}def route(message):\n    user_text = message["text"]["body"].strip()\n    lowered = user_text.lower()\n    if "message undeliverable" in lowered:\n        return "parcel"\n`;
    assert.deepEqual(lines(py, 'python'), []);
    const err = `${WA_HASH}def route(exc):\n    lowered = str(exc).lower()\n    if "message undeliverable" in lowered:\n        return "parcel"\n`;
    assert.deepEqual(lines(err, 'python'), [4]);
  });

  test('kebab-case flags are identifiers, whatever title they spell', () => {
    const ts = `${WA}export function describe(flagName: string) {\n  if (flagName.startsWith('template-is-paused')) return 'banner';\n  if (flagName === 're-engagement-v2') return 'v2';\n  if (event.key === 're-engagement') return 'k';\n}\n`;
    assert.deepEqual(lines(ts, 'javascript'), []);
    assert.deepEqual(lines(`${WA}if (err.message.includes('re-engagement')) x();\n`, 'javascript'), [2]);
  });

  test("Dart `on FirebaseAuthException catch (e)` is Firebase's error", () => {
    const dart = `import 'package:firebase_auth/firebase_auth.dart';\n// WhatsApp login alerts\nFuture<void> signIn() async {\n  try {\n    await auth.signIn();\n  } on FirebaseAuthException catch (e) {\n    if (e.message?.contains('Account has been locked') ?? false) return;\n  }\n}\n`;
    assert.deepEqual(lines(dart, 'dart'), []);
    const ours = `import 'package:firebase_auth/firebase_auth.dart';\n// WhatsApp\nFuture<void> send() async {\n  try {\n    await wa.send();\n  } on WhatsAppException catch (e) {\n    if (e.message?.contains('Account has been locked') ?? false) return;\n  }\n}\n`;
    assert.deepEqual(lines(ours, 'dart'), [7]);
  });
});

describe('round 9: Go error copies, RSpec continuations, pandas isin, C# new on the next line', () => {
  test("the error a Go branch tests comes from the call, not from a copy of it", () => {
    const mail = `package notify\n\nimport "net/smtp"\n\nfunc send() {\n\terr := smtp.SendMail(addr, nil, from, to, body)\n\tlastErr = err\n\tif err != nil {\n\t\ttext := err.Error()\n\t\tif strings.Contains(strings.ToLower(text), "message undeliverable") {\n\t\t\treturn\n\t\t}\n\t}\n}\n`;
    assert.deepEqual(lines(`// WhatsApp fallback\n${mail}`, 'go'), []);
  });

  test('a matcher on the line after expect { } is an assertion', () => {
    const spec = `${WA_HASH}it 'raises' do\n  expect { job.perform }\n    .to raise_error(WhatsappDeliveryJob::RateLimited, /Rate limit hit/)\nend\n`;
    assert.deepEqual(lines(spec, 'ruby'), []);
  });

  test('a pandas isin over titles and a C# Regex built on the next line are matches', () => {
    assert.deepEqual(lines(`${WA_HASH}bad = failed[failed["error_title"].isin(["Message Undeliverable", "Re-engagement message"])]\n`, 'python'), [2, 2]);
    assert.deepEqual(lines(`${WA}static readonly Regex EcosystemBlock =\n    new("healthy ecosystem engagement", RegexOptions.IgnoreCase);\nif (EcosystemBlock.IsMatch(error.Title)) Skip();\n`, 'csharp'), [3]);
  });
});

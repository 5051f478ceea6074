/**
 * Title lint, round 19 (found by blind corpora): regex groups and letter classes spell titles, a
 * subject compared with a distinctive title holds error text for everyday ones too, and a request's
 * own input is the caller's filter value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles, titleMatchMessage } from '../../src/core/lint';
import { titleMatcher } from '../../src/core/lint/titleMatcher';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();
const matcher = titleMatcher(catalog);

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

describe('regex literals', () => {
  test('alternatives inside groups and optional groups are spelled out', () => {
    const m = matcher.matchRegex('Template Param(eter)? (Count|Format) Mismatch');
    assert.ok(m, 'the groups spell the title');
    assert.ok(!m.partial || m.codes.length > 0);
    assert.deepEqual(matcher.matchRegex('(re-?engagement|pair rate limit hit)')?.codes.includes(131047), true);
    assert.equal(matcher.matchRegex('(order|invoice) (created|paid)'), undefined);
  });

  test('a class of letters reads as its first letter; other classes as a gap', () => {
    assert.deepEqual(matcher.matchRegex('(Spam )?[Rr]ate limit hit')?.codes.includes(130429), true);
    assert.deepEqual(matcher.matchRegex('[Rr]e[- ]?engagement')?.codes, [131047]);
    assert.equal(matcher.matchRegex('[a-z]+ limit'), undefined);
  });

  test('escaped parentheses are the title\'s own text, not a group', () => {
    assert.deepEqual(matcher.matchRegex('\\(Business Account, Consumer Account\\) pair rate limit hit')?.codes, [131056]);
  });

  test('a pattern with very many spellings is read flat instead of expanded', () => {
    const many = Array.from({ length: 8 }, () => '(a|b)').join('') + ' Re-engagement message';
    assert.deepEqual(matcher.matchRegex(many)?.codes, [131047]);
  });

  test('a Dart RegExp with a letter class and an optional group warns on error text', () => {
    const dart = [
      "import 'package:whatsapp_cloud/graph_error.dart';",
      '',
      'FailureKind kindOf(GraphError error) {',
      "  if (RegExp(r'(Spam )?[Rr]ate limit hit').hasMatch(error.message)) return FailureKind.throttled;",
      '  return FailureKind.other;',
      '}',
    ].join('\n');
    assert.deepEqual(lines(dart, 'dart'), [4]);
  });
});

describe('everyday titles vouched by a distinctive one on the same subject', () => {
  const ts = (everyday: string) =>
    [
      'const REENGAGE = /re-engagement message/i;',
      `const THROTTLED = /${everyday}/i;`,
      '',
      'export function failureKindFromText(text: string): FailureKind {',
      "  if (REENGAGE.test(text)) return 'window-closed';",
      "  if (THROTTLED.test(text)) return 'throttled';",
      "  return 'unknown';",
      '}',
    ].join('\n');

  test('the subject compared with "re-engagement message" holds error text for "rate limit hit" too', () => {
    assert.deepEqual(lines(ts('rate limit hit|rate limit issues'), 'javascript'), [1, 2]);
  });

  test('without the distinctive title the everyday one still needs its own proof', () => {
    const alone = ['const THROTTLED = /rate limit hit/i;', '', 'export function kindOf(text: string) {', "  return THROTTLED.test(text) ? 'throttled' : 'unknown';", '}'].join('\n');
    assert.deepEqual(lines(alone, 'javascript'), []);
  });

  test('a distinctive title on another subject vouches for nothing', () => {
    const py = [
      'def classify(err, text):',
      '    if "Re-engagement message" in err.message:',
      '        return "window"',
      '    if "rate limit hit" in text:',
      '        return "throttled"',
    ].join('\n');
    assert.deepEqual(lines(py, 'python'), [2]);
  });
});

describe('request input', () => {
  test('a switch on a request query parameter named reason is our own filter, not error text', () => {
    const php = [
      '<?php',
      'class FailedMessagesController extends Controller',
      '{',
      '    public function index(Request $request)',
      '    {',
      "        switch ($request->query('reason')) {",
      "            case 'undeliverable':",
      "                $q->where('error_code', 131026);",
      '                break;',
      '        }',
      "        if (str_contains($e->getMessage(), 'Message Undeliverable')) {",
      '            report($e);',
      '        }',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(php, 'php'), [11]);
  });

  test('Rails params and Flask request.args are request input too', () => {
    const rb = ["case params[:reason]", "when 'Re-engagement message' then scope = scope.reengagement", 'end'].join('\n');
    assert.deepEqual(lines(rb, 'ruby'), []);
    const py = ['from flask import request', 'if request.args.get("reason") == "Re-engagement message":', '    rows = rows.filter(code=131047)'].join('\n');
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('the advice names the code of what is compared', () => {
  test('the receiver read from the comparison, else an illustrative one', () => {
    const message = (text: string, family: LanguageFamily): string[] => scanTitles(text, family, catalog).map((f) => titleMatchMessage(f, catalog, family).replace(/^.*compare the error code instead: /, ''));
    assert.deepEqual(message('# WhatsApp\nif "Re-engagement message" in failed.title:\n    resend(failed)\n', 'python'), ['failed.code == 131047.']);
    assert.deepEqual(message('if (err.response.data.error.message.includes("Re-engagement message")) retry();\n', 'javascript'), ['err.response.data.error.code === 131047.']);
    assert.deepEqual(message('<?php // WhatsApp\nif (Str::contains($e->getMessage(), "Re-engagement message")) { $this->fallback(); }\n', 'php'), ['$e->getCode() === 131047.']);
    assert.deepEqual(message('// WhatsApp\nif (text.includes("Re-engagement message")) fallback();\n', 'javascript'), ['err.code === 131047.']);
  });
});

describe('round 20: data code', () => {
  test('pandas looks titles up with .map(DICT); Polars is_in and Spark rlike test a column', () => {
    const py = '# WhatsApp failures\nTITLE_TO_CODE = {\n    "re-engagement message": 131047,\n    "media upload error": 131053,\n}\n\ndef backfill(df):\n    keys = df["error_title"].str.lower()\n    df["error_code"] = keys.map(TITLE_TO_CODE)\n    return df\n';
    assert.deepEqual(lines(py, 'python'), [3, 4]);
    const spark = '# WhatsApp failures\nthrottled = F.col("error_message").rlike("(?i)spam rate limit hit")\nwindow = pl.col("error_title").is_in(["Re-engagement message"])\n';
    assert.deepEqual(lines(spark, 'python'), [2, 3]);
  });

  test("NumPy's where chooses between our labels: no filter", () => {
    const py = '# WhatsApp\nbucket = np.where(\n    raw["error_message"].str.contains("Message Undeliverable"),\n    "undeliverable",\n    "other",\n)\n';
    assert.deepEqual(lines(py, 'python'), [3]);
  });

  test('SQL filters written as functions, and Snowflake variant paths', () => {
    const sql = "-- WhatsApp failures\nselect count(*)\nfrom events\nwhere regexp_contains(error_message, r'Message [Uu]ndeliverable')\n   or contains(customer_note, 'Message undeliverable');\nselect count_if(raw:whatsappApiError:message::string ilike '%pair rate limit hit%') from t;\n";
    assert.deepEqual(lines(sql, 'text'), [4, 6]);
  });

  test('JSON rules naming their operator as a value: {"field", "op", "value"}', () => {
    const json = '{\n  "service": "whatsapp-sender", "rules": [\n    { "match": { "field": "error.message", "op": "contains", "value": "Access token has expired" } },\n    { "match": { "field": "error.message", "op": "not_set", "value": "Re-engagement message" } },\n    { "match": { "field": "customer.text", "op": "contains", "value": "Re-engagement message" } }\n  ]\n}\n';
    assert.deepEqual(lines(json, 'json'), [3]);
  });
});

describe('round 21: service code', () => {
  test("a Graph message's code before a title fragment; Dart's || ending the line", () => {
    const py = '# WhatsApp\nif failure.message.lower().startswith("(#131056) (business account, consumer account)"):\n    back_off()\n';
    assert.deepEqual(lines(py, 'python'), [2]);
    const dart = "// WhatsApp\nFailureKind kindOf(String title) => switch (title) {\n  'Message Undeliverable' ||\n  'Receiver is incapable of receiving this message' => FailureKind.unreachable,\n  _ => FailureKind.other,\n};\n";
    assert.deepEqual(lines(dart, 'dart'), [3, 4]);
  });

  test("a chat handler's plain text parameter holds the customer's words; Mailchimp's errors are Mailchimp's", () => {
    const kt = '// WhatsApp support bot\nclass SupportBot {\n  fun onInbound(from: String, text: String): Reply {\n    val normalized = text.trim().lowercase()\n    return when {\n      normalized.contains("message undeliverable") -> Reply.COMPLAINT\n      else -> Reply.MENU\n    }\n  }\n}\n';
    assert.deepEqual(lines(kt, 'kotlin'), []);
    const py = '"""Mailchimp sync for the WhatsApp team."""\nimport mailchimp_marketing\n\ndef retryable(title):\n    return title in ("Something went wrong", "Too Many Requests")\n';
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('round 22: PHP and Ruby strings over several lines, OpenAI', () => {
  test("a PHP query string spanning lines has its filters read; OpenAI's rate limits are OpenAI's", () => {
    const php = "<?php // WhatsApp retry cron\n$sql = \"SELECT id FROM messages WHERE status='failed'\n   AND (error_title LIKE '%Rate limit hit%'\n        OR error_title LIKE '%Re-engagement message%')\";\n";
    assert.deepEqual(lines(php, 'php'), [3, 4]);
    const ts = "import OpenAI from 'openai';\n// drafts replies for the WhatsApp inbox\nexport function retryable(err: Error): boolean {\n  return /rate limit/i.test(err?.message ?? '');\n}\n";
    assert.deepEqual(lines(ts, 'javascript'), []);
  });
});

describe('round 23: query builders', () => {
  test('a text column of a table named for errors is error text', () => {
    const rb = "# WhatsApp failure report\nclass FailureReportQuery\n  def window_closed\n    base.where(\"whatsapp_error_events.title LIKE ?\", \"%Re-engagement message%\")\n  end\n  def posts\n    base.where(\"blog_posts.title LIKE ?\", \"%Re-engagement message%\")\n  end\nend\n";
    assert.deepEqual(lines(rb, 'ruby'), [4]);
  });
});

describe('round 24: C# exception filters', () => {
  test("a filter's literal belongs to its catch: Twilio's exception is Twilio's, Graph's is ours", () => {
    const cs = '// WhatsApp fallback sender\npublic class Fallback {\n  public async Task Send() {\n    for (var i = 0; i < 3; i++) {\n      try { await twilio.SendAsync(); }\n      catch (TwilioException ex) when (ex.Message.Contains("Message Undeliverable")) { break; }\n      catch (GraphException ex) when (ex.Message.Contains("Re-engagement message")) { await SendTemplate(); }\n    }\n  }\n}\n';
    assert.deepEqual(lines(cs, 'csharp'), [7]);
  });
});

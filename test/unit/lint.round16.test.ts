/**
 * Title lint, round 16 (found by blind corpora): a call made on a variable that holds a customer's
 * words (`t.contains("message undeliverable")` under `val t = customerText.lowercase()`) is a
 * chatbot's intent match, not error handling.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

describe('customer text', () => {
  test('a call on a variable reshaped from a customer\'s words is no match; the same call on error text is', () => {
    const kt = [
      '// WhatsApp support bot',
      'class Bot {',
      '    fun route(customerText: String): Route {',
      '        val t = customerText.lowercase(Locale.ROOT).trim()',
      '        return when {',
      '            t.contains("message undeliverable") -> Route.COMPLAINT',
      '            else -> Route.FALLBACK',
      '        }',
      '    }',
      '    fun onFailure(e: GraphException) {',
      '        val t = e.message.orEmpty().lowercase()',
      '        if (t.contains("message undeliverable")) markUnreachable()',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(kt, 'kotlin'), [12]);
  });
});

describe('switches, helpers and patterns', () => {
  test('Ruby: `when CONST` is an arm, not the subject; `\\A` and `\\z` are anchors', () => {
    const rb = [
      '# WhatsApp failure classifier',
      'class FailureClassifier',
      '  def call',
      '    case title',
      '    when WINDOW_CLOSED',
      '      :needs_template',
      '    when /rate limit hit/i',
      '      :throttled',
      '    when /\\Atemplate (does not exist|is paused)\\z/i',
      '      :template',
      '    end',
      '  end',
      'end',
    ].join('\n');
    assert.deepEqual(lines(rb, 'ruby'), [7, 9]);
  });

  test('C#: a helper with its brace on the next line (Allman style) passes its parameter to a match', () => {
    const cs = [
      '// WhatsApp Cloud API resilience',
      'public static class RetryPolicies',
      '{',
      '    static bool Throttled(HttpResponseMessage r) => BodyContains(r, "pair rate limit hit");',
      '    private static bool BodyContains(HttpResponseMessage response, string fragment)',
      '    {',
      '        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();',
      '        return body.Contains(fragment, StringComparison.OrdinalIgnoreCase);',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(cs, 'csharp'), [4]);
  });

  test('Kotlin: an arm listing its conditions one per line', () => {
    const kt = [
      '// WhatsApp status webhook',
      'fun onError(error: WaError) = when (error.title) {',
      '    "Message Undeliverable",',
      '    "Receiver is incapable of receiving this message" -> flagNoWhatsApp()',
      '    else -> Unit',
      '}',
      'val labels = listOf(',
      '    "Message Undeliverable",',
      '    "Receiver is incapable of receiving this message",',
      ')',
    ].join('\n');
    assert.deepEqual(lines(kt, 'kotlin'), [3, 4]);
  });

  test('a mail server\'s bounce with its SMTP status is not WhatsApp\'s title; a chat message\'s text is a customer\'s', () => {
    const rb = "# WhatsApp and email notifications\ndef bounced?(mail)\n  mail.body.decoded.include?('550 5.1.1 Message undeliverable')\nend\n";
    assert.deepEqual(lines(rb, 'ruby'), []);
    const py = '# WhatsApp bot\ndef classify(message_text):\n    text = _normalise(message_text)\n    if "message undeliverable" in text:\n        return "complaint"\n';
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('round 16b: sets built by a call, lookups by method reference, object patterns, dbt models', () => {
  test('a set whose braces are the argument of frozenset( on the line above', () => {
    const py = '# WhatsApp\nPERMANENT_TITLES = frozenset(\n    {\n        "re-engagement message",\n        "message undeliverable",\n    }\n)\ndef permanent(error):\n    return error["title"].lower() in PERMANENT_TITLES\n';
    assert.deepEqual(lines(py, 'python'), [4, 5]);
  });

  test('a map looked up by method reference in a chain carrying error text', () => {
    const java = [
      '// WhatsApp BSP',
      'final class Resolver {',
      '    private static final Map<String, Integer> TITLE_TO_CODE = Map.ofEntries(',
      '            Map.entry("Re-engagement message", 131047),',
      '            Map.entry("Message Undeliverable", 131026));',
      '    static Optional<Integer> codeFor(Event event) {',
      '        return Optional.ofNullable(event.failureReason())',
      '                .map(String::strip)',
      '                .map(TITLE_TO_CODE::get);',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(java, 'java'), [4, 5]);
  });

  test('Dart object patterns and C# property patterns name the field compared', () => {
    const dart = "// WhatsApp\nString label(WaStatusError e) => switch (e) {\n  WaStatusError(title: 'Account has been locked') => 'locked',\n  _ => 'other',\n};\nvoid f(Object e) {\n  switch (e) {\n    case WaStatusError(title: 'Temporarily blocked for policies violations'):\n      block();\n  }\n}\n";
    assert.deepEqual(lines(dart, 'dart'), [8]);
    const cs = '// WhatsApp\nif (error is { Title: "Re-engagement message" }) Reopen();\n';
    assert.deepEqual(lines(cs, 'csharp'), [2]);
  });

  test('a dbt model: Jinja before the SQL', () => {
    const sql = "-- WhatsApp failures\n{{ config(materialized='table') }}\n{% set since = '2024-01-01' %}\nselect f.id from {{ ref('failures') }} f\nwhere f.error_message like '%Re-engagement message%'\n";
    assert.deepEqual(lines(sql, 'text'), [5]);
  });
});

describe('round 18: PHP membership through a call, PHP static helpers, Ruby customer text', () => {
  test('in_array with a call as its needle, and a static helper', () => {
    const php = "<?php // WhatsApp\nclass M {\n  const MEDIA_TITLES = ['Media upload error', 'Media download error'];\n  static function media($e) { return in_array($e->getTitle(), self::MEDIA_TITLES, true); }\n  private static function messageHas($e, string $needle): bool { return str_contains($e->getMessage(), $needle); }\n  static function paused($e) { return self::messageHas($e, 'Template is paused'); }\n}\n";
    assert.deepEqual(lines(php, 'php'), [3, 3, 6]);
  });

  test("a Ruby chat bot's text body is a customer's words", () => {
    const rb = "# WhatsApp support bot\ndef route(inbound)\n  text = inbound.text_body.to_s.downcase.strip\n  case text\n  when /message undeliverable/ then :complaint\n  end\nend\n";
    assert.deepEqual(lines(rb, 'ruby'), []);
  });
});

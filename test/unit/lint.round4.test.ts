/**
 * Title lint, round 4 (found by a blind corpus): a file's distinctive titles as evidence for its
 * generic ones, neutral variables judged by their writes, C# initializers and `is` patterns, Python
 * comprehensions, stored patterns, PHP `self::` constants, Ruby `casecmp?`, other services named
 * only in comments or text, and test assertions.
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

describe('A: distinctive titles are evidence for the generic ones', () => {
  test('a file that never says "WhatsApp" but matches a distinctive title', () => {
    const go = [
      'package bsp',
      'func Normalize(err error) error {',
      '\tif err.Error() == "Rate limit hit" {',
      '\t\treturn ErrRetry',
      '\t}',
      '\tif strings.Contains(err.Error(), "Spam rate limit hit") {',
      '\t\treturn ErrRetry',
      '\t}',
      '\treturn err',
      '}',
    ].join('\n');
    assert.deepEqual(lines(go, 'go'), [3, 6]);
    const kt = `package io.example.wa\nfun verdict(msg: String) = when {\n    msg.contains("Rate limit hit") -> 1\n    msg.contains("Re-engagement message") -> 2\n    else -> 0\n}\n`;
    assert.deepEqual(lines(kt, 'kotlin'), [3, 4]);
  });

  test('without a distinctive match, or with one only shown, generic titles stay out', () => {
    assert.deepEqual(lines('package bsp\nfunc f(err error) bool { return err.Error() == "Rate limit hit" }\n', 'go'), []);
    const shown = `package bsp\nvar label = "Spam rate limit hit"\nfunc f(err error) bool { return err.Error() == "Rate limit hit" }\n`;
    assert.deepEqual(lines(shown, 'go'), []);
  });
});

describe('B: a neutral variable is judged by what is written into it', () => {
  test('`switch (t)` after `String t = err.title();`, Go `text := err.Error()`', () => {
    const java = `${WA}Route route(StatusError err) {\n    String t = err.title();\n    switch (t) {\n        case "Template does not exist":\n            return Route.DEAD;\n    }\n}\n`;
    assert.deepEqual(lines(java, 'java'), [5]);
    const go = `${WA}func f(err error) bool {\n\ttext := err.Error()\n\treturn strings.Index(text, "Template does not exist") >= 0\n}\n`;
    assert.deepEqual(lines(go, 'go'), [4]);
  });

  test('a neutral variable written from anything else, or from a chat message, stays out', () => {
    const java = `${WA}Route route(Item item) {\n    String t = item.label();\n    switch (t) {\n        case "Template does not exist":\n            return Route.DEAD;\n    }\n}\n`;
    assert.deepEqual(lines(java, 'java'), []);
    const js = `${WA}async function onMessage(msg) {\n  const text = normalize(msg.text.body);\n  if (text === 'something went wrong') openTicket();\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
  });
});

describe('C: C# collection initializers after constructor arguments', () => {
  test('`new(StringComparer.OrdinalIgnoreCase) { ... }` and `new HashSet<string>(comparer) { ... }`', () => {
    const cs = (ctor: string): string =>
      `${WA}private static readonly HashSet<string> Transient = ${ctor}\n{\n    "Rate limit hit",\n    "Service unavailable",\n};\nbool IsTransient(WaException ex) => Transient.Contains(ex.Error.Title);\n`;
    assert.deepEqual(lines(cs('new(StringComparer.OrdinalIgnoreCase)'), 'csharp'), [4, 5]);
    assert.deepEqual(lines(cs('new HashSet<string>(StringComparer.Ordinal)'), 'csharp'), [4, 5]);
  });

  test('the same set only listed for display stays out', () => {
    const cs = `${WA}private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)\n{\n    "Rate limit hit",\n};\nforeach (var s in Shown) Console.WriteLine(s);\n`;
    assert.deepEqual(lines(cs, 'csharp'), []);
  });
});

describe('D: C# `is` patterns outside a switch', () => {
  test('`is "..."`, `is not "..."`, `is "A" or "B"`', () => {
    assert.deepEqual(lines(`${WA}static bool F(GraphError err) => err.Title is "Re-engagement message";\n`, 'csharp'), [2]);
    assert.deepEqual(lines(`${WA}static bool G(GraphError err) => err.Title is "Rate limit hit" or "Spam rate limit hit";\n`, 'csharp'), [2, 2]);
    assert.deepEqual(lines(`${WA}if (ex.Message is not "Service unavailable") Fail();\n`, 'csharp'), [2]);
  });

  test('an `is` pattern on something that is not error text keeps generic titles out', () => {
    assert.deepEqual(lines(`${WA}if (banner.Kind is "Service unavailable" or "Rate limit hit") Paint();\n`, 'csharp'), []);
  });
});

describe('E: Python comprehensions over a tuple of titles', () => {
  test('the test before `for ... in NAME`, or after it in an `if`', () => {
    const any = `${WA_HASH}RETRYABLE = (\n    "Rate limit hit",\n    "Service unavailable",\n)\ndef transient(exc):\n    text = f"{exc.title} {exc.message}"\n    return any(t in text for t in RETRYABLE)\n`;
    assert.deepEqual(lines(any, 'python'), [3, 4]);
    const filtered = `${WA_HASH}FATAL = ["Re-engagement message"]\ndef hits(msg):\n    return [p for p in FATAL if p in msg]\n`;
    assert.deepEqual(lines(filtered, 'python'), [2]);
  });

  test('a comprehension that only transforms the titles stays out', () => {
    assert.deepEqual(lines(`${WA_HASH}FATAL = ["Re-engagement message"]\nUPPER = [t.upper() for t in FATAL]\n`, 'python'), []);
  });
});

describe('F: a pattern stored in a name', () => {
  test('Dart `RegExp`, Kotlin `Regex`, Java `Pattern.compile` judged by their uses', () => {
    const dart = `${WA}class S {\n  static final _throttle = RegExp(r'rate limit hit', caseSensitive: false);\n  bool retry(GraphError e) => _throttle.hasMatch(e.title);\n}\n`;
    assert.deepEqual(lines(dart, 'dart'), [3]);
    const kt = `${WA}private val rateLimit = Regex("rate limit hit", RegexOption.IGNORE_CASE)\nfun retry(e: GraphException) = rateLimit.containsMatchIn(e.message ?: "")\n`;
    assert.deepEqual(lines(kt, 'kotlin'), [2]);
    const java = `${WA}private static final Pattern UNAVAILABLE =\n        Pattern.compile("service unavailable", Pattern.CASE_INSENSITIVE);\nboolean retry(GraphError err) { return UNAVAILABLE.matcher(err.message()).find(); }\n`;
    assert.deepEqual(lines(java, 'java'), [3]);
  });

  test('a stored pattern tested on something else, or used to edit text, stays out', () => {
    const dart = `${WA}class S {\n  static final _throttle = RegExp(r'rate limit hit');\n  bool f(String label) => _throttle.hasMatch(label);\n  String g(String err) => err.replaceAll(_throttle, '');\n}\n`;
    assert.deepEqual(lines(dart, 'dart'), []);
  });
});

describe('G: PHP constants reached through self::, static::, a class or $this->', () => {
  test('a constant holding a title compared through a qualifier', () => {
    for (const ref of ['self::WINDOW_TITLE', 'static::WINDOW_TITLE', 'StatusMatch::WINDOW_TITLE']) {
      const php = `<?php\nclass StatusMatch {\n    public const WINDOW_TITLE = 'Re-engagement message';\n    public function f(string $title): bool {\n        return $title === ${ref};\n    }\n}\n`;
      assert.deepEqual(lines(php, 'php'), [3], ref);
    }
  });

  test('a constant only echoed stays out', () => {
    const php = `<?php\nclass View {\n    public const WINDOW_TITLE = 'Re-engagement message';\n    public function f(): void {\n        echo self::WINDOW_TITLE;\n    }\n}\n`;
    assert.deepEqual(lines(php, 'php'), []);
  });
});

describe('H: Ruby matching methods with parentheses', () => {
  test('casecmp?, casecmp, eql?, equal? with and without parentheses', () => {
    assert.deepEqual(lines(`${WA_HASH}retry if title.casecmp?("spam rate limit hit")\n`, 'ruby'), [2]);
    assert.deepEqual(lines(`${WA_HASH}retry if e.message.eql?("Rate limit hit")\n`, 'ruby'), [2]);
    assert.deepEqual(lines(`${WA_HASH}retry if e.message.casecmp("Rate limit hit").zero?\n`, 'ruby'), [2]);
    assert.deepEqual(lines(`${WA_HASH}retry if e.message.equal? "Rate limit hit"\n`, 'ruby'), [2]);
  });

  test('the same methods on something that is not error text stay out', () => {
    assert.deepEqual(lines(`${WA_HASH}show if role.casecmp?("Access denied")\n`, 'ruby'), []);
  });
});

describe('FP1: WhatsApp named only in a comment or in text near another service', () => {
  test('an SMTP error beside a comment saying "No WhatsApp here" is left alone', () => {
    // The window around line 28 starts inside the doc comment of line 8.
    const cs = [
      'using System;',
      'using System.Net.Mail;',
      'using System.Threading.Tasks;',
      'using Microsoft.Extensions.Logging;',
      '',
      'namespace Contoso.Mail;',
      '',
      '/// <summary>Transactional e-mail over SMTP. No WhatsApp here.</summary>',
      'public sealed class SmtpMailer',
      '{',
      '    private readonly SmtpClient _smtp;',
      '    private readonly ILogger<SmtpMailer> _log;',
      '',
      '    public SmtpMailer(SmtpClient smtp, ILogger<SmtpMailer> log)',
      '    {',
      '        _smtp = smtp;',
      '        _log = log;',
      '    }',
      '',
      '    public async Task<bool> SendAsync(MailMessage mail, int attempt = 0)',
      '    {',
      '        try',
      '        {',
      '            await _smtp.SendMailAsync(mail);',
      '            return true;',
      '        }',
      '        catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable',
      '                                       || ex.Message.Contains("Service unavailable"))',
      '        {',
      '            if (attempt >= 3) throw;',
      '            await Task.Delay(TimeSpan.FromSeconds(5 * (attempt + 1)));',
      '            return await SendAsync(mail, attempt + 1);',
      '        }',
      '        catch (SmtpException ex) when (ex.Message.StartsWith("Access denied") || ex.Message.Contains("Rate limit hit"))',
      '        {',
      '            _log.LogError("relay refused {To}: {Msg}", mail.To, ex.Message);',
      '            return false;',
      '        }',
      '        catch (SmtpFailedRecipientException ex)',
      '        {',
      '            _log.LogWarning("bad recipient {To}: {Status}", ex.FailedRecipient, ex.StatusCode);',
      '            return false;',
      '        }',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(cs, 'csharp'), []);
    const go = `// Email is the fallback when WhatsApp fails.\npackage notify\nimport "net/smtp"\nfunc send() error {\n\terr := smtp.SendMail(a, nil, f, to, b)\n\tif strings.Contains(err.Error(), "Access denied") {\n\t\treturn err\n\t}\n\treturn notify("We could not reach you on WhatsApp")\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
  });

  test('a Graph error beside another service is still reported', () => {
    const cs = `// WhatsApp\nusing System.Net.Mail;\nclass Sender {\n    void Send(WhatsAppClient waClient) {\n        try { waClient.Send(m); }\n        catch (GraphException ex) when (ex.Message.Contains("Service unavailable")) { Retry(); }\n    }\n}\n`;
    assert.deepEqual(lines(cs, 'csharp'), [6]);
  });
});

describe('FP2: test assertions are not error handling', () => {
  test('expectations and assertions in several frameworks', () => {
    assert.deepEqual(lines(`${WA}expect(line).toMatch(/more than 24 hours/);\nexpect(msg).toContain('Re-engagement message');\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA}assert.match(err.message, /re-engagement message/i);\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA}assertThat(e.getMessage()).contains("Re-engagement message");\n`, 'java'), []);
    assert.deepEqual(lines(`${WA_HASH}assert_match(/re-engagement message/i, e.message)\nexpect(e.message).to match(/re-engagement message/)\n`, 'ruby'), []);
    assert.deepEqual(lines(`${WA_HASH}self.assertRegex(str(exc), "Re-engagement message")\n`, 'python'), []);
    assert.deepEqual(lines(`<?php // WhatsApp\n$this->assertStringContainsString('Re-engagement message', $e->getMessage());\n`, 'php'), []);
  });

  test('names that only start like an assertion are code', () => {
    assert.deepEqual(lines(`${WA}const expectRetry = err.title === 'Re-engagement message';\n`, 'javascript'), [2]);
    assert.deepEqual(lines(`${WA_HASH}asserted = err.title == "Re-engagement message"\n`, 'python'), [2]);
  });
});

describe('FP4: a table looked up with its own key as the default translates, it does not decide', () => {
  test('`.get(title, title)` and `[t] ?? t` stay out; a lookup with another default still counts', () => {
    assert.deepEqual(lines(`${WA_HASH}ES = {"Re-engagement message": "Mensaje de reenganche"}\ndef label(title): return ES.get(title, title)\n`, 'python'), []);
    assert.deepEqual(lines(`${WA}const ES = { 'Re-engagement message': 'Mensaje' };\nconst label = (t) => ES[t] ?? t;\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA_HASH}ACTION = {"Re-engagement message": "template"}\ndef act(err): return ACTION.get(err.title, "fail")\n`, 'python'), [2]);
  });
});

/**
 * Title lint, round 3 (found by a blind corpus): assignments that are not constants, comparisons
 * with null, "Rate limit hit" as a generic title, UI state variables, one-word fragments, maps
 * built from entries, collections reached through a qualifier or a cast, C# switch expressions,
 * Ruby predicate calls and Kotlin `Regex(...)` matchers.
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

function codes(text: string, family: LanguageFamily): number[][] {
  return scanTitles(text, family, catalog).map((f) => [...(f.codes ?? [])]);
}

describe('F1: assignments and comparisons with null', () => {
  test('a plain assignment writes a variable: UI text set in a switch and checked against null', () => {
    const dart = [
      `${WA}class S {`,
      '  String? _error;',
      '  void f(DeliveryResult r) {',
      '    switch (r) {',
      '      case DeliveryResult.windowClosed:',
      "        _error = 'Re-engagement message';",
      '      case DeliveryResult.templateMissing:',
      "        _error = 'Template does not exist';",
      '    }',
      '    if (_error != null && mounted) show(_error!);',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(dart, 'dart'), []);
    const ts = `${WA}let banner;\nbanner = 'Re-engagement message';\nif (banner !== undefined) show(banner);\n`;
    assert.deepEqual(lines(ts, 'javascript'), []);
    assert.deepEqual(lines(`${WA_HASH}label = "Message Undeliverable"\nif label == None:\n    pass\n`, 'python'), []);
    assert.deepEqual(lines(`${WA}if (ok) show();\nelse _error = "Re-engagement message";\nif (_error != null) warn();\n`, 'dart'), []);
  });

  test('constants still count: UPPER_CASE, declared, annotated, Ruby constants, Go const blocks', () => {
    assert.deepEqual(codes(`RE_ENGAGEMENT = "Re-engagement message"\nif err.title == RE_ENGAGEMENT:\n    pass\n`, 'python'), [[131047]]);
    assert.deepEqual(codes(`re_engagement: Final = "Re-engagement message"\nif err.title == re_engagement:\n    pass\n`, 'python'), [[131047]]);
    assert.deepEqual(codes(`const reEngagement = "Re-engagement message";\nif (err.title === reEngagement) x();\n`, 'javascript'), [[131047]]);
    assert.deepEqual(codes(`ReEngagement = "Re-engagement message"\nreturn if e.title == ReEngagement\n`, 'ruby'), [[131047]]);
    assert.deepEqual(codes(`const (\n\ttitleReEngagement = "Re-engagement message"\n)\nif apiErr.Title == titleReEngagement {\n}\n`, 'go'), [[131047]]);
    assert.deepEqual(codes(`String reEngagement = "Re-engagement message";\nif (e.getTitle() == reEngagement) {}\n`, 'java'), [[131047]]);
  });

  test('a constant compared with null, nil, None, undefined, a boolean or a number is not a text match', () => {
    assert.deepEqual(codes(`const RE = "Re-engagement message";\nif (RE != null) x();\nif (null == RE) y();\nif (RE !== undefined) z();\n`, 'javascript'), []);
    assert.deepEqual(codes(`RE = "Re-engagement message"\nreturn if RE == nil\n`, 'ruby'), []);
    assert.deepEqual(codes(`RE = "Re-engagement message"\nif RE == 0 or RE != True:\n    pass\n`, 'python'), []);
    assert.deepEqual(codes(`const RE_TITLE = "Re-engagement message";\nif (RE_TITLE != null && err.title === RE_TITLE) x();\n`, 'javascript'), [[131047]]);
  });
});

describe('F2: "Rate limit hit" is generic', () => {
  test('other services say it too: no finding without WhatsApp evidence', () => {
    assert.deepEqual(lines(`if (err.message.includes('Rate limit hit')) backoff();\n`, 'javascript'), []);
    assert.deepEqual(lines('switch {\ncase strings.HasPrefix(text, "Rate limit hit"):\n\treturn 1\n}\n', 'go'), []);
    assert.deepEqual(lines(`<?php\nif (strpos($status, 'Rate limit hit') === 0) {}\n`, 'php'), []);
    assert.deepEqual(lines(`if msg.startswith("Rate limit hit"):\n    pass\n`, 'python'), []);
  });

  test('in a WhatsApp file it needs error text around it', () => {
    assert.deepEqual(codes(`${WA}if (err.message.includes('Rate limit hit')) backoff();\n`, 'javascript'), [[130429]]);
    assert.deepEqual(codes(`${WA_HASH}if msg.startswith("Rate limit hit"):\n    pass\n`, 'python'), [[130429]]);
    assert.deepEqual(codes(`${WA}if (quota.state === 'Rate limit hit') backoff();\n`, 'javascript'), []);
  });

  test('"Spam rate limit hit" and "pair rate limit" stay distinctive anywhere', () => {
    assert.deepEqual(codes(`if (err.message.includes('Spam rate limit hit')) stop();\n`, 'javascript'), [[131048]]);
    assert.deepEqual(codes(`if "pair rate limit" in str(exc):\n    pass\n`, 'python'), [[131056]]);
    assert.deepEqual(codes(`if (e.getMessage().contains("Spam Rate limit hit")) {}\n`, 'java'), [[131048]]);
  });
});

describe('F3: a generic title compared with a variable the file writes', () => {
  test('UI state written only with its own text or null is not error text', () => {
    const tsx = [
      `${WA}export function Form() {`,
      '  const [error, setError] = useState<string | null>(null);',
      "  async function submit() { try { await post(); } catch (err) { setError('Something went wrong'); } }",
      "  return <div>{error === 'Access denied' && <p>Access denied</p>}</div>;",
      '}',
    ].join('\n');
    assert.deepEqual(lines(tsx, 'javascript'), []);
    const kotlin = `${WA}var error by mutableStateOf<String?>(null)\nfun f() {\n  error = "Access denied"\n  if (error == "Access denied") show()\n}\n`;
    assert.deepEqual(lines(kotlin, 'kotlin'), []);
    const dart = `${WA}String? _error;\nvoid f() {\n  _error = null;\n  if (_error == 'Access denied') show();\n}\n`;
    assert.deepEqual(lines(dart, 'dart'), []);
  });

  test('a write that reads error text makes it error text, in every family', () => {
    const cases: readonly [LanguageFamily, string][] = [
      ['javascript', `${WA}const [error, setError] = useState(null);\ntry { await post(); } catch (err) { setError(err.message); }\nif (error === 'Access denied') x();\n`],
      ['python', `${WA_HASH}msg = str(exc)\nif msg == "Access denied":\n    pass\n`],
      ['python', `${WA_HASH}msg = body["error"]["message"]\nif "Access denied" in msg:\n    pass\n`],
      ['php', `<?php ${WA}$msg = $e->getMessage();\nif ($msg === 'Access denied') {}\n`],
      ['go', `${WA}msg := err.Error()\nif msg == "Access denied" {\n}\n`],
      ['kotlin', `${WA}val msg = e.message ?: ""\nif (msg == "Access denied") stop()\n`],
      ['dart', `${WA}String? _error;\nvoid f(Object e) {\n  _error = e.toString();\n  if (_error == 'Access denied') show();\n}\n`],
    ];
    for (const [family, text] of cases) assert.deepEqual(codes(text, family), [[131005]], `${family}: ${text}`);
  });

  test('a string that interpolates error text reads it; a write from the variable itself is neutral', () => {
    const js = `${WA}const [error, setError] = useState(null);\ntry { await post(); } catch (err) { setError(\`Failed: \${err.message}\`); }\nif (error === 'Access denied') x();\n`;
    assert.deepEqual(codes(js, 'javascript'), [[131005]]);
    assert.deepEqual(codes(`${WA_HASH}def f(msg):\n    msg = msg.lower()\n    if msg == "access denied":\n        pass\n`, 'python'), [[131005]]);
    assert.deepEqual(codes(`${WA}let error = null;\nerror = error ?? 'Access denied';\nif (error === 'Access denied') x();\n`, 'javascript'), []);
  });

  test('a variable the file never writes (a parameter) is judged by its name, as before', () => {
    assert.deepEqual(codes(`${WA_HASH}def handle(detail):\n    notify(detail="x")\n    if detail == "Access denied":\n        pass\n`, 'python'), [[131005]]);
    assert.deepEqual(codes(`${WA}function f(error) {\n  log(error, level = 1);\n  return error === 'Access denied';\n}\n`, 'javascript'), [[131005]]);
  });
});

describe('F5: a one-word fragment needs error text', () => {
  test('the code\'s own status value is not error text', () => {
    assert.deepEqual(lines(`${WA_HASH}action = classify(status)\nif action == "undeliverable":\n    pass\n`, 'python'), []);
    assert.deepEqual(lines(`${WA}if (delivery.state === 'undeliverable') retry();\n`, 'javascript'), []);
  });

  test('error text with the word still counts, without WhatsApp evidence too', () => {
    assert.deepEqual(codes(`if "undeliverable" in err.message.lower():\n    pass\n`, 'python'), [[131026, 131049]]);
    assert.deepEqual(codes(`return :drop if e.message =~ /undeliverable/i\n`, 'ruby'), [[131026, 131049]]);
    assert.deepEqual(codes(`if (status.title === 'Message Undeliverable') drop();\n`, 'javascript'), [[131026]]);
  });
});

describe('N1: maps built from entries, read by a keyed lookup of error text', () => {
  test('JavaScript new Map([[title, value], ...]) read with .get(err.title)', () => {
    const js = [
      WA.trimEnd(),
      'const RETRY_BY_TITLE = new Map([',
      "  ['Rate limit hit', { retry: true }],",
      "  ['Spam rate limit hit', { retry: false }],",
      "  ['Service unavailable', { retry: true }],",
      ']);',
      'function policyFor(graphError) { return RETRY_BY_TITLE.get(graphError.title) || DEFAULT; }',
    ].join('\n');
    assert.deepEqual(lines(js, 'javascript'), [3, 4, 5]);
  });

  test('Java Map.of keys, Map.entry pairs, C# collection initializers, Python dict of pairs', () => {
    const java = `${WA}static final Map<String, State> BY_TITLE = Map.of(\n    "Template does not exist", State.MISSING,\n    "Template Param Count Mismatch", State.BAD\n);\nState s = BY_TITLE.getOrDefault(title, State.FAILED);\n`;
    assert.deepEqual(lines(java, 'java'), [3, 4]);
    const entries = `${WA}static final Map<String, State> BY_TITLE = Map.ofEntries(\n    Map.entry("Template does not exist", State.MISSING)\n);\nState s = BY_TITLE.get(e.getTitle());\n`;
    assert.deepEqual(lines(entries, 'java'), [3]);
    const cs = `${WA}static readonly Dictionary<string, int> Delays = new()\n{\n    { "Spam rate limit hit", 60 },\n    { "Service unavailable", 5 },\n};\nif (Delays.TryGetValue(ex.Title, out var d)) Wait(d);\n`;
    assert.deepEqual(lines(cs, 'csharp'), [4, 5]);
    const py = `${WA_HASH}DELAYS = dict([\n    ("Spam rate limit hit", 60),\n])\nwait(DELAYS.get(err.title, 0))\n`;
    assert.deepEqual(lines(py, 'python'), [3]);
  });

  test('values, lookups by other keys, and lists of rows are not title matches', () => {
    // Code -> title tables are catalogs: the title is a value.
    assert.deepEqual(lines(`${WA}const TITLES = new Map([[131047, 'Re-engagement message']]);\nshow(TITLES.get(err.code));\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA}static final Map<String, String> HELP = Map.of("missing", "Template does not exist");\nString h = HELP.get(e.getTitle());\n`, 'java'), []);
    // Looked up by something that is not error text, or by position.
    assert.deepEqual(lines(`${WA}const LABELS = new Map([['Spam rate limit hit', 'Slow down']]);\nrender(LABELS.get(selectedKey));\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA_HASH}ROWS = [["Spam rate limit hit", "slow"], ["Re-engagement message", "template"]]\nfor i in range(2):\n    render(ROWS[i])\n`, 'python'), []);
    // A list of objects is not a map whose name the items take (the item line is blank before its brace).
    const objects = `${WA}export const WA_ERRORS = [\n  { code: 130429, title: 'Spam rate limit hit' },\n];\nconst hits = WA_ERRORS.filter((e) => e.title.toLowerCase().includes(q));\n`;
    assert.deepEqual(lines(objects, 'javascript'), []);
  });
});

describe('N2: collections reached through a qualifier or a cast', () => {
  test('PHP self::/static::/Class:: constants and in_array membership', () => {
    const php = (ref: string): string =>
      `<?php // WhatsApp\nclass Job {\n    private const RETRYABLE_TITLES = [\n        'Rate limit hit',\n        'Service unavailable',\n    ];\n    public function handle(array $error): void {\n        $title = $error['title'] ?? '';\n        if (in_array($title, ${ref}, true)) { $this->release(30); }\n    }\n}\n`;
    for (const ref of ['self::RETRYABLE_TITLES', 'static::RETRYABLE_TITLES', 'Job::RETRYABLE_TITLES']) assert.deepEqual(lines(php(ref), 'php'), [4, 5], ref);
    const labels = `<?php // WhatsApp\nclass View {\n    private const OPTIONS = ['Rate limit hit', 'Service unavailable'];\n    public function render(string $status): void {\n        if (in_array($status, self::OPTIONS, true)) { echo 'x'; }\n        foreach (self::OPTIONS as $o) { echo $o; }\n    }\n}\n`;
    assert.deepEqual(lines(labels, 'php'), [], 'a status is not error text, and echoing is not matching');
  });

  test('TypeScript casts, this./self. members, Python qualified names', () => {
    const ts = `const NON_RETRYABLE = ['Re-engagement message', 'Message Undeliverable'] as const;\nif ((NON_RETRYABLE as readonly string[]).includes(title)) drop();\n`;
    assert.deepEqual(lines(ts, 'javascript'), [1, 1]);
    const cls = `class W {\n  static FATAL = ['Re-engagement message'];\n  check(e) { return W.FATAL.includes(e.title); }\n}\n`;
    assert.deepEqual(lines(cls, 'javascript'), [2]);
    const py = `class Policy:\n    FATAL = ("Re-engagement message", "Message Undeliverable")\n    def check(self, title):\n        return title in self.FATAL\n`;
    assert.deepEqual(lines(py, 'python'), [2, 2]);
    assert.deepEqual(lines(`const SHOWN = ['Re-engagement message'];\nrender((SHOWN as string[]).map(label));\n`, 'javascript'), []);
  });
});

describe('N3: C# switch expressions', () => {
  test('the subject before `switch {`, and arms joined with `or`', () => {
    const cs = [
      WA.trimEnd(),
      'static Outcome Classify(GraphError error) => error.Title switch',
      '{',
      '    "Rate limit hit" => Outcome.Retry,',
      '    "Service unavailable" or "Something went wrong" => Outcome.Retry,',
      '    "Message Undeliverable" => Outcome.Unreachable,',
      '    _ => Outcome.Failed,',
      '};',
    ].join('\n');
    assert.deepEqual(lines(cs, 'csharp'), [4, 5, 5, 6]);
    assert.deepEqual(codes(`${WA}var d = ex.Title switch { "Rate limit hit" => 60, _ => 0 };\n`, 'csharp'), [[130429]]);
  });

  test('a switch over something that is not error text keeps generic titles out', () => {
    const cs = `${WA}var color = banner.Kind switch\n{\n    "Service unavailable" or "Something went wrong" => Colors.Red,\n    _ => Colors.Gray,\n};\n`;
    assert.deepEqual(lines(cs, 'csharp'), []);
    assert.deepEqual(lines(`${WA}var x = kind switch { "Access denied" or "Rate limit hit" => 1, _ => 0 };\n`, 'csharp'), []);
  });
});

describe('N4 and N5: predicate calls and pattern objects', () => {
  test('Ruby include?( keeps its receiver', () => {
    assert.deepEqual(codes(`${WA_HASH}return :stop if e.message.include?("Access denied")\n`, 'ruby'), [[131005]]);
    assert.deepEqual(codes(`${WA_HASH}return :stop if role.include?("Access denied")\n`, 'ruby'), []);
    assert.deepEqual(codes(`${WA_HASH}return :stop if e.message.start_with?("Something went wrong")\n`, 'ruby'), [[131000]]);
  });

  test('a pattern built by Regex/RegExp/compile tests the argument of the call chained to it', () => {
    assert.deepEqual(codes(`${WA}if (Regex("invalid parameter", RegexOption.IGNORE_CASE).containsMatchIn(msg)) stop()\n`, 'kotlin'), [[100]]);
    assert.deepEqual(codes(`${WA}if (new RegExp("service unavailable", "i").test(err.message)) retry();\n`, 'javascript'), [[131016]]);
    assert.deepEqual(codes(`${WA_HASH}if re.compile(r"access denied", re.I).search(msg):\n    pass\n`, 'python'), [[131005]]);
    assert.deepEqual(codes(`${WA}if (regexp.MustCompile("(?i)service unavailable").MatchString(apiErr.Message)) {\n}\n`, 'go'), [[131016]]);
  });

  test('a pattern tested against something that is not error text, or used to edit text, stays out', () => {
    assert.deepEqual(codes(`${WA}if (Regex("invalid parameter").containsMatchIn(label)) stop()\n`, 'kotlin'), []);
    assert.deepEqual(codes(`${WA_HASH}clean = re.compile(r"access denied").sub("", text)\n`, 'python'), []);
  });
});

describe('everyday wording found on real code outside WhatsApp', () => {
  test('"does not exist" is generic: Django, gsutil and setuptools say it too', () => {
    assert.deepEqual(lines('if (err.message.includes("does not exist")) create();\n', 'javascript'), []);
    assert.deepEqual(lines('if "Template does not exist" in str(e):\n    pass\n', 'python'), []);
    assert.deepEqual(lines(`${WA_HASH}def f(e):\n    if "Template does not exist" in str(e):\n        pass\n`, 'python'), [3]);
  });
});

describe('identifiers and product names are not titles', () => {
  test('a webhook checks its object, an HTTP client its reason phrase', () => {
    assert.deepEqual(lines(`${WA_HASH}def hook(payload):\n    if payload.get("object") != "whatsapp_business_account":\n        return\n`, 'python'), []);
    assert.deepEqual(lines(`${WA}if (body.object !== 'whatsapp_business_account') return;\nif (e.code === 'accessDenied') retry();\n`, 'javascript'), []);
    assert.deepEqual(lines(`${WA}if (r.ReasonPhrase == "Service unavailable") Retry();\n`, 'csharp'), []);
    // A fragment that names its code alone still counts, however it is spelled.
    assert.deepEqual(lines(`${WA}if (err.title === 're_engagement') reopen();\n`, 'javascript'), [2]);
  });
});

describe("other services' errors in files that also talk to WhatsApp", () => {
  test('everyday wording matched on an S3, Twilio or GitHub error is left alone', () => {
    const s3 = `${WA_HASH}import boto3\nfrom botocore.exceptions import ClientError\n\ndef upload(key):\n    try:\n        s3.put_object(Key=key)\n    except ClientError as e:\n        message = str(e)\n        if "Access denied" in message:\n            raise\n`;
    assert.deepEqual(lines(s3, 'python'), []);
    // WhatsApp named only in a comment does not make a Twilio error ours ("war" of `log.warn` neither).
    const twilio = `import com.twilio.exception.ApiException\n/** SMS fallback when WhatsApp fails. */\nclass Fallback {\n  fun send() {\n    try { } catch (ex: ApiException) {\n      log.warn("x")\n      if (ex.message.orEmpty().contains("Service unavailable")) retry()\n    }\n  }\n}\n`;
    assert.deepEqual(lines(twilio, 'kotlin'), []);
  });
  test('the same wording on a Graph error is still reported', () => {
    const wa = `${WA}import { Octokit } from 'octokit';\nasync function send(waClient) {\n  try { await waClient.send(); } catch (err) {\n    if (err.message.includes('Access denied')) refresh();\n  }\n}\n`;
    assert.deepEqual(lines(wa, 'javascript'), [5]);
  });
});

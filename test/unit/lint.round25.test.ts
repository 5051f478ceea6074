/**
 * Title lint, round 25 (blind corpus HC): the scope a handler sits in names whose error it is, a chat
 * bot's intent router is given customers' words, a list of compiled patterns is judged where it is
 * walked, and .NET's response body is error text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

test("a Go package named for another service handles that service's errors", () => {
  const go = (pkg: string): string =>
    `package ${pkg}\n\nimport (\n\t"net/textproto"\n\t"strings"\n)\n\n// Fallback: when WhatsApp cannot reach a customer we send email; this reads the SMTP reply.\nfunc Classify(err error) int {\n\tmsg := err.Error()\n\tif te, ok := err.(*textproto.Error); ok {\n\t\tmsg = te.Msg\n\t}\n\tif strings.Contains(msg, "Message Undeliverable") {\n\t\treturn 2\n\t}\n\treturn 0\n}\n`;
  assert.deepEqual(lines(go('smtp'), 'go'), []);
  // (the same code in a package of ours is ours)
  assert.deepEqual(lines(go('whatsapp'), 'go'), [14]);
});

test("a class named for another service, its rescue in the caller; a notifier's class is no such source", () => {
  const rb = `module Sms\n  # When WhatsApp fails we fall back to SMS via Twilio.\n  class TwilioFallback\n    def deliver(body)\n      @client.messages.create(body: body)\n    rescue Twilio::REST::RestError => e\n      classify(e)\n    end\n\n    private\n\n    def classify(error)\n      case error.error_message\n      when /Message Undeliverable/i then :permanent\n      else :failed\n      end\n    end\n  end\nend\n`;
  assert.deepEqual(lines(rb, 'ruby'), []);
  const kt = `// Posts WhatsApp send failures to Slack\nclass SlackNotifier(private val slack: SlackClient) {\n    fun notify(err: GraphError) {\n        if (err.title == "Re-engagement message") slack.post("#wa", "window closed")\n    }\n}\n`;
  assert.deepEqual(lines(kt, 'kotlin'), [4]);
});

test("a chat bot's intent router matches what customers write; a retry check over compiled patterns matches errors", () => {
  const intents = `"""Keyword router for inbound WhatsApp customer messages."""\nimport re\n\n_HUMAN_PATTERNS = [\n    re.compile(r"something went wrong", re.I),\n    re.compile(r"message (was )?undeliverable", re.I),\n]\n\n\ndef detect_intent(text: str) -> str:\n    if any(p.search(text) for p in _HUMAN_PATTERNS):\n        return "human"\n    return "smalltalk"\n`;
  assert.deepEqual(lines(intents, 'python'), []);
  const retry = `import re\nfrom .whatsapp import GraphError\n\nRETRYABLE = [\n    re.compile(r"rate limit hit", re.I),\n    re.compile(r"pair rate limit hit", re.I),\n]\n\ndef should_retry(exc: GraphError) -> bool:\n    msg = str(exc)\n    return any(p.search(msg) for p in RETRYABLE)\n`;
  assert.deepEqual(lines(retry, 'python'), [5, 6]);
});

test(".NET's response body read as a string is error text for everyday titles", () => {
  const cs = `// WhatsApp Cloud API resilience\npublic static class WhatsAppResilience {\n  public static async Task<bool> ShouldRetry(HttpResponseMessage response) {\n    if ((int)response.StatusCode != 400) return false;\n    var body = await response.Content.ReadAsStringAsync();\n    return body.Contains("Rate limit hit", StringComparison.OrdinalIgnoreCase)\n        || body.Contains("Something went wrong", StringComparison.OrdinalIgnoreCase);\n  }\n}\n`;
  assert.deepEqual(lines(cs, 'csharp'), [6, 7]);
});

test('an intent router told by what its function returns or the object it is declared in (blind corpus IB)', () => {
  const kt = `/** Intent detection for messages customers send to our WhatsApp number. */\nenum class Intent { COMPLAINT, UNKNOWN }\n\nobject CustomerIntent {\n    fun detect(raw: String): Intent {\n        val text = raw.trim().lowercase()\n        return when {\n            text.contains("message undeliverable") -> Intent.COMPLAINT\n            else -> Intent.UNKNOWN\n        }\n    }\n}\n`;
  assert.deepEqual(lines(kt, 'kotlin'), []);
  // (the same function in an object of error handling matches errors)
  assert.deepEqual(lines(kt.replace('object CustomerIntent', 'object SendFailures').replace('fun detect(raw: String): Intent', 'fun detect(raw: String): Kind'), 'kotlin'), [8]);
});

test('a map of titles walked by a stream chained over the next lines (blind corpus IB)', () => {
  const java = `// WhatsApp Cloud API retries\nclass CaseReadyNotifier {\n    private static final Map<String, Duration> BACKOFF_BY_TITLE = Map.of(\n            "Spam rate limit hit", Duration.ofHours(6),\n            "Service unavailable", Duration.ofMinutes(10));\n\n    Optional<Duration> backoff(GraphException e) {\n        String body = e.getMessage();\n        return BACKOFF_BY_TITLE.entrySet().stream()\n                .filter(entry -> body.contains(entry.getKey()))\n                .map(Map.Entry::getValue)\n                .findFirst();\n    }\n}\n`;
  assert.deepEqual(lines(java, 'java'), [4, 5]);
});

test("round 26 (blind corpus ID): a member named like the variable is no read of it; a loop's `in`; a query's model name", () => {
  // (`message.text.body` is someone's words, whatever the variable is called)
  const js = `// WhatsApp inbound support bot\nasync function handleInbound(message, contact) {\n  const text = normalise(message.text.body);\n  if (text.includes('message undeliverable')) return escalate(contact);\n}\n`;
  assert.deepEqual(lines(js, 'javascript'), []);
  // (a demo loop over sample inputs walks them; it tests nothing with them)
  const py = `# WhatsApp intent bot\ndef detect(text):\n    return "human" if "agent" in text else "other"\n\nif __name__ == "__main__":\n    for sample in ["hi", "Something went wrong with my payment"]:\n        print(sample, "->", detect(sample))\n`;
  assert.deepEqual(lines(py, 'python'), []);
  // (but a comprehension's \`for t in (...)\` is walked by its test)
  const retry = `# WhatsApp retries\ndef should_retry(err):\n    msg = err.get("message") or ""\n    return any(t in msg for t in ("Something went wrong", "Service unavailable"))\n`;
  assert.deepEqual(lines(retry, 'python'), [4, 4]);
  // (a Django filter names its error column first: the model \`StatusEvent\` is no field of a record)
  const orm = `# WhatsApp reports\ndef reengagement(account):\n    return StatusEvent.objects.filter(\n        message__account=account,\n        error_title__icontains="re-engagement",\n    )\n`;
  assert.deepEqual(lines(orm, 'python'), [5]);
});

test("round 27 (blind corpus JB): an inbound message's own text is someone's words", () => {
  const dart = `// WhatsApp keyword router\nString? route(IncomingMessage m) {\n  final text = m.text.toLowerCase();\n  if (text.contains('message undeliverable') || text.contains('something went wrong')) return 'human';\n  return null;\n}\n`;
  assert.deepEqual(lines(dart, 'dart'), []);
  // (an error's text read the same way is error text)
  const err = `// WhatsApp send failures\nString? route(GraphError e) {\n  final text = e.message.toLowerCase();\n  if (text.contains('message undeliverable')) return 'drop';\n  return null;\n}\n`;
  assert.deepEqual(lines(err, 'dart'), [4]);
});

test('a title kept in a constant or map carries where the error text is tested; a direct match carries nothing', () => {
  const js = `// WhatsApp Cloud API errors\nconst WINDOW_CLOSED = "Re-engagement message";\n\nfunction onFailure(err) {\n  if (err.title === WINDOW_CLOSED) reopen();\n  if (err.message.includes("Message Undeliverable")) drop();\n}\n`;
  const [constant, direct] = scanTitles(js, 'javascript', catalog);
  assert.ok(constant?.useAt !== undefined, 'the constant points to its use');
  assert.equal(js.slice(0, constant.useAt).split('\n').length, 5);
  assert.equal(direct?.useAt, undefined);
});

test('round 28 (blind corpus KB): a C# switch arm on a property pattern; an error column in SQL beside a notifier import', () => {
  const cs = `// WhatsApp booking confirmations\npublic ConfirmationResult Handle(GraphException ex) {\n    var result = ex.Error switch {\n        { Title: "Re-engagement message" } => ConfirmationResult.NeedsTemplate,\n        _ => ConfirmationResult.Failed,\n    };\n    return result;\n}\n`;
  assert.deepEqual(lines(cs, 'csharp'), [4]);
  const py = `from ..slack import post_report\n\nSQL = """\nSELECT count(*) FROM wa_failures\nWHERE error_title LIKE 'Re-engagement%'\n   OR lower(error_message) LIKE '%rate limit hit%'\n"""\n`;
  assert.deepEqual(lines(py, 'python'), [5, 6]);
  // (another service's own call with the same words stays another service's)
  const go = `package s3sync\n\nimport "github.com/aws/aws-sdk-go-v2/service/s3"\n\n// WhatsApp media mirror\nfunc retryable(apiErr smithy.APIError) bool {\n\treturn strings.Contains(apiErr.ErrorMessage(), "Rate limit hit")\n}\n`;
  assert.deepEqual(lines(go, 'go'), []);
});

/**
 * Title lint, round 5 (found by a blind corpus): C# index initializers, equality methods and method
 * references inside walks, Java streams, a tuple passed to `startswith`, Ruby regex arms, everyday
 * fragments judged like generic titles, and whose error it is read from the enclosing handler.
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

describe('FN1: index initializers name their map', () => {
  test('C# `new() { ["k"] = v }` looked up with TryGetValue, JS `{ ["k"]: v }` indexed by the title', () => {
    const cs = `${WA}static readonly Dictionary<string, int> Codes = new()\n{\n    ["Re-engagement message"] = 1,\n    ["Rate limit hit"] = 2,\n};\nint F(GraphError ex) => Codes.TryGetValue(ex.Title, out var s) ? s : 0;\n`;
    assert.deepEqual(lines(cs, 'csharp'), [4, 5]);
    const js = `${WA}const CODES = { ["Re-engagement message"]: 1 };\nconst f = (err) => CODES[err.title];\n`;
    assert.deepEqual(lines(js, 'javascript'), [2]);
  });

  test('the same map only enumerated, and an index assignment to another object, stay out', () => {
    const cs = `${WA}static readonly Dictionary<string, int> Codes = new()\n{\n    ["Re-engagement message"] = 1,\n};\nvoid Dump() { foreach (var kv in Codes) Console.WriteLine(kv.Key); }\n`;
    assert.deepEqual(lines(cs, 'csharp'), []);
    assert.deepEqual(lines(`${WA}function f(labels) { labels["Re-engagement message"] = 1; }\n`, 'javascript'), []);
  });
});

describe('FN2/FN3: walks test with any matching method, through stream adapters and method references', () => {
  test('LINQ `Any(... Equals ...)`, Java `.stream().anyMatch(...)` with a lambda or `msg::contains`', () => {
    const cs = `${WA}static readonly string[] Dead = { "Template does not exist" };\nstatic bool F(GraphError error) => Dead.Any(t => error.Title.Equals(t));\n`;
    assert.deepEqual(lines(cs, 'csharp'), [2]);
    const lambda = `${WA}static final List<String> DEAD = List.of("Message Undeliverable");\nboolean f(Exception e) { return DEAD.stream().anyMatch(t -> e.getMessage().contains(t)); }\n`;
    assert.deepEqual(lines(lambda, 'java'), [2]);
    const ref = `${WA}static final List<String> DEAD = List.of("Message Undeliverable");\nboolean f(String msg) { return DEAD.stream().anyMatch(msg::contains); }\n`;
    assert.deepEqual(lines(ref, 'java'), [2]);
  });

  test('a walk that only transforms or prints, or a `find` by a predicate, stays out', () => {
    const java = `${WA}static final List<String> DEAD = List.of("Message Undeliverable");\nList<String> up() { return DEAD.stream().map(String::toUpperCase).toList(); }\nvoid dump() { DEAD.stream().forEach(System.out::println); }\n`;
    assert.deepEqual(lines(java, 'java'), []);
    assert.deepEqual(lines(`${WA}const DEAD = ['Template does not exist'];\nconst first = DEAD.find(isShort);\n`, 'javascript'), []);
  });
});

describe('FN4: a tuple as the argument of a matching call', () => {
  test('a named tuple, an inline tuple, `re.compile("|".join(NAME))`', () => {
    const named = `${WA_HASH}T1 = ("Re-engagement message", "Message Undeliverable")\ndef f(err):\n    return err["title"].startswith(T1)\n`;
    assert.deepEqual(lines(named, 'python'), [2, 2]);
    const inline = `${WA_HASH}def f(err):\n    return err["title"].startswith(("Re-engagement message", "Message Undeliverable"))\n`;
    assert.deepEqual(lines(inline, 'python'), [3, 3]);
    const joined = `${WA_HASH}import re\nT1 = ["Re-engagement message"]\nRX = re.compile("|".join(T1))\n`;
    assert.deepEqual(lines(joined, 'python'), [3]);
  });

  test('a tuple only joined for display or passed to another call stays out', () => {
    const py = `${WA_HASH}T1 = ("Re-engagement message", "Message Undeliverable")\nprint(", ".join(T1))\nlabels.extend(T1)\n`;
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('FN5: regex arms and stored regex literals', () => {
  test('Ruby `case error["title"]` / `when /.../i` gets the switch subject', () => {
    const rb = `${WA_HASH}outcome =\n  case error['title']\n  when /rate limit hit/i\n    :retry\n  end\n`;
    assert.deepEqual(lines(rb, 'ruby'), [4]);
  });

  test('a regex arm under another subject, and a stored regex tested on other text, stay out', () => {
    const rb = `${WA_HASH}case params[:q]\nwhen /rate limit hit/i\n  show_docs\nend\n`;
    assert.deepEqual(lines(rb, 'ruby'), []);
    const js = `${WA}const ERR_RX = /rate limit hit/i;\nif (ERR_RX.test(input.body)) reply();\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
    const used = `${WA}const RX = /rate limit hit/i;\nif (RX.test(err.message)) retry();\n`;
    assert.deepEqual(lines(used, 'javascript'), [2]);
  });
});

describe('FP3/FP4: everyday fragments need error text; identifiers compared with names are not titles', () => {
  test('fragments compared with error text still count', () => {
    assert.deepEqual(lines(`${WA}if (err.message.includes('re-engagement')) x();\n`, 'javascript'), [2]);
    assert.deepEqual(lines(`${WA}if (err.message.includes('pair rate limit')) x();\n`, 'javascript'), [2]);
    assert.deepEqual(lines(`${WA_HASH}def f(e):\n    if "rate limit" in str(e):\n        retry()\n`, 'python'), [3]);
  });

  test('a campaign stage, a tag, a template name, a chat message', () => {
    const js = `${WA}function pick(contact, template) {\n  if (contact.stage === 're-engagement' || contact.tags.includes('re-engagement')) return 1;\n  return template.name.startsWith('re_engagement');\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
    const py = `${WA_HASH}def on_message(msg):\n    lowered = msg["text"]["body"].lower()\n    if "rate limit" in lowered:\n        send_docs()\n`;
    assert.deepEqual(lines(py, 'python'), []);
  });
});

describe('FP1/FP2/FP5: whose error it is, read from the handler around it', () => {
  test('another service named by the handler type or the guarded calls, in a file that also sends WhatsApp', () => {
    const py = `import stripe\nfrom whatsapp.client import send_template\ndef charge():\n    try:\n        stripe.PaymentIntent.create(amount=1)\n    except stripe.error.InvalidRequestError as e:\n        if "Access denied" in str(e):\n            raise\n`;
    assert.deepEqual(lines(py, 'python'), []);
    const kt = `import com.google.firebase.messaging.FirebaseMessagingException\nclass P(private val whatsapp: WhatsAppClient) {\n  fun f() {\n    try { fcm.send(m) } catch (e: FirebaseMessagingException) {\n      if (e.message?.contains("Permission denied") == true) log()\n    }\n  }\n}\n`;
    assert.deepEqual(lines(kt, 'kotlin'), []);
    const rb = `# Posts to GitHub, pings WhatsApp\nclass R\n  def f\n    @octokit.create_release(repo)\n  rescue Octokit::TooManyRequests => e\n    retry if e.message.include?('API rate limit exceeded')\n  end\nend\n`;
    assert.deepEqual(lines(rb, 'ruby'), []);
    const js = `const twilio = require('twilio');\nconst { sendWhatsAppText } = require('./whatsapp');\nasync function sms() {\n  try {\n    await client.messages.create({ from: process.env.TWILIO_FROM });\n  } catch (err) {\n    if (err.message.includes('Message Undeliverable')) return;\n  }\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
    const go = `package store\nimport "github.com/jackc/pgx/v5/pgconn"\n// stores WhatsApp statuses\nfunc (r *Repo) Save(wamid string) error {\n\t_, err := r.DB.Exec(ctx, q, wamid)\n\tvar pgErr *pgconn.PgError\n\tif strings.Contains(err.Error(), "Service unavailable") {\n\t\treturn err\n\t}\n\treturn nil\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
  });

  test('a WhatsApp handler in the same file still counts', () => {
    const py = `import stripe\nfrom whatsapp.client import send_template, WhatsAppError\ndef notify():\n    try:\n        send_template("x")\n    except WhatsAppError as e:\n        if "Access denied" in str(e):\n            raise\n`;
    assert.deepEqual(lines(py, 'python'), [7]);
    const js = `import twilio from 'twilio';\nimport { wa } from './whatsapp';\nconst sms = twilio(process.env.TWILIO_SID);\nasync function notify(to) {\n  try {\n    await wa.sendText(to, 'hi');\n  } catch (err) {\n    if (err.message === 'Service unavailable') retry();\n  }\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), [8]);
  });
});

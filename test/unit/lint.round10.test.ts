/**
 * Title lint, round 10 (found by a blind corpus): query text and query builders that filter an
 * error column, regex rules in named tables, C# generated regexes, Dart 3 `||` arms, error text
 * reached through two names; and, as negatives, SMTP bounce parsers, chatbot input, a Stripe
 * handler's typed callback, and a neighbouring literal's words.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import { errorColumnValues, isErrorColumn } from '../../src/core/lint/sql';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();
const WA = '// WhatsApp Cloud API\n';
const WA_HASH = '# WhatsApp Cloud API\n';

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

describe('query text in string literals', () => {
  test('a Java text block is reported on the line of its filter, not on its first line', () => {
    const java = `${WA}interface R {\n  @Query("""\n      select f.contactId from MessageFailure f\n       where f.tenantId = :tenantId\n         and f.errorTitle like '%Re-engagement%'\n      """)\n  List<Long> closed();\n  @Query(value = """\n      SELECT count(*) FROM message_failure\n       WHERE (error_message ILIKE '%rate limit hit%'\n              OR error_code IN (4, 80007))\n      """, nativeQuery = true)\n  long throttled();\n}\n`;
    assert.deepEqual(lines(java, 'java'), [6, 11]);
  });

  test('a Python SQL constant, a dataframe query, a PHP raw IN list, a C# verbatim string', () => {
    const py = `${WA_HASH}CLOSED_SQL = """\n    SELECT tenant_id FROM outbound\n     WHERE status = 'failed'\n       AND error_title LIKE '%%Re-engagement%%'\n"""\ndef f(df):\n    return df.query('error_title == "Access token has expired"')\n`;
    assert.deepEqual(lines(py, 'python'), [5, 8]);
    const php = `<?php // WhatsApp\nfunction scopeUnreachable($q) {\n    return $q->whereRaw("LOWER(error_title) IN ('message undeliverable', 'receiver is incapable of receiving this message')");\n}\n`;
    assert.deepEqual(lines(php, 'php'), [3, 3]);
    const cs = `${WA}var sql = @"SELECT Id FROM Failures\n  WHERE ErrorMessage = 'Message Undeliverable'";\n`;
    assert.deepEqual(lines(cs, 'csharp'), [3]);
  });

  test('a long query whose values are read one by one', () => {
    const cols = Array.from({ length: 40 }, (_, i) => `f.col_${i}`).join(', ');
    const kt = `${WA}@Query("""\n  SELECT ${cols}\n  FROM failure f\n  WHERE f.failed_at > :since\n    AND lower(f.error_message) LIKE '%re-engagement%'\n""")\nfun closed(): List<Failure>\n`;
    assert.deepEqual(lines(kt, 'kotlin'), [6]);
  });

  test('writes, inserts, columns that are no error text, and assertions stay out', () => {
    const go = `package store\n// WhatsApp\nfunc f() {\n\tdb.Exec("UPDATE failures SET error_title = 'Message Undeliverable' WHERE id = $1", id)\n\tdb.Exec("INSERT INTO failures (error_title) VALUES ('Message Undeliverable')")\n\tdb.Query("SELECT id FROM notes WHERE title = 'Message Undeliverable'")\n\tdb.Query("SELECT id FROM mails WHERE subject LIKE '%rate limit hit%'")\n\tdb.Query("SELECT id FROM failures WHERE error_type = 'Message Undeliverable'")\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
    const py = `${WA_HASH}def test_sql():\n    assert build() == "SELECT 1 FROM f WHERE error_title = 'Message Undeliverable'"\n`;
    assert.deepEqual(lines(py, 'python'), []);
  });

  test('errorColumnValues and isErrorColumn', () => {
    const q = "where a = 1 and LOWER(error_title) IN ('x', \"y\") or f.errorMessage like '%z%'";
    assert.deepEqual(
      errorColumnValues(q).map((v) => q.slice(v.start, v.end)),
      ["'x'", '"y"', "'%z%'"],
    );
    assert.equal(isErrorColumn('f.errorTitle'), true);
    assert.equal(isErrorColumn('external_error'), true);
    assert.equal(isErrorColumn('error_format'), true);
    assert.equal(isErrorColumn('error_code'), false);
    assert.equal(isErrorColumn('failed_at'), false);
    assert.equal(isErrorColumn('title'), false);
  });
});

describe('query builders filtering an error column', () => {
  test('Laravel `where` with an operator and `orWhereIn` with items on the lines below', () => {
    const php = `<?php // WhatsApp\nclass F {\n  function a($q) { return $q->where('error_title', 'like', '%Re-engagement%'); }\n  function b($q) {\n    return $q->orWhereIn('error_title', [\n        'Rate limit hit',\n        'Spam rate limit hit',\n    ]);\n  }\n}\n`;
    assert.deepEqual(lines(php, 'php'), [3, 6, 7]);
  });

  test('Rails: placeholders, hash conditions, Sequel', () => {
    const rb = `${WA_HASH}class M < ApplicationRecord\n  scope :a, -> { where('external_error ILIKE ?', 'Re-engagement message%') }\n  scope :b, -> { where(external_error: 'Message Undeliverable') }\n  scope :c, -> { where(error_title: ['Rate limit hit', 'Spam rate limit hit']) }\nend\n`;
    assert.deepEqual(lines(rb, 'ruby'), [3, 4, 5, 5]);
  });

  test('Django lookups, SQLAlchemy `ilike` and `in_`, a bound `execute`', () => {
    const py = `${WA_HASH}def f(session, cur):\n    a = Failure.objects.filter(error_title__icontains="re-engagement")\n    b = session.query(F).filter(F.error_title.ilike("%rate limit hit%"))\n    c = session.query(F).filter(F.error_message.in_(["Message Undeliverable"]))\n    cur.execute("SELECT 1 FROM f WHERE error_title = %s", ("Message Undeliverable",))\n`;
    assert.deepEqual(lines(py, 'python'), [3, 4, 5, 6]);
  });

  test('EF `Like`, JPA criteria, GORM and database/sql with bound values, Kotlin Exposed', () => {
    const cs = `${WA}var n = await db.Failures.Where(f => EF.Functions.Like(f.ErrorMessage, "%Re-engagement%")).CountAsync();\n`;
    assert.deepEqual(lines(cs, 'csharp'), [2]);
    const java = `${WA}class Q {\n  Predicate p(CriteriaBuilder cb, Root<F> root) { return cb.like(root.get("errorTitle"), "%Re-engagement%"); }\n}\n`;
    assert.deepEqual(lines(java, 'java'), [3]);
    const go = `package store\n// WhatsApp\nfunc f() {\n\tdb.Where("error_message = ?", "Message Undeliverable").Find(&out)\n\tdb.QueryContext(ctx, "SELECT id FROM failures WHERE error_title LIKE $1", "%Re-engagement%")\n}\n`;
    assert.deepEqual(lines(go, 'go'), [4, 5]);
    const kt = `${WA}fun closed() = Failures.select { Failures.errorTitle like "%Re-engagement%" }\n`;
    assert.deepEqual(lines(kt, 'kotlin'), [2]);
  });

  test('object filters: Prisma, Sequelize, TypeORM, Mongo', () => {
    const ts = `${WA}const a = await prisma.failure.findMany({ where: { errorTitle: { contains: 'Rate limit hit' } } });\nconst b = await prisma.failure.findMany({\n  where: { errorMessage: { in: ['Message Undeliverable'] } },\n});\nconst c = await Failure.findAll({ where: { errorTitle: { [Op.like]: '%Re-engagement%' } } });\nconst d = await repo.find({ where: { errorTitle: Like('%Re-engagement%') } });\nconst e = await coll.find({ error_title: 'Message Undeliverable' });\n`;
    assert.deepEqual(lines(ts, 'javascript'), [2, 4, 6, 7, 8]);
  });

  test('other columns, writes and plain objects stay out', () => {
    const ts = `${WA}const a = await prisma.campaign.findMany({ where: { stage: { contains: 're-engagement' } } });\nconst b = await knex('notes').where('title', 'Rate limit hit');\nconst c = { errorTitle: 'Rate limit hit' };\nconst d = await knex('failures').update({ error_title: 'Message Undeliverable' });\nconst e = await knex('failures').where('error_code', 'Message Undeliverable');\n`;
    assert.deepEqual(lines(ts, 'javascript'), []);
    const py = `${WA_HASH}a = Campaign.objects.filter(stage__icontains="re-engagement")\nb = Note.objects.filter(title="Message Undeliverable")\n`;
    assert.deepEqual(lines(py, 'python'), []);
    const java = `${WA}class Q {\n  Predicate p(CriteriaBuilder cb, Root<C> root) { return cb.like(root.get("name"), "%Re-engagement%"); }\n}\n`;
    assert.deepEqual(lines(java, 'java'), []);
  });
});

describe('regex literals in rule tables', () => {
  test('`{ pattern: /.../i }` rows walked by `RULES.find(r => r.pattern.test(text))`', () => {
    const js = `${WA}const RULES = [\n  { pattern: /rate limit hit/i, action: 'retry' },\n  { pattern: /access token has expired/i, action: 'refresh' },\n];\nfunction classify(error) {\n  const text = error.message || '';\n  const rule = RULES.find((r) => r.pattern.test(text));\n  return rule && rule.action;\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), [3, 4]);
  });

  test('a named list of regex literals is judged where it is walked', () => {
    const js = `${WA}const RETRYABLE = [\n  /rate limit hit/i,\n  /service unavailable/i,\n];\nconst retry = (err) => RETRYABLE.some((re) => re.test(err.message));\n`;
    assert.deepEqual(lines(js, 'javascript'), [3, 4]);
    const chat = `${WA}const GREETINGS = [\n  /rate limit hit/i,\n];\nfunction route(msg) {\n  const body = msg.text.body;\n  return GREETINGS.some((re) => re.test(body));\n}\n`;
    assert.deepEqual(lines(chat, 'javascript'), []);
  });

  test('a table walked over chat text, or whose pattern is only shown, stays out', () => {
    const chat = `${WA}const RULES = [\n  { pattern: /rate limit hit/i, reply: 'slow down' },\n];\nfunction route(msg) {\n  const body = msg.text.body;\n  return RULES.find((r) => r.pattern.test(body));\n}\n`;
    assert.deepEqual(lines(chat, 'javascript'), []);
    const shown = `${WA}const HELP = [\n  { pattern: /rate limit hit/i, label: 'Throttled' },\n];\nfor (const h of HELP) console.log(h.label);\n`;
    assert.deepEqual(lines(shown, 'javascript'), []);
  });
});

describe('C# generated regexes, Dart 3 `||` arms, two writes', () => {
  test('`[GeneratedRegex(...)]` traced to the method that tests error text', () => {
    const cs = `${WA}static partial class T {\n  [GeneratedRegex(@"pair rate limit", RegexOptions.IgnoreCase)]\n  private static partial Regex PairRateLimit();\n  [GeneratedRegex("rate limit hit")]\n  private static partial Regex Throttle();\n  static bool A(StatusError error) => PairRateLimit().IsMatch(error.Message ?? "");\n  static bool B(string bannerText) => Throttle().IsMatch(bannerText);\n}\n`;
    assert.deepEqual(lines(cs, 'csharp'), [3]);
  });

  test("Dart 3 `'A' || 'B' =>` arms, and `||` outside a switch", () => {
    const dart = `${WA}Category map(StatusError e) {\n  return switch (e.title) {\n    'Something went wrong' || 'Service unavailable' => Category.transient,\n    _ => Category.unknown,\n  };\n}\n`;
    assert.deepEqual(lines(dart, 'dart'), [4, 4]);
    const plain = `${WA}final ok = label == 'x' || 'Service unavailable' == banner;\n`;
    assert.deepEqual(lines(plain, 'dart'), []);
  });

  test('error text reached through a second name (`lower = message.toLowerCase()`)', () => {
    const js = `${WA}async function f(err) {\n  const message = gErr.message || err.message || '';\n  const lower = message.toLowerCase();\n  if (lower.includes('rate limit hit')) retry();\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), [5]);
    const chat = `${WA}function g(msg) {\n  const message = msg.text.body;\n  const lower = message.toLowerCase();\n  if (lower.includes('rate limit hit')) reply();\n}\n`;
    assert.deepEqual(lines(chat, 'javascript'), []);
  });
});

describe('distinctive titles in text that is not WhatsApp’s', () => {
  test('a Go SMTP bounce parser', () => {
    const go = `// Package smtp parses bounces of the e-mail fallback for WhatsApp messages.\npackage smtp\n\nfunc Classify(msg *mail.Message) string {\n\tbody := readBody(msg)\n\tlower := strings.ToLower(body)\n\tif strings.Contains(lower, "message undeliverable") {\n\t\treturn "hard"\n\t}\n\treturn ""\n}\n`;
    assert.deepEqual(lines(go, 'go'), []);
  });

  test('a Ruby mailbox pattern list, and a sibling literal whose words are no code', () => {
    const rb = `# Receives DSNs (mailer-daemon) for the e-mail fallback of WhatsApp\nclass BounceMailbox < ApplicationMailbox\n  HARD = [\n    /message undeliverable/i\n  ].freeze\n  def classify\n    text = body_text\n    return :hard if HARD.any? { |re| re.match?(text) }\n  end\n  def ensure_bounce!\n    subject = mail.subject.to_s\n    bounce! unless subject.start_with?('Undeliverable:', 'Mail delivery failed')\n  end\nend\n`;
    assert.deepEqual(lines(rb, 'ruby'), []);
  });

  test("a chatbot's intent router over cleaned customer text", () => {
    const py = `${WA_HASH}def _clean(text):\n    return text.strip().lower()\n\ndef detect_intent(customer_text):\n    text = _clean(customer_text)\n    if "message undeliverable" in text:\n        return "complaint"\n`;
    assert.deepEqual(lines(py, 'python'), []);
    const kt = `${WA}fun route(userInput: String) = if ("re-engagement message" in userInput) 1 else 0\n`;
    assert.deepEqual(lines(kt, 'kotlin'), []);
  });

  test('a Stripe callback typed by its import, beside a WhatsApp one', () => {
    const php = `<?php\nuse Stripe\\Exception\\ApiErrorException;\n\nclass Handler {\n  public function register(): void {\n    $this->renderable(function (ApiErrorException $e, Request $request) {\n      $throttled = str_contains(strtolower($e->getMessage()), 'rate limit');\n      return $throttled;\n    });\n    $this->renderable(function (WhatsAppException $e, Request $request) {\n      return str_contains($e->getMessage(), 'Re-engagement message');\n    });\n  }\n}\n`;
    assert.deepEqual(lines(php, 'php'), [11]);
  });

  test('an exception imported from another service, caught by its short name', () => {
    const py = `from stripe.error import RateLimitError\nfrom .whatsapp import send  # WhatsApp Cloud API\n\ndef pay():\n    try:\n        charge()\n    except RateLimitError as e:\n        if "rate limit" in str(e):\n            retry()\n\ndef notify(err):\n    if "rate limit" in str(err):\n        retry()\n`;
    assert.deepEqual(lines(py, 'python'), [12]);
  });

  test('a parameter matched in a file that also names another service still counts (what it holds is unknown)', () => {
    const py = `import redis  # WhatsApp worker\n\ndef window_closed(text):\n    return "re-engagement message" in text\n`;
    assert.deepEqual(lines(py, 'python'), [4]);
  });

  test('WhatsApp error text in a file that also names another service still counts', () => {
    const go = `package notify\n\nimport "github.com/redis/go-redis/v9"\n\n// WhatsApp sender\nfunc (w *W) run() {\n\t_, err := w.wa.Send(ctx, p)\n\tif err != nil && strings.Contains(err.Error(), "Re-engagement message") {\n\t\treturn\n\t}\n}\n`;
    assert.deepEqual(lines(go, 'go'), [8]);
  });
});

describe('round 12: derived queries, pandas string methods in queries, failure text, mail bounces', () => {
  test('Spring Data derived queries on an error column; not on other columns', () => {
    const java = `${WA}interface FailedMessages extends JpaRepository<FailedMessage, Long> {\n  List<FailedMessage> x();\n}\nclass S {\n  void f(FailedMessages repo) {\n    repo.findByErrorTitleContainingIgnoreCase("Message Undeliverable");\n    repo.findByTemplateNameContaining("Message Undeliverable");\n  }\n}\n`;
    assert.deepEqual(lines(java, 'java'), [7]);
  });

  test("pandas `.str.contains` inside a query string", () => {
    const py = `${WA_HASH}def throttled(df):\n    return df.query("error_message.str.contains('rate limit hit', case=False)", engine="python")\ndef named(df):\n    return df.query("customer_name.str.contains('rate limit hit')", engine="python")\n`;
    assert.deepEqual(lines(py, 'python'), [3]);
  });

  test('a generic title in text written from a failure', () => {
    const js = `${WA}function isPermanent(failure) {\n  const text = normalize(failure);\n  return text.includes('something went wrong');\n}\n`;
    assert.deepEqual(lines(js, 'javascript'), [4]);
  });

  test('a mail bounce parser is another service', () => {
    const php = `<?php\n${WA}use Webklex\\PHPIMAP\\ClientManager;\nclass BounceProcessor {\n  public function handle($message) {\n    $body = $message->getTextBody();\n    if (str_contains($body, 'Message undeliverable')) { $this->bounce(); }\n  }\n}\n`;
    assert.deepEqual(lines(php, 'php'), []);
  });
});

describe('round 13: customer phrases in a collection, text reshaped through a fallback', () => {
  test("a collection's own name is no error text: its generic titles need the tested text to be one", () => {
    const py = `${WA_HASH}CHECKOUT_PROBLEM = ("something went wrong", "payment failed", "rate limit hit", "message undeliverable")\n\ndef classify(text):\n    t = (text or "").strip()\n    low = t.lower()\n    if any(p in low for p in CHECKOUT_PROBLEM):\n        return "support_checkout"\n`;
    // (only the distinctive title is left: what the walk tests cannot be told from here)
    const found = scanTitles(py, 'python', catalog).map((f) => py.slice(f.start, f.end));
    assert.deepEqual(found, ['"message undeliverable"']);
    // (round 25: a function named for chat intents tells: it is given what customers write)
    const router = py.replace('def classify(', 'def detect_intent(');
    assert.deepEqual(scanTitles(router, 'python', catalog), []);
  });

  test('a collection named for titles still speaks for what it is tested against', () => {
    const java = `${WA}class RetryConfig {\n  private static final List<String> TRANSIENT_TITLES = List.of(\n      "Rate limit hit",\n      "Something went wrong");\n  static boolean isTransient(Throwable e) {\n    String msg = e.getMessage();\n    return msg != null && TRANSIENT_TITLES.stream().anyMatch(msg::contains);\n  }\n}\n`;
    assert.deepEqual(lines(java, 'java'), [4, 5]);
  });
});

describe('round 15: assertions through constants, pandas lists', () => {
  test("a constant checked in a test's assertion is our output", () => {
    const js = `${WA}const title = '(Business Account, Consumer Account) pair rate limit hit';\nit('formats', () => {\n  expect(out.startsWith(title)).toBe(true);\n});\n`;
    assert.deepEqual(lines(js, 'javascript'), []);
  });

  test('a pandas query testing an error column against a list', () => {
    const py = `${WA_HASH}def media(df):\n    return df.query("error_title in ['Media upload error', 'Media download error']")\n`;
    assert.deepEqual(lines(py, 'python'), [3, 3]);
  });
});

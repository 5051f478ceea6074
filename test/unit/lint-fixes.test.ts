/**
 * Quick fixes of the title lint: each fix is applied to the text and the whole result compared,
 * in every code family; suppression is always offered, the best rewrite is preferred.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { fixesFor, scanTitles, type Fix } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The fixes of the only finding in `text`. */
function fixes(text: string, family: LanguageFamily): Fix[] {
  const found = scanTitles(text, family, catalog);
  assert.equal(found.length, 1, `one finding in ${text}`);
  return fixesFor(text, found[0]!, family, catalog);
}

/** The preferred rewrite applied to `text`. */
function preferred(text: string, family: LanguageFamily): string {
  const fix = fixes(text, family).find((f) => f.isPreferred);
  assert.ok(fix, `a preferred fix for ${text}`);
  assert.equal(fix.kind, 'rewrite');
  return apply(text, fix);
}

const WA = '// WhatsApp Cloud API\n';
const WA_HASH = '# WhatsApp Cloud API\n';

describe('title lint: rewrites', () => {
  const cases: readonly [LanguageFamily, string, string][] = [
    ['javascript', `${WA}if (err.message.includes("Re-engagement message")) retry();\n`, `${WA}if (err.code === 131047) retry();\n`],
    ['javascript', `${WA}if (err.response.data.error.message.includes('Re-engagement')) x();\n`, `${WA}if (err.response.data.error.code === 131047) x();\n`],
    ['javascript', `${WA}const t = err.title === "Template does not exist";\n`, `${WA}const t = err.code === 132001;\n`],
    ['javascript', `${WA}if (err?.message?.toLowerCase().includes('re-engagement')) x();\n`, `${WA}if (err?.code === 131047) x();\n`],
    ['javascript', `${WA}if (/re-engagement/i.test(e.message)) x();\n`, `${WA}if (e.code === 131047) x();\n`],
    ['javascript', `${WA}if (!e.message.includes('pair rate limit')) x();\n`, `${WA}if (e.code !== 131056) x();\n`],
    ['javascript', `${WA}if (e.message.indexOf('Spam rate limit hit') !== -1) x();\n`, `${WA}if (e.code === 131048) x();\n`],
    ['javascript', `${WA}const ok = "Re-engagement message" !== e.title && y;\n`, `${WA}const ok = e.code !== 131047 && y;\n`],
    ['python', `${WA_HASH}if "Re-engagement" in e["message"]:\n    pass\n`, `${WA_HASH}if e["code"] == 131047:\n    pass\n`],
    ['python', `${WA_HASH}if e['title'] == 'Template does not exist':\n    pass\n`, `${WA_HASH}if e['code'] == 132001:\n    pass\n`],
    ['python', `${WA_HASH}if "pair rate limit" not in err.message.lower():\n    pass\n`, `${WA_HASH}if err.code != 131056:\n    pass\n`],
    ['python', `${WA_HASH}ok = re.search(r"spam rate limit", e.get("message", ""), re.I)\n`, `${WA_HASH}ok = e.get("code") == 131048\n`],
    ['go', `${WA}if strings.Contains(apiErr.Message, "Re-engagement") {\n}\n`, `${WA}if apiErr.Code == 131047 {\n}\n`],
    ['go', `${WA}if !strings.Contains(apiErr.Message, "pair rate limit") {\n}\n`, `${WA}if apiErr.Code != 131056 {\n}\n`],
    ['java', `${WA}if (e.getMessage().contains("Re-engagement message")) {}\n`, `${WA}if (e.getCode() == 131047) {}\n`],
    ['java', `${WA}if ("Template does not exist".equals(e.getTitle())) {}\n`, `${WA}if (e.getCode() == 132001) {}\n`],
    ['kotlin', `${WA}if (e.message?.contains("Re-engagement") == true) x()\n`, `${WA}if (e.code == 131047) x()\n`],
    ['kotlin', `${WA}if ("pair rate limit" in e.message.orEmpty()) x()\n`, `${WA}if (e.code == 131056) x()\n`],
    ['php', `<?php ${WA}if (str_contains($e['message'], 'Re-engagement')) {}\n`, `<?php ${WA}if ($e['code'] === 131047) {}\n`],
    ['php', `<?php ${WA}if (strpos($e->getMessage(), 'pair rate limit') !== false) {}\n`, `<?php ${WA}if ($e->getCode() === 131056) {}\n`],
    ['ruby', `${WA_HASH}return :x if err['title'] == 'Template does not exist'\n`, `${WA_HASH}return :x if err['code'] == 132001\n`],
    ['ruby', `${WA_HASH}return :x if err.message.include?('Re-engagement')\n`, `${WA_HASH}return :x if err.code == 131047\n`],
    ['ruby', `${WA_HASH}return :x if err.message =~ /spam rate limit/i\n`, `${WA_HASH}return :x if err.code == 131048\n`],
    ['ruby', `${WA_HASH}return :x if err.message.include? 'Re-engagement'\n`, `${WA_HASH}return :x if err.code == 131047\n`],
    ['javascript', `${WA}if ((err.message || '').toLowerCase().includes('re-engagement')) x();\n`, `${WA}if (err.code === 131047) x();\n`],
    ['python', `${WA_HASH}if "re-engagement" in (e.get("message") or "").lower():\n    pass\n`, `${WA_HASH}if e.get("code") == 131047:\n    pass\n`],
    ['csharp', `${WA}if (ex.Message.Contains("Re-engagement", StringComparison.OrdinalIgnoreCase)) {}\n`, `${WA}if (ex.Code == 131047) {}\n`],
    ['dart', `${WA}if (e.message.contains('Re-engagement')) {}\n`, `${WA}if (e.code == 131047) {}\n`],
  ];
  for (const [family, before, after] of cases) {
    test(`${family}: ${before.split('\n')[1]}`, () => {
      assert.equal(preferred(before, family), after);
    });
  }

  test('several codes: one fix per code plus a preferred set form (JavaScript)', () => {
    const text = `${WA}if (err.message.includes('spam rate limit') || err.message.includes('Rate limit issues')) x();\n`;
    const found = scanTitles(text, 'javascript', catalog);
    assert.equal(found.length, 2);
    const text2 = `${WA}if (err.message.includes("Message undeliverable as Meta")) x();\n`;
    const f = fixes(text2, 'javascript');
    assert.deepEqual(f.map((x) => x.kind), ['rewrite', 'suppress']);
    const multi = `${WA}if (e.message.includes("Service Overloaded") || e.title === "Account in maintenance mode") x();\n`;
    const second = scanTitles(multi, 'javascript', catalog)[1]!;
    assert.deepEqual(second.codes, [131057, 2494100]);
    const all = fixesFor(multi, second, 'javascript', catalog);
    assert.deepEqual(
      all.map((x) => [x.kind, x.isPreferred === true, apply(multi, x).split('\n')[1]]),
      [
        ['rewrite', true, 'if (e.message.includes("Service Overloaded") || [131057, 2494100].includes(e.code)) x();'],
        ['rewrite', false, 'if (e.message.includes("Service Overloaded") || e.code === 131057) x();'],
        ['rewrite', false, 'if (e.message.includes("Service Overloaded") || e.code === 2494100) x();'],
        ['suppress', false, '// wa-errors-disable-next-line'],
      ],
    );
  });

  test('several codes: Python set form', () => {
    const text = `${WA_HASH}if e["title"] == "Account in maintenance mode":\n    pass\n`;
    assert.equal(preferred(text, 'python'), `${WA_HASH}if e["code"] in (131057, 2494100):\n    pass\n`);
  });

  test('an unclear receiver gets only the suppression', () => {
    const py = `${WA_HASH}if "pair rate limit" in str(e):\n    pass\n`;
    assert.deepEqual(fixes(py, 'python').map((f) => f.kind), ['suppress']);
    const go = `${WA}if strings.Contains(err.Error(), "Re-engagement") {\n}\n`;
    assert.deepEqual(fixes(go, 'go').map((f) => f.kind), ['suppress']);
    const arm = `${WA}var d = ex.Title switch { "Rate limit hit" => 60, _ => 0 };\n`;
    assert.deepEqual(fixes(arm, 'csharp').map((f) => f.kind), ['suppress']);
  });

  test('parentheses keep the meaning where the condition sits inside a larger expression', () => {
    const text = `${WA}const n = 1 + err.message.includes('Re-engagement');\n`;
    assert.equal(preferred(text, 'javascript'), `${WA}const n = 1 + (err.code === 131047);\n`);
  });
});

describe('title lint: suppression fix', () => {
  test('inserts the directive above, with the same indentation, in the family comment syntax', () => {
    const js = `${WA}function f() {\n    if (err.message.includes('Re-engagement')) x();\n}\n`;
    const sup = fixes(js, 'javascript').find((f) => f.kind === 'suppress')!;
    const fixed = apply(js, sup);
    assert.equal(fixed, `${WA}function f() {\n    // wa-errors-disable-next-line\n    if (err.message.includes('Re-engagement')) x();\n}\n`);
    assert.equal(scanTitles(fixed, 'javascript', catalog).length, 0);

    const py = `${WA_HASH}def f(e):\n    if "Re-engagement" in e["message"]:\n        pass\n`;
    const fixedPy = apply(py, fixes(py, 'python').find((f) => f.kind === 'suppress')!);
    assert.equal(fixedPy, `${WA_HASH}def f(e):\n    # wa-errors-disable-next-line\n    if "Re-engagement" in e["message"]:\n        pass\n`);
    assert.equal(scanTitles(fixedPy, 'python', catalog).length, 0);
  });

  test('keeps CRLF line endings', () => {
    const text = `// WhatsApp\r\nif (err.message.includes('Re-engagement')) x();\r\n`;
    const fixed = apply(text, fixes(text, 'javascript').find((f) => f.kind === 'suppress')!);
    assert.equal(fixed, `// WhatsApp\r\n// wa-errors-disable-next-line\r\nif (err.message.includes('Re-engagement')) x();\r\n`);
  });

  test('extends a directive limited to other codes instead of stacking another', () => {
    const text = `${WA}// wa-errors-disable-next-line 131026\nif (err.message.includes('Re-engagement')) x();\n`;
    const fixed = apply(text, fixes(text, 'javascript').find((f) => f.kind === 'suppress')!);
    assert.equal(fixed, `${WA}// wa-errors-disable-next-line 131026 131047\nif (err.message.includes('Re-engagement')) x();\n`);
    assert.equal(scanTitles(fixed, 'javascript', catalog).length, 0);
  });

  test('fixesFor ignores findings that are not title matches', () => {
    assert.deepEqual(fixesFor('x = 131047', { kind: 'error-code', start: 4, end: 10, code: 131047 }, 'javascript', catalog), []);
  });
});

/**
 * Title lint, round 2: file-level evidence that is not a bare number, the caller's context,
 * target-typed C# regexes, bracket pairing, and inputs that used to be quadratic.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import { BracketPairs } from '../../src/core/lint/brackets';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

function codes(text: string, family: LanguageFamily, opts: Parameters<typeof scanTitles>[3] = {}): number[][] {
  return scanTitles(text, family, catalog, opts).map((f) => [...(f.codes ?? [])]);
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

describe('title lint: file evidence for generic titles', () => {
  const generic = {
    dart: "if (error.title == 'Something went wrong') retry();\n",
    kotlin: 'if (e.message().contains("Something went wrong")) delay(500)\n',
    python: 'if detail == "Access denied":\n    stop()\n',
    java: 'if ("Invalid parameter".equals(e.getMessage())) stop();\n',
  } as const;

  test('a 13xxxx number that is a version, an id or an amount is not evidence, in any language', () => {
    const noise = ['const v = "4.2.0 (131047)";\n', 'NOTIFICATION_ID = 131047\n', 'amount > 1310470\n', 'page_size=131026\n'];
    for (const [family, line] of Object.entries(generic)) {
      for (const n of noise) assert.deepEqual(codes(n + line, family as LanguageFamily), [], `${family} after ${n.trim()}`);
    }
  });

  test('a 13xxxx number where an error code stands is evidence, in any language', () => {
    const evidence = ['if (err.code == 131026) drop();\n', 'if err["code"] == 131050:\n    pass\n', '// (#131056) pair rate limit\n', 'case 131047:\n'];
    for (const [family, line] of Object.entries(generic)) {
      for (const e of evidence) assert.equal(codes(e + line, family as LanguageFamily).length, 1, `${family} after ${e.trim()}`);
    }
  });

  test("the caller's context stands in for evidence the text lacks; absent or false, the text decides", () => {
    const line = generic.kotlin;
    assert.deepEqual(codes(line, 'kotlin', { context: { whatsapp: true } }), [[131000]]);
    assert.deepEqual(codes(line, 'kotlin', { context: { whatsapp: false } }), []);
    assert.deepEqual(codes(`// WhatsApp Cloud API\n${line}`, 'kotlin', { context: { whatsapp: false } }), [[131000]]);
  });
});

describe('title lint: regexes built by constructors and conversions', () => {
  test('C# target-typed new() of a Regex field or variable is a pattern', () => {
    assert.deepEqual(codes('static readonly Regex Paused = new("template is paused", RegexOptions.IgnoreCase);\n', 'csharp'), [[132015]]);
    assert.deepEqual(codes('Regex? dead = new ( @"message undeliverable" );\n', 'csharp'), [[131026]]);
  });

  test('Ruby Regexp.new and Kotlin toRegex()/toPattern() build patterns too', () => {
    assert.deepEqual(codes('# WhatsApp\nDEAD = Regexp.new("message undeliverable", Regexp::IGNORECASE)\n', 'ruby'), [[131026]]);
    assert.deepEqual(codes('// WhatsApp\nval p = "template is paused".toRegex(RegexOption.IGNORE_CASE)\n', 'kotlin'), [[132015]]);
    assert.deepEqual(codes('// WhatsApp\nval p = "re-engagement".toPattern()\n', 'kotlin'), [[131047]]);
  });

  test('escaping, upper-casing or building any other type is not', () => {
    assert.deepEqual(codes('# WhatsApp\nNOTE = Regexp.escape("Message Undeliverable")\n', 'ruby'), []);
    assert.deepEqual(codes('// WhatsApp\nval t = "Template is Paused".uppercase()\n', 'kotlin'), []);
  });

  test('target-typed new() of any other type is not', () => {
    assert.deepEqual(codes('static readonly Caption Heading = new("Template Param Count Mismatch");\n', 'csharp'), []);
    assert.deepEqual(codes('var regexes = new List<string>(); Label l = new("Message Undeliverable");\n', 'csharp'), []);
  });
});

describe('title lint: bracket pairing', () => {
  test('pairs every bracket kind by nesting; unclosed and stray brackets give -1', () => {
    const s = 'f(a[1], {b: (c)}) ] ( [';
    const pairs = new BracketPairs(s);
    assert.equal(pairs.closeOf(1), 16);
    assert.equal(pairs.closeOf(3), 5);
    assert.equal(pairs.closeOf(8), 15);
    assert.equal(pairs.closeOf(12), 14);
    assert.equal(pairs.closeOf(s.lastIndexOf('(')), -1);
    assert.equal(pairs.closeOf(s.lastIndexOf('[')), -1);
    assert.equal(pairs.closeOf(0), -1, 'not a bracket');
  });

  test('a mismatched closer closes the innermost bracket, as a depth count would', () => {
    const s = '([)]';
    const pairs = new BracketPairs(s);
    assert.equal(pairs.closeOf(1), 2);
    assert.equal(pairs.closeOf(0), 3);
  });

  test('answers do not depend on the order of the questions (memoised walks agree with a depth count)', () => {
    const depthClose = (s: string, open: number): number => {
      let depth = 0;
      for (let j = open; j < s.length; j++) {
        if ('([{'.includes(s[j] as string)) depth++;
        else if (')]}'.includes(s[j] as string) && --depth === 0) return j;
      }
      return -1;
    };
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 40; round++) {
      const s = Array.from({ length: 60 }, () => '([{)]} x'[next() % 8]).join('');
      const opens = [...s].flatMap((c, i) => ('([{'.includes(c) ? [i] : []));
      const order = round % 2 === 0 ? opens.slice().reverse() : opens.slice().sort(() => (next() % 2 === 0 ? -1 : 1));
      const pairs = new BracketPairs(s);
      for (const o of order) assert.equal(pairs.closeOf(o), depthClose(s, o), `${s} @${o}`);
    }
  });
});

describe('title lint: inputs that used to be quadratic', () => {
  test('truncated Graph errors in a JS file: every string inside an unclosed brace, linear time', () => {
    const text = '{"error":{"message":"(#131047) Re-engagement message","type"\n'.repeat(8000);
    scanTitles(text, 'javascript', catalog); // warm the JIT
    const t0 = process.cpuUsage();
    assert.deepEqual(scanTitles(text, 'javascript', catalog), []);
    const ms = cpuMs(t0);
    // Seconds when every string walked to the end of the text for its bracket; linear, well under a tenth of that.
    assert.ok(ms < 300, `${ms.toFixed(0)} ms for ${text.length} chars`);
  });

  test('a title in every line of a long unclosed call stays linear', () => {
    const text = `// WhatsApp\nfoo(\n${'  x.includes("spam rate limit hit") && y("Re-engagement message"),\n'.repeat(6000)}`;
    const t0 = process.cpuUsage();
    const found = scanTitles(text, 'javascript', catalog);
    const ms = cpuMs(t0);
    assert.equal(found.length, 6000);
    assert.ok(ms < 500, `${ms.toFixed(0)} ms for ${text.length} chars`);
  });
});

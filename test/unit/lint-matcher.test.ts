/**
 * What the title lint matches (titles, variants, distinctive parts, patterns), where it needs a
 * WhatsApp file, what never counts, its message, and its speed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles, titleMatchMessage } from '../../src/core/lint';
import { lex } from '../../src/core/lint/lexer';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();
const WA = '// WhatsApp Cloud API\n';

/** Codes of each finding in `text`. */
function codes(text: string, family: LanguageFamily = 'javascript'): number[][] {
  return scanTitles(text, family, catalog).map((f) => [...(f.codes ?? [])]);
}

describe('title lint: what a literal names', () => {
  test('titles and variants, any case, with or without the (#code) prefix', () => {
    assert.deepEqual(codes(`${WA}if (m === "Re-engagement message") x();`), [[131047]]);
    assert.deepEqual(codes(`${WA}if (m.includes("re-engagement MESSAGE.")) x();`), [[131047]]);
    assert.deepEqual(codes(`${WA}if (m.includes("(#131047) Re-engagement message")) x();`), [[131047]]);
    assert.deepEqual(codes(`${WA}if (m.includes("Receiver is incapable of receiving this message")) x();`), [[131026]]);
    assert.deepEqual(codes(`${WA}if (err.message === "Generic Error") x();`), [[131000]]);
  });

  test('distinctive parts of titles, with every code whose title holds them', () => {
    assert.deepEqual(codes(`${WA}if (err.message.includes("reengagement")) x();`), [[131047]]);
    assert.deepEqual(codes(`${WA}if (m.includes("pair rate limit")) x();`), [[131056]]);
    assert.deepEqual(codes(`${WA}if (m.includes("not in allowed list")) x();`), [[131030]]);
    assert.deepEqual(codes(`${WA}if (m.includes("healthy ecosystem engagement")) x();`), [[131049]]);
    assert.deepEqual(codes(`${WA}if (m.includes("more than 24 hours")) x();`), [[131047]]);
    // "rate limit" is everyday wording: like a generic title, it is judged only on error text.
    const rate = codes(`${WA}if (err.message.includes("rate limit")) x();`)[0] ?? [];
    for (const c of [80007, 130429, 131048, 131056]) assert.ok(rate.includes(c), `${c} in ${rate}`);
    assert.deepEqual(codes(`${WA}if (m.includes("spam rate limit reached")) x();`), [[131048]]);
  });

  test('patterns: regex literals, RegExp strings, PHP delimiters, alternatives', () => {
    assert.deepEqual(codes(`${WA}if (/re-?engagement\\s+message/i.test(m)) x();`), [[131047]]);
    assert.deepEqual(codes(`${WA}const re = new RegExp("pair rate limit|not in allowed list", "i");`), [[131030, 131056]]);
    assert.deepEqual(codes(`<?php // WhatsApp\nif (preg_match('#spam rate limit#i', $m)) {}`, 'php'), [[131048]]);
  });

  test('words that are only near a title do not count', () => {
    assert.deepEqual(codes(`${WA}if (m.includes("limit")) x();`), []);
    assert.deepEqual(codes(`${WA}if (m.includes("phone number")) x();`), []);
    assert.deepEqual(codes(`${WA}if (m.includes("message")) x();`), []);
    assert.deepEqual(codes(`${WA}if (m.includes("engagement")) x();`), []);
  });
});

describe('title lint: context', () => {
  test('generic titles count only in WhatsApp files, on error text', () => {
    const plain = `if (err.message === "Something went wrong") retry();`;
    assert.deepEqual(codes(plain), []);
    assert.deepEqual(codes(`${WA}${plain}`), [[131000]]);
    assert.deepEqual(codes(`${WA}if (form.label === "Something went wrong") x();`), []);
    assert.deepEqual(codes(`${WA}if (status === "Access denied") x();`), []);
  });

  test('short parts of titles need a WhatsApp file; distinctive ones do not', () => {
    assert.deepEqual(codes(`if (err.message.includes("rate limit")) wait();`), []);
    assert.deepEqual(codes(`if (err.message.includes("re-engagement")) wait();`), [[131047]]);
    assert.deepEqual(codes(`if (err.message.includes("pair rate limit")) wait();`), [[131056]]);
  });

  test('display, logging, errors we raise, catalogs and payload fixtures are not matching', () => {
    const text = [
      WA,
      `logger.warn("Re-engagement message");`,
      `throw new Error("Rate limit hit");`,
      `const LABELS = { 131047: "Re-engagement message" };`,
      `const payload = { title: "Re-engagement message", code: 131047 };`,
      `expect(err.title).toBe("Re-engagement message");`,
      `const s = m.replace(/re-engagement/i, "");`,
      `// if (err.message.includes("Re-engagement")) x();`,
      `/* m === "Template does not exist" */`,
    ].join('\n');
    assert.deepEqual(codes(text), []);
  });

  test('titles in lists and maps that are looked up or tested against error text', () => {
    assert.deepEqual(codes(`${WA}if (["Re-engagement message", "Message Undeliverable"].includes(err.title)) x();`), [[131047], [131026]]);
    assert.deepEqual(codes(`# WhatsApp\nif e["title"] in ("Re-engagement message", "Rate limit hit"):\n    pass\n`, 'python'), [[131047], [130429]]);
    assert.deepEqual(codes(`${WA}const HANDLERS = {\n  "Re-engagement message": a,\n};\nHANDLERS[err.title]?.();`), [[131047]]);
    assert.deepEqual(codes(`${WA}const HANDLERS = {\n  "Re-engagement message": a,\n};\nexport default HANDLERS;`), []);
    assert.deepEqual(codes(`${WA}const OPTIONS = ["Re-engagement message", "Rate limit hit"];\nrender(OPTIONS);`), []);
  });

  test('JSON and plain-text files never produce title matches', () => {
    const json = '{"error":{"message":"(#131047) Re-engagement message","title":"Re-engagement message","code":131047}}';
    assert.deepEqual(scanTitles(json, 'json', catalog), []);
    assert.deepEqual(scanTitles(`WARN "Re-engagement message" === title\n`, 'text', catalog), []);
  });
});

describe('title lint: message', () => {
  test('names the literal, the titles and the code comparison, in plain text', () => {
    const [f] = scanTitles(`${WA}if (m.includes("Re-engagement message")) x();`, 'javascript', catalog);
    assert.ok(f);
    assert.equal(
      titleMatchMessage(f, catalog),
      '"Re-engagement message" matches the title of 131047 Re-engagement message: titles change (and will be deprecated); compare the error code instead: err.code === 131047.',
    );
    const [g] = scanTitles(`${WA}if (m.includes("Account in maintenance mode")) x();`, 'javascript', catalog);
    assert.ok(g);
    assert.match(titleMatchMessage(g, catalog), /^"Account in maintenance mode" matches the titles of 131057 .*, 2494100 .*: .* \[131057, 2494100\]\.includes\(err\.code\)\.$/);
    assert.doesNotMatch(titleMatchMessage(g, catalog), /[`*_[\]<>]{2}/);
  });
});

describe('title lint: lexer and speed', () => {
  test('the lexer tells strings, regexes, comments and division apart', () => {
    const text = 'const a = b / c / d; const r = /x\\/y/g; // "not a string"\nconst s = `t${"q"}` + \'z\';';
    const { literals, comments } = lex(text, 'javascript');
    assert.deepEqual(literals.map((l) => [text.slice(l.start, l.end), l.regex]), [['/x\\/y/g', true], ['`t${"q"}`', false], ["'z'", false]]);
    assert.deepEqual(comments.map((c) => text.slice(c.start, c.end)), ['// "not a string"']);
  });

  test('200 KB of ordinary source scans in linear time, a few milliseconds', () => {
    const chunk = `${WA}import { x } from './x';\nexport function f(a: number): string {\n  const label = 'hello world';\n  return a > 2 ? \`value \${a}\` : "none"; // note\n}\n`;
    const text = chunk.repeat(Math.ceil(200_000 / chunk.length));
    // The best of several runs: the machine may be busy, and a garbage collection may land in any one run.
    const best = (t: string): number => {
      let min = Infinity;
      for (let k = 0; k < 7; k++) {
        const t0 = performance.now();
        scanTitles(t, 'javascript', catalog);
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    const ms = best(text);
    assert.ok(ms < 20, `${ms.toFixed(2)} ms for 200 KB`);
    const five = best(text.repeat(5));
    assert.ok(five < 5 * ms + 40, `${five.toFixed(2)} ms for 1 MB: linear`);
  });

  test('title-dense worst cases stay linear: one huge line, one huge list', () => {
    const line = `${WA}if (${'x.message.includes("rate limit") || '.repeat(10_000)}y) z();\n`;
    const t0 = performance.now();
    assert.equal(scanTitles(line, 'javascript', catalog).length, 10_000);
    const list = `${WA}const TITLES = [\n${'  "Rate limit hit",\n'.repeat(5_000)}];\nif (TITLES.includes(err.title)) x();\n`;
    assert.equal(scanTitles(list, 'javascript', catalog).length, 5_000);
    assert.ok(performance.now() - t0 < 2000, `${(performance.now() - t0).toFixed(0)} ms`);
  });
});

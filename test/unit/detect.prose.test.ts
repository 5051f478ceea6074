// Codes named in block comments and docstrings, whose lines do not say they are comments, and the
// re-scan after edits that open or close such blocks.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, rescanCodes, scanCodes, scanCodesState } from '../../src/core/detect';
import { markLines, ProseBlocks } from '../../src/core/detect/proseBlocks';
import { changeBetween } from '../../src/core/textChange';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('a block comment without leading stars reads as a comment on every line', () => {
  const ts = `import { send } from './whatsapp';\n/*\n  Retried:\n  131047 re-engagement window closed\n  130429 - rate limit hit\n*/\nexport const x = 1;`;
  assert.deepEqual(codes(ts, 'javascript'), [131047, 130429]);
  const go = `package wa\n\n/*\nPermanent failures:\n\t131026 undeliverable\n*/\nfunc f() {}`;
  assert.deepEqual(codes(go, 'go'), [131026]);
  const php = `<?php\n/*\n 131048 spam rate limit\n*/\n$x = 1;`;
  assert.deepEqual(codes(php, 'php'), [131048]);
});

test('a Python docstring reads as a comment; its JSON still reads as data', () => {
  const py = `import requests\n\ndef send(phone):\n    """Send a WhatsApp message.\n\n    Raises on 131047 (re-engagement) and 131026.\n    131048 spam rate limit\n    """\n    return 3\n`;
  assert.deepEqual(codes(py, 'python'), [131047, 131026, 131048]);
  const fixture = `# whatsapp webhook tests\nFAILED = '''\n{"errors": [{\n  "code": 131047,\n  "title": "Re-engagement message"\n}]}\n'''\n`;
  assert.deepEqual(codes(fixture, 'python'), [131047]);
});

test('numbers that are not codes stay quiet inside blocks', () => {
  // Quantities, issue numbers and other prose numbers in comments and docstrings.
  const py = `def wait():\n    """Waits 131047 ms, see #131026.\n\n    Retries 3 times on error 100.\n    """\n`;
  assert.deepEqual(codes(py, 'python'), []);
  const js = `/*\n  The cache holds 131047 bytes at most.\n*/\nconst x = 2;`;
  assert.deepEqual(codes(js, 'javascript'), []);
});

test('block marks inside strings and line comments open nothing', () => {
  const glob = `const files = glob("src/**/*.ts");\nconst n = 131047 + offset;\nconst y = "*/";`;
  assert.deepEqual(codes(glob, 'javascript'), []);
  const lineComment = `// see /* here\nconst total = 131026 * 2;`;
  assert.deepEqual(codes(lineComment, 'javascript'), []);
  const pyString = `x = '"""'\norder_total = 131047 + 5\n`;
  assert.deepEqual(codes(pyString, 'python'), []);
  // Ruby has no block marks of this kind: nothing changes there.
  assert.deepEqual(codes('# frozen_string_literal: true\n/*\n131047 foo\n*/', 'ruby'), []);
});

test('ProseBlocks answers for increasing line starts and starts over for an earlier one', () => {
  const text = 'a\n/*\nb\n*/\nc\n"""\nd\n';
  const blocks = new ProseBlocks(text, 'javascript');
  const lineStart = (line: number): number => text.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
  assert.deepEqual([0, 1, 2, 3, 4].map((l) => blocks.inside(lineStart(l))), [false, false, true, true, false]);
  assert.equal(blocks.inside(lineStart(2)), true);
  const py = new ProseBlocks(text, 'python');
  assert.deepEqual([4, 5, 6].map((l) => py.inside(lineStart(l))), [false, false, true]);
  assert.deepEqual(Array.from(markLines(text, 'javascript')), [2, 4, 7, 9]);
});

test('re-scans after edits that open, close or break blocks equal full scans', () => {
  // The codes lie farther from the edits than a windowed re-scan reads.
  const filler = Array.from({ length: 400 }, (_, i) => `let v${i} = ${i % 7};`).join('\n');
  const base = `// whatsapp client\nconst a = 1;\n${filler}\n  131047 retried later\n\nfunction f() {\n  return 2;\n}\n${filler}\n  131026 never retried\n*/\nconst z = 3;\n`;
  const edits: [string, string][] = [
    ['const a = 1;\n', 'const a = 1;\n/*\n'],
    ['const a = 1;\n', 'const a = 1; /*\n'],
    ['const a = 1;\n', 'const a = "/*";\n'],
    ['return 2;', 'return 2; /* x */'],
    ['return 2;', 'return 2 / 3;'],
  ];
  for (const family of ['javascript', 'go', 'java', 'php'] as LanguageFamily[]) {
    let text = base;
    let state = scanCodesState(text, family, catalog);
    // Apply each edit, then undo it, re-scanning after every step.
    for (const [from, to] of edits) {
      for (const next of [text.replace(from, to), text]) {
        const change = changeBetween(text, next);
        if (!change) continue;
        state = rescanCodes(state, next, change);
        assert.deepEqual(findingsOf(state), scanCodes(next, family, catalog), `${family}: ${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
        text = next;
      }
    }
    // An edit that turns `/` and `*` into a mark by deleting what stood between them.
    const split = text.replace('const a = 1;\n', 'const a = 1; /x*\n');
    state = rescanCodes(state, split, changeBetween(text, split)!);
    const joined = split.replace('/x*', '/*');
    state = rescanCodes(state, joined, changeBetween(split, joined)!);
    assert.deepEqual(findingsOf(state), scanCodes(joined, family, catalog), family);
    assert.ok(findingsOf(state).length === 2, `${family}: the opened block holds both codes`);
  }
});

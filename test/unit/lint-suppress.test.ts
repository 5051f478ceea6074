/**
 * Suppression comments: `wa-errors-disable-next-line`, `wa-errors-disable-line` and file-level
 * `wa-errors-disable`, optionally limited to codes, in each family's comment syntax.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { dropSuppressed, scanTitles, suppressionsOf } from '../../src/core/lint';
import type { Finding, LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();
const count = (text: string, family: LanguageFamily): number => scanTitles(text, family, catalog).length;

/** A matching line per family, and how that family writes a line and a block comment. */
const FAMILIES: readonly { family: LanguageFamily; line: string; comment: (s: string) => string; block?: (s: string) => string }[] = [
  { family: 'javascript', line: `if (err.message.includes('Re-engagement')) x();`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
  { family: 'python', line: `if "Re-engagement" in e["message"]: x()`, comment: (s) => `# ${s}` },
  { family: 'go', line: `if strings.Contains(apiErr.Message, "Re-engagement") { x() }`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
  { family: 'java', line: `if (e.getMessage().contains("Re-engagement")) x();`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
  { family: 'kotlin', line: `if (e.message?.contains("Re-engagement") == true) x()`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
  { family: 'php', line: `if (str_contains($e['message'], 'Re-engagement')) x();`, comment: (s) => `# ${s}`, block: (s) => `/* ${s} */` },
  { family: 'php', line: `if (str_contains($e['message'], 'Re-engagement')) x();`, comment: (s) => `// ${s}` },
  { family: 'ruby', line: `return :x if err.message.include?('Re-engagement')`, comment: (s) => `# ${s}` },
  { family: 'csharp', line: `if (ex.Message.Contains("Re-engagement")) x();`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
  { family: 'dart', line: `if (e.message.contains('Re-engagement')) x();`, comment: (s) => `// ${s}`, block: (s) => `/* ${s} */` },
];

describe('suppression comments', () => {
  for (const { family, line, comment, block } of FAMILIES) {
    const head = `${comment('WhatsApp Cloud API errors')}\n`;
    test(`${family}: ${comment('...')}`, () => {
      assert.equal(count(`${head}${line}\n`, family), 1, 'found without a directive');
      assert.equal(count(`${head}${comment('wa-errors-disable-next-line')}\n${line}\n`, family), 0, 'next-line');
      assert.equal(count(`${head}${line} ${comment('wa-errors-disable-line')}\n`, family), 0, 'same line');
      assert.equal(count(`${comment('wa-errors-disable')}\n${head}${line}\n${line}\n`, family), 0, 'whole file');
      assert.equal(count(`${head}${comment('wa-errors-disable-next-line 131047')}\n${line}\n`, family), 0, 'limited to the code');
      assert.equal(count(`${head}${comment('wa-errors-disable-next-line 131026, 131048')}\n${line}\n`, family), 1, 'limited to other codes');
      assert.equal(count(`${head}${comment('wa-errors-disable-next-line')}\n\n${line}\n`, family), 1, 'next-line skips only one line');
      assert.equal(count(`${head}${comment('wa-errors-disable-next-line -- known, see ticket 42')}\n${line}\n`, family), 0, 'with a reason');
      assert.equal(count(`${head}${comment('wa-errors-disabled-forever')}\n${line}\n`, family), 1, 'another word');
      if (block) assert.equal(count(`${head}${block('wa-errors-disable-next-line')}\n${line}\n`, family), 0, 'block comment');
    });
  }

  test('a directive inside a string is not a comment', () => {
    const text = `// WhatsApp\nconst s = "wa-errors-disable";\nif (err.message.includes('Re-engagement')) x();\n`;
    assert.equal(count(text, 'javascript'), 1);
  });

  test('dropSuppressed works for error-code findings too, in logs and config', () => {
    const text = 'retry: 131047 # wa-errors-disable-line\nother: 131026\n';
    const findings: Finding[] = [
      { kind: 'error-code', start: 7, end: 13, code: 131047 },
      { kind: 'error-code', start: 46, end: 52, code: 131026 },
    ];
    assert.deepEqual(dropSuppressed(text, 'text', findings), [findings[1]]);
    const js = '// wa-errors-disable-next-line 131026\nconst a = [131026, 131047];\n';
    const codes: Finding[] = [
      { kind: 'error-code', start: 49, end: 55, code: 131026 },
      { kind: 'error-code', start: 57, end: 63, code: 131047 },
    ];
    assert.deepEqual(dropSuppressed(js, 'javascript', codes), [codes[1]]);
  });

  test('suppressionsOf lists the directives with their scope, line and codes', () => {
    const text = '# wa-errors-disable 131047\nx = 1\ny = 2  # wa-errors-disable-line\n# wa-errors-disable-next-line 4, 80007\nz = 3\n';
    assert.deepEqual(suppressionsOf(text, 'python').directives, [
      { scope: 'file', line: 0, codes: [131047] },
      { scope: 'line', line: 2 },
      { scope: 'next-line', line: 4, codes: [4, 80007] },
    ]);
  });
});

/** Handler snippets: one per language, branching on the numeric code, with the retry advice. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { SNIPPET_LANGUAGES, allHandlerSnippets, handlerSnippet, snippetLanguageFor } from '../../src/core/snippets';
import type { CatalogEntry } from '../../src/core/types';

const catalog = builtinCatalog();
const reengagement = catalog.get(131047) as CatalogEntry;

/** The expected `code` test per language, for 131047. */
const CONDITIONS: Record<string, string> = {
  javascript: 'if (err.code === 131047) {',
  python: 'if err.get("code") == 131047:',
  go: 'if apiErr.Code == 131047 {',
  java: 'if (error.getCode() == 131047) {',
  kotlin: 'if (error.code == 131047) {',
  php: "if (($error['code'] ?? null) === 131047) {",
  ruby: "if error['code'] == 131047",
  csharp: 'if (error.Code == 131047)',
  dart: "if (error['code'] == 131047) {",
};

/** Brackets balance outside string literals and comments: a cheap "parses plausibly". */
function balanced(code: string, lineComment: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const raw of code.split('\n')) {
    const line = raw.includes(lineComment) ? raw.slice(0, raw.indexOf(lineComment)) : raw;
    let quote: string | undefined;
    for (const ch of line) {
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
    }
    if (quote) return false;
  }
  return stack.length === 0;
}

describe('snippets', () => {
  test('every source language has a snippet that tests the code, not the title', () => {
    assert.equal(SNIPPET_LANGUAGES.length, 9);
    for (const language of SNIPPET_LANGUAGES) {
      const { code } = handlerSnippet(reengagement, language);
      assert.ok(code.includes(CONDITIONS[language] as string), `${language}:\n${code}`);
      const comment = language === 'python' || language === 'ruby' ? '#' : '//';
      assert.ok(balanced(code, comment), `${language} brackets balance:\n${code}`);
      // The title appears only inside a comment, never in a condition.
      for (const line of code.split('\n').filter((l) => l.includes('Re-engagement message'))) {
        assert.ok(line.trimStart().startsWith(comment), `${language}: title only in comments: ${line}`);
      }
    }
  });

  test('the comment carries the retry advice of the entry', () => {
    const js = handlerSnippet(reengagement, 'javascript').code;
    assert.match(js, /\/\/ 131047 Re-engagement message\n/);
    assert.match(js, /Do not retry/);
    const throttled = handlerSnippet(catalog.get(130429) as CatalogEntry, 'python').code;
    assert.match(throttled, /# .*backoff/);
    assert.match(throttled, /\n {4}pass$/, 'a Python block needs a statement');
  });

  test('ranges test both ends, in each language\'s syntax', () => {
    const range = catalog.byKey('200-299') as CatalogEntry;
    assert.ok(range, '200-299 is in the catalog');
    assert.match(handlerSnippet(range, 'javascript').code, /if \(err\.code >= 200 && err\.code <= 299\) \{/);
    assert.match(handlerSnippet(range, 'python').code, /if err\.get\("code"\) >= 200 and err\.get\("code"\) <= 299:/);
    assert.match(handlerSnippet(range, 'kotlin').code, /if \(error\.code in 200\.\.299\) \{/);
    assert.match(handlerSnippet(range, 'ruby').code, /if \(200\.\.299\)\.cover\?\(error\['code'\]\)/);
    for (const s of allHandlerSnippets(range)) assert.ok(balanced(s.code, s.language === 'python' || s.language === 'ruby' ? '#' : '//'), s.code);
  });

  test('a multi-line custom title cannot break out of the comment', () => {
    const custom: CatalogEntry = { ...reengagement, title: 'Line one\nreturn 1' };
    const code = handlerSnippet(custom, 'go').code;
    assert.ok(!code.split('\n').some((l) => l.startsWith('return')), code);
    assert.match(code, /\/\/ 131047 Line one return 1/);
  });

  test('languages: data files get JavaScript, source files their own; language ids for highlighting', () => {
    assert.equal(snippetLanguageFor('json'), 'javascript');
    assert.equal(snippetLanguageFor('text'), 'javascript');
    assert.equal(snippetLanguageFor(undefined), 'javascript');
    assert.equal(snippetLanguageFor('go'), 'go');
    assert.deepEqual(
      allHandlerSnippets(reengagement).map((s) => s.languageId),
      ['typescript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dart'],
    );
  });
});

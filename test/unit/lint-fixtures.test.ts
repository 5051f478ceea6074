/**
 * The title lint over fixture files in every code family: each `<file>.expected.json` lists the
 * findings (`line`, `codes`) exactly, positives and tempting negatives alike.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { familyFor } from '../../src/core/detect';
import { scanTitles } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');
const catalog = builtinCatalog();

interface Expected {
  readonly line: number;
  readonly codes: readonly number[];
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const files = fs.readdirSync(FIXTURES).filter((f) => !f.endsWith('.expected.json'));

describe('title lint: fixtures', () => {
  test('there is a fixture for every code family', () => {
    const families = new Set(files.map((f) => familyFor(undefined, f)));
    for (const f of ['javascript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dart'] as const) assert.ok(families.has(f), f);
  });

  for (const file of files) {
    test(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const family = familyFor(undefined, file);
      assert.ok(family, `family of ${file}`);
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${file}.expected.json`), 'utf8')) as Expected[];
      const found = scanTitles(text, family, catalog);
      const actual = found.map((f) => ({ line: lineOf(text, f.start), codes: [...(f.codes ?? [])] }));
      assert.deepEqual(actual, expected);
      for (const f of found) {
        assert.equal(f.kind, 'title-match');
        // The finding covers the literal with its quotes or slashes; `text` is what is between them.
        const raw = text.slice(f.start, f.end);
        assert.ok(f.text !== undefined && raw.includes(f.text), `${raw} holds ${f.text}`);
        assert.match(raw, /^(?:["'`/]|r["']|%r)/);
      }
    });
  }
});

// Every fixture under test/fixtures/detect is scanned and compared, as a set of
// {line, kind, code}, with its `<file>.expected.json` sidecar (1-based lines).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { familyFor, scanCodes } from '../../src/core/detect';
import { LineIndex } from '../../src/core/report/lineIndex';
import { fixtureCatalog, FIXTURES } from '../fixtures/detect/support/catalog';

interface Expected {
  readonly line: number;
  readonly kind: string;
  readonly code: number;
}

const key = (e: Expected): string => `${e.line}:${e.kind}:${e.code}`;

/** 1-based line of each offset. */
function lineOf(text: string): (offset: number) => number {
  const index = new LineIndex(text);
  return (offset) => index.positionAt(offset).line + 1;
}

const files = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isFile() && !d.name.endsWith('.expected.json'))
  .map((d) => d.name)
  .sort();

test('there are enough fixtures, each with a sidecar', () => {
  assert.ok(files.length >= 40, `only ${files.length} fixtures`);
  for (const f of files) assert.ok(fs.existsSync(path.join(FIXTURES, `${f}.expected.json`)), `${f} has no .expected.json`);
});

for (const file of files) {
  test(`fixture ${file}`, () => {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    const family = familyFor(undefined, file);
    assert.ok(family, `${file} has a language family`);
    const line = lineOf(text);
    const got = scanCodes(text, family, fixtureCatalog()).map((f) => key({ line: line(f.start), kind: f.kind, code: f.code ?? -1 }));
    const want = (JSON.parse(fs.readFileSync(path.join(FIXTURES, `${file}.expected.json`), 'utf8')) as Expected[]).map(key);
    const missing = [...new Set(want)].filter((k) => !got.includes(k));
    const extra = [...new Set(got)].filter((k) => !want.includes(k));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${file} (line:kind:code)`);
  });
}

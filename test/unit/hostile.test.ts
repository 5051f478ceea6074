/**
 * Hostile inputs: every family must get through them in linear time without throwing, in the core
 * and through the CLI. Big inputs are generated here; the small odd files live in
 * test/fixtures/hostile.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { codeAt, scanCodes } from '../../src/core/detect';
import { fixesFor, scanTitles } from '../../src/core/lint';
import { findingProblems } from '../fuzz/check';
import { Rng } from '../fuzz/prng';
import { FAMILIES } from '../fuzz/shapes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'hostile');
const CLI = path.join(ROOT, 'dist', 'cli.js');
/**
 * Generous: multi-megabyte inputs in linear time take tens of milliseconds. Measured in CPU time
 * so that a busy shared machine does not fail the test.
 */
const BUDGET_MS = 2000;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const GRAPH_ERROR = '{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047}}';

function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

function randomBytes(size: number, seed: number): Buffer {
  const r = new Rng(seed);
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = r.int(0, 255);
  return b;
}

/** Replacement-character decoding, as VS Code and the CLI read a file that is not valid UTF-8. */
const utf8 = (b: Buffer): string => new TextDecoder('utf-8').decode(b);

const HOSTILE: Readonly<Record<string, () => string>> = {
  'a 6 MB single line of digits': () => '1310470123'.repeat(600_000),
  '200,000 nested brackets': () => '['.repeat(200_000) + ']'.repeat(200_000),
  '200,000 nested parentheses around (#': () => '('.repeat(200_000) + '#131047' + ')'.repeat(200_000),
  '100,000 nested objects with a code inside': () => '{"error":'.repeat(100_000) + '{"code":131047}' + '}'.repeat(100_000),
  'a megabyte of "(#': () => '"(#'.repeat(350_000),
  'unterminated (#digits repeated': () => '(#1310471'.repeat(120_000),
  '"code": followed by a megabyte of spaces': () => '"code":' + ' '.repeat(1_000_000) + 'x',
  'a megabyte of "code":"code":': () => '"code":'.repeat(150_000),
  'a 5 MB line of letters': () => 'a'.repeat(5_000_000),
  'a million empty CRLF lines': () => '\r\n'.repeat(1_000_000),
  'random binary (UTF-8 with replacement)': () => utf8(randomBytes(1_000_000, 1)),
  'random binary (latin1)': () => randomBytes(1_000_000, 2).toString('latin1'),
  'lone surrogates and NULs': () => '\uD800\u0000\uDFFF"code":131047\u0000(#131047)'.repeat(20_000),
  'truncated JSON lines': () => fixture('truncated.ndjson').toString('utf8').repeat(2_000),
  'CRLF and mixed line endings': () => fixture('crlf-mixed.ndjson').toString('utf8'),
  'BOM before a Graph error': () => fixture('bom-graph-error.json').toString('utf8'),
  'UTF-16 text read as UTF-8': () => fixture('utf16le-graph-error.json').toString('utf8'),
  'UTF-16 text decoded as UTF-16': () => fixture('utf16le-graph-error.json').toString('utf16le'),
  'invalid UTF-8': () => utf8(fixture('invalid-utf8.log')),
  'empty text': () => '',
  // Words and keys that name Object's own properties: looked up in tables, they must find nothing.
  'Object property names as words and keys': () =>
    'constructor __proto__ toString hasOwnProperty valueOf\n{"error":{"constructor":1,"__proto__":{"code":131047},"toString":"x","code":131047}}\n'.repeat(2_000),
  // JSON serialized into strings, ever deeper, and a megabyte of escaped quotes.
  'JSON escaped fifteen levels deep': () => {
    let s = '{"code":131047,"fbtrace_id":"x"}';
    for (let k = 0; k < 15; k++) s = JSON.stringify({ message: s });
    return s + '\n' + s + '\n';
  },
  'a megabyte of {\\":': () => '{"m":"' + '{\\":'.repeat(250_000) + '"}\n{"a":1}\n',
  // Delimited rows: without a header, headers and rows alternating, a table under one header.
  'delimited rows without a header': () => Array.from({ length: 50_000 }, (_, i) => `${i},131047,4,${i % 7},x`).join('\n'),
  'header lines and rows alternating': () => 'id,error_code,count\n1,131047,4\n'.repeat(25_000),
  // Long runs of blanks between words, as pretty-printers and corrupted payloads leave them.
  'runs of spaces and tabs between fields': () => ('a' + ' \t'.repeat(2_000) + ',b\n' + '\t'.repeat(3_000) + '\n').repeat(200),
  'fifty thousand rows of a test table': () => 'cases := []struct{ name string; code int }{\n' + '\t{"window closed", 131047},\n'.repeat(50_000) + '}\n',
};

/** Runs every entry point of the core on `text` in `family`; returns the problems and the time. */
function exercise(text: string, family: (typeof FAMILIES)[number]): { problems: string[]; ms: number } {
  const catalog = builtinCatalog();
  const t0 = process.cpuUsage();
  const codes = scanCodes(text, family, catalog);
  const problems = findingProblems(text, codes, `scanCodes(${family})`);
  // codeAt rescans what it is given, so a multi-megabyte "line" is asked once, in its middle.
  const offsets = text.length > 100_000 ? [text.length >> 1] : [0, text.length >> 1, text.length];
  for (const offset of offsets) {
    const f = codeAt(text, offset, family, catalog);
    if (f) problems.push(...findingProblems(text, [f], `codeAt(${family}, ${offset})`));
  }
  const titles = scanTitles(text, family, catalog);
  problems.push(...findingProblems(text, titles, `scanTitles(${family})`));
  const first = titles[0];
  if (first) fixesFor(text, first, family, catalog);
  return { problems, ms: cpuMs(t0) };
}

describe('hostile inputs, every family, in the core', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    test(name, () => {
      const text = make();
      for (const family of FAMILIES) {
        const { problems, ms } = exercise(text, family);
        assert.deepEqual(problems.slice(0, 5), [], `${family}: malformed findings`);
        assert.ok(ms < BUDGET_MS, `${family}: ${ms.toFixed(0)} ms for ${text.length} chars (budget ${BUDGET_MS} ms)`);
      }
    });
  }
});

describe('odd encodings and line endings still yield the code', () => {
  const cases: readonly [string, string, (typeof FAMILIES)[number], number][] = [
    ['BOM', fixture('bom-graph-error.json').toString('utf8'), 'json', 1],
    ['CRLF and lone CR', fixture('crlf-mixed.ndjson').toString('utf8'), 'json', 2],
    ['UTF-16 decoded', fixture('utf16le-graph-error.json').toString('utf16le'), 'json', 1],
    ['truncated lines around one whole line', fixture('truncated.ndjson').toString('utf8'), 'json', 1],
  ];
  for (const [name, text, family, atLeast] of cases) {
    test(name, () => {
      const found = scanCodes(text, family, builtinCatalog()).filter((f) => f.code === 131047);
      assert.ok(found.length >= atLeast, `expected at least ${atLeast} hit(s) of 131047, got ${found.length}`);
      for (const f of found) assert.equal(text.slice(f.start, f.end), '131047');
    });
  }

  test('invalid UTF-8 around a flattened (#131047)', () => {
    const text = utf8(fixture('invalid-utf8.log'));
    assert.ok(text.includes('\uFFFD'), 'the fixture should decode with replacement characters');
    const found = scanCodes(text, 'text', builtinCatalog()).filter((f) => f.code === 131047);
    assert.ok(found.length >= 1);
    for (const f of found) assert.equal(text.slice(f.start, f.end), '131047');
  });

  test('a cancelled token ends a multi-megabyte scan early and well-formed', () => {
    const text = (GRAPH_ERROR + '\n').repeat(60_000);
    const t0 = process.cpuUsage();
    const found = scanCodes(text, 'json', builtinCatalog(), { token: { isCancellationRequested: true } });
    const ms = cpuMs(t0);
    assert.deepEqual(findingProblems(text, found, 'cancelled'), []);
    assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms`);
  });
});

describe('hostile files through the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-hostile-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const files: Readonly<Record<string, string | Buffer>> = {
    'digits.log': '1310470123'.repeat(600_000),
    'brackets.json': '['.repeat(200_000) + ']'.repeat(200_000),
    'nested.json': '{"error":'.repeat(100_000) + '{"code":131047}' + '}'.repeat(100_000),
    'binary.log': randomBytes(500_000, 3),
    'hash.log': '"(#'.repeat(350_000),
    'utf16.json': fixture('utf16le-graph-error.json'),
    'invalid-utf8.log': fixture('invalid-utf8.log'),
    'crlf.ndjson': fixture('crlf-mixed.ndjson'),
    'truncated.ndjson': fixture('truncated.ndjson'),
    'empty.json': '',
  };
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);

  /** A Node stack frame: what a crash looks like on stderr. */
  const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

  function cli(...args: string[]): { status: number | null; stderr: string } {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run node esbuild.js first`);
    const res = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
    return { status: res.status, stderr: res.stderr };
  }

  for (const name of Object.keys(files)) {
    test(`scan ${name}`, () => {
      const { status, stderr } = cli('scan', path.join(dir, name));
      assert.ok(status === 0 || status === 1, `exit ${status}; stderr: ${stderr.slice(0, 500)}`);
      assert.doesNotMatch(stderr, STACK);
    });
  }

  test('scan of the whole hostile folder as JSON', () => {
    const { status, stderr } = cli('scan', '--format', 'json', dir);
    assert.ok(status === 0 || status === 1, `exit ${status}; stderr: ${stderr.slice(0, 500)}`);
    assert.doesNotMatch(stderr, STACK);
  });

  test('scan of a missing path exits 2 with a one-line message', () => {
    const { status, stderr } = cli('scan', path.join(dir, 'does', 'not', 'exist'));
    assert.equal(status, 2);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `stderr: ${stderr}`);
    assert.ok((lines[0] ?? '').length > 0);
    assert.doesNotMatch(stderr, STACK);
  });
});

// The CLI's fast paths against the straightforward code they replace: same positions, same cuts,
// same bytes. Any difference here would change a report, which the perf work must never do.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanCodes } from '../../src/core/detect';
import { scanTitles } from '../../src/core/lint';
import {
  compareFindings,
  findingJson,
  formatReport,
  LineCursor,
  LineIndex,
  reportFindings,
  reportSortedFindings,
  type ReportedFinding,
  type ReportFormat,
} from '../../src/core/report';
import type { Finding } from '../../src/core/types';
import { SNIFF_BYTES, sniffEncoding } from '../../src/cli/encoding';
import { LineGroups, lineGroupBounds, type TextGroup } from '../../src/cli/lineGroups';
import { Output } from '../../src/cli/output';
import { decodeWhole, readText } from '../../src/cli/readText';
import { runScan } from '../../src/cli/scan';
import { collectTargets } from '../../src/cli/walk';
import { Rng } from '../fuzz/prng';
import { ndjsonText, sourceText } from '../fuzz/shapes';

const ROOT = path.resolve(__dirname, '../../..');
const catalog = builtinCatalog();
const tool = { version: '1.2.3', informationUri: 'https://example.invalid/wa-errors' };

/** Random text over the characters that matter to line mapping: every break style, pairs, wide chars. */
function randomText(r: Rng, length: number): string {
  const alphabet = ['a', 'b', '1', '\n', '\r', '\r\n', '😀', 'é', ' ', '"'];
  let s = '';
  while (s.length < length) s += r.pick(alphabet);
  return s;
}

describe('LineCursor', () => {
  test('agrees with LineIndex on every offset, in order and after jumping back', () => {
    const r = new Rng(7);
    for (let round = 0; round < 200; round++) {
      const text = randomText(r, r.int(0, 80));
      const index = new LineIndex(text);
      const cursor = new LineCursor(text);
      for (let at = -1; at <= text.length + 1; at++) assert.deepEqual(cursor.positionAt(at), index.positionAt(at), JSON.stringify({ text, at }));
      const back = r.int(0, text.length);
      assert.deepEqual(cursor.positionAt(back), index.positionAt(back), 'restarts when asked for an earlier offset');
    }
  });

  test('positionAfter gives the end of a span as LineIndex does', () => {
    const r = new Rng(8);
    for (let round = 0; round < 500; round++) {
      const text = randomText(r, r.int(1, 60));
      const index = new LineIndex(text);
      const cursor = new LineCursor(text);
      const start = r.int(0, text.length);
      const end = r.int(start, text.length + 2);
      assert.deepEqual(cursor.positionAfter(start, cursor.positionAt(start), end), index.positionAt(end), JSON.stringify({ text, start, end }));
    }
  });

  test('LineIndex built with and without carriage returns counts the same lines', () => {
    const text = 'a\nb\n\nc';
    assert.equal(new LineIndex(text).lineCount, 4);
    assert.equal(new LineIndex(text.replace(/\n/g, '\r\n')).lineCount, 4);
    const long = 'x\n'.repeat(5000);
    assert.deepEqual(new LineIndex(long).positionAt(long.length - 1), { line: 4999, character: 1 }, 'the line starts array grows past its first size');
  });
});

/** Random detector output over `text`: unsorted, overlapping, both kinds, some duplicates. */
function randomFindings(r: Rng, text: string): Finding[] {
  const out: Finding[] = [];
  const n = r.int(0, 12);
  for (let i = 0; i < n; i++) {
    const start = r.int(0, text.length);
    const end = r.int(start, Math.min(text.length, start + 12));
    if (r.chance(0.3)) out.push({ kind: 'title-match', start, end, codes: [131047, 131026].slice(0, r.int(1, 2)), text: text.slice(start, end) });
    else out.push({ kind: 'error-code', start, end, code: r.pick([131047, 130429, 999999]) });
    if (r.chance(0.1)) out.push({ ...(out.at(-1) as Finding) });
  }
  return out;
}

test('reportSortedFindings equals reportFindings followed by a stable sort with compareFindings', () => {
  const r = new Rng(9);
  for (let round = 0; round < 400; round++) {
    const text = randomText(r, r.int(0, 100));
    const findings = randomFindings(r, text);
    const origin = r.chance(0.5) ? { line: r.int(0, 5), column: r.int(0, 9) } : undefined;
    const expected = reportFindings(findings, text, 'f.log', catalog, origin).sort(compareFindings);
    assert.deepEqual(reportSortedFindings(findings, text, 'f.log', catalog, origin), expected, JSON.stringify({ text, findings }));
    // The same findings found in a slice of a longer text, placed against the whole text.
    const prefix = randomText(r, r.int(0, 20)).replace(/\r$/, '') + '\n';
    const shifted = reportSortedFindings(findings, prefix + text, 'f.log', catalog, undefined, prefix.length);
    const prefixLines = new LineIndex(prefix).lineCount - 1;
    assert.deepEqual(
      shifted,
      reportFindings(findings, text, 'f.log', catalog, { line: prefixLines, column: 0 }).sort(compareFindings),
    );
  }
});

test('findingJson is JSON.stringify, byte for byte, escapes included', () => {
  const base = reportFindings([{ kind: 'error-code', start: 0, end: 6, code: 131047 }], '131047', 'a.log', catalog)[0] as ReportedFinding;
  const odd: ReportedFinding[] = [
    base,
    { ...base, file: 'dir/"quoted" \\ back\tslash\u0001 😀 \ud800.log' },
    { ...base, message: 'line\nbreak "and" \u2028 separators \udfff' },
    { file: 'x.ts', line: 3, column: 1, endLine: 4, endColumn: 2, kind: 'title-match', codes: [131047, 131026], message: 'm', severity: 'warning' },
    { file: 'x.ts', line: 3, column: 1, endLine: 4, endColumn: 2, kind: 'title-match', codes: [], message: 'm', severity: 'warning' },
  ];
  for (const f of odd) assert.equal(findingJson(f), JSON.stringify(f));
});

test('lineGroupBounds cuts a whole text exactly where LineGroups cuts it streamed', () => {
  const r = new Rng(10);
  for (let round = 0; round < 300; round++) {
    const text = randomText(r, r.int(0, 120));
    const limit = r.int(2, 20);
    const groups = new LineGroups(limit);
    const streamed: TextGroup[] = [];
    for (let i = 0; i < text.length; i += 7) streamed.push(...groups.push(text.slice(i, i + 7)));
    streamed.push(...groups.end());
    assert.deepEqual(
      lineGroupBounds(text, limit).map(([s, e]) => text.slice(s, e)),
      streamed.map((g) => g.text),
      JSON.stringify({ text, limit }),
    );
  }
});

/** The sniffing rule as first written: decode the sample, count odd characters. */
function sniffByDecoding(head: Uint8Array): string | undefined {
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return undefined;
  const text = new TextDecoder('utf-8').decode(sample, { stream: true });
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && !(c >= 9 && c <= 13) && c !== 27) || c === 127) odd++;
  }
  return odd > text.length * 0.1 ? undefined : 'utf-8';
}

test('sniffEncoding decides ASCII samples without decoding, as decoding would', () => {
  const r = new Rng(11);
  for (let round = 0; round < 300; round++) {
    const controls = r.next() * 0.3;
    const bytes = Buffer.from(Array.from({ length: r.int(1, 300) }, () => (r.chance(controls) ? r.int(1, 31) : r.chance(0.02) ? 127 : r.int(32, 126))));
    assert.equal(sniffEncoding(bytes), sniffByDecoding(bytes), bytes.toString('hex'));
  }
});

describe('decodeWhole', () => {
  test('gives the text readText streams, for every encoding, and undefined for binary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-errors-decode-'));
    try {
      const text = Array.from({ length: 3000 }, (_, i) => `line ${i} é 😀 {"code":131047}`).join('\r\n');
      const le = Buffer.from('\ufeff' + text, 'utf16le');
      const be = Buffer.from(le);
      be.swap16();
      const samples: Record<string, Buffer> = {
        ascii: Buffer.from('plain {"code":131047}\nnext\n'),
        utf8: Buffer.from(text),
        bom: Buffer.from('\ufeff' + text),
        le,
        be,
        invalid: Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff, 0xfe, 0xc3]), Buffer.from(' {"code":131047}')]),
        empty: Buffer.alloc(0),
        binary: Buffer.from([0x7b, 0x00, 0x01]),
      };
      for (const [name, bytes] of Object.entries(samples)) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        let streamed = '';
        const kind = await readText(file, (g) => void (streamed += g.text), 1000);
        assert.equal(decodeWhole(bytes), kind === 'binary' ? undefined : streamed, name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The scan as first written: every file streamed, positions from a LineIndex per group, findings
 * sorted with compareFindings, the report formatted whole with JSON.stringify per finding.
 */
async function referenceScan(paths: string[], cwd: string, format: ReportFormat): Promise<string> {
  const { targets } = await collectTargets(paths, cwd, () => undefined);
  const all: ReportedFinding[] = [];
  let files = 0;
  for (const t of targets) {
    const kind = await readText(t.absPath, ({ text, origin, index }) => {
      const found = [...scanCodes(text, t.family, catalog), ...scanTitles(text, t.family, catalog)];
      all.push(...reportFindings(found, text, t.file, catalog, origin, index).sort(compareFindings));
    });
    if (kind === 'text') files++;
  }
  const summary = { files, errorCodes: all.filter((f) => f.kind === 'error-code').length, titleMatches: all.filter((f) => f.kind === 'title-match').length };
  if (format === 'json') return '{"findings":[\n' + all.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
  return formatReport(format, all, summary, catalog, tool);
}

test('runScan prints exactly what the straightforward scan prints, on every fixture', async () => {
  const warnings: string[] = [];
  for (const format of ['json', 'text', 'sarif'] as const) {
    let stdout = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((stdout += String(chunk)), done()) });
    await runScan({ name: 'scan', paths: ['test/fixtures'], format }, { cwd: ROOT, catalog, tool, out: new Output(sink), warn: (m) => warnings.push(m) });
    const expected = await referenceScan(['test/fixtures'], ROOT, format);
    assert.ok(expected.split('\n').length > 50, 'the fixtures have findings to compare');
    assert.equal(stdout, expected, format);
  }
  assert.deepEqual(warnings, []);
});

test('dist/cli.js with detector threads prints what the in-process scan prints', async () => {
  const cli = path.join(ROOT, 'dist/cli.js');
  assert.ok(fs.existsSync(cli), 'run `node esbuild.js --tests` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-errors-threads-'));
  try {
    // Over POOL_AFTER_CHARS in all, so threads start part-way through, with files before and after.
    const r = new Rng(12);
    fs.mkdirSync(path.join(dir, 'w/src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'w/a.ndjson'), ndjsonText(r, 3 * 1024 * 1024, 0.25));
    fs.writeFileSync(path.join(dir, 'w/b.ndjson'), ndjsonText(r, 3 * 1024 * 1024, 0.25).replace(/\n/g, '\r\n'));
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `w/src/f${i}.ts`), sourceText(r, 'javascript', 20_000));
    fs.writeFileSync(path.join(dir, 'w/src/blob.json'), Buffer.from([0x7b, 0, 1, 2]));
    for (const format of ['json', 'text'] as const) {
      const child = spawnSync(process.execPath, [cli, 'scan', '--format', format, 'w'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      assert.equal(child.status, 0, child.stderr);
      let stdout = '';
      const sink = new Writable({ write: (chunk, _enc, done) => ((stdout += String(chunk)), done()) });
      await runScan({ name: 'scan', paths: ['w'], format }, { cwd: dir, catalog, tool, out: new Output(sink), warn: () => undefined });
      assert.ok(stdout.length > 100_000, 'many findings to compare');
      assert.equal(child.stdout, stdout, format);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

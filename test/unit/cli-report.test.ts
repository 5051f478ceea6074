// The pure report layer (src/core/report): positions, order, and the text/JSON/SARIF shapes CI reads.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import {
  compareFindings,
  entryJson,
  formatEntriesJson,
  formatEntryDetails,
  formatEntryTable,
  formatReport,
  LineIndex,
  relativeUri,
  reportFindings,
  reportStream,
  type ReportedFinding,
} from '../../src/core/report';
import { titleMatchMessage } from '../../src/core/lint';
import type { CatalogEntry, Finding } from '../../src/core/types';

const DOCS = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';
const entry = (code: number, title: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  code,
  key: String(code),
  title,
  variants: [],
  category: 'test',
  httpStatus: 400,
  description: `about ${code}`,
  solution: `fix ${code}`,
  retry: 'do-not-retry',
  docsUrl: DOCS,
  ...extra,
});
const catalog = new Catalog([
  entry(131047, 'Re-engagement message'),
  entry(131026, 'Message Undeliverable', { variants: ['Receiver is incapable of receiving this message'] }),
  entry(200, 'Permissions error', { codeEnd: 299, key: '200-299', httpStatus: null, retry: 'fix-request' }),
]);
const tool = { version: '9.9.9', informationUri: 'https://example.invalid/wa-errors' };

const codeAt = (text: string, needle: string, code: number): Finding => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} is in the text`);
  return { kind: 'error-code', start, end: start + needle.length, code };
};

describe('LineIndex', () => {
  test('counts LF, CRLF and lone CR as one line break each', () => {
    const idx = new LineIndex('a\nbb\r\nccc\rd');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 2 }, 'the CR of CRLF still belongs to its line');
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
  });

  test('clamps offsets and positions to the text', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: 1, character: 1 }), 4);
    assert.equal(idx.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(idx.lineStart(1), 3);
  });

  test('an empty text has one empty line; a trailing break adds an empty last line', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('x\n').lineCount, 2);
    assert.deepEqual(new LineIndex('x\n').positionAt(2), { line: 1, character: 0 });
  });
});

describe('reportFindings', () => {
  test('gives 1-based lines and columns, end column one past the match', () => {
    const text = 'first\r\n{"error":{"code":131047}}\n';
    const [f] = reportFindings([codeAt(text, '131047', 131047)], text, 'logs/a.ndjson', catalog);
    assert.deepEqual(f, {
      file: 'logs/a.ndjson',
      line: 2,
      column: 18,
      endLine: 2,
      endColumn: 24,
      kind: 'error-code',
      code: 131047,
      message: '131047 Re-engagement message',
      severity: 'note',
    });
    assert.deepEqual(Object.keys(f ?? {}), ['file', 'line', 'column', 'endLine', 'endColumn', 'kind', 'code', 'message', 'severity']);
  });

  test('shifts by the origin of a text cut from the middle of a file', () => {
    const text = '131047 tail\nnext 131047';
    const findings = [codeAt(text, '131047', 131047), { ...codeAt(text, 'next 131047', 131047), start: 17, end: 23 }];
    const [first, second] = reportFindings(findings, text, 'f.log', catalog, { line: 10, column: 4 });
    assert.equal(first?.line, 11);
    assert.equal(first?.column, 5, 'the first line continues a line begun in the previous group');
    assert.equal(second?.line, 12);
    assert.equal(second?.column, 6, 'later lines start at column 1');
  });

  test('counts columns in UTF-16 code units (an emoji is two)', () => {
    const text = '😀 {"code":131047}';
    const [f] = reportFindings([codeAt(text, '131047', 131047)], text, 'x.json', catalog);
    assert.equal(f?.column, 12);
  });

  test('names unknown codes and describes title matches with titleMatchMessage', () => {
    const text = 'code 999999; if (e.message === "Re-engagement message")';
    const unknown = codeAt(text, '999999', 999999);
    const start = text.indexOf('"Re-');
    const title: Finding = { kind: 'title-match', start, end: start + 23, codes: [131047], text: 'Re-engagement message' };
    const [a, b] = reportFindings([unknown, title], text, 'x.ts', catalog);
    assert.equal(a?.message, '999999 is not in the catalog');
    assert.equal(b?.kind, 'title-match');
    assert.equal(b?.severity, 'warning');
    assert.deepEqual(b?.codes, [131047]);
    assert.equal(b?.code, undefined);
    assert.equal(b?.message, titleMatchMessage(title, catalog));
    assert.deepEqual(Object.keys(b ?? {}), ['file', 'line', 'column', 'endLine', 'endColumn', 'kind', 'codes', 'message', 'severity']);
  });
});

const found = (file: string, line: number, column: number, kind: ReportedFinding['kind'] = 'error-code'): ReportedFinding => ({
  file,
  line,
  column,
  endLine: line,
  endColumn: column + 6,
  kind,
  ...(kind === 'error-code' ? { code: 131047 } : { codes: [131047] }),
  message: kind === 'error-code' ? '131047 Re-engagement message' : 'title match',
  severity: kind === 'error-code' ? 'note' : 'warning',
});

test('compareFindings orders by file (code units, not locale), then line, then column', () => {
  const list = [found('b.log', 1, 1), found('a/z.log', 3, 9), found('a/z.log', 3, 2), found('B.log', 1, 1), found('a/z.log', 2, 40), found('a.log', 1, 1)];
  const order = [...list].sort(compareFindings).map((f) => `${f.file}:${f.line}:${f.column}`);
  assert.deepEqual(order, ['B.log:1:1', 'a.log:1:1', 'a/z.log:2:40', 'a/z.log:3:2', 'a/z.log:3:9', 'b.log:1:1']);
});

describe('formatReport', () => {
  const findings = [found('logs/a b.ndjson', 2, 18), found('src/send.ts', 4, 7, 'title-match')];
  const summary = { files: 3, errorCodes: 1, titleMatches: 1 };

  test('text: one path:line:col line per finding, then a summary', () => {
    const lines = formatReport('text', findings, summary, catalog, tool).trimEnd().split('\n');
    assert.deepEqual(lines, [
      'logs/a b.ndjson:2:18  error-code  131047 Re-engagement message',
      'src/send.ts:4:7  title-match  title match',
      '2 findings (1 error-code, 1 title-match) in 3 files.',
    ]);
    assert.equal(formatReport('text', [], { files: 1, errorCodes: 0, titleMatches: 0 }, catalog, tool), 'No findings in 1 file.\n');
  });

  test('json: {"findings": [...]} with the findings as given', () => {
    const parsed = JSON.parse(formatReport('json', findings, summary, catalog, tool)) as { findings: ReportedFinding[] };
    assert.deepEqual(parsed.findings, findings);
    assert.deepEqual(JSON.parse(formatReport('json', [], summary, catalog, tool)), { findings: [] });
  });

  test('sarif: a 2.1.0 log with both rules and located results', () => {
    const log = JSON.parse(formatReport('sarif', findings, summary, catalog, tool));
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'wa-errors');
    assert.equal(driver.version, '9.9.9');
    assert.equal(driver.informationUri, tool.informationUri);
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      ['wa-errors/title-match', 'wa-errors/error-code'],
    );
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.helpUri, `${rule.id} is described`);
      assert.match(rule.defaultConfiguration.level, /^(note|warning)$/);
    }
    const [code, title] = run.results;
    assert.equal(code.ruleId, 'wa-errors/error-code');
    assert.equal(driver.rules[code.ruleIndex].id, code.ruleId);
    assert.equal(code.level, 'note');
    assert.equal(code.message.text, '131047 Re-engagement message');
    assert.deepEqual(code.locations[0].physicalLocation, {
      artifactLocation: { uri: 'logs/a%20b.ndjson', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 18, endLine: 2, endColumn: 24 },
    });
    assert.deepEqual(code.properties, { code: 131047, docsUrl: DOCS });
    assert.equal(title.ruleId, 'wa-errors/title-match');
    assert.equal(driver.rules[title.ruleIndex].id, title.ruleId);
    assert.equal(title.level, 'warning');
    assert.deepEqual(title.properties, { codes: [131047] });
    assert.deepEqual(JSON.parse(formatReport('sarif', [], summary, catalog, tool)).runs[0].results, []);
  });

  test('streamed pieces add up to the whole report, in every format', () => {
    for (const format of ['text', 'json', 'sarif'] as const) {
      const s = reportStream(format, catalog, tool);
      const streamed = s.begin() + s.finding(findings[0] as ReportedFinding, 0) + s.finding(findings[1] as ReportedFinding, 1) + s.end(summary);
      assert.equal(streamed, formatReport(format, findings, summary, catalog, tool), format);
    }
  });

  test('relativeUri percent-encodes segments and keeps dot segments', () => {
    assert.equal(relativeUri('../logs/día #1.log'), '../logs/d%C3%ADa%20%231.log');
    assert.equal(relativeUri('a\\b.json'), 'a/b.json');
  });
});

describe('catalog entries', () => {
  test('entryJson has exactly the contract keys; a range keeps its key as the code', () => {
    const single = entryJson(catalog.get(131047) as CatalogEntry);
    assert.deepEqual(Object.keys(single), ['code', 'title', 'description', 'solution', 'category', 'httpStatus', 'docsUrl', 'retry', 'variants']);
    assert.equal(single.code, 131047);
    const range = entryJson(catalog.get(250) as CatalogEntry);
    assert.equal(range.code, '200-299');
    assert.equal(range.httpStatus, null);
    assert.deepEqual(JSON.parse(formatEntriesJson([catalog.get(131026) as CatalogEntry])).codes[0].variants, ['Receiver is incapable of receiving this message']);
  });

  test('the table aligns its columns, one line per entry', () => {
    const lines = formatEntryTable(catalog.entries).trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /^CODE\s+HTTP\s+CATEGORY\s+TITLE$/);
    const titleAt = (lines[0] ?? '').indexOf('TITLE');
    assert.equal((lines[1] ?? '').indexOf('Re-engagement message'), titleAt);
    assert.equal((lines[3] ?? '').indexOf('Permissions error'), titleAt);
    assert.match(lines[3] ?? '', /^200-299\s+-\s+/);
  });

  test('details: code · title, then aligned one-line fields', () => {
    const multiline = entry(131026, 'Message Undeliverable', { description: 'Unable to deliver.\n  Reasons vary.', variants: ['Receiver is incapable of receiving this message'] });
    const lines = formatEntryDetails([multiline]).trimEnd().split('\n');
    assert.equal(lines[0], '131026 · Message Undeliverable');
    assert.ok(lines.includes('  Description   Unable to deliver. Reasons vary.'), lines.join('\n'));
    assert.ok(lines.includes('  Also seen as  Receiver is incapable of receiving this message'));
    assert.ok(lines.includes(`  Docs          ${DOCS}`));
    const valueColumn = new Set(lines.slice(1).map((l) => l.search(/(?<=^ {2}\S.*?\s{2,})\S/)));
    assert.equal(valueColumn.size, 1, 'every value starts in the same column');
  });
});

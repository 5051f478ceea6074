/**
 * The pure log summarizer: counts and first/last lines per code, and the same result however the
 * text is cut into chunks (lines and CRLF pairs split across chunks, BOM, a final line without a break).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { type LogSummary, LogSummarizer, summarizeText } from '../../src/core/summary';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

const status = (code: number, id: string) =>
  `{"statuses":[{"id":"wamid.${id}","status":"failed","errors":[{"code":${code},"title":"x","error_data":{"details":"d"}}]}]}`;
const graph = (code: number) => `{"error":{"message":"(#${code}) oops","type":"OAuthException","code":${code},"fbtrace_id":"Ab1"}}`;
const info = '{"level":"info","msg":"retry in 100 ms","attempt":2}';

/** Lines 0..6: 131047 twice, 130429 once, 131026 once, plus lines without errors. */
const LOG_LINES = [info, status(131047, 'a'), graph(130429), info, status(131026, 'b'), status(131047, 'c'), info];

function summarize(chunks: readonly string[], family: LanguageFamily = 'json'): LogSummary {
  const s = new LogSummarizer(family, catalog);
  for (const c of chunks) s.push(c);
  return s.finish();
}

/** code → [count, firstLine, lastLine]. */
function table(summary: LogSummary): Record<number, [number, number, number]> {
  const out: Record<number, [number, number, number]> = {};
  for (const c of summary.codes) out[c.code] = [c.count, c.firstLine, c.lastLine];
  return out;
}

/** Cuts a text at every `step` characters. */
function pieces(text: string, step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out;
}

describe('summary: counts and lines', () => {
  const text = `${LOG_LINES.join('\n')}\n`;

  test('counts each code with its first and last line, most frequent first', () => {
    const s = summarize([text]);
    assert.deepEqual(table(s), { 131047: [2, 1, 5], 130429: [1, 2, 2], 131026: [1, 4, 4] });
    assert.equal(s.codes[0]?.code, 131047);
    assert.equal(s.codes[0]?.entry?.title, 'Re-engagement message');
    assert.deepEqual(s.codes[0]?.lines, [1, 5]);
    assert.equal(s.total, 4);
    assert.equal(s.lineCount, 8, 'a text ending in a line break has an empty last line');
    assert.equal(s.cancelled, false);
  });

  test('a log without codes gives an empty summary (the "100 ms" is not code 100)', () => {
    const s = summarize([`${info}\n${info}\n`]);
    assert.deepEqual(s.codes, []);
    assert.equal(s.total, 0);
  });

  test('plain-text logs: a Graph message in a text line counts', () => {
    const s = summarize(['2026-05-01 ERROR send failed: (#131056) pair rate limit\n', '2026-05-01 INFO ok\n'], 'text');
    assert.deepEqual(table(s), { 131056: [1, 0, 0] });
  });

  test('a code counts once per line (a Graph error names it in `code` and in `(#...)`)', () => {
    const s = summarize([`${info}\n${graph(131047)}\n${graph(131047)} ${status(131047, 'z')}\n`]);
    assert.equal(s.codes[0]?.count, 2);
    assert.equal(s.total, 2);
    assert.deepEqual(s.codes[0]?.lines, [1, 2]);
  });

  test('occurrence lines are capped per code, counts are not', () => {
    const s = new LogSummarizer('json', catalog, { maxLinesPerCode: 3 });
    s.push(`${Array.from({ length: 10 }, (_, i) => status(131047, String(i))).join('\n')}\n`);
    const c = s.finish().codes[0];
    assert.equal(c?.count, 10);
    assert.deepEqual(c?.lines, [0, 1, 2]);
    assert.equal(c?.lastLine, 9);
  });
});

describe('summary: chunk boundaries', () => {
  const expected = { 131047: [2, 1, 5], 130429: [1, 2, 2], 131026: [1, 4, 4] };

  test('any chunk size gives the same result as one chunk (lines split across chunks)', () => {
    const text = `${LOG_LINES.join('\n')}\n`;
    for (const step of [1, 7, 50, 97, 128, 1000]) assert.deepEqual(table(summarize(pieces(text, step))), expected, `step ${step}`);
  });

  test('a code split in the middle of its digits is found once', () => {
    const text = `${LOG_LINES.join('\n')}\n`;
    const at = text.indexOf('131026') + 3;
    assert.deepEqual(table(summarize([text.slice(0, at), text.slice(at)])), expected);
  });

  test('CRLF: line numbers match LF, also when CR and LF fall in different chunks', () => {
    const text = `${LOG_LINES.join('\r\n')}\r\n`;
    assert.deepEqual(table(summarize([text])), expected);
    let cr = text.indexOf('\r\n');
    while (cr !== -1) {
      assert.deepEqual(table(summarize([text.slice(0, cr + 1), text.slice(cr + 1)])), expected, `split after CR at ${cr}`);
      cr = text.indexOf('\r\n', cr + 2);
    }
    assert.equal(summarize(pieces(text, 3)).lineCount, 8);
  });

  test('a lone CR is a line break, as in the editor', () => {
    const s = summarize([`${info}\r${status(131047, 'a')}\r`, `${info}\r${status(131026, 'b')}`]);
    assert.deepEqual(table(s), { 131047: [1, 1, 1], 131026: [1, 3, 3] });
  });

  test('the last line without a final break is scanned by finish()', () => {
    const s = new LogSummarizer('json', catalog);
    s.push(`${info}\n${status(131047, 'a')}`);
    assert.equal(s.summary().total, 0, 'an unfinished line is held back');
    assert.deepEqual(table(s.finish()), { 131047: [1, 1, 1] });
  });

  test('a line longer than maxLineLength is scanned in pieces without growing the buffer', () => {
    const s = new LogSummarizer('text', catalog, { maxLineLength: 2048 });
    const long = `${' '.repeat(3000)}(#131047) Re-engagement message${' '.repeat(3000)}`;
    for (const c of pieces(`${long}\nnext (#131026) Message Undeliverable\n`, 1000)) s.push(c);
    assert.deepEqual(table(s.finish()), { 131047: [1, 0, 0], 131026: [1, 1, 1] });
  });
});

describe('summary: cancellation and summarizeText', () => {
  test('summarizeText slices a whole text and reports progress', async () => {
    const text = `${Array.from({ length: 500 }, (_, i) => status(i % 2 ? 131047 : 131026, String(i))).join('\n')}\n`;
    const seen: number[] = [];
    const s = await summarizeText(text, 'json', catalog, { sliceSize: 4096, onProgress: (n) => seen.push(n), pause: async () => {} });
    assert.deepEqual(table(s), { 131047: [250, 1, 499], 131026: [250, 0, 498] });
    assert.ok(seen.length > 5);
    assert.equal(seen[seen.length - 1], text.length);
  });

  test('a cancelled token stops the scan and marks the summary as partial', async () => {
    const token = { isCancellationRequested: false };
    const text = `${Array.from({ length: 2000 }, (_, i) => status(131047, String(i))).join('\n')}\n`;
    const s = await summarizeText(text, 'json', catalog, {
      token,
      sliceSize: 4096,
      onProgress: (done) => {
        if (done >= 8192) token.isCancellationRequested = true;
      },
    });
    assert.equal(s.cancelled, true);
    assert.ok(s.total > 0 && s.total < 2000, `${s.total} counted before cancelling`);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addFindings, FindingIndex } from '../../src/core/findingIndex';
import type { Finding } from '../../src/core/types';

function codeFinding(text: string, needle: string, code: number, from = 0): Finding {
  const start = text.indexOf(needle, from);
  assert.notEqual(start, -1, `fixture must contain ${needle}`);
  return { kind: 'error-code', start, end: start + needle.length, code };
}

test('addFindings turns offsets into lines, counting from the slice first line', () => {
  const text = 'a\n{"code":131047}\r\nxx {"code":131026} {"code":131047}\n{"code":131047}';
  const f1 = codeFinding(text, '131047', 131047);
  const f2 = codeFinding(text, '131026', 131026);
  const f3 = codeFinding(text, '131047', 131047, f2.end);
  const f4 = codeFinding(text, '131047', 131047, f3.end);
  const index = new FindingIndex();
  addFindings(index, text, 10, [f3, f1, f4, f2]); // out of order on purpose
  assert.deepEqual(
    Array.from({ length: index.count }, (_, i) => [index.line(i), index.code(i)]),
    [[11, 131047], [12, 131026], [12, 131047], [13, 131047]],
  );
  assert.equal(index.hitCount, 4);
  assert.equal(index.distinctLines(), 3);
  assert.equal(index.distinctCodes(), 2);
});

test('a code repeated on one line is stored once and counted every time', () => {
  const index = new FindingIndex();
  index.add(3, 131047);
  index.add(3, 131026);
  index.add(3, 131047);
  assert.equal(index.count, 2);
  assert.equal(index.hitCount, 3);
});

test('addFindings ignores title-match findings', () => {
  const index = new FindingIndex();
  addFindings(index, 'if (e.title === "x")', 0, [{ kind: 'title-match', start: 16, end: 19, codes: [131047], text: 'x' }]);
  assert.equal(index.count, 0);
  assert.equal(index.hitCount, 0);
});

test('the index grows past its initial capacity and trims to what it holds', () => {
  const index = new FindingIndex();
  for (let i = 0; i < 1000; i++) index.add(i, 130000 + (i % 5));
  index.trim();
  assert.equal(index.count, 1000);
  assert.equal(index.line(999), 999);
  assert.equal(index.code(999), 130004);
  assert.equal(index.distinctCodes(), 5);
  assert.equal(index.byteSize, 1000 * 6);
});

test('memory stays within 5% of a log where every line is a failed status', () => {
  const line =
    '{"entry":[{"changes":[{"value":{"statuses":[{"id":"wamid.HBgL","status":"failed","recipient_id":"15550001111",' +
    '"errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}';
  const index = new FindingIndex();
  for (let i = 0; i < 100_000; i++) index.add(i, 131047);
  index.trim();
  assert.ok(index.byteSize <= 0.05 * (line.length + 1) * 100_000, `held ${index.byteSize} bytes`);
});

test('has finds a code on its line only, among many lines and codes', () => {
  const index = new FindingIndex();
  for (let line = 0; line < 1000; line += 3) index.add(line, line % 2 === 0 ? 131047 : 130429);
  index.add(999, 190);
  assert.equal(index.has(0, 131047), true);
  assert.equal(index.has(3, 130429), true);
  assert.equal(index.has(3, 131047), false);
  assert.equal(index.has(1, 131047), false);
  assert.equal(index.has(999, 190), true);
  assert.equal(index.has(999, 130429), true);
  assert.equal(index.has(1002, 131047), false);
  assert.equal(index.has(0, 4), false, 'a code never added');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineSlices, percentile, prefixLines } from '../bench/measure';
import { verdict } from '../bench/report';
import { Rng } from '../fuzz/prng';
import { FAMILIES, ndjsonText, sourceText } from '../fuzz/shapes';

test('Rng.int stays inside its inclusive bounds and reaches both ends', () => {
  const r = new Rng(1);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    const v = r.int(3, 7);
    assert.ok(v >= 3 && v <= 7, String(v));
    seen.add(v);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
});

test('lineSlices covers the text exactly, in line-aligned slices no longer than asked', () => {
  const text = ndjsonText(new Rng(2), 200_000, 0.25);
  const slices = lineSlices(text, 16_384);
  assert.equal(slices.join(''), text);
  for (const s of slices) assert.ok(s.length <= 16_384);
  for (const s of slices.slice(0, -1)) assert.ok(s.endsWith('\n'));
  // A single line longer than the limit is cut rather than kept whole.
  assert.deepEqual(lineSlices('x'.repeat(10), 4), ['xxxx', 'xxxx', 'xx']);
  assert.deepEqual(lineSlices('', 4), []);
});

test('prefixLines cuts after a line break', () => {
  assert.equal(prefixLines('aa\nbb\ncc\n', 7), 'aa\nbb\n');
  assert.equal(prefixLines('aa\n', 10), 'aa\n');
});

test('percentile is nearest-rank', () => {
  const sample = Array.from({ length: 200 }, (_, i) => 200 - i);
  assert.equal(percentile(sample, 95), 190);
  assert.equal(percentile(sample, 100), 200);
  assert.equal(percentile([5], 95), 5);
});

test('verdicts compare a figure with its target', () => {
  assert.equal(verdict({ id: 'a', label: 'a', value: 400, unit: 'MB/s', target: { op: '>=', limit: 300 } }), 'PASS');
  assert.equal(verdict({ id: 'b', label: 'b', value: 3.5, unit: 'ms', target: { op: '<=', limit: 2 } }), 'MISS');
  assert.equal(verdict({ id: 'c', label: 'c', value: 1, unit: 'ms' }), 'INFO');
  assert.equal(verdict({ id: 'd', label: 'd', value: null, unit: 'KB', target: { op: '<=', limit: 300 } }), 'N/A');
});

test('generated sources mention WhatsApp codes in every code family', () => {
  for (const family of FAMILIES) {
    const text = sourceText(new Rng(3), family, 20_000);
    assert.match(text, /\b1310\d\d\b|\b13\d{4}\b/, family);
  }
});

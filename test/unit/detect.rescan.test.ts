import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { changeBetween, findingsOf, mergeChange, rescanCodes, scanCodes, scanCodesState, type TextChange } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { Rng } from '../fuzz/prng';
import { editBurst, randomEdit, SOURCE_FAMILIES, type Edit } from '../fuzz/edits';
import { sourceText } from '../fuzz/shapes';

const catalog = builtinCatalog();

/** What an edit may insert: code fragments that change verdicts nearby, and plain noise. */
const PIECES = ['1', '0', ' ', '\n', '"', "'", '//', '/*', '*/', '"""', "'''", '(', ')', '[', ']', ',', 'case ', 'err.code === ', ' == ', '131047', '100', '190, ', 'switch (err.code) {\n', 'WhatsApp', '= '];

function edit(r: Rng, text: string, family: LanguageFamily): Edit {
  return randomEdit(r, text, family, PIECES, { removeChance: 0.4, maxRemoved: 300, snippetChance: 0.2 });
}

function same(label: string, text: string, family: LanguageFamily, got: ReturnType<typeof findingsOf>): void {
  assert.deepEqual(got, scanCodes(text, family, catalog), `${label}: the re-scan differs from a full scan`);
}

test('rescanCodes agrees with a full scan after every edit, in every code family', () => {
  const r = new Rng(0x7e5ca9);
  let edits = 0;
  for (let round = 0; round < 60; round++) {
    const family = SOURCE_FAMILIES[round % SOURCE_FAMILIES.length] as LanguageFamily;
    let text = sourceText(r, family, r.int(500, 12_000));
    let state = scanCodesState(text, family, catalog);
    for (let i = 0; i < 25; i++) {
      const burst = editBurst(r, text, (t) => edit(r, t, family));
      text = burst.text;
      edits += burst.edits;
      state = rescanCodes(state, text, burst.change);
      same(`round ${round}, edit ${i} (${family})`, text, family, findingsOf(state));
    }
  }
  assert.ok(edits > 1500);
});

test('rescanCodes: files past the context head, and files that stop or start being about WhatsApp', () => {
  const r = new Rng(42);
  // Over 64 KiB, edits after the head keep its verdict without reading it again.
  let text = sourceText(r, 'javascript', 90_000);
  let state = scanCodesState(text, 'javascript', catalog);
  for (let i = 0; i < 40; i++) {
    const e = edit(r, text, 'javascript');
    text = e.text;
    state = rescanCodes(state, text, mergeChange(undefined, e.offset, e.removed, e.inserted));
    same(`long file, edit ${i}`, text, 'javascript', findingsOf(state));
  }
  // A file whose only evidence is one distinctive code: removing it takes the small codes with it.
  const small = 'if (e.code === 190) refresh();\nif (e.code === 131047) reopen();\n';
  const before = scanCodesState(small, 'javascript', catalog);
  assert.equal(findingsOf(before).length, 2);
  const cut = small.replace('131047', '1');
  const after = rescanCodes(before, cut, changeBetween(small, cut) as TextChange);
  same('evidence removed', cut, 'javascript', findingsOf(after));
  assert.equal(findingsOf(after).length, 0);
  const back = rescanCodes(after, small, changeBetween(cut, small) as TextChange);
  same('evidence restored', small, 'javascript', findingsOf(back));
  // The same far apart: the small codes sit well after the window around the edit.
  const far = `if (e.code === 131047) reopen();\n${'const total = items.length;\n'.repeat(300)}if (e.code === 190) refresh();\n`;
  const farState = scanCodesState(far, 'javascript', catalog);
  assert.equal(findingsOf(farState).length, 2);
  const farCut = far.replace('131047', '1');
  same('far evidence removed', farCut, 'javascript', findingsOf(rescanCodes(farState, farCut, changeBetween(far, farCut) as TextChange)));
});

/** Lines of a file that says nothing about WhatsApp: its small codes count only once a distinctive one is found. */
const PLAIN_LINES = [
  'if (e.code === 190) refresh();',
  'if (err.code === 4) backOff();',
  'case 100:',
  'switch (err.code) {',
  'const limit = 100;',
  'for (let i = 0; i < 10; i++) total += i;',
  '',
  '// retry budget',
];
const STRONG_LINES = ['if (e.code === 131047) reopen();', 'const RETRY = new Set([131056, 130429]);', "throw new Error('(#131026) Message Undeliverable');"];

test('rescanCodes in files without WhatsApp words, where distinctive codes come and go', () => {
  const r = new Rng(0xc0de);
  let fast = 0;
  for (let round = 0; round < 40; round++) {
    const lines = Array.from({ length: r.int(20, 400) }, () => (r.chance(0.02) ? r.pick(STRONG_LINES) : r.pick(PLAIN_LINES)));
    let text = lines.join('\n');
    let state = scanCodesState(text, 'javascript', catalog);
    for (let i = 0; i < 30; i++) {
      const offset = text.lastIndexOf('\n', r.int(0, text.length)) + 1;
      const removed = r.chance(0.5) ? Math.max(0, text.indexOf('\n', offset) - offset) : 0;
      const piece = r.chance(0.3) ? r.pick(STRONG_LINES) : r.chance(0.5) ? r.pick(PLAIN_LINES) : r.pick(PIECES);
      text = text.slice(0, offset) + piece + text.slice(offset + removed);
      const next = rescanCodes(state, text, mergeChange(undefined, offset, removed, piece.length));
      // (a re-scan that kept the earlier hits array untouched at its ends took the windowed path)
      if (next.hits.length > 0 && state.hits.length > 0 && next.hits[0] === state.hits[0]) fast++;
      state = next;
      same(`plain round ${round}, edit ${i}`, text, 'javascript', findingsOf(state));
    }
  }
  assert.ok(fast > 100, `only ${fast} windowed re-scans`);
});

test('rescanCodes scans JSON and logs whole, and a length that does not fit the change whole', () => {
  const log = '{"error":{"code":131047,"fbtrace_id":"A"}}\n{"error":{"code":100,"fbtrace_id":"B"}}\n';
  const state = scanCodesState(log, 'json', catalog);
  const next = log.replace('131047', '131026');
  same('json', next, 'json', findingsOf(rescanCodes(state, next, changeBetween(log, next) as TextChange)));
  // A wrong change (the caller lost an event) must not produce wrong offsets: the scan starts over.
  const text = 'if (err.code === 131047) {}\n';
  const s = scanCodesState(text, 'javascript', catalog);
  const longer = `// note\n${text}`;
  same('lost event', longer, 'javascript', findingsOf(rescanCodes(s, longer, { start: 0, end: 1, delta: 0 })));
});

test('mergeChange accumulates replacements into a region that covers every difference', () => {
  const r = new Rng(7);
  for (let round = 0; round < 300; round++) {
    const base = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(r.int(1, 4));
    let text = base;
    let change: TextChange | undefined;
    for (let k = r.int(1, 5); k > 0; k--) {
      const offset = r.int(0, text.length);
      const removed = Math.min(text.length - offset, r.int(0, 6));
      const inserted = 'XYZ'.slice(0, r.int(0, 3));
      text = text.slice(0, offset) + inserted + text.slice(offset + removed);
      change = mergeChange(change, offset, removed, inserted.length);
    }
    const c = change as TextChange;
    assert.equal(c.delta, text.length - base.length);
    // Outside the region, the new text is the old one (shifted after it).
    assert.equal(text.slice(0, c.start), base.slice(0, c.start), `head, round ${round}`);
    assert.equal(text.slice(c.end), base.slice(c.end - c.delta), `tail, round ${round}`);
  }
});

test('changeBetween finds the differing middle of two texts', () => {
  assert.equal(changeBetween('same', 'same'), undefined);
  assert.deepEqual(changeBetween('abcdef', 'abXYef'), { start: 2, end: 4, delta: 0 });
  assert.deepEqual(changeBetween('abc', 'abcd'), { start: 3, end: 4, delta: 1 });
  assert.deepEqual(changeBetween('aaaa', 'aa'), { start: 2, end: 2, delta: -2 });
  const long = 'x'.repeat(5000);
  assert.deepEqual(changeBetween(`${long}1${long}`, `${long}22${long}`), { start: 5000, end: 5002, delta: 1 });
});

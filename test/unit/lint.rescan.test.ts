import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { changeBetween, mergeChange, type TextChange } from '../../src/core/detect';
import { rescanTitles, scanTitles, scanTitlesState, type TitleScanState } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';
import { Rng } from '../fuzz/prng';
import { editBurst, randomEdit, SOURCE_FAMILIES, type Edit } from '../fuzz/edits';
import { sourceText } from '../fuzz/shapes';

const catalog = builtinCatalog();

/**
 * Inserts that open or close literals and comments, name titles, or name another service (or
 * WhatsApp) near everyday wording: what makes re-lexing and re-judging matter.
 */
const PIECES = ['"', "'", '`', '//', '/*', '*/', '#', '\n', '\\', '/', '${', '}', '"""', "'''", ' ', 'x', '=begin\n', '\n=end\n', '%r{', 'Re-engagement message', 'if (e.message.includes("Message Undeliverable")) {}\n', 'case "Rate limit hit":\n', 'const TITLES = ["Re-engagement message", "Spam rate limit hit"];\n', 'S3', 'Twilio', 'import boto3\n', 'waClient.', 'if (err.message.includes("Access denied")) {}\n'];

function edit(r: Rng, text: string, family: LanguageFamily): Edit {
  return randomEdit(r, text, family, PIECES, { removeChance: 0.35, maxRemoved: 200, snippetChance: 0.15 });
}

function check(label: string, state: TitleScanState | undefined, text: string, family: LanguageFamily): TitleScanState {
  assert.ok(state, `${label}: not cancelled`);
  assert.deepEqual([...state.findings], scanTitles(text, family, catalog), `${label}: the re-scan differs from a full scan`);
  return state;
}

test('rescanTitles agrees with a full title scan after every edit, in every code family', () => {
  const r = new Rng(0x717e5);
  let found = 0;
  for (let round = 0; round < 45; round++) {
    const family = SOURCE_FAMILIES[round % SOURCE_FAMILIES.length] as LanguageFamily;
    let text = sourceText(r, family, r.int(500, 9000));
    let state = check('initial', scanTitlesState(text, family, catalog), text, family);
    for (let i = 0; i < 30; i++) {
      const burst = editBurst(r, text, (t) => edit(r, t, family));
      text = burst.text;
      state = check(`round ${round}, edit ${i} (${family})`, rescanTitles(state, text, burst.change), text, family);
      found += state.findings.length;
    }
  }
  assert.ok(found > 1000, `the texts name titles (${found} findings over all versions)`);
});

test('rescanTitles: an edit that opens a block comment or a string swallows the code after it, and closing it restores it', () => {
  const text = `const a = 1;\n${'const filler = compute();\n'.repeat(40)}if (err.message.includes("Re-engagement message")) retry();\n${'const more = compute();\n'.repeat(40)}`;
  const state = check('start', scanTitlesState(text, 'javascript', catalog), text, 'javascript');
  assert.equal(state.findings.length, 1);
  for (const opener of ['/*', '`', '"']) {
    const opened = `${opener}${text}`;
    const s1 = check(`opened ${opener}`, rescanTitles(state, opened, changeBetween(text, opened) as TextChange), opened, 'javascript');
    const closed = opened.replace('const more', `${opener === '/*' ? '*/' : opener}const more`);
    check(`closed ${opener}`, rescanTitles(s1, closed, changeBetween(opened, closed) as TextChange), closed, 'javascript');
  }
});

test('rescanTitles: a constant used far from its definition, and a length that does not fit the change', () => {
  const head = 'const RE_ENGAGEMENT = "Re-engagement message";\n';
  const tail = 'if (err.title === RE_ENGAGEMENT) reopen();\n';
  const text = `${head}${'doWork();\n'.repeat(600)}${tail}`;
  const state = check('start', scanTitlesState(text, 'javascript', catalog), text, 'javascript');
  assert.equal(state.findings.length, 1);
  // The use is removed far below the definition: the definition's verdict changes.
  const gone = text.replace(tail, 'reopen();\n');
  const s1 = check('use removed', rescanTitles(state, gone, changeBetween(text, gone) as TextChange), gone, 'javascript');
  assert.equal(s1.findings.length, 0);
  // A change that does not explain the new length (a lost event) falls back to a full scan.
  const other = `// note\n${gone}`;
  check('lost event', rescanTitles(s1, other, { start: 0, end: 0, delta: 0 }), other, 'javascript');
});

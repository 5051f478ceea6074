import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { CONTEXT_HEAD } from '../../src/core/detect/context';
import { changeBetween, fileContext, findingsOf, mergeChange, rescanCodes, scanCodes, scanCodesState, type TextChange } from '../../src/core/detect';
import type { Finding, LanguageFamily } from '../../src/core/types';
import { SOURCE_FAMILIES } from '../fuzz/edits';

/**
 * Targeted cases for `rescanCodes` at the edges of the reaches it relies on: a number's verdict
 * reads at most 2500 characters before its line and 800 after it, plus "is this file about
 * WhatsApp". Every case compares the re-scan with a full scan of the new text, for the edit as
 * `changeBetween` finds it and as `mergeChange` accumulates it, and the edit undone.
 */

const catalog = builtinCatalog();
const FAMILIES = SOURCE_FAMILIES;

function rescanned(a: string, b: string, family: LanguageFamily, change: TextChange): Finding[] {
  return findingsOf(rescanCodes(scanCodesState(a, family, catalog), b, change));
}

/** a -> b and b -> a, with the change found by `changeBetween`. */
function agree(label: string, a: string, b: string, family: LanguageFamily = 'javascript'): void {
  const change = changeBetween(a, b);
  if (!change) return;
  assert.deepEqual(rescanned(a, b, family, change), scanCodes(b, family, catalog), `${label} (${family}): re-scan of the edit differs from a full scan`);
  const undo = changeBetween(b, a) as TextChange;
  assert.deepEqual(rescanned(b, a, family, undo), scanCodes(a, family, catalog), `${label} (${family}): re-scan of the undo differs from a full scan`);
}

/** One replacement (`removed` chars at `offset` replaced by `inserted`), its change built with `mergeChange`. */
function agreeReplace(label: string, a: string, offset: number, removed: number, inserted: string, family: LanguageFamily = 'javascript'): string {
  const b = a.slice(0, offset) + inserted + a.slice(offset + removed);
  const change = mergeChange(undefined, offset, removed, inserted.length);
  assert.deepEqual(rescanned(a, b, family, change), scanCodes(b, family, catalog), `${label} (${family}): re-scan of the replacement differs from a full scan`);
  agree(label, a, b, family);
  return b;
}

/** `n` characters of filler lines `width` wide (`width` 0: one line without breaks). */
function filler(n: number, width = 40, eol = '\n'): string {
  if (n <= 0) return '';
  if (width === 0) return 'x'.repeat(n);
  const line = `${'y'.repeat(Math.max(0, width - eol.length))}${eol}`;
  return line.repeat(Math.ceil(n / line.length)).slice(0, n);
}

const codes = (text: string, family: LanguageFamily = 'javascript'): number[] => scanCodes(text, family, catalog).map((f) => f.code as number);

test('rescan: long lines (over 2500 chars) with codes at both ends, edited at either end and in the middle', () => {
  for (const family of FAMILIES) {
    for (const len of [2400, 2500, 2501, 3400, 6000]) {
      const a = `// whatsapp\nif (err.code === 100 || ${filler(len, 0)} || err.code === 131047) retry();\nnext();\n`;
      const first = a.indexOf('100');
      const last = a.indexOf('131047');
      agree(`long line ${len}, far code cut`, a, a.replace('131047', '1'), family);
      agree(`long line ${len}, near code changed`, a, a.replace('=== 100', '=== 4'), family);
      agreeReplace(`long line ${len}, break inserted after the first code`, a, first + 4, 0, '\n', family);
      agreeReplace(`long line ${len}, break inserted before the last code`, a, last - 16, 0, '\n', family);
      agreeReplace(`long line ${len}, middle replaced`, a, first + 20 + (len >> 1), 5, '131026 ', family);
      agreeReplace(`long line ${len}, following line joined`, a, a.indexOf('\nnext'), 1, '', family);
      // A file about nothing: the only evidence is the distinctive code at the far end of the line.
      const plain = `if (err.code === 190 || ${filler(len, 0)} || err.code === 131047) x();\n`;
      agree(`plain long line ${len}`, plain, plain.replace('131047', '131'), family);
      agree(`plain long line ${len}, small code changed`, plain, plain.replace('=== 190', '=== 4'), family);
    }
  }
  // Sanity: the long line is scanned whole.
  assert.deepEqual(codes(`// whatsapp\nif (err.code === 100 || ${filler(3000, 0)} || err.code === 131047) x();\n`), [100, 131047]);
});

test('rescan: a line with more small codes than the per-line limit', () => {
  const items = Array.from({ length: 2100 }, (_, i) => (i % 2 ? '4' : '100')).join(', ');
  const a = `// whatsapp\nconst CODES = [${items}, 131047];\nif (err.code === 190) x();\n`;
  agree('many small codes, head edited', a, a.replace('[100, 4', '[4, 4'));
  agree('many small codes, tail edited', a, a.replace(', 131047]', ', 4, 131047]'));
  agreeReplace('many small codes, split', a, a.indexOf('4, 100', 3000), 0, '\n');
  agreeReplace('many small codes, first items removed', a, a.indexOf('[') + 1, 600, '');
});

test('rescan: block comments spanning many lines above a code', () => {
  for (const family of FAMILIES) {
    for (const lines of [1, 20, 80, 200]) {
      const body = Array.from({ length: lines }, (_, i) => (i % 7 === 3 ? ' * error code 190' : i % 11 === 5 ? ' * 131047 re-engagement' : ' * notes')).join('\n');
      const a = `// whatsapp\n/*\n${body}\n */\nif (err.code === 100) x();\nconst c = 131026; // code\n`;
      agree(`block ${lines}: opener removed`, a, a.replace('/*\n', '\n'), family);
      agree(`block ${lines}: closer removed`, a, a.replace(' */\n', '\n'), family);
      agree(`block ${lines}: stars dropped`, a, a.replace(/\n \* /g, '\n   '), family);
      agreeReplace(`block ${lines}: opener typed at the top`, `// whatsapp\n${a.slice(15)}`, 12, 0, '/*\n', family);
      // Without any WhatsApp word: the comment's distinctive code is the only evidence.
      const plain = a.replace('// whatsapp\n', '');
      agree(`plain block ${lines}: code in the comment cut`, plain, plain.replace(/131047/g, '13'), family);
    }
  }
});

test('rescan: CRLF texts, edits that split or join CRLF lines', () => {
  for (const family of FAMILIES) {
    const a = ['// whatsapp', 'switch (err.code) {', '  case 100:', '    break;', '  case 131047:', '    break;', '}', 'const CODES = [', '  4,', '  131026,', ']', ''].join('\r\n');
    agree('crlf: subject changed', a, a.replace('switch (err.code)', 'switch (mode)'), family);
    agreeReplace('crlf: a break inside the pair', a, a.indexOf('\r\n  case 100'), 1, '', family);
    agreeReplace('crlf: line joined', a, a.indexOf('\r\n  case 100'), 2, ' ', family);
    agreeReplace('crlf: line split', a, a.indexOf('4,') + 2, 0, '\r\n', family);
    agreeReplace('crlf: lf only inserted', a, a.indexOf('131026'), 0, '\n', family);
    const long = `${a}${filler(3000, 30, '\r\n')}\r\n  case 190:\r\n`;
    agree('crlf: far case, subject changed', long, long.replace('switch (err.code)', 'switch (mode)'), family);
  }
});

test('rescan: switch subjects 2000 to 2600 chars above a case', () => {
  const seen = new Set<string>();
  for (const family of FAMILIES) {
    for (const width of [0, 1, 40, 801]) {
      for (let d = 2000; d <= 2600; d += d >= 2480 && d <= 2520 ? 1 : 50) {
        const a = `// whatsapp\nswitch (err.code) {\n${filler(d, width)}\n  case 100:\n    break;\n  case 4:\n}\n`;
        seen.add(codes(a, family).join());
        agree(`switch ${d}/${width}: subject changed`, a, a.replace('switch (err.code)', 'switch (other)'), family);
        agree(`switch ${d}/${width}: header removed`, a, a.replace('switch (err.code) {\n', ''), family);
        agree(`switch ${d}/${width}: one char more above`, a, a.replace('// whatsapp\n', '// whatsapp\nx'), family);
        agree(`switch ${d}/${width}: one char less between`, a, a.replace('y\n', '\n'), family);
        const arrows = `// whatsapp\nwhen (err.code) {\n${filler(d, width)}\n  4, 100 -> retry()\n}\n`;
        agree(`when ${d}/${width}: subject changed`, arrows, arrows.replace('when (err.code)', 'when (kind)'), family);
        const ruby = `# whatsapp\ncase error.code\n${filler(d, width)}\nwhen 4 then retry\nend\n`;
        agree(`ruby case ${d}/${width}: subject changed`, ruby, ruby.replace('case error.code', 'case kind'), family);
      }
    }
  }
  // Sanity: the distances straddle the reach (the case is found near it and not past it).
  assert.ok(seen.has('100,4') && seen.has(''), [...seen].join(' | '));
});

test('rescan: enum bodies, members 1 to 3000 chars below the enum', () => {
  for (const family of FAMILIES) {
    for (const d of [0, 100, 700, 799, 800, 801, 1400, 1499, 1500, 1501, 1600, 2400, 2500, 2600, 3000]) {
      const a = `// whatsapp\nenum Codes {\n  ReEngagement = 131047,\n${filler(d)}\n  TooManyCalls = 4,\n  Throttled = 130429,\n}\n`;
      agree(`enum ${d}: keyword changed`, a, a.replace('enum Codes', 'class Codes'), family);
      agree(`enum ${d}: brace closed early`, a, a.replace('131047,\n', '131047, }\n'), family);
      agree(`enum ${d}: neighbour cut`, a, a.replace('130429', '13'), family);
      const plain = a.replace('// whatsapp\n', '');
      agree(`plain enum ${d}: keyword changed`, plain, plain.replace('enum Codes', 'object Codes'), family);
      agree(`plain enum ${d}: neighbour cut`, plain, plain.replace('131047', '13'), family);
    }
  }
});

test('rescan: neighbouring codes about 800 chars before and after a small one', () => {
  for (const family of FAMILIES) {
    for (const d of [0, 300, 700, 790, 799, 800, 801, 810, 830, 900]) {
      for (const width of [0, 40, 700, 801]) {
        const after = `// whatsapp\nconst CODES = [\n  4,\n${filler(d, width)}\n  131047,\n]\n`;
        agree(`list ${d}/${width}: neighbour after cut`, after, after.replace('131047', '131'), family);
        const before = `// whatsapp\nconst CODES = [\n  131047,\n${filler(d, width)}\n  4,\n]\n`;
        agree(`list ${d}/${width}: neighbour before cut`, before, before.replace('131047', '131'), family);
        // The neighbour at the end (after) or the start (before) of a filler line: the reach in
        // characters, not in lines, is what stops it.
        const tailOfLine = `// whatsapp\nconst CODES = [\n  4,\n${filler(d, width)} 131047,\n]\n`;
        agree(`list ${d}/${width}: neighbour at a line end cut`, tailOfLine, tailOfLine.replace('131047', '131'), family);
        const headOfLine = `// whatsapp\nconst CODES = [\n  131047, ${filler(d, width)}\n  4,\n]\n`;
        agree(`list ${d}/${width}: neighbour at a line start cut`, headOfLine, headOfLine.replace('131047', '131'), family);
        const map = `// whatsapp\nconst M = {\n  100: 'x',\n${filler(d, width)}\n  131047: 'y',\n}\n`;
        agree(`map ${d}/${width}: neighbour cut`, map, map.replace('131047', '1310'), family);
        const obj = `// whatsapp\nconst e = {\n  code: 100,\n${filler(d, width)}\n  fbtrace_id: 'A'\n}\n`;
        agree(`code object ${d}/${width}: marker cut`, obj, obj.replace('fbtrace_id', 'trace'), family);
        const objEnd = `// whatsapp\nconst e = {\n  code: 100,\n${filler(d, width)} fbtrace_id: 'A'\n}\n`;
        agree(`code object ${d}/${width}: marker at a line end cut`, objEnd, objEnd.replace('fbtrace_id', 'trace'), family);
      }
    }
  }
  // Sanity: a neighbour just inside the reach makes the small item count, one just past it does not.
  const at = (d: number): number[] => codes(`// whatsapp\nconst CODES = [\n  4,\n${filler(d, 700)} 131047,\n]\n`);
  assert.deepEqual([at(780), at(830)], [[4], []]);
});

test('rescan: edits at offset 0 and at the end of the text', () => {
  const texts = [
    '131047',
    '100',
    'if (err.code === 131047) x();',
    'if (err.code === 190) x();\nif (err.code === 131047) y();',
    '// whatsapp\ncase 100:',
    'const CODES = [4, 190, 131047]',
  ];
  const pieces = ['', '1', '0', '\n', ' ', '131026', 'err.code === ', '// whatsapp\n', 'switch (err.code) {\n', '/*\n', ' * ', '"', "'", '#'];
  for (const family of FAMILIES) {
    for (const a of texts) {
      for (const p of pieces) {
        agreeReplace(`start, insert ${JSON.stringify(p)} into ${JSON.stringify(a)}`, a, 0, 0, p, family);
        agreeReplace(`end, insert ${JSON.stringify(p)} into ${JSON.stringify(a)}`, a, a.length, 0, p, family);
        agreeReplace(`start, replace 1 by ${JSON.stringify(p)} in ${JSON.stringify(a)}`, a, 0, 1, p, family);
        agreeReplace(`end, replace 1 by ${JSON.stringify(p)} in ${JSON.stringify(a)}`, a, a.length - 1, 1, p, family);
      }
    }
  }
});

test('rescan: deleting the whole text, and typing into an empty one', () => {
  const r = 'if (e.code === 190) refresh();\nif (e.code === 131047) reopen();\nswitch (err.code) {\n  case 100:\n}\n';
  for (const family of FAMILIES) {
    for (const a of [r, `// whatsapp\n${r}`, r.replace(/\n/g, '\r\n'), `${filler(5000)}\n${r}`]) {
      agreeReplace('delete all', a, 0, a.length, '', family);
      agreeReplace('replace all', a, 0, a.length, 'if (err.code === 4) x();', family);
      agreeReplace('type into empty', '', 0, 0, a, family);
      // The state of an empty text re-scanned after a first keystroke, then the rest.
      let text = '';
      let state = scanCodesState(text, family, catalog);
      for (const chunk of a.match(/[\s\S]{1,17}/g) ?? []) {
        state = rescanCodes(state, text + chunk, mergeChange(undefined, text.length, 0, chunk.length));
        text += chunk;
        assert.deepEqual(findingsOf(state), scanCodes(text, family, catalog), `typed up to ${text.length} (${family})`);
      }
      // And removed again, from the front.
      while (text.length > 0) {
        const cut = Math.min(text.length, 23);
        state = rescanCodes(state, text.slice(cut), mergeChange(undefined, 0, cut, 0));
        text = text.slice(cut);
        assert.deepEqual(findingsOf(state), scanCodes(text, family, catalog), `cut down to ${text.length} (${family})`);
      }
    }
  }
});

test('rescan: several replacements merged with mergeChange before one re-scan', () => {
  const a = `// whatsapp\nswitch (err.code) {\n${filler(2400)}\n  case 100:\n}\nconst CODES = [\n  4,\n  131047,\n]\n${filler(3000)}\nif (e.code === 190) x();\n`;
  for (const family of FAMILIES) {
    // Far apart: one change region covers both.
    let text = a;
    let change: TextChange | undefined;
    const edits: [number, number, string][] = [
      [text.indexOf('err.code'), 8, 'mode'],
      [text.length - 5, 0, '\n// 131026\n'],
      [0, 12, ''],
      [text.indexOf('131047') - 12, 3, '\n\n'],
    ];
    for (const [offset, removed, inserted] of edits) {
      const at = Math.min(offset, text.length);
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      change = mergeChange(change, at, removed, inserted.length);
    }
    assert.deepEqual(rescanned(a, text, family, change as TextChange), scanCodes(text, family, catalog), `merged edits (${family})`);
  }
});

test('rescan: files without WhatsApp words, distinctive evidence far before or after small codes', () => {
  const small = 'if (e.code === 190) refresh();\nswitch (err.code) {\n  case 100:\n}\nconst REFRESH = new Set([0, 190]);\n';
  const strong = 'if (e.code === 131047) reopen();\n';
  for (const family of FAMILIES) {
    for (const gap of [0, 700, 801, 2499, 2501, 4000]) {
      const before = `${strong}${filler(gap)}\n${small}`;
      const after = `${small}${filler(gap)}\n${strong}`;
      const both = `${strong}${filler(gap)}\n${small}${filler(gap)}\n${strong}`;
      for (const a of [before, after, both]) {
        agree(`plain ${gap}: first distinctive cut`, a, a.replace('131047', '1'), family);
        agree(`plain ${gap}: last distinctive cut`, a, a.slice(0, a.lastIndexOf('131047')) + '1' + a.slice(a.lastIndexOf('131047') + 6), family);
        agree(`plain ${gap}: small code changed`, a, a.replace('case 100', 'case 4'), family);
        agree(`plain ${gap}: distinctive moved into a comment`, a, a.replace('if (e.code === 131047)', '// if (e.code === 131047)'), family);
        agree(`plain ${gap}: a second distinctive code added`, a, a.replace('refresh();', 'refresh(); if (e.code === 131026) x();'), family);
      }
    }
  }
});

test('rescan: texts over 64 KiB, edits before and after the context head', () => {
  const body = (n: number): string => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < n; i++) {
      const line = i % 50 === 7 ? 'if (err.code === 190) refresh();' : i % 50 === 31 ? 'switch (err.code) {\n  case 100:\n}' : `const v${i} = compute(${i % 97});`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\n') + '\n';
  };
  const base = body(CONTEXT_HEAD + 6000);
  for (const family of ['javascript', 'python', 'go'] as const) {
    // The WhatsApp word lands inside the head, straddles its end, or lies after it.
    for (const at of [CONTEXT_HEAD - 200, CONTEXT_HEAD - 8, CONTEXT_HEAD - 4, CONTEXT_HEAD - 1, CONTEXT_HEAD, CONTEXT_HEAD + 300]) {
      const line = base.lastIndexOf('\n', at) + 1;
      agreeReplace(`word at ${at - CONTEXT_HEAD}`, base, at, 0, 'whatsapp', family);
      agreeReplace(`word line at ${line - CONTEXT_HEAD}`, base, line, 0, '// whatsapp\n', family);
    }
    // The last letter of the word typed as the head's last character, then removed again.
    const partial = `${base.slice(0, CONTEXT_HEAD - 8)}whatsap${base.slice(CONTEXT_HEAD - 1)}`;
    const whole = agreeReplace('word completed at the end of the head', partial, CONTEXT_HEAD - 1, 0, 'p', family);
    assert.ok(!fileContext(partial).whatsapp && fileContext(whole).whatsapp, 'the word ends exactly at the head');
    agreeReplace('word broken at the end of the head', whole, CONTEXT_HEAD - 1, 1, '', family);
    const wa = base.replace('const v0 =', '// whatsapp\nconst v0 =');
    const plain = base;
    for (const a of [wa, plain]) {
      for (const at of [0, 1000, CONTEXT_HEAD - 700, CONTEXT_HEAD - 1, CONTEXT_HEAD, CONTEXT_HEAD + 1, CONTEXT_HEAD + 2000, a.length - 10, a.length]) {
        agreeReplace(`code at ${at - CONTEXT_HEAD}`, a, at, 0, '\nif (e.code === 131047) x();\n', family);
        agreeReplace(`cut at ${at - CONTEXT_HEAD}`, a, Math.min(at, a.length - 40), 40, '', family);
        agreeReplace(`break at ${at - CONTEXT_HEAD}`, a, at, 0, '\n', family);
      }
      // An edit that shrinks the text below the head size and one that grows it past again.
      const short = agreeReplace('shrunk under the head', a, 1000, a.length - CONTEXT_HEAD + 100, '', family);
      agreeReplace('grown past the head', short, short.length - 50, 0, filler(400), family);
      // Deleting a WhatsApp word that sits after the head changes nothing; the one in it, everything.
      const tailWord = `${a}// whatsapp\nif (err.code === 4) x();\n`;
      agree('tail word removed', tailWord, tailWord.replace(/\/\/ whatsapp\nif \(err\.code === 4\)/, '// w\nif (err.code === 4)'), family);
    }
  }
});

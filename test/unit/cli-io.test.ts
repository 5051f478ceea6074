// The CLI's Node side in process: arguments, encodings, line groups, file walking, scan exit codes.
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { Catalog } from '../../src/core/catalog/catalog';
import type { CatalogEntry, Finding } from '../../src/core/types';
import { parseArgs, UsageError } from '../../src/cli/args';
import { sniffEncoding } from '../../src/cli/encoding';
import { LineGroups, type TextGroup } from '../../src/cli/lineGroups';
import { Output } from '../../src/cli/output';
import { readText } from '../../src/cli/readText';
import { runScan, unreadNote, type Detect } from '../../src/cli/scan';
import { collectTargets, MissingPathError } from '../../src/cli/walk';

const catalog = new Catalog([
  {
    code: 131047,
    key: '131047',
    title: 'Re-engagement message',
    variants: [],
    category: 'test',
    httpStatus: 400,
    description: 'd',
    solution: 's',
    retry: 'do-not-retry',
    docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  } satisfies CatalogEntry,
]);

describe('parseArgs', () => {
  test('reads commands, options in any place, and --opt=value', () => {
    assert.deepEqual(parseArgs(['lookup', '131047', '--format', 'json']), { name: 'lookup', query: '131047', format: 'json' });
    assert.deepEqual(parseArgs(['lookup', 'Re-engagement', 'message']), { name: 'lookup', query: 'Re-engagement message', format: 'text' });
    assert.deepEqual(parseArgs(['scan', '--format=sarif', 'a', '--fail-on', 'any', 'b']), { name: 'scan', paths: ['a', 'b'], format: 'sarif', failOn: 'any' });
    assert.deepEqual(parseArgs(['scan', '--', '--odd-name']), { name: 'scan', paths: ['--odd-name'], format: 'text' });
    assert.deepEqual(parseArgs(['scan', 'x', '-h']), { name: 'help' });
    assert.deepEqual(parseArgs(['--version']), { name: 'version' });
  });

  test('rejects what the contract does not allow', () => {
    const bad = [[], ['frobnicate'], ['scan'], ['scan', '--format', 'xml', 'a'], ['scan', '--fail-on', 'all', 'a'], ['scan', 'a', '--format'], ['lookup', '--format', 'sarif'], ['lookup', '--fail-on', 'any'], ['scan', '-x', 'a']];
    for (const argv of bad) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
  });
});

describe('sniffEncoding', () => {
  test('UTF-16 by BOM, UTF-8 otherwise, binary on NUL or mostly invalid bytes', () => {
    assert.equal(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0])), 'utf-16le');
    assert.equal(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x41])), 'utf-16be');
    assert.equal(sniffEncoding(Buffer.from('\ufeffplain {"code":1}', 'utf8')), 'utf-8');
    assert.equal(sniffEncoding(Buffer.alloc(0)), 'utf-8');
    assert.equal(sniffEncoding(Buffer.from('\x1b[31mred\x1b[0m\tok\r\n')), 'utf-8', 'ANSI colours are text');
    assert.equal(sniffEncoding(Buffer.from([0x41, 0x00, 0x42])), undefined);
    assert.equal(sniffEncoding(Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64)))), undefined);
    assert.equal(sniffEncoding(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' latin-1 text, mostly fine')])), 'utf-8');
  });
});

/** Feeds `text` to LineGroups in `chunk`-sized pieces and returns all groups. */
function split(text: string, limit: number, chunk: number): TextGroup[] {
  const groups = new LineGroups(limit);
  const out: TextGroup[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...groups.push(text.slice(i, i + chunk)));
  return [...out, ...groups.end()];
}

/** The 0-based line and column of every offset, computed naively over the whole text. */
function naivePositions(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 0;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    out.push({ line, column });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 0;
    } else column++;
  }
  return out;
}

describe('LineGroups', () => {
  test('rejoins to the text, cuts after line breaks, and places every character right', () => {
    const text = 'ab\ncdefghijklmnop\r\nq\rrs\r\n' + 'x'.repeat(30) + '\r\n😀😀😀😀😀😀\nend';
    const expected = naivePositions(text);
    for (const [limit, chunk] of [[8, 3], [5, 1], [16, 7], [1000, 4]] as const) {
      const groups = split(text, limit, chunk);
      assert.equal(groups.map((g) => g.text).join(''), text, `limit ${limit}`);
      let offset = 0;
      for (const g of groups) {
        assert.ok(!g.text.endsWith('\r') || offset + g.text.length === text.length || text[offset + g.text.length] !== '\n', 'never cuts inside CRLF');
        const last = g.text.charCodeAt(g.text.length - 1);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'never cuts a surrogate pair');
        for (let i = 0; i < g.text.length; i++) {
          const p = g.index.positionAt(i);
          const at = { line: g.origin.line + p.line, column: (p.line === 0 ? g.origin.column : 0) + p.character };
          assert.deepEqual(at, expected[offset + i], `limit ${limit}, offset ${offset + i}`);
        }
        offset += g.text.length;
      }
    }
  });

  test('an empty text yields no group; a short one yields one', () => {
    assert.deepEqual(split('', 8, 4), []);
    assert.equal(split('short', 100, 2).length, 1);
  });
});

describe('on disk', () => {
  let dir = '';
  const write = (rel: string, data: string | Buffer): string => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, data);
    return p;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-errors-io-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('readText decodes UTF-8 and UTF-16 BE across 1 MiB chunk and group boundaries', async () => {
    // Over 1 MiB of bytes, with multi-byte characters and surrogate pairs straddling chunk ends.
    const text = Array.from({ length: 40000 }, (_, i) => `line ${i} é 😀 {"code":131047}`).join('\n');
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [['big-be.log', be], ['big-utf8.log', Buffer.from(text, 'utf8')]] as const) {
      const groups: TextGroup[] = [];
      assert.equal(await readText(write(name, bytes), (g) => void groups.push(g), 64 * 1024), 'text');
      assert.ok(groups.length > 10, 'several groups');
      assert.equal(groups.map((g) => g.text).join(''), text, `${name}: BOM stripped, text intact`);
      const last = groups.at(-1) as TextGroup;
      assert.equal(last.origin.line + last.index.lineCount - 1, 39999, `${name}: lines carried across groups`);
    }
  });

  test('readText reports binary files without handing over text', async () => {
    const file = write('blob.log', Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    let calls = 0;
    assert.equal(await readText(file, () => void calls++), 'binary');
    assert.equal(calls, 0);
  });

  test('collectTargets walks folders, skips .git, node_modules, unknown kinds and symlinked folders', async () => {
    write('w/a.json', '{}');
    write('w/sub/b.ts', '');
    write('w/.git/c.json', '{}');
    write('w/node_modules/pkg/d.json', '{}');
    write('w/notes.md', '');
    write('w/src/main.rs', 'fn main() {}');
    write('w/src/lib.RS', '');
    write('w/ios/App.swift', '');
    write('w/Cargo.toml', '[package]');
    fs.symlinkSync('..', path.join(dir, 'w/sub/up'));
    fs.symlinkSync(path.join(dir, 'w/a.json'), path.join(dir, 'w/sub/alias.json'));
    fs.symlinkSync(path.join(dir, 'w/missing.json'), path.join(dir, 'w/dangling.json'));
    const warnings: string[] = [];
    const { targets, unread } = await collectTargets(['w', 'w/a.json', 'w/notes.md', 'w/src/main.rs'], dir, (m) => warnings.push(m));
    assert.deepEqual(
      targets.map((t) => [t.file, t.family, t.explicit]),
      [
        ['w/Cargo.toml', 'text', false],
        ['w/a.json', 'json', false],
        ['w/notes.md', 'text', false],
        ['w/src/main.rs', 'text', true],
        ['w/sub/b.ts', 'javascript', false],
      ],
      'each real file once, sorted; the symlinked alias is the same file as a.json',
    );
    // Source in languages no detector reads is counted (Markdown is not source); a named file is read.
    assert.deepEqual([...unread].sort(), [['.rs', 1], ['.swift', 1]], 'lib.RS counted; main.rs is named, so read');
    assert.deepEqual(warnings, ['cannot read w/dangling.json (ENOENT)']);
    assert.equal(unreadNote(new Map([['.rs', 3], ['.swift', 1]])), 'not scanned: 3 .rs files, 1 .swift file (languages wa-errors does not read; name a file to read it as plain text)');
    await assert.rejects(collectTargets(['w', 'nope'], dir, () => undefined), MissingPathError);
  });

  test('runScan streams findings in order and sets the exit code from --fail-on', async () => {
    write('s/b.log', 'TITLE here\n{"code":131047}\n');
    write('s/a.log', '{"code":131047} and {"code":131047}\n');
    write('s/plain.log', 'nothing to see\n');
    write('t/boom.log', 'BOOM');
    write('t/ok.log', '131047');
    // A stand-in detector: every "131047" is an error code, every "TITLE" a title match.
    const detect: Detect = (text) => {
      if (text === 'BOOM') throw new RangeError('Maximum call stack size exceeded');
      const out: Finding[] = [];
      for (let i = text.indexOf('131047'); i >= 0; i = text.indexOf('131047', i + 1)) out.push({ kind: 'error-code', start: i, end: i + 6, code: 131047 });
      for (let i = text.indexOf('TITLE'); i >= 0; i = text.indexOf('TITLE', i + 1)) out.push({ kind: 'title-match', start: i, end: i + 5, codes: [131047] });
      return out.reverse();
    };
    const warnings: string[] = [];
    const scan = async (paths: string[], failOn?: 'any' | 'title-match') => {
      let stdout = '';
      const sink = new Writable({ write: (chunk, _enc, done) => ((stdout += String(chunk)), done()) });
      const code = await runScan(
        { name: 'scan', paths, format: 'text', ...(failOn ? { failOn } : {}) },
        { cwd: dir, catalog, tool: { version: '0', informationUri: 'https://example.invalid' }, out: new Output(sink), warn: (m) => warnings.push(m), detect },
      );
      return { code, lines: stdout.trimEnd().split('\n') };
    };
    const all = await scan(['s']);
    assert.equal(all.code, 0);
    assert.deepEqual(all.lines, [
      's/a.log:1:9  error-code  131047 Re-engagement message',
      's/a.log:1:29  error-code  131047 Re-engagement message',
      's/b.log:1:1  title-match  ' + all.lines[2]?.split('  title-match  ')[1],
      's/b.log:2:9  error-code  131047 Re-engagement message',
      '4 findings (3 error-code, 1 title-match) in 3 files.',
    ]);
    assert.equal((await scan(['s'], 'title-match')).code, 1);
    assert.equal((await scan(['s/a.log'], 'title-match')).code, 0, 'error codes alone do not fail title-match');
    assert.equal((await scan(['s/a.log'], 'any')).code, 1);
    assert.equal((await scan(['s/plain.log'], 'any')).code, 0);
    assert.deepEqual(warnings, []);
    const hostile = await scan(['t'], 'any');
    assert.deepEqual(warnings, ['cannot scan t/boom.log (Maximum call stack size exceeded)'], 'a detector failure costs one file, not the run');
    assert.deepEqual([hostile.code, hostile.lines[0]], [1, 't/ok.log:1:1  error-code  131047 Re-engagement message']);
  });
});

// The built CLI (dist/cli.js) as CI runs it: a child process, its stdout, stderr and exit code.
// Run after `node esbuild.js --tests`, which builds dist/cli.js too.
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const CODE_LINE = '{"ts":"2026-11-20T10:00:02Z","error":{"code":131047,"type":"OAuthException"}}';
/** 1-based column of the code in CODE_LINE. */
const CODE_COLUMN = CODE_LINE.indexOf('131047') + 1;
/** 1-based column of the code on line 2 of the app.ndjson fixture. */
const APP_LOG_COLUMN = (fs.readFileSync(path.join(FIXTURES, 'project/logs/app.ndjson'), 'utf8').split('\n')[1] ?? '').indexOf('131047') + 1;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = FIXTURES): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: string;
  code?: number;
  codes?: number[];
  message: string;
  severity: string;
}

function findings(r: Run): JsonFinding[] {
  assert.equal(r.stderr, '', 'no diagnostics');
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** A diagnostic as the contract wants it: exactly one line, no stack trace. */
function assertOneLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one stderr line, got: ${stderr}`);
  assert.match(lines[0] ?? '', /^wa-errors: /);
  assert.doesNotMatch(stderr, /\n\s+at |Error:/);
}

test('dist/cli.js is built and starts with a shebang', () => {
  assert.ok(fs.existsSync(CLI), 'run `node esbuild.js --tests` first');
  assert.equal(fs.readFileSync(CLI, 'utf8').split('\n')[0], '#!/usr/bin/env node');
});

describe('wa-errors lookup', () => {
  const KEYS = ['code', 'title', 'description', 'solution', 'category', 'httpStatus', 'docsUrl', 'retry', 'variants'];

  test('with no argument lists the whole catalog; JSON entries have exactly the contract keys', () => {
    const r = cli(['lookup', '--format', 'json']);
    assert.equal(r.status, 0);
    const { codes } = JSON.parse(r.stdout) as { codes: Record<string, unknown>[] };
    assert.ok(codes.length >= 1);
    for (const c of codes) {
      assert.deepEqual(Object.keys(c), KEYS);
      assert.ok(typeof c.code === 'number' || /^\d+-\d+$/.test(String(c.code)), `code ${String(c.code)} is a number or a range`);
      assert.ok(Array.isArray(c.variants));
      assert.ok(c.httpStatus === null || typeof c.httpStatus === 'number');
    }
    assert.ok(codes.some((c) => c.code === 131047));
  });

  test('text listing is a table, one line per code', () => {
    const r = cli(['lookup']);
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^CODE\s+HTTP\s+CATEGORY\s+TITLE$/);
    const json = JSON.parse(cli(['lookup', '--format=json']).stdout) as { codes: unknown[] };
    assert.equal(lines.length, json.codes.length + 1);
    assert.ok(lines.some((l) => /^131047\s+400\s+.*\s{2}Re-engagement message$/.test(l)));
  });

  test('one code: its entry first, in JSON and as details', () => {
    const json = cli(['lookup', '131047', '--format', 'json']);
    assert.equal(json.status, 0);
    const first = (JSON.parse(json.stdout) as { codes: { code: number; title: string }[] }).codes[0];
    assert.deepEqual([first?.code, first?.title], [131047, 'Re-engagement message']);
    const text = cli(['lookup', '131047']);
    assert.equal(text.status, 0);
    assert.equal(text.stdout.split('\n')[0], '131047 · Re-engagement message');
    assert.match(text.stdout, /^ {2}Docs +https:\/\/\S+$/m);
    assert.match(text.stdout, /^ {2}HTTP status +400$/m);
  });

  test('free text finds entries by title words', () => {
    const r = cli(['lookup', 're-engagement']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^131047 · Re-engagement message$/m);
  });

  test('nothing found: a message on stderr, nothing on stdout, exit 1', () => {
    const r = cli(['lookup', 'zz-no-such-title-zz']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assertOneLine(r.stderr);
  });
});

describe('wa-errors scan', () => {
  test('JSON: findings of known file kinds, relative paths, sorted, with exact positions', () => {
    const list = findings(cli(['scan', '--format', 'json', 'project']));
    assert.ok(list.length >= 3);
    const files = new Set(list.map((f) => f.file));
    assert.ok(files.has('project/README.md'), 'Markdown is read as text');
    for (const file of files) assert.ok(['project/README.md', 'project/graph-error.json', 'project/logs/app.ndjson', 'project/src/retry.ts'].includes(file), file);
    const sorted = [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    assert.deepEqual(list, sorted);
    const col = APP_LOG_COLUMN;
    const hit = list.find((f) => f.file === 'project/logs/app.ndjson' && f.line === 2);
    assert.deepEqual(hit, {
      file: 'project/logs/app.ndjson',
      line: 2,
      column: col,
      endLine: 2,
      endColumn: col + 6,
      kind: 'error-code',
      code: 131047,
      message: '131047 Re-engagement message',
      severity: 'note',
    });
    const pretty = list.find((f) => f.file === 'project/graph-error.json');
    assert.deepEqual([pretty?.line, pretty?.column], [4, 13]);
    for (const f of list) {
      if (f.kind === 'error-code') assert.ok(typeof f.code === 'number' && f.codes === undefined && f.severity === 'note');
      else assert.ok(f.kind === 'title-match' && Array.isArray(f.codes) && f.code === undefined && f.severity === 'warning');
    }
  });

  test('text: path:line:col  kind  message lines, then a summary', () => {
    const r = cli(['scan', 'project/logs']);
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.ok(lines.length >= 2);
    for (const l of lines) assert.match(l, /^project\/logs\/app\.ndjson:\d+:\d+ {2}(error-code|title-match) {2}\S.*$/);
    assert.ok(lines.includes(`project/logs/app.ndjson:2:${APP_LOG_COLUMN}  error-code  131047 Re-engagement message`));
    assert.match(summary, /^\d+ findings? \(\d+ error-code, \d+ title-match\) in 1 file\.$/);
  });

  test('SARIF: a 2.1.0 log GitHub code scanning accepts', () => {
    const r = cli(['scan', '--format', 'sarif', 'project']);
    assert.equal(r.status, 0);
    const log = JSON.parse(r.stdout);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'wa-errors');
    assert.equal(driver.version, PACKAGE_VERSION);
    assert.match(driver.informationUri, /^https?:\/\//);
    assert.deepEqual(
      driver.rules.map((rule: { id: string }) => rule.id),
      ['wa-errors/title-match', 'wa-errors/error-code'],
    );
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
    assert.ok(results.length >= 3);
    for (const res of results) {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0]?.physicalLocation;
      assert.equal(loc?.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(loc?.artifactLocation.uri ?? '', /^project\/[^\\]+$/, 'relative, forward slashes, no file://');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok((loc?.region[k] ?? 0) >= 1, k);
    }
  });

  test('--fail-on: 1 when matched, else 0', () => {
    assert.equal(cli(['scan', 'project/logs']).status, 0, 'no --fail-on never fails');
    assert.equal(cli(['scan', '--fail-on', 'any', 'project/logs']).status, 1);
    assert.equal(cli(['scan', '--fail-on', 'any', 'quiet.log']).status, 0, 'no findings');
    assert.equal(cli(['scan', '--fail-on', 'title-match', 'project/logs']).status, 0, 'error codes alone are not title matches');
  });

  test('usage errors: exit 2, one stderr line, no stack trace, nothing on stdout', () => {
    for (const args of [[], ['frob'], ['scan'], ['scan', '--bogus', 'project'], ['scan', '--format', 'xml', 'project'], ['scan', '--fail-on', 'some', 'project'], ['lookup', '--format', 'sarif']]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr);
    }
  });

  test('a missing path: exit 2, naming the path', () => {
    const r = cli(['scan', 'project', 'no/such/file.log']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assertOneLine(r.stderr);
    assert.match(r.stderr, /no\/such\/file\.log/);
  });

  test('--help prints usage and --version the package version', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage:/);
      assert.match(r.stdout, /wa-errors scan/);
    }
    const v = cli(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), PACKAGE_VERSION);
  });
});

describe('wa-errors scan on awkward trees and files', () => {
  let dir = '';
  const write = (rel: string, data: string | Buffer): void => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, data);
  };
  const scanJson = (...args: string[]): JsonFinding[] => findings(cli(['scan', '--format', 'json', ...args], dir));
  const at = (list: JsonFinding[], file: string): [number, number][] => list.filter((f) => f.file === file && f.code === 131047).map((f) => [f.line, f.column]);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-errors-cli-'));
    write('tree/app.log', CODE_LINE + '\n');
    write('tree/.git/objects/x.json', CODE_LINE);
    write('tree/node_modules/pkg/errors.json', CODE_LINE);
    write('tree/deep/a/b/c/d/e.ndjson', CODE_LINE);
    write('tree/image.log', Buffer.concat([Buffer.from(CODE_LINE), Buffer.from([0, 1, 2, 3])]));
    fs.symlinkSync('..', path.join(dir, 'tree/deep/loop'));
    fs.symlinkSync(path.join(dir, 'tree'), path.join(dir, 'tree/deep/a/back'));
    fs.symlinkSync(path.join(dir, 'nowhere.log'), path.join(dir, 'tree/broken.log'));
    // A FIFO would block a reader forever: the walk must not open it.
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'tree/queue.log')]).status, 0, 'mkfifo');
    // Encodings and line endings: the code always sits at line 3, column CODE_COLUMN.
    const three = ['first', 'second', CODE_LINE, 'last'];
    write('enc/crlf.log', three.join('\r\n'));
    write('enc/mixed.log', `first\rsecond\r\n${CODE_LINE}\nlast`);
    write('enc/bom.log', '\ufeff' + three.join('\n'));
    write('enc/utf16le.log', Buffer.from('\ufeff' + three.join('\r\n'), 'utf16le'));
    const be = Buffer.from('\ufeff' + three.join('\n'), 'utf16le');
    be.swap16();
    write('enc/utf16be.log', be);
    write('enc/latin1.log', Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\n\n' + CODE_LINE)]));
    write('named.data', CODE_LINE);
    write('polyglot/server.js', CODE_LINE);
    write('polyglot/core/send.rs', 'if e.code == 131047 { retry() }');
    write('polyglot/core/queue.rs', '');
    write('polyglot/README.md', '# docs');
    // Hostile inputs: none may crash the scan.
    write('hostile/digits.log', '9'.repeat(6 * 1024 * 1024));
    write('hostile/nested.json', '['.repeat(200_000) + ']'.repeat(200_000));
    write('hostile/nested-objects.json', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    write('hostile/empty.json', '');
    write('hostile/random.log', Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 2654435761) % 251)));
    write('hostile/long-line.ndjson', (CODE_LINE + ' ').repeat(50_000));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('skips .git, node_modules, binary files and FIFOs; survives symlink loops; warns on a dangling link', () => {
    const r = cli(['scan', '--format', 'json', 'tree'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), ['wa-errors: cannot read tree/broken.log (ENOENT)']);
    const files = [...new Set((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.file))];
    assert.deepEqual(files, ['tree/app.log', 'tree/deep/a/b/c/d/e.ndjson']);
  });

  test('says which source files it passed over, on stderr only, whatever the format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(['scan', '--format', format, 'polyglot'], dir);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, 'wa-errors: not scanned: 2 .rs files (languages wa-errors does not read; name a file to read it as plain text)\n', format);
      assert.match(r.stdout, /server\.js/, format);
    }
    const named = cli(['scan', 'polyglot/server.js', 'polyglot/core/send.rs'], dir);
    assert.equal(named.stderr, '', 'files named on the command line are read');
  });

  test('a binary file named explicitly is skipped with a warning', () => {
    const r = cli(['scan', 'tree/image.log'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^wa-errors: skipped binary file tree\/image\.log\n$/);
    assert.match(r.stdout, /^No findings in 0 files\.$/m);
  });

  test('a FIFO named explicitly is read, as bash passes <(...)', async () => {
    const fifo = path.join(dir, 'incoming');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    const child = spawn(process.execPath, [CLI, 'scan', '--format', 'json', 'incoming'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    fs.createWriteStream(fifo).end(CODE_LINE + '\n');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(status, 0, stderr);
    assert.deepEqual(at(findings({ status, stdout, stderr }), 'incoming'), [[1, CODE_COLUMN]]);
  });

  test('a file of unknown kind named explicitly is scanned as text', () => {
    assert.deepEqual(at(scanJson('named.data'), 'named.data'), [[1, CODE_COLUMN]]);
  });

  test('CRLF, mixed endings, BOM, UTF-16 LE/BE and invalid UTF-8: same line and column', () => {
    const list = scanJson('enc');
    for (const name of ['bom', 'crlf', 'mixed', 'utf16be', 'utf16le']) assert.deepEqual(at(list, `enc/${name}.log`), [[3, CODE_COLUMN]], name);
    assert.deepEqual(at(list, 'enc/latin1.log'), [[3, CODE_COLUMN]], 'invalid bytes are replaced, not fatal');
  });

  test('hostile inputs end normally', () => {
    const started = Date.now();
    const r = cli(['scan', '--format', 'json', 'hostile'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    assert.ok(Array.isArray(JSON.parse(r.stdout).findings));
    assert.ok(Date.now() - started < 30_000, 'bounded time');
  });

  test('the same file reached twice is reported once', () => {
    const list = scanJson('enc', 'enc/crlf.log', './enc/../enc/crlf.log');
    assert.deepEqual(at(list, 'enc/crlf.log'), [[3, CODE_COLUMN]]);
  });

  test('a closed stdout pipe does not crash and keeps the exit code', async () => {
    write('many.ndjson', (CODE_LINE + '\n').repeat(50_000));
    const child = spawn(process.execPath, [CLI, 'scan', '--fail-on', 'any', 'many.ndjson'], { cwd: dir });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(status, 1);
    assert.equal(stderr, '');
  });
});

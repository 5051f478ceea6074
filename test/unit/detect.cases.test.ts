// Targeted cases for the error-code detectors: what must be found, what must not, codeAt and
// payloadAt, and linear time on hostile inputs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeAt, fileContext, payloadAt, scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();

/** The codes found in `text`, in order. */
function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

/** The text each finding covers. */
function spans(text: string, family: LanguageFamily): string[] {
  return scanCodes(text, family, catalog).map((f) => text.slice(f.start, f.end));
}

const WA = '// WhatsApp Cloud API client\n';

test('source: comparisons, cases, constants and lists of distinctive codes', () => {
  assert.deepEqual(codes('if (err.code === 131047) retry();', 'javascript'), [131047]);
  assert.deepEqual(codes('if error.code == 131026:\n    pass', 'python'), [131026]);
  assert.deepEqual(codes('switch (c) {\n  case 131026:\n    break;\n}', 'javascript'), [131026]);
  assert.deepEqual(codes('switch apiErr.Code {\ncase 131047, 131048:\n}', 'go'), [131047, 131048]);
  assert.deepEqual(codes('when (e.code) {\n    131047 -> stop()\n}', 'kotlin'), [131047]);
  assert.deepEqual(codes('case code\nwhen 131047 then stop\nend', 'ruby'), [131047]);
  assert.deepEqual(codes('const REENGAGEMENT_ERROR = 131047;', 'javascript'), [131047]);
  assert.deepEqual(codes('DO_NOT_RETRY = {131049, 131050, 131047}', 'python'), [131049, 131050, 131047]);
  assert.deepEqual(codes('if ([131047, 131026].includes(code)) {}', 'javascript'), [131047, 131026]);
  assert.deepEqual(codes('if slices.Contains(codes, 131048) {}', 'go'), [131048]);
  assert.deepEqual(codes('$errorText = [131047 => "window closed"];', 'php'), [131047]);
  assert.deepEqual(codes('Map.of(131047, "window")', 'java'), [131047]);
  assert.deepEqual(codes('const RE_ENGAGEMENT = 131_047;', 'javascript'), [131047]);
});

test('source: codes in strings and comments that talk about them', () => {
  assert.deepEqual(spans('if (message.includes("131047")) {}', 'javascript'), ['131047']);
  assert.deepEqual(spans("if (e.message.includes('(#131056)')) {}", 'javascript'), ['131056']);
  assert.deepEqual(codes("if (String(err.code) === '131047') {}", 'javascript'), [131047]);
  assert.deepEqual(codes('if err.message.contains("131056") {}', 'kotlin'), [131056]);
  assert.deepEqual(codes('// 131047: outside the 24h window', 'javascript'), [131047]);
  assert.deepEqual(codes('# retry on 130429', 'python'), [130429]);
  assert.deepEqual(codes('// see issue #131047', 'javascript'), []);
});

test('source: small codes need an error-code name and a WhatsApp file', () => {
  assert.deepEqual(codes(`${WA}if (err.code === 100) {}`, 'javascript'), [100]);
  assert.deepEqual(codes('if (err.code === 100) {}', 'javascript'), []);
  assert.deepEqual(codes(`${WA}error_code in (4, 80007, 130429)`, 'python'), [4, 80007, 130429]);
  assert.deepEqual(codes(`${WA}if (status === 100) {}`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}res.status(400); response.status === 200;`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}if (exitCode == 1) {}`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}child.on('exit', (code) => code === 0 ? ok() : fail());`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}if (code === 190 || code === 0) refresh();`, 'javascript'), [190, 0]);
  assert.deepEqual(codes(`${WA}const mock = { code: 200, body: 'ok' };`, 'javascript'), []);
  assert.deepEqual(codes(`${WA}const e = { code: 100, type: 'OAuthException', fbtrace_id: 'x' };`, 'javascript'), [100]);
  assert.deepEqual(codes(`${WA}const widths = [0, 4, 10];\nsetTimeout(fn, 100);\nconst x = arr[0] + 4;`, 'javascript'), []);
});

test('source: code-like numbers that are something else', () => {
  const text = [
    WA,
    'const user = { id: 131047, count: 131056 };',
    'setTimeout(retry, 131000);',
    'const phone = "972131047654"; const wamid = "wamid.HBgLMTMxMDQ3";',
    'const big = 1310470; const ident = x131047; const hex = 0x131047;',
    'const version = "2.21.15.15"; const port = 8080; const ts = 1689380458;',
    'for (let i = 0; i < 131047; i++) {}',
    'const total = price * 131026;',
  ].join('\n');
  assert.deepEqual(codes(text, 'javascript'), []);
});

test('json: Graph errors, webhook errors, subcodes and BSP wrappers', () => {
  const graph = '{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030,"error_subcode":2655007,"fbtrace_id":"A"}}';
  assert.deepEqual(spans(graph, 'json'), ['131030', '131030']);
  const subcode = '{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2388040,"fbtrace_id":"B"}}';
  assert.deepEqual(codes(subcode, 'json'), [100, 2388040]);
  const ycloud = '{"error":{"status":429,"code":"TOO_MANY_REQUESTS","whatsappApiError":{"type":"OAuthException","code":"131056","fbtrace_id":"C"}}}';
  assert.deepEqual(codes(ycloud, 'json'), [131056]);
  const zavu = '{"status":"failed","errorCode":131047,"errorMessage":"Re-engagement message","retriable":false}';
  assert.deepEqual(codes(zavu, 'json'), [131047]);
  // An unknown 13xxxx code in an unmistakable Graph error is reported (the hover says "not in the catalog").
  assert.deepEqual(codes('{"error":{"message":"(#131099) New","type":"OAuthException","code":131099,"fbtrace_id":"D"}}', 'json'), [131099]);
  // ...but never an unknown subcode, nor an unknown code outside a Graph error.
  assert.deepEqual(codes('{"error":{"code":100,"error_subcode":2494055,"type":"OAuthException"}}', 'json'), [100]);
  assert.deepEqual(codes('{"product":{"code":131099}}', 'json'), []);
});

test('json: other systems, ids and counts stay silent', () => {
  const access = [
    '{"method":"GET","status":200,"code":200,"bytes":131047}',
    '{"method":"POST","status":400,"code":100,"error":"validation failed"}',
    '{"event":"job","id":131047,"count":131056}',
  ].join('\n');
  assert.deepEqual(codes(access, 'json'), []);
});

test('json: pretty-printed payloads keep key paths across lines; JSONC comments and BOM', () => {
  const text = '\ufeff// webhook sample\n{\n  "entry": [{\n    "changes": [{\n      "value": {\n        "statuses": [{\n          "errors": [{\n            "code": 131026,\n            "title": "Message Undeliverable"\n          }]\n        }]\n      }\n    }]\n  }]\n}\n';
  const found = scanCodes(text, 'json', catalog);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]?.start, found[0]?.end), '131026');
});

test('text: logs, YAML and .env', () => {
  assert.deepEqual(codes('2024-05-27 ERROR WhatsApp send failed: (#131047) Re-engagement message', 'text'), [131047]);
  assert.deepEqual(codes('WARN Graph API error code=130429 subcode=2494055', 'text'), [130429]);
  assert.deepEqual(codes('ERROR send failed {"error":{"code":131047,"type":"OAuthException"}}', 'text'), [131047]);
  assert.deepEqual(codes('retryable_codes: [130429, 131056]', 'text'), [130429, 131056]);
  assert.deepEqual(codes('WA_RETRY_CODES=130429,131056', 'text'), [130429, 131056]);
  assert.deepEqual(codes('do_not_retry_codes:\n  - 131047\n  - 131049\n', 'text'), [131047, 131049]);
  assert.deepEqual(codes('error_code=131056 wamid=wamid.HBgLMTMxMDU2', 'text'), [131056]);
  assert.deepEqual(codes('INFO processed 131047 jobs, port 8080, pid 131056', 'text'), []);
  assert.deepEqual(codes('    at send (/srv/app/index.js:131047:12)', 'text'), []);
  assert.deepEqual(codes('- Fix crash (#204)\n- Bump deps (#213)', 'text'), []);
  assert.deepEqual(codes('upstream returned status=400 code=100 after 100ms', 'text'), []);
});

test('offsets are the digits only, sorted, UTF-16', () => {
  const text = '{"note":"é😀","error":{"message":"(#131047) Re-engagement message","code":"131047","type":"OAuthException"}}';
  const found = scanCodes(text, 'json', catalog);
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['131047', '131047']);
  assert.ok((found[0]?.start ?? 0) < (found[1]?.start ?? 0));
});

test('codeAt agrees with scanCodes on a line, and takes the file context for small codes', () => {
  const line = '  if (apiErr.code === 131047 || apiErr.code === 100) {';
  const big = line.indexOf('131047') + 2;
  assert.equal(codeAt(line, big, 'javascript', catalog)?.code, 131047);
  assert.equal(codeAt(line, line.indexOf('100'), 'javascript', catalog)?.code, 100, 'a distinctive code on the line makes it a WhatsApp line');
  const alone = '  if (apiErr.code === 100) {';
  assert.equal(codeAt(alone, alone.indexOf('100'), 'javascript', catalog), undefined);
  const ctx = fileContext('import { WhatsAppClient } from "./whatsapp";');
  assert.equal(ctx.whatsapp, true);
  assert.equal(codeAt(alone, alone.indexOf('100') + 1, 'javascript', catalog, ctx)?.code, 100);
  assert.equal(codeAt(alone, 2, 'javascript', catalog, ctx), undefined);
  for (const f of scanCodes(line, 'javascript', catalog)) assert.deepEqual(codeAt(line, f.start, 'javascript', catalog), f);
});

test('payloadAt reads the enclosing error object of one log line, even truncated', () => {
  const line =
    '{"level":"error","error":{"message":"(#131026) Message Undeliverable","type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},"error_subcode":2494055,"fbtrace_id":"AbC"}}';
  const p = payloadAt(line, line.indexOf('131026,'));
  assert.deepEqual(p, {
    message: '(#131026) Message Undeliverable',
    type: 'OAuthException',
    code: '131026',
    details: 'Message Undeliverable.',
    subcode: '2494055',
    fbtraceId: 'AbC',
  });
  const webhook = '{"statuses":[{"id":"wamid.X","errors":[{"code":131049,"title":"Meta chose not to deliver.","error_data":{"details":"healthy ecosystem"}}]}]}';
  const w = payloadAt(webhook, webhook.indexOf('131049'));
  assert.equal(w?.title, 'Meta chose not to deliver.');
  assert.equal(w?.details, 'healthy ecosystem');
  const cut = line.slice(0, line.indexOf('"error_subcode"'));
  assert.equal(payloadAt(cut, cut.indexOf('131026,'))?.details, 'Message Undeliverable.');
  assert.equal(payloadAt('{"level":"info","msg":"ok"}', 5), undefined);
});

test('cancellation returns early with what was found', () => {
  const text = '{"error":{"code":131047,"type":"OAuthException"}}\n'.repeat(5000);
  const found = scanCodes(text, 'json', catalog, { token: { isCancellationRequested: true } });
  assert.ok(found.length < 5000);
});

/** CPU milliseconds spent by `run`. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

test('hostile inputs stay linear (generous CPU budgets for a loaded CI box)', () => {
  const cases: [string, string, LanguageFamily][] = [
    ['6 MB line of digits', '1'.repeat(6_000_000), 'text'],
    ['1 MB of "(#', '"(#'.repeat(350_000), 'json'],
    ['200k nested brackets', '['.repeat(200_000) + '{"code":131047}' + ']'.repeat(200_000), 'json'],
    ['long line of small numbers', `${WA}x = [${'1, '.repeat(300_000)}]`, 'javascript'],
    ['many unclosed strings', '{"a":"\n'.repeat(200_000), 'json'],
    ['many unclosed comments', '{ /* \n'.repeat(200_000), 'text'],
    ['python digits', '# whatsapp\n' + '4,'.repeat(500_000), 'python'],
  ];
  for (const [name, text, family] of cases) {
    const ms = cpuMs(() => scanCodes(text, family, catalog));
    assert.ok(ms < 3000, `${name}: ${ms.toFixed(0)} ms`);
  }
});

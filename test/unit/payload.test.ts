import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payloadAt } from '../../src/core/detect';

/** The fields a hover shows. */
function shown(line: string, offset: number) {
  const p = payloadAt(line, offset);
  return { details: p?.details, subcode: p?.subcode, fbtraceId: p?.fbtraceId };
}

test('webhook error: details of the object the code belongs to', () => {
  const line =
    '{"statuses":[{"errors":[{"code":131047,"title":"Re-engagement message","error_data":{"details":"first \\"quoted\\""}},' +
    '{"code":131026,"error_data":{"details":"second"},"fbtrace_id":"T1"}]}]}';
  assert.deepEqual(shown(line, line.indexOf('131047')), { details: 'first "quoted"', subcode: undefined, fbtraceId: undefined });
  assert.deepEqual(shown(line, line.indexOf('131026')), { details: 'second', subcode: undefined, fbtraceId: 'T1' });
});

test('Graph error: subcode and trace id, also from the (#code) in the message', () => {
  const line =
    '{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030,' +
    '"error_data":{"messaging_product":"whatsapp","details":"Add the number"},"error_subcode":2655007,"fbtrace_id":"AI5Ob2z72R0JAUB5zOF-nao"}}';
  const expected = { details: 'Add the number', subcode: '2655007', fbtraceId: 'AI5Ob2z72R0JAUB5zOF-nao' };
  assert.deepEqual(shown(line, line.indexOf('131030,')), expected);
  assert.deepEqual(shown(line, line.indexOf('131030)')), expected);
});

test('a line without payload fields gives none', () => {
  assert.deepEqual(shown('case 131047:', 5), { details: undefined, subcode: undefined, fbtraceId: undefined });
});

test('a malformed escape does not break the read, and a huge unterminated string stays linear', () => {
  const line = '{"code":131047,"error_data":{"details":"bad \\u12"}}';
  assert.match(payloadAt(line, line.indexOf('131047'))?.details ?? '', /^bad /);
  const hostile = `{"code":131047,"details":"${'\\"'.repeat(200_000)}`;
  const t0 = Date.now();
  // Only a bounded window of a huge line is read: whatever it returns is short.
  assert.ok((payloadAt(hostile, hostile.indexOf('131047'))?.details ?? '').length <= 16384);
  assert.ok(Date.now() - t0 < 500, 'scan must stay linear');
});

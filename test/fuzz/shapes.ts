/**
 * Generators of realistic inputs: the JSON shapes in which Cloud API errors really arrive
 * (Graph error responses, webhook statuses/errors, messages errors, BSP wrappers), log lines around
 * them, and source snippets in every language family, with the decoys a detector must ignore
 * (timers, HTTP statuses, generic "code" fields). Shared by the fuzz tests and the bench.
 */
import type { LanguageFamily } from '../../src/core/types';
import type { Rng } from './prng';

export const FAMILIES: readonly LanguageFamily[] = ['javascript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dart', 'json', 'text'];

/** A file extension per family, for generated workspaces. */
export const EXTENSION: Readonly<Record<LanguageFamily, string>> = {
  javascript: 'ts', python: 'py', go: 'go', java: 'java', kotlin: 'kt', php: 'php',
  ruby: 'rb', csharp: 'cs', dart: 'dart', json: 'json', text: 'log',
};

/** Documented codes with their titles (titles verbatim: they are identifiers). */
const TITLED: readonly (readonly [number, string])[] = [
  [131047, 'Re-engagement message'],
  [131026, 'Message Undeliverable'],
  [131056, '(Business Account, Consumer Account) pair rate limit hit'],
  [130429, 'Rate limit hit'],
  [131030, 'Recipient phone number not in allowed list'],
  [190, 'Access token has expired'],
  [131000, 'Something went wrong'],
  [130472, "User's number is part of an experiment"],
  [131048, 'Spam rate limit hit'],
  [131051, 'Unsupported message type'],
  [131053, 'Media upload error'],
  [132000, 'Template Param Count Mismatch'],
  [132001, 'Template does not exist'],
  [133010, 'Phone number Not Registered'],
  [131008, 'Required parameter is missing'],
  [368, 'Temporarily blocked for policies violations'],
  [131031, 'Account has been locked'],
  [4, 'API Too Many Calls'],
  [80007, 'Rate limit issues'],
];
/** Subcodes that arrive under `code: 100` on management and template endpoints. */
const SUBCODES: readonly number[] = [2388023, 2388027, 2388044, 2388091, 2388100, 2388077, 2494055, 2655007, 463];
/** Codes no catalog knows, in an error context all the same. */
const UNKNOWN: readonly number[] = [131999, 139999, 1234567, 7];

function titled(r: Rng): readonly [number, string] {
  return r.pick(TITLED);
}

/** A code for a generated payload: mostly documented, sometimes unknown. */
export function someCode(r: Rng): number {
  return r.chance(0.9) ? titled(r)[0] : r.pick(UNKNOWN);
}

const WORDS = 'message failed recipient template window hours replied number business account rate limit send again later customer phone delivery'.split(' ');

function sentence(r: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(r.pick(WORDS));
  return out.join(' ');
}

function traceId(r: Rng): string {
  return r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 23);
}

function wamid(r: Rng): string {
  return 'wamid.HBgL' + r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 30);
}

function timestamp(r: Rng): string {
  const s = 1_750_000_000 + r.int(0, 9_999_999);
  return new Date(s * 1000).toISOString();
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/**
 * JSON text of a value; `spaced` writes `": "` and `", "` as Python's json.dumps does, so both
 * spacings appear in the logs.
 */
export function dumps(v: Json, spaced: boolean): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const sep = spaced ? ', ' : ',';
  if (Array.isArray(v)) return '[' + v.map((x) => dumps(x, spaced)).join(sep) + ']';
  const colon = spaced ? ': ' : ':';
  return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + colon + dumps(x, spaced)).join(sep) + '}';
}

function details(r: Rng, long: boolean): string {
  return long ? sentence(r, r.int(40, 300)) : sentence(r, r.int(3, 12));
}

/** Shape (a): a synchronous Graph error response. */
export function graphError(r: Rng): Json {
  if (r.chance(0.2)) {
    // Management endpoints: the meaning is in error_subcode under code 100.
    return { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_subcode: r.pick(SUBCODES), is_transient: false, error_user_title: sentence(r, 4), fbtrace_id: traceId(r) } };
  }
  const [code, title] = titled(r);
  const err: { [k: string]: Json } = { message: `(#${code}) ${title}`, type: 'OAuthException', code };
  if (r.chance(0.8)) err.error_data = r.chance(0.1) ? details(r, false) : { messaging_product: 'whatsapp', details: details(r, r.chance(0.1)) };
  if (r.chance(0.3)) err.error_subcode = r.pick(SUBCODES);
  err.fbtrace_id = traceId(r);
  return { error: err };
}

function errorObject(r: Rng): Json {
  const [code, title] = r.chance(0.95) ? titled(r) : ([r.pick(UNKNOWN), 'Unknown error'] as const);
  const e: { [k: string]: Json } = { code, title, message: title, error_data: { details: details(r, r.chance(0.05)) } };
  if (r.chance(0.5)) e.href = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';
  return e;
}

function envelope(r: Rng, value: { [k: string]: Json }): Json {
  const meta = { display_phone_number: r.chars('0123456789', 12), phone_number_id: r.chars('0123456789', 15) };
  return { object: 'whatsapp_business_account', entry: [{ id: r.chars('0123456789', 16), changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: meta, ...value } }] }] };
}

/** Shape (b): a failed message status. */
export function failedStatus(r: Rng): Json {
  const status = { id: wamid(r), status: 'failed', timestamp: String(1_690_000_000 + r.int(0, 9_999_999)), recipient_id: r.chars('0123456789', 12), errors: [errorObject(r)] };
  return envelope(r, { statuses: [status] });
}

/** Shape (c): top-level `value.errors[]`. */
export function valueErrors(r: Rng): Json {
  return envelope(r, { errors: [errorObject(r)] });
}

/** Shape (d1): an inbound unsupported message with `messages[].errors[]`. */
export function messageErrors(r: Rng): Json {
  const msg = { from: r.chars('0123456789', 12), id: wamid(r), timestamp: String(1_690_000_000 + r.int(0, 9_999_999)), type: 'unsupported', errors: [errorObject(r)] };
  return envelope(r, { messages: [msg] });
}

/** Shape (d3): BSP wrappers that re-nest or rename the Meta error. */
export function bspWrapper(r: Rng): Json {
  const [code, title] = titled(r);
  switch (r.int(0, 2)) {
    case 0:
      return { error: { status: 429, code: 'TOO_MANY_REQUESTS', message: `(#${code}) ${title}`, whatsappApiError: { message: `(#${code}) ${title}`, type: 'OAuthException', code: String(code), fbtrace_id: traceId(r) } } };
    case 1:
      return { status: 'failed', errorCode: code, errorMessage: title, errorCategory: 'delivery', retriable: false };
    default:
      return { name: 'WhatsAppApiError', code, errorSubcode: r.pick(SUBCODES), errorData: { details: details(r, false) }, fbtraceId: traceId(r), category: 'throttling', retry: { action: 'wait' } };
  }
}

/** Any payload that carries a Cloud API error. */
export function errorPayload(r: Rng): Json {
  const makers = [graphError, failedStatus, valueErrors, messageErrors, bspWrapper];
  return r.pick(makers)(r);
}

/** A delivered/read status: a webhook without any error. */
function okStatus(r: Rng): Json {
  return envelope(r, { statuses: [{ id: wamid(r), status: r.pick(['sent', 'delivered', 'read']), timestamp: String(1_690_000_000 + r.int(0, 9_999_999)), recipient_id: r.chars('0123456789', 12) }] });
}

/** One NDJSON line that carries an error (a logged response or webhook body). */
export function errorLogLine(r: Rng): string {
  const spaced = r.chance(0.3);
  const level = r.pick(['error', 'warn']);
  const body = errorPayload(r);
  const wrap = r.int(0, 2);
  if (wrap === 0) return dumps(body, spaced);
  if (wrap === 1) return dumps({ ts: timestamp(r), level, msg: 'whatsapp send failed', status: r.pick([400, 403, 429, 500]), response: body }, spaced);
  return dumps({ ts: timestamp(r), level, msg: 'webhook received', body }, spaced);
}

/** One NDJSON line without a Cloud API error, with the decoys a detector must not flag. */
export function noiseLogLine(r: Rng): string {
  const spaced = r.chance(0.3);
  switch (r.int(0, 5)) {
    case 0:
      return dumps({ ts: timestamp(r), level: 'info', msg: 'message sent', wamid: wamid(r), status: 200, latency_ms: r.int(20, 900) }, spaced);
    case 1:
      return dumps({ ts: timestamp(r), level: 'info', msg: 'webhook received', body: okStatus(r) }, spaced);
    case 2:
      return dumps({ ts: timestamp(r), level: 'debug', msg: 'retry scheduled', delay_ms: r.pick([100, 250, 1000, 30000]), attempt: r.int(1, 5) }, spaced);
    case 3:
      return dumps({ ts: timestamp(r), level: 'error', msg: 'socket hang up', err: { code: 'ECONNRESET', errno: -104, syscall: 'read' } }, spaced);
    case 4:
      return dumps({ ts: timestamp(r), level: 'info', http: { method: 'POST', path: '/v21.0/' + r.chars('0123456789', 15) + '/messages', status_code: 200, bytes: r.int(100, 5000) } }, spaced);
    default:
      return dumps({ ts: timestamp(r), level: 'info', msg: sentence(r, r.int(4, 20)), user: r.chars('abcdef0123456789', 12) }, spaced);
  }
}

/** A plain-text (non-JSON) log line: flattened `(#CODE) Title` strings and decoys. */
export function plainTextLine(r: Rng): string {
  const [code, title] = titled(r);
  switch (r.int(0, 6)) {
    case 0:
      return `${timestamp(r)} ERROR send failed: (#${code}) ${title}`;
    case 1:
      return `${code} OAuthException! (#${code}) ${title}`;
    case 2:
      return `${timestamp(r)} WARN retrying in ${r.pick([100, 500, 2000])}ms (attempt ${r.int(1, 5)})`;
    case 3:
      return `retry_codes: [130429, 131056, ${code}]`;
    case 4:
      return `WA_RETRY_CODES=130429,131056`;
    case 5:
      return `${timestamp(r)} INFO GET /health 200 ${r.int(1, 40)}ms`;
    default:
      return `${timestamp(r)} ERROR webhook status failed code=${code} title="${title}"`;
  }
}

type SnippetMaker = (code: number, title: string, r: Rng) => string;

/** A title as the body of a double- or single-quoted literal. */
const dq = (t: string): string => t.replace(/"/g, '\\"');
const sq = (t: string): string => t.replace(/'/g, "\\'");

/** Snippets per language: code comparisons, switch cases, title matches and decoys. */
const SNIPPETS: Readonly<Record<Exclude<LanguageFamily, 'json' | 'text'>, readonly SnippetMaker[]>> = {
  javascript: [
    (c) => `if (err.code === ${c}) {\n  await sendTemplate(to, 'hello_world');\n}`,
    (c, _t, r) => `switch (error.code) {\n  case ${c}:\n    return 'template';\n  case ${someCode(r)}:\n    return 'retry';\n  default:\n    throw error;\n}`,
    (c) => `const RETRYABLE = new Set([130429, 131056, ${c}]);`,
    (_c, t) => `if (e.message.includes('${sq(t)}')) {\n  markUndeliverable(msg);\n}`,
    (_c, t) => `if (error.title === "${dq(t)}") {\n  return retryLater(job);\n}`,
    () => `setTimeout(flush, 100);\nres.status(400).json({ error: 'Something went wrong' });`,
    (_c, _t, r) => `export function backoff(attempt: number): number {\n  return Math.min(${r.int(100, 1000)} * 2 ** attempt, 30000);\n}`,
  ],
  python: [
    (c) => `if err.code == ${c}:\n    send_template(to, "hello_world")`,
    (c) => `except WhatsAppError as e:\n    if e.error_code in (130429, ${c}):\n        time.sleep(2)`,
    (_c, t) => `if "${dq(t)}" in str(exc):\n    return None`,
    () => `time.sleep(100)\nreturn Response(status=400)`,
    (_c, _t, r) => `def retry_delay(n):\n    return min(${r.int(1, 9)} * 2 ** n, 60)`,
  ],
  go: [
    (c) => `if apiErr.Code == ${c} {\n\treturn ErrWindowClosed\n}`,
    (c, _t, r) => `switch e.Code {\ncase ${c}, ${someCode(r)}:\n\treturn true\n}`,
    () => `time.Sleep(100 * time.Millisecond)\nw.WriteHeader(http.StatusBadRequest)`,
    (_c, t) => `if strings.Contains(err.Error(), "${dq(t)}") {\n\treturn nil\n}`,
  ],
  java: [
    (c) => `if (error.getCode() == ${c}) {\n    scheduler.retryLater(message);\n}`,
    (c) => `switch (code) {\n    case ${c} -> sendTemplate();\n    default -> log.warn("unhandled");\n}`,
    () => `Thread.sleep(100);\nreturn ResponseEntity.status(400).build();`,
    (_c, t) => `if (e.getMessage().contains("${dq(t)}")) {\n    return;\n}`,
  ],
  kotlin: [
    (c) => `when (error.code) {\n    ${c} -> sendTemplate()\n    else -> throw error\n}`,
    (c) => `if (e.code == ${c}) return Result.Retry`,
    () => `delay(100)\ncall.respond(HttpStatusCode.BadRequest)`,
    (_c, t) => `if (error.message?.contains("${dq(t)}") == true) return`,
  ],
  php: [
    (c) => `if ($error['code'] === ${c}) {\n    $this->queue->later(60, $job);\n}`,
    (_c, t) => `if (str_contains($e->getMessage(), '${sq(t)}')) {\n    return false;\n}`,
    () => `usleep(100);\nhttp_response_code(400);`,
  ],
  ruby: [
    (c) => `case error.code\nwhen ${c} then send_template(to)\nelse raise error\nend`,
    (c) => `retry if e.code == ${c}`,
    () => `sleep 100\nhead :bad_request`,
    (_c, t) => `return if e.message.include?("${dq(t)}")`,
  ],
  csharp: [
    (c) => `if (ex.Code == ${c})\n{\n    await SendTemplateAsync(to);\n}`,
    (c) => `switch (err.Code)\n{\n    case ${c}:\n        return true;\n}`,
    () => `await Task.Delay(100);\nreturn StatusCode(400);`,
    (_c, t) => `if (ex.Message.Contains("${dq(t)}"))\n{\n    return;\n}`,
  ],
  dart: [
    (c) => `if (e.code == ${c}) {\n  await sendTemplate(to);\n}`,
    (c) => `switch (error.code) {\n  case ${c}:\n    return Retry.later;\n}`,
    () => `await Future.delayed(const Duration(milliseconds: 100));`,
    (_c, t) => `if (e.message.contains('${sq(t)}')) {\n  return;\n}`,
  ],
};

/** Ordinary lines around the interesting ones (no error codes). */
const FILLER: readonly string[] = [
  'const items = await repo.list({ limit: 50, offset });',
  'for (let i = 0; i < rows.length; i++) total += rows[i].amount;',
  'logger.info("processed batch", count)',
  'port = int(os.environ.get("PORT", "8080"))',
  'result := make([]string, 0, 16)',
  'private static final int MAX_ATTEMPTS = 5;',
  'val timeout = Duration.ofSeconds(30)',
  '$total = array_sum(array_column($rows, "amount"));',
  'users.each { |u| u.touch }',
  'var list = new List<string>(capacity: 64);',
  'final cache = <String, int>{};',
  '// keep the retry budget small so a stuck recipient cannot starve the queue',
  '',
];

/** A snippet of source code in `family` (json/text give payloads and log lines). */
export function sourceSnippet(r: Rng, family: LanguageFamily): string {
  if (family === 'json') return dumps(errorPayload(r), r.chance(0.5));
  if (family === 'text') return plainTextLine(r);
  const [code, title] = titled(r);
  return r.pick(SNIPPETS[family])(code, title, r);
}

/** Source text of about `chars` characters: snippets in `family` among filler lines. */
export function sourceText(r: Rng, family: LanguageFamily, chars: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    const part = r.chance(0.15) ? sourceSnippet(r, family) : r.pick(FILLER);
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n') + '\n';
}

/** NDJSON log text of about `chars` characters where about `errorShare` of the lines carry errors. */
export function ndjsonText(r: Rng, chars: number, errorShare: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < chars) {
    const line = r.chance(errorShare) ? errorLogLine(r) : noiseLogLine(r);
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

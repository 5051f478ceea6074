import type { LanguageFamily } from '../types';
import { matchingOpen } from './usage';

/**
 * Whose error a literal is matched against, read from its scope rather than from a window of text:
 * the `catch`/`except`/`rescue` clause around it (the exception type it names and the calls of its
 * `try` body), or in Go the call that produced `err` above it. A file that sends WhatsApp messages
 * and also charges with Stripe handles both services' errors; only the scope tells them apart.
 * All reads are of the masked text (code only) and bounded by LOOK_BACK.
 */

export type Provenance = 'ours' | 'other' | undefined;

/** How far above a literal its handler (and that handler's `try` body) may start. */
const LOOK_BACK = 2000;

/** A WhatsApp or Graph word, which keeps the match ours even beside another service's name. */
export const OUR_SERVICE = /whatsapp|graph|\bwaba\b|fbtrace|oauth|wamid|messaging_product|cloud_?api|facebook/i;
/** The same in names: `waClient`, `WaError`, `WA_TOKEN`, `wa.send` (case-sensitive: not the "wa" of `log.warn`). */
export const OUR_SERVICE_NAME = /\b(?:wa[A-Z_.]|Wa[A-Z]|WA_)/;

/**
 * Other services as they are named in code: exception types, clients, env names
 * (`SlackApiError`, `stripe.error`, `TWILIO_FROM`, `$this->mailer`, `Octokit::Forbidden`, `pgconn`).
 */
const SERVICES = [
  'S3', 'Aws', 'Amazon', 'Boto', 'Botocore', 'Twilio', 'Octokit', 'GitHub', 'Stripe', 'Mapbox', 'Slack', 'Telegram', 'Pdo',
  'SqlState', 'SqlException', 'SqlAlchemy', 'Smtp', 'SmtpLib', 'Mail', 'Mailer', 'Mailgun', 'NodeMailer', 'PhpMailer', 'SendGrid',
  'Postmark', 'Django', 'ObjectDoesNotExist', 'TemplateDoesNotExist', 'DoesNotExist', 'Firebase', 'Fcm', 'Apns', 'Redis', 'Mongo',
  'MongoDb', 'Postgres', 'Pgx', 'PgConn', 'PgError', 'Psycopg', 'Npgsql', 'MySql', 'Sqlite', 'Kafka', 'Elastic', 'Elasticsearch',
];

/** Every spelling of a name: `GitHub`, `Github`, `github`, `GITHUB`. */
function spellings(name: string): string[] {
  const lower = name.toLowerCase();
  return [...new Set([name, lower, name.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

/**
 * A service's name as a whole word or the head of one (`TwilioException`, `TWILIO_FROM`), never
 * inside a longer word (`redistribute`, `email`); capitalized, also after a lower-case part (`smsTwilio`).
 */
const OTHER_IN_SCOPE = new RegExp(
  `(?<![A-Za-z0-9])(?:${SERVICES.flatMap(spellings).join('|')})(?![a-z])|(?<=[a-z])(?:${SERVICES.join('|')})(?![a-z])`,
);

/** The head of a brace-language handler, up to its `{`: `catch (e: X)`, `catch (X ex) when (...)`, Swift `catch let e as X`. */
const CATCH_HEAD = /\bcatch\b\s*(\([^{};]{0,200}\)|[^{};()]{0,120})(?:\s*when\s*\([^{}]{0,200}\))?\s*$/;
/** Dart's `on X catch (e)` and `on X`. */
const DART_ON = /\bon\s+([\w.<>?]+)(?:\s+catch\s*\([^{};()]{0,80}\))?\s*$/;
/** A callback's parameter list before its body: `function (T $e, ...)`, `fn (T $e)`, `(T e) ->`, `(e: T) =>`. */
const TYPED_CALLBACK = /(?:\b(?:function|fn)\s*\(([^(){};]{0,200})\)\s*(?:use\s*\([^(){};]{0,120}\)\s*)?(?::\s*[\w\\?|]+\s*)?|\(([^(){};]{0,200})\)\s*(?::\s*[\w<>?]+\s*)?(?:=>|->))\s*$/;
/** A parameter typed as an error: `ApiErrorException $e`, `StripeException e`, `e: StripeError`. */
const ERROR_PARAM = /\b[A-Z]\w*(?:Exception|Error|Throwable)\b/;

/** What opens a `try` body: `try`, Java's `try (var r = ...)`. */
const TRY_HEAD = /\btry\s*(?:\([^{}]{0,300}\))?\s*$/;

interface Handler {
  /** The clause's own text: the exception types it names. */
  readonly head: string;
  /** The code it guards (its `try` body), or ''. */
  readonly body: string;
}

/**
 * Whose error the code at `at` handles, or undefined when no scope around it tells. With `text`
 * (the unmasked text), a type the clause names is also read through the file's import of it.
 */
export function errorProvenance(masked: string, family: LanguageFamily, at: number, text?: string): Provenance {
  const handler = family === 'python' || family === 'ruby' ? indentedHandler(masked, at, family) : family === 'go' ? goErrorSource(masked, at) : bracedHandler(masked, at, family);
  return handler ? judge(handler, text) : scopeProvenance(masked, family, at);
}

/** The Go package of a file, or the last class or module declared above a position. */
const GO_PACKAGE = /^\s*package\s+(\w+)/m;
const SCOPE_DECLARATION = /^[ \t]*(?:(?:public|private|internal|protected|abstract|final|sealed|static|partial|open|data|export|default)\s+)*(?:class|module|object)\s+([\w:.]+)/gm;
/** Services that are where alerts go rather than where errors come from: a `SlackNotifier` may branch on our titles. */
const NOTICE_CHANNEL = /^(?:slack|telegram)$/i;

/**
 * With no handler to read, the scope's own name: a Go `package smtp`, a Ruby `class TwilioFallback`
 * (its `rescue` in the caller) handle that service's errors. Undefined when the name says nothing
 * or names WhatsApp too.
 */
function scopeProvenance(masked: string, family: LanguageFamily, at: number): Provenance {
  let name: string | undefined;
  if (family === 'go') name = GO_PACKAGE.exec(masked.length > IMPORT_HEAD ? masked.slice(0, IMPORT_HEAD) : masked)?.[1];
  else {
    const head = masked.slice(Math.max(0, at - 20 * LOOK_BACK), at);
    SCOPE_DECLARATION.lastIndex = 0;
    for (let m = SCOPE_DECLARATION.exec(head); m; m = SCOPE_DECLARATION.exec(head)) name = m[1];
  }
  if (name === undefined || ours(name)) return undefined;
  const other = OTHER_IN_SCOPE.exec(name);
  return other && !NOTICE_CHANNEL.test(other[0]) ? 'other' : undefined;
}

const ours = (t: string): boolean => OUR_SERVICE.test(t) || OUR_SERVICE_NAME.test(t);

/** Error types a clause names: `ApiErrorException`, `RateLimitError`, `Throwable`. */
const ERROR_TYPE = /\b[A-Z]\w*(?:Exception|Error|Throwable|Fault)\b/g;
/** The head of a file read for imports. */
const IMPORT_HEAD = 4 * 1024;

/**
 * Whose the error types named in `head` are by the file's imports of them (`use Stripe\Exception\ApiErrorException;`,
 * `from stripe.error import RateLimitError`, `import { ApiError } from '@octokit/request-error'`), or undefined.
 */
function importedOwner(head: string, text: string): Provenance {
  const types = head.match(ERROR_TYPE);
  if (!types) return undefined;
  const top = text.length > IMPORT_HEAD ? text.slice(0, IMPORT_HEAD) : text;
  for (const type of types.slice(0, 3)) {
    let from = 0;
    for (let k = 0; k < 4; k++) {
      const at = top.indexOf(type, from);
      if (at === -1) break;
      from = at + type.length;
      const ls = top.lastIndexOf('\n', at) + 1;
      const le = top.indexOf('\n', at);
      const line = top.slice(ls, le === -1 ? top.length : le);
      if (!/^\s*(?:import|use|using|from|require|const|let|var)\b/.test(line) || !/\b(?:import|use|using|from|require)\b/.test(line)) continue;
      if (ours(line)) return 'ours';
      if (OTHER_IN_SCOPE.test(line)) return 'other';
    }
  }
  return undefined;
}

/** The type named by the clause decides (as imported, when its name says nothing); else the guarded calls, when they name one side only. */
function judge(h: Handler, text: string | undefined): Provenance {
  if (ours(h.head)) return 'ours';
  if (OTHER_IN_SCOPE.test(h.head)) return 'other';
  const imported = text === undefined ? undefined : importedOwner(h.head, text);
  if (imported !== undefined) return imported;
  const other = OTHER_IN_SCOPE.test(h.body);
  const own = ours(h.body);
  return other === own ? undefined : other ? 'other' : 'ours';
}

/** The nearest enclosing `catch` block around `at` (braces walked outward), with its `try` body. */
function bracedHandler(s: string, at: number, family: LanguageFamily): Handler | undefined {
  const stop = Math.max(0, at - LOOK_BACK);
  let depth = 0;
  for (let j = at - 1; j >= stop; j--) {
    const c = s.charCodeAt(j);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth > 0) depth--;
      else if (c === 40 && family === 'csharp') {
        // C#'s exception filter: `catch (ApiException ex) when (ex.Message.Contains("..."))` is its catch's.
        const from = Math.max(stop, j - 300);
        const filter = /\bcatch\s*\(([^()]*)\)\s*when\s*$/.exec(s.slice(from, j));
        if (filter) return { head: filter[1] ?? '', body: tryBody(s, from + filter.index, stop, family) };
      } else if (c === 123) {
        const from = Math.max(stop, j - 300);
        const before = s.slice(from, j);
        const m = handlerHead(before, family);
        if (m) return { head: m[1] ?? '', body: tryBody(s, from + m.index, stop, family) };
        // A callback handed an error: PHP `renderable(function (ApiErrorException $e) {`, `(StripeException e) -> {`.
        const params = TYPED_CALLBACK.exec(before);
        const typed = params ? (params[1] ?? params[2] ?? '') : '';
        if (ERROR_PARAM.test(typed)) return { head: typed, body: '' };
      }
    }
  }
  return undefined;
}

/** A handler's head ending `before`: Dart's `on X catch (e)` is read whole first, or `catch (e)` alone would hide its type. */
function handlerHead(before: string, family: LanguageFamily): RegExpExecArray | null {
  if (family === 'dart') return DART_ON.exec(before) ?? CATCH_HEAD.exec(before);
  return CATCH_HEAD.exec(before);
}

/** The `try` body before the handler whose keyword starts at `kw`, past earlier handlers of the same `try`; '' when not found. */
function tryBody(s: string, kw: number, stop: number, family: LanguageFamily): string {
  for (let n = 0; n < 4; n++) {
    let j = kw - 1;
    while (j > stop && /\s/.test(s[j] as string)) j--;
    if (s[j] !== '}') return '';
    const open = matchingOpen(s, j, stop);
    if (open === -1) return '';
    const from = Math.max(stop, open - 300);
    const before = s.slice(from, open);
    const tried = TRY_HEAD.exec(before);
    if (tried) return s.slice(from + tried.index, j);
    const earlier = handlerHead(before, family);
    if (!earlier) return '';
    kw = from + earlier.index;
  }
  return '';
}

/** Python's `except X as e:` and Ruby's `rescue X => e` above `at`, found by indentation, with the body of their `try`/`begin`/`def`. */
function indentedHandler(s: string, at: number, family: LanguageFamily): Handler | undefined {
  const clause = family === 'python' ? /^except\b/ : /^rescue\b/;
  const stop = Math.max(0, at - LOOK_BACK);
  let end = s.lastIndexOf('\n', at - 1);
  let min = indentOf(s, end + 1);
  while (end > stop) {
    const start = s.lastIndexOf('\n', end - 1) + 1;
    const line = s.slice(start, end);
    end = start - 1;
    const t = line.trim();
    if (t === '') continue;
    const ind = line.length - line.trimStart().length;
    if (ind >= min) continue;
    min = ind;
    if (clause.test(t)) return { head: t, body: guardedBody(s, end, ind, stop, clause) };
    if (ind === 0 || /^(?:def|class|module|async\s+def)\b/.test(t)) return undefined;
  }
  return undefined;
}

/** The lines above a handler (ending at `end`) that its `try`/`begin` guards: deeper than `indent`, past earlier handlers. */
function guardedBody(s: string, end: number, indent: number, stop: number, clause: RegExp): string {
  let bodyEnd = end;
  while (end > stop) {
    const start = s.lastIndexOf('\n', end - 1) + 1;
    const line = s.slice(start, end);
    const t = line.trim();
    if (t !== '' && line.length - line.trimStart().length <= indent) {
      if (clause.test(t)) bodyEnd = start - 1; // an earlier handler: its body is not guarded code
      else return s.slice(end + 1, bodyEnd);
    }
    end = start - 1;
  }
  return '';
}

function indentOf(s: string, lineStart: number): number {
  let i = lineStart;
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i - lineStart;
}

/** Go's `err := x.Call(...)` (or `_, err =`) nearest above: the call's name and the code after it up to `at`, its arguments left out. */
const GO_ERR_WRITE = /(?<![\w.])\w*[eE]rr\s*:?=(?![=])/g;

function goErrorSource(s: string, at: number): Handler | undefined {
  const from = Math.max(0, at - LOOK_BACK);
  const window = s.slice(from, at);
  let last = -1;
  // (a copy, `lastErr = err`, is no source: the nearest write that calls something is)
  for (let m = GO_ERR_WRITE.exec(window); m; m = GO_ERR_WRITE.exec(window)) {
    const end = window.indexOf('\n', m.index + m[0].length);
    if (window.slice(m.index + m[0].length, end === -1 ? window.length : end).includes('(')) last = m.index + m[0].length;
  }
  if (last === -1) return undefined;
  const eol = window.indexOf('\n', last);
  const line = window.slice(last, eol === -1 ? window.length : eol);
  const paren = line.indexOf('(');
  if (paren === -1) return { head: '', body: window.slice(last) };
  const open = from + last + paren;
  const close = closeWithin(s, open, at);
  return { head: '', body: s.slice(from + last, open) + (close === -1 ? '' : errorLines(s.slice(close + 1, at))) };
}

/**
 * The lines of the code after the call that read an error (`var pgErr *pgconn.PgError`,
 * `errors.As(err, &e)`): what the branches do with other clients (`w.rdb.ZAdd(...)`) says nothing
 * of whose error it is.
 */
function errorLines(code: string): string {
  return code
    .split('\n')
    .filter((l) => /[eE]rr/.test(l))
    .join('\n');
}

/** The bracket closing the one at `open`, searched no further than `stop`, or -1. */
function closeWithin(s: string, open: number, stop: number): number {
  let depth = 0;
  for (let j = open; j < stop; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) if (--depth === 0) return j;
  }
  return -1;
}

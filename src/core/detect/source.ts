import type { Catalog } from '../catalog/catalog';
import type { Finding, LanguageFamily } from '../types';
import { isCodeExpr, isCodeListName, isCodesName, isDistinctive, isErrorCodeExpr, isErrorishName, isErrorWordName, isNonCodeName, lastName, lastSegment } from './names';
import { columnName, columnOf, paramNames, templateColumn } from './tableColumns';
import { titleFollows } from './text';
import { isErrorCodeSubject, isOtherSystemType } from './errorSubject';
import { LineLexer } from './lineLexer';
import { groupOf, hasUnknownLongNumber, listOwner } from './sourceLists';
import { ERROR_FN, graphMarker, inComment, inProse, TEST_TABLE } from './sourceProse';
import { assignedNames, BACK_REACH, type Ctx, enclosingSwitch, exprAfter, exprBefore, FORWARD_REACH, hasAssignedCodeNearby, hasCodeNearby, NEAR_LINES, nearLines, openerIndex, openerLineHead, PARAMETER_LIST, type SourceScan, switchSubject, WINDOW } from './sourceWindow';

/**
 * Error codes in source code. A numeric literal (or a string literal holding only a code) equal to
 * a catalog code counts when its surroundings on the line say "error code": compared with,
 * switched on, assigned to or keyed by something code-like, listed with other codes, or named in a
 * comment. Distinctive codes (5+ digits) need one such context; small ones (0, 4, 100, 190, 2xx)
 * also need an error-code name (`err.code`, `error_code`) and a WhatsApp file.
 *
 * All context checks look at a bounded window around the number (WINDOW chars of its line, a few
 * neighbouring lines), so the scan is linear in the text.
 */

const CHECK_EVERY = 512;

const MAX_SMALL_PER_LINE = 2000;

/** Functions whose arguments are a membership test or a collection of codes. */
const COLLECTION_FN =
  /(?:^|[^\w$])(?:of|asList|listOf|setOf|arrayOf|intArrayOf|mutableListOf|mutableSetOf|hashSetOf|frozenset|set|tuple|array|Set|List|ImmutableSet|ImmutableList|HashSet|newHashSet|Contains|contains|includes|include\?|has|in_array|any|Any|IsIn|isin|isIn|oneOf|member\?|containsKey|ContainsKey|Of|new\s+Set|Arrays\.asList|str_contains|strpos|stripos|strstr|preg_match|indexOf|IndexOf|startsWith|StartsWith|startswith|endswith|start_with\?|endsWith|match|search|test|Arguments\.of|InlineData|TestCase|DataRow|parametrize)\s*$/;

/** Calls whose numeric argument is a duration, size or index, never an error code. */
const NUMERIC_FN = /(?:timeout|sleep|delay|wait|interval|duration|millis|seconds|minutes|range|repeat|fill|alloc|slice|substr|substring|pad\w*|toFixed|random|port|listen|status|sendStatus|Sleep|After|Tick|ofMillis|ofSeconds|setTimeout|setInterval|timedelta|limit|take|skip|chunk|round|floor|ceil|min|max|pow|at|get|charAt|splice|resize|Status|StatusCode|WriteHeader|abort|exit|Exit|bytearray|Buffer\.alloc)\s*$/i;

/** Calls that take ids, amounts or dates: a six-digit argument there is one of those. */
const ID_FN = /^(?:find|get|load|fetch|read|show|delete|remove|update|destroy|lookup|select|where)|By(?:Id|Key|Number)$|Id$|ID$|[Dd]ate|[Tt]ime|[Mm]oney|[Pp]rice|[Aa]mount|[Oo]rder|[Ii]nvoice|[Pp]hone|[Pp]in/;

/** Calls whose argument is an error code: constructors and helpers named for errors, assertions. */
const ERRORISH_FN = /err|code|fail|retry|whatsapp|graph|meta|reject|raise|throw|expect|assert|equal|toBe|handle|classif|categor|describe|explain|lookup|title|message|exception/i;

/** An error's constructor or factory: `new WhatsAppError(`, `GraphException.of(`, `WaError.from(`. */
const ERROR_FACTORY = /(?:(?:^|[^A-Za-z])(?:[Ee]rror|[Ee]rr|[Ee]xception|[Ff]ault)|[a-zA-Z](?:Error|Err|Exception|Fault|Failure))(?:\s*\.\s*(?:of|from|create|fromCode))?\s*$/;

/** A variant nested in an error type: `GraphError.TemplateRejected(`, `WaException.RateLimited(`. */
const ERROR_VARIANT = /[a-zA-Z](?:Error|Exception|Failure)\s*\.\s*[A-Z]\w*\s*$/;

/**
 * A name made of two or more words of the code's catalog title (or a variant): `TOKEN_EXPIRED`
 * for 190 "Access token has expired", `invalidParameter` for 100.
 */
function namedForTitle(catalog: Catalog, code: number, name: string): boolean {
  const all = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_\W]+/).filter((w) => w.length > 0);
  // (a prefix saying what kind of name it is is no word of the title: Go's `CodeTemplateParamCount`, `ErrTokenExpired`)
  const words = all.length > 2 && /^(?:code|err|error|wa|graph)$/.test(all[0] as string) ? all.slice(1) : all;
  if (words.length < 2) return false;
  const entry = catalog.get(code);
  if (!entry) return false;
  return [entry.title, ...entry.variants].some((t) => {
    const title = t.toLowerCase().match(/[a-z]+/g) ?? [];
    // (a word of the title, or of the same stem: `POLICY_BLOCK` for "blocked for policies violations")
    return words.every((w) => title.some((x) => x === w || (w.length >= 4 && x.startsWith(w)) || (w.length >= 5 && x.length >= 5 && x.slice(0, 5) === w.slice(0, 5))));
  });
}

/** Assertion and equality helpers whose argument is compared with something. */
const MATCHER_CALL =
  /(?:\.equals|Equals|\.Be|\.BeEquivalentTo|\beq|\beql\?|\bequal|isEqualTo|toBe|toEqual|toStrictEqual|toHaveProperty\([^()]*,|assertEquals|assertEqual|assert_equal|assertSame|AreEqual|Assert\.Equal|expectEquals|shouldBe|should\s*==|be)\s*\(\s*$/;

/**
 * Evidence for a small code: an error-code name in a WhatsApp file. `code === 0` alone is an exit
 * status far more often than Meta's AuthException, so 0-2 on a bare `code` also need another
 * code compared on the same line (`code === 190 || code === 0`).
 */
function smallOk(ctx: Ctx, named: string): boolean {
  if (!ctx.scan.wa) return false;
  const subject = capturedSubject(ctx, named);
  if (holdsHttpStatus(ctx, subject)) return false;
  const own = OWN_CODE.test(subject) && inErrorClass(ctx.scan.text, ctx.lineStart);
  if (!own && !isErrorCodeSubject(ctx.scan, ctx.lineStart, subject) && !(isCodeExpr(subject) && comparedWithDistinctive(ctx, subject))) return false;
  // (no subcode is 0: `e.Subcode != 0` tests for one being there)
  if (ctx.code === 0 && /sub_?code\s*(?:\(\s*\))?\s*$/i.test(subject)) return false;
  if (ctx.code > 2 || (!own && !/^\s*\$?code\s*$/.test(subject))) return true;
  const line = ctx.scan.text.slice(ctx.lineStart, Math.min(ctx.lineEnd, ctx.lineStart + 300));
  return (line.match(/[=!]==?\s*\d+/g) ?? []).some((m) => {
    const n = Number(m.replace(/\D/g, ''));
    return n > 2 && ctx.scan.catalog.has(n);
  });
}

/**
 * What a Python capture pattern's name stands for: the `match` subject above, for `code` in
 * `case code if 200 <= code < 300:` under `match status_code:`; any other name as it is.
 */
function capturedSubject(ctx: Ctx, name: string): string {
  if (ctx.scan.family !== 'python') return name;
  const capture = /^\s*case\s+([A-Za-z_]\w*)\s+if\b/.exec(ctx.scan.text.slice(ctx.lineStart, Math.min(ctx.lineEnd, ctx.lineStart + 200)));
  return capture && capture[1] === name.trim() ? switchSubject(ctx.scan.text, ctx.lineStart) : name;
}

/** The switch around the line is on an error's code: `switch (err.code)`, Ruby `case @code` in a class that set it from an error. */
function errorCodeSwitch(ctx: Ctx): boolean {
  // (C# switch expressions name their subject before the keyword: `code switch {`)
  const subject = switchSubject(ctx.scan.text, ctx.lineStart) || (enclosingSwitch(ctx.scan.text, ctx.lineStart) ?? '');
  // (a bare `code` in a file that imports gRPC is as likely its status code: `when (code) { 4 -> "deadline exceeded" }`)
  if (BARE_CODE.test(subject) && GRPC_IMPORT.test(ctx.scan.text.slice(0, 4096))) return false;
  return isErrorCodeSubject(ctx.scan, ctx.lineStart, subject) || (OWN_CODE.test(subject) && inErrorClass(ctx.scan.text, ctx.lineStart));
}

/** A subject that is only a variable named code: `code`, `$code`, `@code`. */
const BARE_CODE = /^\s*[$@]?code\s*$/i;
/** gRPC imported in a file's head (Java/Kotlin, Go, Node, Python, C#). */
const GRPC_IMPORT = /\b(?:import\s+io\.grpc|google\.golang\.org\/grpc|@grpc\/grpc-js|import\s+grpc\b|from\s+grpc\b|using\s+Grpc\.Core)/;

/** The same code expression is compared with a distinctive catalog code on the line: `graph.code === 80007 || graph.code === 4`. */
function comparedWithDistinctive(ctx: Ctx, subject: string): boolean {
  const name = subject.trim();
  if (name.length === 0 || name.length > 80) return false;
  const line = ctx.scan.text.slice(ctx.lineStart, Math.min(ctx.lineEnd, ctx.lineStart + 400));
  let at = line.indexOf(name);
  while (at !== -1) {
    const m = /^\s*(?:===?|==|\bis\b)\s*(\d{5,7})(?!\d)/.exec(line.slice(at + name.length, at + name.length + 20));
    if (m && ctx.scan.catalog.has(Number(m[1]))) return true;
    at = line.indexOf(name, at + name.length);
  }
  return false;
}

/** An object's own code: `this.code`, `self.code`, `$this->getCode()`, Ruby `@code`. */
const OWN_CODE = /^\s*(?:this\s*\.|self\s*\.|\$this\s*->|@)\s*(?:code|getCode\s*\(\s*\)|_code)\s*$/;

/**
 * The nearest class declared before `until` (a line's start, or the number itself for a one-line
 * class) is an error class (`class GraphApiError extends Error`, Dart's `extends GraphFailure`).
 */
function inErrorClass(text: string, until: number): boolean {
  const window = text.slice(Math.max(0, until - BACK_REACH), until);
  const at = window.lastIndexOf('class ');
  if (at === -1) return false;
  const decl = /^class\s+([A-Za-z_]\w*)([^{\n]*)/.exec(window.slice(at, at + 200));
  return decl !== null && /(?:Error|Exception|Fault|Failure)\b/.test((decl[1] as string) + (decl[2] as string));
}

/** Settings that sit next to codes in constant blocks: `maxIdleConns`, `DEFAULT_TIMEOUT`, `numWorkers`. */
// (a default that names an error code is one: `DEFAULT_ERROR_CODE = 131000`)
/** A Ruby call without parentheses up to its last argument: `it_behaves_like 'a recoverable error', `. */
const RUBY_BARE_CALL = /^\s*[a-z_]\w*[!?]?\s+(?:(?:'[^'\n]*'|"[^"\n]*"|:\w+)\s*,\s*)+$/;

/** A `code` key directly inside an object under a response's key: `'response' => array( 'code' => `, `response: { code: `. */
const HTTP_RESPONSE_CODE = /\b(?:response|http|http_response|status)['"]?\s*(?:=>|:|=)\s*(?:array\s*\(|\[|\{)\s*['"]?code['"]?\s*(?:=>|:|=)$/i;

/** A value read from an HTTP response's status: `res.getResponseCode()`, `r.status_code`, `resp.StatusCode`. */
const HTTP_STATUS_READ = /^[^;\n]{0,80}?(?:getResponseCode\s*\(|wp_remote_retrieve_response_code\s*\(|CURLINFO_(?:HTTP|RESPONSE)_CODE|\.\s*(?:status|status_code|statusCode|StatusCode)\b(?!\s*[.(])|getStatus(?:Code)?\s*\()/;

/**
 * A bare variable the code above set from an HTTP status: `var code = res.getResponseCode(); if (code === 200)`.
 * (read back over BACK_REACH characters, its last write deciding)
 */
function holdsHttpStatus(ctx: Ctx, subject: string): boolean {
  const name = subject.trim();
  if (!/^\$?[A-Za-z_][\w]*$/.test(name)) return false;
  const text = ctx.scan.text;
  const from = Math.max(0, ctx.lineStart - BACK_REACH);
  const before = text.slice(from, Math.min(ctx.lineEnd, ctx.at));
  const write = new RegExp(`(?:^|[^\\w$.])${name.replace('$', '\\$')}\\s*(?::\\s*\\w+\\s*)?:?=(?![=>])\\s*`, 'g');
  let last: number | undefined;
  for (let m = write.exec(before); m; m = write.exec(before)) last = m.index + m[0].length;
  return last !== undefined && HTTP_STATUS_READ.test(before.slice(last, last + 120));
}

/** package:test's `expect(actual, ` or `expect(actual, equals(` before the expected value. */
const DART_EXPECT = /\bexpect\s*\(\s*[\w$.?!]+(?:\(\s*\))?\s*,\s*(?:equals\s*\(\s*)?$/;

/** An assertion that an error's text holds what follows: `ex.Message.Should().Contain(`, `expect(err.reason).to include(`. */
const ERROR_TEXT_ASSERTED = /(?:[Mm]essage|[Ee]rror\w*|[Rr]eason)\s*(?:\.\s*Should\s*\(\s*\)\s*\.\s*(?:Contain|StartWith)|\)\s*\.\s*(?:to|not_to)\s+(?:include|start_with|match))$/;

/** The first argument of a text search is an error's text: `$n['ultimo_error'], `, `err.Error(), `, `(string)$msg, `. */
const ERROR_TEXT_ARG = /^[^,]*(?:err|error|msg|message|erro|fehler|hata|galat)[^,]*,\s*$/i;

/** Words of one-time codes around a quoted number. */
const OTP_WORDS = /\b(?:otp|OTP|one[-_ ]time|passcode|login_?code|verification[_ ]code|2fa|Otp\w*|\w*Otp)\b|otp_|_otp/;

/** Languages whose enum constants take constructor arguments: `RE_ENGAGEMENT(131047, ...)`. */
const ENUM_CONSTRUCTOR_FAMILIES = new Set(['java', 'kotlin', 'dart']);

const NOT_A_MEMBER_NAME = /^(?!(?:default|DEFAULT)_?(?:[Ee]rror|ERROR|[Ff]allback|FALLBACK)?_?(?:[Cc]ode|CODE)$)(?:(?:max|min|default|num)(?:[A-Z_\d]|$)|(?:MAX|MIN|DEFAULT|NUM)(?:_|$))/;

/** A member declaration up to its `=`: `TooManyCalls =`, `const val TOKEN_EXPIRED =`, PHP `case AuthException =`. */
const MEMBER_LINE = /^\s*(?:(?:export|public|protected|private|internal|const|static|final|readonly|val|var|let|int|long|Int|Long|case)\s+)*[A-Za-z_][\w]*\s*(?::\s*\w+\s*)?=$/;

/** A member of an object literal or hash: `AUTH_EXCEPTION: 0,`, `auth_exception: 0`, `'expired' => 190`. */
const KEY_MEMBER_LINE = /^\s*(?:[{,]\s*)?['"]?[A-Za-z_][\w]*['"]?\s*(?::|=>)$/;

/** What holds a constant: nothing known, an enum of something, or a holder named for codes or errors. */
const NO_HOLDER = 0;

const ENUM_HOLDER = 1;

const NAMED_HOLDER = 2;

/** An error class (`class WhatsAppException extends Exception`): its constants are codes unless named for something else. */
const ERROR_CLASS_HOLDER = 3;

/** A holder named for codes or errors: `enum WaError`, `object WaErrorCodes`, `module ErrorCodes`. */
function holderKind(keyword: string, name: string, bases: string): number {
  const isEnum = /\benum\b/.test(keyword) || /Enum|Flag/.test(bases);
  if (isCodeListName(name) || (isEnum && /err|fault|exception|codes?$/i.test(name) && !isNonCodeName(name))) return NAMED_HOLDER;
  // (an object literal standing for an enum: `const GraphErrorCode = Object.freeze({`, `TemplateSubcode = {`)
  // (named for errors only, `WA_ERR = {`, its members vouch for each other as an enum's do)
  if (keyword === 'literal') return isNonCodeName(name) ? NO_HOLDER : /(?:err\w*codes?|subcodes?)$/i.test(name) ? NAMED_HOLDER : isErrorishName(name) ? ENUM_HOLDER : NO_HOLDER;
  if (isEnum) return ENUM_HOLDER;
  return keyword === 'class' && /(?:Error|Exception|Fault)$/.test(name) && !isOtherSystemType(name) ? ERROR_CLASS_HOLDER : NO_HOLDER;
}

/**
 * The holder the line is a member of (NO_HOLDER when it is none of the above): the nearest unclosed
 * `{` above, or in Python and Ruby the nearest line above indented less than this one. Where the
 * holder starts is left in `where.at`, so that evidence is read inside it only.
 */
function codeHolder(text: string, lineStart: number, family: LanguageFamily, where?: { at: number }): number {
  const base = Math.max(0, lineStart - Math.min(1500, BACK_REACH));
  const window = text.slice(base, lineStart);
  if (family === 'python' || family === 'ruby') {
    const indent = text.slice(lineStart, lineStart + 80).search(/\S/);
    if (indent <= 0) return NO_HOLDER;
    for (let end = window.length; end > 0; ) {
      const start = window.lastIndexOf('\n', end - 2) + 1;
      const line = window.slice(start, end);
      end = start;
      const own = line.search(/\S/);
      if (own === -1 || own >= indent) continue;
      // (a hash or dict literal: its own name says whether it holds codes, `ERROR_CODES = {`)
      const literal = /^\s*([A-Za-z_]\w*)\s*=\s*[{[]\s*$/.exec(line);
      if (literal) return holderKind('literal', literal[1] as string, '');
      const m = /^\s*(class|module)\s+([A-Za-z_]\w*)\s*(\([^)]*\))?/.exec(line);
      if (where) where.at = base + start;
      return m ? holderKind(m[1] as string, m[2] as string, m[3] ?? '') : NO_HOLDER;
    }
    return NO_HOLDER;
  }
  // The nearest unclosed `{` above: balanced pairs in between (a private constructor's `{ }`) are skipped.
  let open = -1;
  for (let i = window.length - 1, depth = 0; i >= 0; i--) {
    const c = window.charCodeAt(i);
    if (c === 125) depth++;
    else if (c === 123 && depth-- === 0) {
      open = i;
      break;
    }
  }
  if (open === -1) return NO_HOLDER;
  // (comment lines above are prose: "Do not edit the class manually." names no holder)
  const head = window.slice(Math.max(0, open - 120), open).replace(/^[ \t]*(?:\/\/|\/?\*|#).*$/gm, '');
  const m = /\b(enum(?:\s+class)?|class|object|struct|interface|module)\s+([A-Za-z_]\w*)([^{};]*)$/.exec(head);
  if (where) where.at = base + open;
  if (m) return holderKind(m[1] as string, m[2] as string, m[3] as string);
  // An object literal assigned to a name: `const GraphErrorCode = Object.freeze({`, Ruby `TOKEN_ERRORS = {`.
  const literal = /\b([A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>, ]+)?\s*=\s*(?:Object\.freeze\(\s*|\(\s*)?$/.exec(head);
  return literal ? holderKind('literal', literal[1] as string, '') : NO_HOLDER;
}

/**
 * The subject a distinctive code is compared with: not a name for something else (`row_id`,
 * `amount`), and in a file that says nothing about WhatsApp, a name about codes or errors.
 */
function strongSubject(ctx: Ctx, subject: string): boolean {
  const name = lastName(subject);
  if (isNonCodeName(lastSegment(subject) || subject) || (name !== '' && isNonCodeName(name))) return false;
  // (Graph's codes are numbers: `code === '131047'` in a file that is not about WhatsApp compares a
  // one-time or promo code)
  if (!ctx.scan.fileWa && /^\s*\$?code\s*$/i.test(subject) && /['"]/.test(ctx.scan.text.charAt(ctx.at - 1))) return false;
  return ctx.scan.fileWa || isCodeExpr(subject) || isErrorishName(name || subject);
}

/** The code's catalog title follows it as the next quoted argument or field: `368, "Temporarily blocked for policies violations"`, `Code: 190, Title: "..."`. */
function quotedTitleFollows(scan: SourceScan, ctx: Ctx, right: string): boolean {
  const m = /^,\s*(?:[A-Za-z_]\w*\s*[:=]\s*)?@?["']/.exec(right);
  return m !== null && titleFollows(scan.catalog, ctx.code, right.slice(m[0].length));
}

/**
 * `name` is defined above (within BACK_REACH) as a map whose keys are distinctive catalog codes:
 * `const MESSAGES = new Map([[131047, ...`, `friendly = { 131026: ...`.
 */
function keyedByCodesAbove(scan: SourceScan, ctx: Ctx, name: string): boolean {
  if (name.length < 2) return false;
  const above = scan.text.slice(Math.max(0, ctx.lineStart - BACK_REACH), ctx.lineStart);
  // perf: a plain search for the name first; the definition's pattern only where it occurs
  if (!above.includes(name)) return false;
  let re = definitionsOfMaps.get(name);
  if (!re) {
    re = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]*)?=(?!=)`);
    if (definitionsOfMaps.size >= 256) definitionsOfMaps.clear();
    definitionsOfMaps.set(name, re);
  }
  const at = above.search(re);
  if (at === -1) return false;
  // (the definition only: up to its `;` or the next line that starts at the margin)
  // (the pattern's first character may be the line break before a definition at the margin)
  let body = above.slice(at + (above.charCodeAt(at) === 10 ? 1 : 0), at + 400);
  const end = body.search(/;|\n(?=\S)/);
  if (end !== -1) body = body.slice(0, end);
  const key = /[[{(,]\s*\[?\s*['"]?(\d{5,7})['"]?\s*(?:[:,\]]|=>)/.exec(body);
  return key !== null && scan.catalog.has(Number(key[1]));
}

/** Compiled definitions of maps, by name (bounded). */
const definitionsOfMaps = new Map<string, RegExp>();

/** A line holding one call of one number, a row of a list: `  z.literal(139000), // Blocked by integrity`. */
const ROW_OF_ONE = /^\s*[\w$.]+\(\s*\d+\s*\)\s*,?\s*(?:(?:\/\/|#).*)?$/;

/** A member of a type union of codes: `type KnownWaErrorCode = 131026 | 131047`. */
function unionMember(ctx: Ctx, name: string): boolean {
  if (isNonCodeName(name)) return false;
  if (ctx.strong) return ctx.scan.fileWa || isErrorishName(name);
  return ctx.scan.wa && /code|error/i.test(name);
}

/**
 * An assertion on something that is not a code: `expect(res.status).toBe(...)`,
 * `assertEquals(131047, body.length)`. Only the asserted expression's own name counts, so
 * `expect(status.error?.code).toBe(131047)` is still a code.
 */
function matchesOtherNumber(left: string, right: string): boolean {
  if (/toHaveLength\s*\($/.test(left)) return true;
  const actual = /([A-Za-z_$][\w$]*)\s*(?:\(\s*\))?\s*\)\s*(?:\.\s*not\s*)?\.\s*[A-Za-z]+\s*\(\s*$/.exec(left.slice(-160));
  if (actual) return isNonCodeName(actual[1] as string) || /^(?:length|size|count)$/i.test(actual[1] as string);
  const other = /^,\s*([\w$.?]+(?:->[\w$]+)*(?:\(\s*\))?)\s*\)/.exec(right);
  return other !== null && (isNonCodeName(lastName(other[1] as string)) || /\b(?:length|size|count)\b/i.test(other[1] as string));
}

/** A list closed and tested against a code after the number: `[0, 190].includes(err.code)`. */
const MEMBERSHIP_OF_CODE = /^[^;]*?[\])}]\s*\.?\s*(?:includes|include\?|contains|Contains|has|indexOf)\s*\(\s*[\w$.>-]*(?:code|Code)\b/;

/** The `is` of a C# pattern and the alternatives or bounds before the number (`is 4 or`, `is >= 200 and <=`). */
const CS_PATTERN = /\bis(?:\s+not)?\s+\(?\s*(?:(?:[<>]=?\s*)?[\w.]+\s+(?:or|and)(?:\s+not)?\s*)*(?:[<>]=?\s*)?$/;

/**
 * A bound of a range (`other` is the other bound; `upper`: this number is the upper one). Both must
 * be catalog codes, and the range tested against a code: `code in A..B`, `in A..B ->` under
 * `when (err.code)`, Ruby `when A..B` under `case error.code`.
 */
function codeRange(ctx: Ctx, head: string, other: number, upper: boolean): boolean {
  const [lo, hi] = upper ? [other, ctx.code] : [ctx.code, other];
  // (a bound the catalog lacks counts in the same block as a distinctive code: `132000..132099`)
  const bound = (n: number): boolean => ctx.scan.catalog.has(n) || (isDistinctive(ctx.code) && n >= 10000 && Math.floor(n / 1000) === Math.floor(ctx.code / 1000));
  if (!(hi > lo) || !bound(lo) || !bound(hi)) return false;
  const before = head.trimEnd();
  const inAt = /\b(?:in|is\s+in)$/.exec(before);
  let subject = inAt ? exprBefore(before.slice(0, inAt.index).trimEnd()) : '';
  // (an arm: the subject is the switch's)
  const arm = subject === '';
  // (or a method of the range tests it: Ruby `(200..299).cover?(code)`, `(200..299).include?(err.code)`)
  const tested = arm && !inAt ? RANGE_TEST.exec(ctx.scan.text.slice(ctx.at, Math.min(ctx.lineEnd, ctx.at + 80))) : null;
  if (tested) subject = (tested[1] as string).replace(/\.(?:to_i|toInt\(\s*\))$/, '');
  else if (arm && (inAt || /\b(?:when|case)$/.test(before))) subject = switchSubject(ctx.scan.text, ctx.lineStart);
  else if (arm) {
    // A range kept in a constant of a WhatsApp file: Ruby `TEMPLATE = (132_000..132_018).freeze`.
    const held = /([A-Za-z_]\w*)\s*=\s*\(?\s*$/.exec(before)?.[1];
    return held !== undefined && isDistinctive(lo) && ctx.scan.wa && !isNonCodeName(held);
  }
  if (isDistinctive(lo)) return (ctx.scan.fileWa || isCodeExpr(subject)) && !isNonCodeName(lastSegment(subject) || subject);
  return smallOk(ctx, subject) || (arm && isCodeExpr(subject) && armsOfCodes(ctx));
}

/**
 * The arms around the line name distinctive catalog codes, in a WhatsApp file: the switch is on an
 * error's code whatever its subject is called (`when (dto.code) { 131047 -> ...; in 200..299 -> ... }`).
 */
function armsOfCodes(ctx: Ctx): boolean {
  return ctx.scan.wa && hasCodeNearby(ctx.scan, nearLines(ctx.scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code);
}

/** The parameter of a callback after the list or call a number is in (see above), or undefined. */
function callbackParam(rest: string): string | undefined {
  const close = rest.search(/[)\]]/);
  if (close === -1) return undefined;
  const after = rest.slice(close);
  const kotlin = CALLBACK_KOTLIN.exec(after);
  return kotlin ? kotlin[1] : CALLBACK_EACH.exec(after)?.[2];
}

const CALLBACK_KOTLIN = /^\)\s*\{\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*(?::\s*\w+\s*)?->/;

const CALLBACK_EACH = /^\]\s*\)\s*\(\s*(['"`])[^'"`\n]*\1\s*,\s*(?:async\s*)?(?:function\s*)?\(?\s*([A-Za-z_$][\w$]*)/;

/** A range's own test after its upper bound: `..299).cover?(code.to_i)`, `...299).include?(err.code)`. */
const RANGE_TEST = /^\d[\d_]*\s*\.\.\.?\s*\d[\d_]*\s*\)\s*\.\s*(?:cover\?|include\?|contains|includes|===)\s*\(?\s*([\w$@.]+(?:\(\s*\))?)/;

/** Words about errors near a list (`\b` would not see `ERRORS` in `RETRYABLE_ERRORS`). */
const ERROR_WORDS =
  /(?:^|[^A-Za-z])(?:[Ee]rr(?:or)?s?|ERR(?:OR)?S?|[Ee]xceptions?|EXCEPTIONS?|[Ff]ail\w*|FAIL\w*|[Rr]etr(?:y|ies|yable|iable)|RETR(?:Y|IES|YABLE|IABLE)|[Ww]hats[Aa]pp|WHATSAPP|[Gg]raph|GRAPH|[Oo][Aa]uth\w*|[Rr]ate[ _-]?[Ll]imit\w*|RATE_?LIMIT\w*|[Tt]hrottl\w*|THROTTL\w*|[Tt]ransient|TRANSIENT|[Ff]atal|FATAL|[Uu]ndeliverable)(?![a-z])|[a-z](?:Error|Exception|Retry|Retryable)(?![a-z])/;

/**
 * A distinctive code as an arm of a switch (`case 131047:`, `131047 =>`): a subject named for
 * something else says no (`switch (sku)`, `match ($pin)`).
 */
function armOfCodes(ctx: Ctx, left?: string): boolean {
  // (perf: braces find the switch in a short walk; only Ruby's `case` and Python's `match` need the long look back)
  const family = ctx.scan.family;
  const subject = family === 'ruby' || family === 'python' ? switchSubject(ctx.scan.text, ctx.lineStart) : enclosingSwitch(ctx.scan.text, ctx.lineStart);
  // (`131001 => 'Sonipat DC'` with no switch around it is a map's entry: its map's name decides)
  if (!subject) return left === undefined ? true : keyOfCodes(ctx, left);
  const name = lastName(subject);
  return !isNonCodeName(lastSegment(subject) || subject) && !(name !== '' && isNonCodeName(name));
}

/** The names a map is assigned to, read before its opening bracket (`pinCodes`; TypeScript's `NAME: Type =` too when `annotated`). */
function mapNames(ctx: Ctx, left: string, annotated = false): readonly string[] {
  let open = openerIndex(left);
  // (C#'s index initializer `[131047] = ...` opens its own `[`: the map is the bracket around it)
  if (open !== -1 && left[open] === '[' && left.slice(0, open).trim() === '') open = -1;
  const head = open === -1 ? openerLineHead(ctx.scan.text, ctx.lineStart) : left.slice(0, open);
  const typed = annotated ? /([A-Za-z_$][\w$]*)\s*:\s*[^=;:]{1,80}=\s*$/.exec(head) : null;
  if (typed) return [typed[1] as string];
  const named = listOwner(head.trimEnd());
  // (a typed map: Go `pinCodes = map[int]string{`, C# `Dictionary<int, string> Names = new()`)
  return named.length > 0 ? named : (/([A-Za-z_$][\w$]*)\s*(?::=|=(?![=>]))[^=]*$/.exec(head)?.slice(1) ?? []);
}

/** True when a map's name says what its keys are, and that is no code: `TEMPLATE_BY_OFFSET`, `delayPerAttempt`. */
function keyedByOther(named: readonly string[]): boolean {
  return named.some((n) => {
    const by = /(?:_BY_|_by_|By|_PER_|_per_|Per)([A-Za-z]\w*)$/.exec(n);
    return by !== null && isNonCodeName(by[1] as string);
  });
}

/** True when a map's name says its keys are something else: `TEMPLATE_BY_OFFSET`, `pinCodes`. */
function namedForOtherKeys(named: readonly string[]): boolean {
  return named.some((n) => isNonCodeName(n) && !isCodesName(n));
}

/**
 * A distinctive code as the key of a map (`131047: 'Re-engagement'`): a map named for something
 * else says no (`pinCodes = map[int]string{`).
 */
function keyOfCodes(ctx: Ctx, left: string): boolean {
  const named = mapNames(ctx, left);
  if (namedForOtherKeys(named)) return false;
  // (outside WhatsApp files a named map's keys need the name, or words around it, to speak of errors:
  // `hubs = map[int]int{131001: 4}` under "PIN codes" is not one)
  return ctx.scan.wa || named.length === 0 || named.some((n) => isCodeListName(n) || isErrorishName(n) || isCodeExpr(n)) || ERROR_WORDS.test(nearLines(ctx.scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at));
}

/** The head and the rest of a C# relational arm around a bound: `>= 200 and <=` … `299 =>`. */
const RELATIONAL_ARM_HEAD = /^(?:not\s+)?(?:[<>]=?\s*[\d_]+\s*(?:and|or|&&|\|\|)\s*(?:not\s+)?)*[<>]=?$/;

const RELATIONAL_ARM_REST = /^\s*(?:(?:and|or|&&|\|\|)\s*(?:not\s+)?[<>]=?\s*[\d_]+\s*)*(?:(?:when|if)\s[^;{}]*?)?=>/;

/**
 * A line's range check holds exactly two bounds and both are catalog codes: `code >= 200 && code
 * <= 299`, `200 <= code <= 299`, `>= 200 and <= 299 =>`. Small numbers compared otherwise are not codes.
 */
function rangeOfCodes(ctx: Ctx): boolean {
  const line = ctx.scan.text.slice(ctx.lineStart, Math.min(ctx.lineEnd, ctx.lineStart + 300));
  // (not the arrow of an arm: `... <= 299 => 403`)
  const bounds = line.match(/(?<![=-])[<>]=?\s*\d+|\d+\s*[<>]=?(?!\s*\d)/g) ?? [];
  // (an exclusive bound names the code next to it: `code >= 200 && code < 300` is 200..299)
  return bounds.length === 2 && bounds.every((b) => ctx.scan.catalog.has(Number(b.replace(/\D/g, ''))) || ctx.scan.catalog.has(inclusive(b)));
}

/** The code an exclusive bound stops at: `< 300` is 299, `300 >` too; `> 199` is 200. */
function inclusive(bound: string): number {
  const n = Number(bound.replace(/\D/g, ''));
  if (/=/.test(bound)) return n;
  const below = /^\s*</.test(bound) || /\d\s*>$/.test(bound);
  return below ? n - 1 : n + 1;
}

/** Judge a number (or a string literal that is only a code) by the code around it on its line. */
function asOperand(ctx: Ctx, leftRaw: string, rightRaw: string): boolean {
  const { strong, scan } = ctx;
  const left = leftRaw.trimEnd();
  const right = rightRaw.trimStart();
  // A Ruby call without parentheses whose words speak of errors: RSpec's `it_behaves_like 'a recoverable error', 131026`.
  if (scan.family === 'ruby' && RUBY_BARE_CALL.test(leftRaw) && /err|fail|recover|retr|code/i.test(left)) return scan.wa && (strong || /error|code/i.test(left));
  // A row of a markdown table (in a multi-line string or comment the line lexer reads as code):
  // `| 131026 | ask the customer for another channel |`, in a WhatsApp file.
  if (/^\s*\|$/.test(left) && /^\|\s+[A-Za-z]/.test(right)) return scan.wa && (strong || hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code));
  // A Graph marker written in code, escaped in a regex literal too: `/\(#131047\)/.test(text)`.
  if (/\\\(#$/.test(leftRaw) && rightRaw.startsWith('\\)')) return graphMarker(ctx, rightRaw.slice(1));

  // C# patterns: `ex.Code is 130429 or 131056 or 4`, `(int)code is >= 132000 and <= 132016`.
  const pattern = CS_PATTERN.exec(left);
  if (pattern) {
    const subject = exprBefore(left.slice(0, pattern.index).trimEnd());
    return strong ? strongSubject(ctx, subject) : smallOk(ctx, subject);
  }
  // Ranges of codes: Kotlin `in 132000..132016`, Ruby `when 132_000..132_016`, Swift `200...299`.
  const lowerOf = /(\d[\d_]*)\s*\.\.[.<]?\s*$/.exec(left);
  const upperOf = lowerOf ? null : /^\.\.[.<]?\s*(\d[\d_]*)/.exec(right);
  if (lowerOf || upperOf) return codeRange(ctx, lowerOf ? left.slice(0, lowerOf.index) : left, Number(((lowerOf ?? upperOf) as RegExpExecArray)[1]?.replace(/_/g, '')), lowerOf !== null);
  // C# relational patterns as switch-expression arms: `>= 200 and <= 299 => Reconnect()`.
  // (Dart 3 joins them with `&&`: `>= 200 && <= 299 => Failed(...)`)
  if ((scan.family === 'csharp' || scan.family === 'dart') && RELATIONAL_ARM_HEAD.test(left.trimStart()) && RELATIONAL_ARM_REST.test(right)) {
    const subject = enclosingSwitch(scan.text, ctx.lineStart) ?? '';
    return strong ? armOfCodes(ctx) : (smallOk(ctx, subject) || armsOfCodes(ctx)) && rangeOfCodes(ctx);
  }
  // Chained comparisons (Python): `200 <= code <= 299`, the lower bound before its subject.
  const chained = /^(<=?|>=?)\s*([A-Za-z_$][\w$.]*(?:\[[^\]]*\])?(?:\(\s*\))?)\s*(?:<=?|>=?)\s*\d/.exec(right);
  if (chained && !/(?:<=?|>=?)\s*$/.test(left)) {
    const subject = chained[2] as string;
    return strong ? isCodeExpr(subject) : smallOk(ctx, subject) && rangeOfCodes(ctx);
  }
  // Range checks on an error code: `code >= 132000 && code <= 132016`, `code >= 200 && code <= 299`.
  const order = /(?:<=?|>=?)$/.exec(left);
  if (order && !/(?:=>|->|<<|>>)$/.test(left)) {
    // (an exclusive bound names the edge of a block, not a code: `code >= 132000 && code < 133000`)
    if (order[0].length === 1 && /(?:>=|&&|\band\b)/.test(left)) return false;
    // (a property pattern names its subject: C# `{ Code: >= 200 and <= 299 } =>`)
    const property = /([A-Za-z_]\w*)\s*:\s*$/.exec(left.slice(0, order.index));
    const subject = property ? (property[1] as string) : exprBefore(left.slice(0, order.index).trimEnd());
    if (strong) return isCodeExpr(subject);
    // A small bound only in a range check of catalog codes: `code >= 200 && code <= 299`.
    return smallOk(ctx, subject) && rangeOfCodes(ctx);
  }
  // Ruby word arrays: `THROTTLED = %w[4 80007 130429].freeze`.
  const words = scan.family === 'ruby' ? /([A-Za-z_]\w*)\s*=\s*%[wi][[(]([\d_\s]*)$/.exec(left + (leftRaw.endsWith(' ') ? ' ' : '')) : null;
  if (words && /^[\d_\s]*[\])]/.test(rightRaw)) {
    const numbers = `${words[2]} ${rightRaw.slice(0, rightRaw.search(/[\])]/))}`.trim().split(/\s+/).map(Number);
    const allCodes = numbers.every((n) => scan.catalog.has(n));
    const name = words[1] as string;
    if (isNonCodeName(name) && !isCodesName(name)) return false;
    return allCodes && (scan.wa || isCodeListName(name) || isErrorWordName(name)) && (strong || numbers.some((n) => isDistinctive(n)));
  }
  // (or walked in place with a block parameter named for a code: `%w[131026 131047].each do |code|`)
  const walked = scan.family === 'ruby' && !words ? /%[wi][[(]([\d_\s]*)$/.exec(left + (leftRaw.endsWith(' ') ? ' ' : '')) : null;
  if (walked && /^[\d_\s]*[\])]\s*\.\s*(?:each|map|each_with_index|flat_map)\s*(?:do\s*|\{\s*)\|\s*(\w+)/.test(rightRaw)) {
    const param = /\|\s*(\w+)/.exec(rightRaw)?.[1] ?? '';
    const numbers = `${walked[1]} ${rightRaw.slice(0, rightRaw.search(/[\])]/))}`.trim().split(/\s+/).map(Number);
    // (a one-letter `c` is as good a name, in a WhatsApp file: the list says what it walks)
    return (isCodeExpr(param) || (scan.wa && param.length <= 2)) && !isNonCodeName(param) && numbers.every((n) => scan.catalog.has(n)) && (strong || scan.wa) && numbers.some((n) => isDistinctive(n));
  }
  const lineHead = left.trimStart();
  // The first member of a type union: `type WindowCode = 131047 | 131026`.
  const unionHead = /^\|(?!\|)/.test(right) ? /^(?:export\s+)?type\s+([A-Za-z_$][\w$]*)\s*=$/.exec(lineHead) : null;
  if (unionHead) return unionMember(ctx, unionHead[1] as string);
  // Alternatives: Python `case 132000 | 132012:`, a TypeScript union `type WaCode = 131026 | 131047`.
  // Alternatives in a pattern on a named field: Python `case GraphError(code=0 | 190)`, `case {"code": 131026 | 131049}`, C# `{ Code: 190 or 0 }`.
  // (perf: the pattern only after a left that ends with `|`, `or` or `and`)
  // (Dart's in brackets: `{'code': (4 || 80007 || 130429) && final int c}`)
  const alternatives = /(?:\||\bor|\band)$/.test(left) ? /([A-Za-z_$][\w$]*)['"]?\s*[=:]\s*\(?\s*(?:(?:[<>]=?\s*)?[\w.]+\s*(?:\|\|?|\bor\b|\band\b)\s*)+$/.exec(left) : null;
  if (alternatives && isCodeExpr(alternatives[1] as string)) return strong || (scan.wa && isErrorCodeExpr(alternatives[1] as string));
  // (and the first of them: `case {"code": 368 | 131031}:`)
  const firstAlternative = /^\s*(?:\|\|?|or\b)\s*\d/.test(right) ? /([A-Za-z_$][\w$]*)['"]?\s*[=:]\s*\(?\s*$/.exec(left) : null;
  if (firstAlternative && isCodeExpr(firstAlternative[1] as string) && !isNonCodeName(firstAlternative[1] as string)) return strong || (scan.wa && isErrorCodeExpr(firstAlternative[1] as string));
  if (/[^|]\|$/.test(left)) {
    const union = /^(?:export\s+)?type\s+([A-Za-z_$][\w$]*)\s*=[\s\d_|]*$/.exec(lineHead);
    if (union) return unionMember(ctx, union[1] as string);
    // One member a line: `export type TerminalCode =` above `  | WaErrorCode.ReEngagement` and `  | 131026`.
    if (lineHead === '|' && /^;?\s*(?:\/\/.*)?$/.test(right)) {
      const above = /(?:^|\n)[ \t]*(?:export\s+)?type\s+([A-Za-z_$][\w$]*)\s*=[ \t]*(?:\n[ \t]*\|[^\n]*)*\n$/.exec(scan.text.slice(Math.max(0, ctx.lineStart - 1500), ctx.lineStart));
      return above !== null && unionMember(ctx, above[1] as string);
    }
    if (!/^(?:\}\s*)?(?:case|when)\b[\s\d_|]*$/.test(lineHead)) return false;
  }
  // Arithmetic: `x * 131047`, `i - 100`, `x << 10`, `131047 + n`, `[0..100]`.
  // (`||` is no arithmetic: Dart joins alternatives with it, `130429 || 131056 =>`)
  else if (/(?:[+*/%&^~]|(?<!\|)\||[^-=]-|^-|<<|>>)$/.test(left)) return false;
  if (/^(?:[+*/%&|^]|-(?!>)|<|>(?!=)|\.\.)/.test(right) && !/^(?:\/\/|\/\*|\|\||\||&&)/.test(right)) return false;

  // Comparison: `err.code === 131047`, `code is 131047`, `e.Code != 4`.
  const cmp = /(?:===?|!==?|<>|\bis(?:\s+not)?|\bnot\s+in|\bin)\s*$/.exec(left);
  // (not `when x == 1` patterns, but a guard is: `case 100 if err.error_subcode == 2388040:`,
  // C# `case 100 when error.Subcode == 2388040:`, `catch (GraphException e) when (e.Code == 4)`).
  // (a subjectless Go `switch` or Kotlin `when` compares in its arms: `case apiErr.Code == 131000:`)
  // (`x.Code != 0` asks whether there is a code at all)
  if (cmp && ctx.code === 0 && /(?:!==?|<>|\bis\s+not)\s*$/.test(cmp[0])) return false;
  if (cmp && (!/\b(?:case|when)\s+[^:;]*$/.test(left) || /\bif\b[^:;]*$/.test(left) || /\b(?:case\s+[^:;]*|catch\s*\([^)]*\)\s*)when\b[^:;]*$/.test(left) || isCodeExpr(exprBefore(left.slice(0, cmp.index).trimEnd())))) {
    const subject = exprBefore(left.slice(0, cmp.index).trimEnd());
    return strong ? strongSubject(ctx, subject) : smallOk(ctx, subject);
  }
  // Yoda comparison: `131047 === err.code`.
  const yoda = /^(?:===?|!==?)\s*/.exec(right);
  if (yoda) {
    const subject = exprAfter(right.slice(yoda[0].length));
    return strong ? strongSubject(ctx, subject) : smallOk(ctx, subject);
  }
  // Matchers: `expect(err.code).toBe(131047)`, `assertEquals(131047, e.getCode())`, `.equals(131047)`.
  // (Dart's and package:test's `expect(actual, expected)`, `expect(e.code, equals(100))`: the value second)
  if (MATCHER_CALL.test(left) || /\b(?:eq|eql|equal|be|shouldBe|shouldEqual|shouldBeEqualTo)\s+$/.test(leftRaw) || (scan.family === 'dart' && DART_EXPECT.test(left))) {
    // (an assertion that a code is 0 checks that there is none)
    if (ctx.code === 0) return false;
    // (outside WhatsApp files the asserted value must be a code: `expect(parse('131,026')).toBe(131026)` is not)
    if (strong) return !matchesOtherNumber(left, right) && (scan.fileWa || /code|err|exception|graph|whatsapp/i.test(left.slice(-120) + right.slice(0, 60)));
    // (or an accessor named for a code: `result.failure().providerCode()`, not a status's)
    // (or a field named for Graph's code: `$ctx['graph_code']`)
    return scan.wa && (/(?:err\w*|error\w*|\be|ex)\s*(?:\.|->|\?\.)\s*(?:get)?code|error_?code|errorCode|subcode|getCode\(\)|\b(?:graph|wa|meta|fb)_?code\b/i.test(left.slice(-120) + right.slice(0, 60)) || /\.\s*[a-z]\w*(?<![Ss]tatus|[Hh]ttp|[Ee]xit|[Rr]esponse)Code\(\s*\)/.test(left.slice(-120)));
  }

  // `case 131047:`, `when 131047`, Go `case 4, 80007:`, C# `case 131047 or 131026:`.
  // (not Mockito's `when(mock.call()).thenReturn(...)`: a call, in a language whose `when` is no keyword)
  const caseHead = /^when\s*\(/.test(lineHead) && scan.family !== 'kotlin' ? null : /^(?:\}\s*)?(?:case|when)\b/.exec(lineHead);
  // (named constants may sit among the numbers: Go `case CodeTooManyCalls, 80007:`)
  if (caseHead && /^[\w.,\s|'"#()]*$/.test(lineHead.slice(caseHead[0].length).replace(/\bor\b/g, ','))) {
    if (strong) return armOfCodes(ctx);
    if (!scan.wa) return false;
    // (or the arms around it name distinctive codes: `case 130429:` a few lines above `case 190:`)
    return errorCodeSwitch(ctx) || hasCodeNearby(scan, scan.text.slice(Math.max(ctx.lineStart, ctx.at - 300), Math.min(ctx.lineEnd, ctx.at + 300)), ctx.code) || hasAssignedCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code, /^\s*(?:\}\s*)?(?:case|when)\s+(\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/gm);
  }
  // Kotlin `when` branches and switch expressions: `131047, 131026 -> ...`, `131047 => ...`.
  // (C# and Scala arms may carry a guard: `100 when ex.Subcode == 2388019 => ...`)
  // (named constants may stand among the numbers: `WaErrorCodes.STOPPED_MARKETING, 131021 ->`, PHP `self::UNDELIVERABLE, 131051 =>`)
  // (Dart 3 joins them with `||`: `130429 || 131056 => ...`)
  const armHead = lineHead.replace(/\bor\b|\|\|/g, ',');
  if ((/^[\d_,\s]*$/.test(armHead) || (/,\s*$/.test(armHead) && /^[\w.:,\s]*$/.test(armHead))) && /^(?:[\w.:\s]*,)*[\w.:\s]*?(?:(?:when|if)\s[^;{}]*?)?(?:->|=>)/.test(right.replace(/\bor\b|\|\|/g, ','))) {
    if (strong) return armOfCodes(ctx, left);
    if (!scan.wa) return false;
    return errorCodeSwitch(ctx) || hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code);
  }

  // Map keys: `131047: 'Re-engagement'`, `131047 => :reengagement`, `[131047] = ...`, `131047 to "..."`.
  // (`player.inventory[131000] = 1` writes into an array, an index after a name is no initializer's key)
  if (/^(?::(?!:)|=>|\]\s*=(?!=)|to\b)/.test(right) && (/(?:^|[{,(\[])$/.test(left) || /^\s*$/.test(leftRaw)) && !(/^\]/.test(right) && /[\w$)\]]\s*\[$/.test(left))) {
    if (strong) return keyOfCodes(ctx, left);
    // (a key opening an entry of several lines, `190 => [`, has its siblings further away)
    const lines = /^(?::|=>)\s*[[{(]\s*$/.test(right) ? 3 * NEAR_LINES : NEAR_LINES;
    // (a key whose value is its own catalog title needs no neighbour: `0: 'AuthException'`)
    if (scan.wa && /^(?::|=>)\s*['"]/.test(right) && titleFollows(scan.catalog, ctx.code, right.replace(/^(?::|=>)\s*['"]/, ''))) return !namedForOtherKeys(mapNames(ctx, left));
    if (!scan.wa || !hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, lines, ctx.at), ctx.code)) return false;
    return !namedForOtherKeys(mapNames(ctx, left)) && !keyedByOther(mapNames(ctx, left, true));
  }

  // The value of a Kotlin pair from another number, in a WhatsApp file: `470 to 131047` (On-Premises to Cloud API codes).
  if (strong && scan.wa && /(?:^|[(,{\s])\d+\s+to\s*$/.test(left) && /^\s*(?:[,)]|$)/.test(right)) return true;

  // Assignment or property: `RE_ENGAGEMENT = 131047`, `code: 100`, `'code' => 131047`, `code=131047`.
  const assign = /(?:[^=!<>:]|^)(?:=|:=|:|=>)$/.exec(left);
  if (assign && !/\?[^:]*:$/.test(left)) {
    const lhs = left.slice(0, left.length - (left.endsWith(':=') || left.endsWith('=>') ? 2 : 1)).replace(/['"\]\s]+$/, '');
    // (a tuple as a dict's key, `{("IN", "marketing"): 131047}`, is data: no name)
    const names = /\)\s*$/.test(lhs) && !/\bfunc\b|=>|->/.test(lhs) ? [] : assignedNames(lhs);
    // (the value of a map from other numbers to codes, in a WhatsApp file: `ON_PREM_TO_CLOUD = {470: 131047}`)
    if (names.length === 0) return strong && scan.wa && /(?:^|[{,(\s])['"]?\d+['"]?$/.test(lhs);
    // (Go `CodeAuth Code = 0`: the name, then a type named for codes)
    if (scan.family === 'go' && names.length === 2 && /^[A-Z]/.test(names[1] as string) && isCodeExpr(names[1] as string) && !isNonCodeName(names[0] as string)) return strong || scan.wa;
    const last = names[names.length - 1] as string;
    // A constant named for the code's own title, in a WhatsApp file, whatever its words say elsewhere:
    // `COUNTRY_RESTRICTED = 130497`, `POLICY_BLOCK = 368`.
    if (scan.wa && MEMBER_LINE.test(left) && namedForTitle(scan.catalog, ctx.code, last)) return true;
    // (a member of an enum named for codes keeps its own name: `ExperimentNumber = 130472` in `enum WhatsAppErrorCode`)
    const holdsCodes = (): boolean => !NOT_A_MEMBER_NAME.test(last) && (MEMBER_LINE.test(left) || KEY_MEMBER_LINE.test(left)) && codeHolder(scan.text, ctx.lineStart, scan.family) === NAMED_HOLDER;
    // (a name that says it is an error's wins over its other words: `ERR_NOT_ALLOWED_TEST_NUMBER = 131030`)
    const errorNamed = strong && /^(?:ERR|ERROR|Err|Error)_?[A-Z]/.test(last);
    if (!errorNamed && names.some((n) => isNonCodeName(n)) && !holdsCodes()) return false;
    // (settings are no codes in any file: `maxJobs: 131000`)
    if (NOT_A_MEMBER_NAME.test(last)) return false;
    // (a neighbouring number is evidence only once the file has shown real codes: `scan.wa`)
    if (strong) return scan.fileWa || names.some((n) => isCodeExpr(n) || isErrorishName(n)) || (scan.wa && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code));
    if (!scan.wa) return false;
    const expr = exprBefore(lhs);
    if (isErrorCodeExpr(expr) && lastSegment(expr) !== 'code') return true;
    if (/code$/i.test(last) && /err|fail|retry|throttl|rate|limit|auth|token|perm|spam|block|graph|meta|whatsapp/i.test(last) && !isNonCodeName(last)) return true;
    // A constant named for the code's own title: `TOKEN_EXPIRED = 190` ("Access token has expired"), `INVALID_PARAMETER = 100`.
    if (MEMBER_LINE.test(left) && namedForTitle(scan.catalog, ctx.code, last)) return true;
    const near = nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at);
    // A bare `code: 100` needs a Graph error object around it (a test mock, an SDK type).
    // (or rows of a table of codes: `{name: "throttled", code: 4}` under `{..., code: 131056}`).
    // A parameter's default (`function __construct(string $message = '', int $code = 0)`) is no code.
    // The code of an error built in place: Go `&GraphError{Code: 100}`, C# `new GraphError { Code = 100 }`.
    const brace = lastSegment(expr) === 'code' && scan.wa ? openerIndex(left) : -1;
    // (or a keyword argument: `WhatsAppError(code=10, message="x")`)
    // (not another system's error: `&HTTPError{Code: 100}`)
    // (0 in a struct literal is its zero value, no code: a test row's `&Error{Code: 0, HTTPStatus: 429}`)
    if (brace !== -1 && ctx.code === 0 && left[brace] === '{' && /&?\s*[A-Z]\w*\s*$/.test(left.slice(0, brace)) && (scan.family === 'go' || scan.family === 'csharp')) return false;
    if (brace !== -1 && (left[brace] === '{' || left[brace] === '(') && ERROR_FACTORY.test(left.slice(0, brace)) && !isOtherSystemType(/([\w.]*)\s*$/.exec(left.slice(0, brace))?.[1] ?? '')) return true;
    if (lastSegment(expr) === 'code' && PARAMETER_LIST.test(/\(\s*[^()]*$/.test(left) ? left : openerLineHead(scan.text, ctx.lineStart, 40 /* ( */) + '(')) return false;
    // (the code of an HTTP response's own object: WordPress's `'response' => array( 'code' => 200 )`)
    if (lastSegment(expr) === 'code' && HTTP_RESPONSE_CODE.test(left)) return false;
    if (lastSegment(expr) === 'code') return /fbtrace|OAuthException|\bsubcode|error_subcode|error_data|error_user|messaging_product|\(#\d/i.test(near) || quotedTitleFollows(scan, ctx, right) || hasAssignedCodeNearby(scan, near, ctx.code, /\bcode['"]?\s*(?:=>|[:=])\s*(\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/gi);
    // A member of an enum or constant block of codes: `TooManyCalls = 4,` next to `ReEngagement = 131047,`.
    // In a Go `const (...)` or a class of constants, settings sit next to codes: an unqualified small
    // member counts only inside an `enum`, or when its name is about errors.
    // (an object's key counts in an object named for codes: `AUTH_EXCEPTION: 0,` in `GraphErrorCode = Object.freeze({`)
    if (KEY_MEMBER_LINE.test(left)) {
      if (isNonCodeName(last)) return false;
      // (a key named for the code's own title, in a WhatsApp file: `TOKEN_EXPIRED: 190` in `module.exports = {`)
      if (namedForTitle(scan.catalog, ctx.code, last)) return true;
      const at = { at: 0 };
      const kind = codeHolder(scan.text, ctx.lineStart, scan.family, at);
      return kind === NAMED_HOLDER || (kind === ENUM_HOLDER && hasAssignedCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, 2 * NEAR_LINES, ctx.at, at.at), ctx.code, /['"]?[A-Za-z_]\w*['"]?\s*:\s*(\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/g));
    }
    if (!MEMBER_LINE.test(left)) return false;
    const where = { at: 0 };
    const holder = codeHolder(scan.text, ctx.lineStart, scan.family, where);
    // (a constant of an error class, in a WhatsApp file: PHP `public const ACCESS_TOKEN_EXPIRED = 190;` in `WhatsAppException`)
    if (holder === NAMED_HOLDER || holder === ERROR_CLASS_HOLDER) return true;
    if (!isErrorishName(last) && holder !== ENUM_HOLDER) return false;
    // (inside an enum, only its own members: not those of an enum of codes just above it)
    return hasAssignedCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, 2 * NEAR_LINES, ctx.at, holder === ENUM_HOLDER ? where.at : 0), ctx.code);
  }

  // Members of a list, set, tuple or argument list.
  if (/^(?:,|\]|\}|\)|$|\/\/|#|\/\*|;)/.test(right) || /^(?:,|\]|\}|\))/.test(right)) {
    const open = openerIndex(left);
    if (open === -1) {
      // A multi-line list: the line holds only items (`  131047, // re-engagement`), or (in a list
      // named for codes or errors) named constants too: `RateLimitHit, 131000, Maintenance,`.
      const itemsOnly = /^[\s\d_,'"]*$/.test(leftRaw);
      if (!itemsOnly && !/^[\s\w.,'"]*,[\s\d_]*$/.test(leftRaw)) return false;
      // The list's own name, on the line that opens it: `SAME_DAY_PINCODES = new Set([` is not one of codes.
      const opener = openerLineHead(scan.text, ctx.lineStart);
      let named = listOwner(opener);
      // (through nested calls: `SONIPAT = new HashSet<>(Arrays.asList(` is SONIPAT's)
      if (named.length === 0) named = /([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=(?![=>])[^=;]*$/.exec(opener)?.slice(1) ?? [];
      if (named.some((n) => isNonCodeName(n) && !isCodesName(n))) return false;
      if (!itemsOnly) return (strong || scan.wa) && named.some((n) => isCodeListName(n) || isErrorWordName(n));
      if (strong) return scan.wa || named.some((n) => isCodeListName(n) || isErrorishName(n)) || (named.length === 0 && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code));
      // (a small number alone on its line is an item only after one: Ruby's and Kotlin's `1` as a branch's value is not)
      if (/^\s*$/.test(leftRaw) && !/^\s*,/.test(right) && !/[,([{]\s*$/.test(scan.text.slice(Math.max(0, ctx.lineStart - 200), ctx.lineStart))) return false;
      // (nor an argument of a multi-line call: `logMonitor(\n  query,\n  200,\n)` passes a threshold)
      const call = openerLineHead(scan.text, ctx.lineStart, 40 /* ( */).trimEnd();
      if (/[A-Za-z_$][\w$]*$/.test(call) && !COLLECTION_FN.test(call) && !TEST_TABLE.test(call)) return false;
      return scan.wa && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code);
    }
    const opener = left[open] as string;
    const before = left.slice(0, open).trimEnd();
    const items = left.slice(open + 1);
    // A cell of a tagged template table whose header names its column: `it.each` then `code | family`, `${190} | ...`.
    const cell = opener === '{' ? templateColumn(scan.text, ctx.lineStart, ctx.at, BACK_REACH) : undefined;
    if (cell !== undefined) return isCodeColumn(cell) && !isNonCodeName(cell) && ctx.code !== 0 ? strong || scan.wa : false;
    // Indexing (`arr[0]`, `row[131047]`) and calls of numeric helpers are not lists of codes.
    // (but a lookup in a map keyed by codes above, in a WhatsApp file, reads a code: `friendly[131047]`)
    // (Python's `Literal[4, 80007]` is a type listing values, not an index)
    if (opener === '[' && /[\w$)\]]$/.test(before) && !/\b(?:in|return|of|case|when|yield|if|elsif|unless|and|or|not|then|else|const|new|final|var|let|val|Literal)$/.test(before)) return strong && scan.fileWa && items.trim() === '' && keyedByCodesAbove(scan, ctx, /([A-Za-z_$][\w$]*)$/.exec(before)?.[1] ?? '');
    // A row of a table whose columns are named (a Go test table under its struct, pytest's
    // `parametrize("code, retry", [`, Ruby's `.each do |code, action|`): the column's name decides.
    const column = columnName(scan.text, Math.max(ctx.lineStart, ctx.at - WINDOW) + open, ctx.at, ctx.lineStart, ctx.lineEnd, BACK_REACH, FORWARD_REACH);
    if (column !== undefined) {
      if (isNonCodeName(column)) return false;
      // (outside WhatsApp files, a column of codes shows itself by other distinctive catalog codes in its rows)
      // (0 in a column of codes is most often "no code": `{"plain 429", 0, 429}`)
      if (isCodeColumn(column)) return ctx.code === 0 ? false : strong ? scan.wa || /err|fail|graph|whatsapp|meta/i.test(column) || hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code) : scan.wa;
      // (a small number in a column named for something else is that thing: `attempt` in `(130429, 1, RETRY)`)
      if (!strong) return false;
    }
    // A list or arguments handed to a callback whose parameter names them: kotest `withData(4, 80007) { code ->`,
    // Jest `it.each([200, 250, 299])('...', (code) => ...)`.
    const callback = callbackParam(scan.text.slice(ctx.at, Math.min(ctx.lineEnd, ctx.at + 200)));
    if (callback !== undefined && isCodeExpr(callback) && !isNonCodeName(callback)) {
      const rest = right.search(/[)\]}]/);
      const facts = groupOf(scan, items + (rest === -1 ? right : right.slice(0, rest)), ctx.code);
      if (facts.allCodes) return strong || scan.wa || facts.hasDistinctive;
    }
    // An enum constant with constructor arguments: `RE_ENGAGEMENT(131047, false, "..."),` (Java,
    // Kotlin, Dart), among rows of the same shape or in an `enum` body.
    // (not a statement calling a method: C#'s `RespondWithError(190, "...", ...);` is no enum row)
    // (and enum constants take constructor arguments only in Java, Kotlin and Dart: elsewhere `graph_error(100, ...)` is a call)
    // (only for a small code alone: rows of calls with distinctive codes vouch for each other as enum rows do)
    const statement = !strong && !/\d{5,7}/.test(scan.text.slice(ctx.lineStart, ctx.lineEnd)) && ((/^\s*[A-Z]\w*[a-z]\w*$/.test(before) && /\)\s*;\s*$/.test(scan.text.slice(ctx.at, ctx.lineEnd))) || !ENUM_CONSTRUCTOR_FAMILIES.has(scan.family));
    if (items.trim() === '' && !statement && /^\s*[A-Za-z_]\w*$/.test(before) && /^\s*[A-Za-z_]\w*\s*\($/.test(leftRaw) && (strong || !NUMERIC_FN.test(before)) && !COLLECTION_FN.test(before)) {
      const member = before.trim();
      // (a member's name may say what the error is about: `CLOUD_RATE_LIMIT(130429)`; only a
      // setting's name rules it out)
      if (NOT_A_MEMBER_NAME.test(member)) return false;
      if (!strong && !scan.wa) return false;
      const where = { at: 0 };
      const holder = codeHolder(scan.text, ctx.lineStart, scan.family, where);
      if (holder === NAMED_HOLDER || (strong && holder === ENUM_HOLDER && (scan.fileWa || isErrorishName(member)))) return true;
      // Rows of the same shape holding other distinctive codes around it (in the same enum).
      const near = nearLines(scan.text, ctx.lineStart, ctx.lineEnd, 2 * NEAR_LINES, ctx.at, holder === ENUM_HOLDER ? where.at : 0);
      // (outside WhatsApp files rows vouch for each other only when named for errors: a ledger's
      // `RECEIVABLES(131000)` beside `DEPOSITS(131045)` is not)
      if ((scan.wa || isErrorishName(member)) && hasAssignedCodeNearby(scan, near, ctx.code, /^\s*[A-Za-z_]\w*\s*\(\s*(\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/gm)) return true;
      if (!strong || holder !== NO_HOLDER) return false;
    }
    // (a call's arguments belong to the callee, not to what its result is assigned to: `body, status = _error(190, ...)`)
    const callArgs = opener === '(' && /[A-Za-z_$][\w$]*$/.test(before) && !COLLECTION_FN.test(before) && !/\b(?:if|elif|while|for|switch|return|in|and|or|not)$/.test(before);
    const named = listOwner(before);
    if (!callArgs && named.some((n) => isNonCodeName(n) && !isCodesName(n))) return false;
    // (SQL's `shipping_zip IN ('131001', ...)` tests its column as `in` does)
    const sqlColumn = /([A-Za-z_][\w.]*)\s+(?:NOT\s+)?IN\s*$/.exec(before)?.[1];
    if (sqlColumn !== undefined && isNonCodeName(lastSegment(sqlColumn) || sqlColumn)) return false;
    const close = right.search(/[)\]}]/);
    let known: ReturnType<typeof groupOf> | undefined;
    const group = (): ReturnType<typeof groupOf> => (known ??= groupOf(scan, items + (close === -1 ? right : right.slice(0, close)), ctx.code));
    let membership = false;
    // A list passed to a helper defined above whose parameter is named for codes: `in_codes([0, 190])`.
    if (opener !== '(' && /\(\s*$/.test(before) && !/\bnew\s+[\w.<>]+\s*\($/.test(before) && !COLLECTION_FN.test(before.replace(/\(\s*$/, ''))) {
      const base = Math.max(ctx.lineStart, ctx.at - WINDOW);
      const param = parameterAt(scan, ctx, base + before.lastIndexOf('('), base + open);
      if (param !== undefined && (isCodeExpr(param) || isCodesName(param)) && !isNonCodeName(param)) return (strong || scan.wa) && group().allCodes;
    }
    // A Ruby attribute block names its value: factory_bot's `template_id { 131_047 }`.
    if (scan.family === 'ruby' && opener === '{' && items.trim() === '' && isNonCodeName(lastName(before))) return false;
    // A method called on a code compares its arguments: `err.code.between(200, 299)`, `df.error_code.isin([...])`.
    // (perf: the method's dot found first, the receiver read back from it)
    // (Ruby's `code.between?(200, 299)` too)
    const method = (opener === '(' || /\(\s*$/.test(before)) && before.includes('.') ? /\.\s*[A-Za-z_]\w*[?!]?\s*\(?\s*$/.exec(before) : null;
    const receiver = method ? exprBefore(before.slice(0, method.index).trimEnd()) : '';
    if (receiver && isCodeExpr(receiver) && !isNonCodeName(lastName(receiver))) return strong || (scan.wa && isErrorCodeExpr(receiver)) || (scan.wa && group().allCodes);
    if (opener === '(') {
      // A quoted code searched for in an error's text: PHP `strpos($n['ultimo_error'], '131056')`, Go `strings.Contains(errMsg, "131047")`.
      if (strong && /['"]/.test(scan.text.charAt(ctx.at - 1)) && /(?:^|[^\w$])(?:strpos|stripos|str_contains|Contains|contains|includes|indexOf|IndexOf)$/.test(before) && ERROR_TEXT_ARG.test(items)) return true;
      // (or asserted to be in it: FluentAssertions' `ex.Message.Should().Contain("131009")`, RSpec's `expect(ch.error_reason).to include("131031")`)
      if (strong && items.trim() === '' && /['"]/.test(scan.text.charAt(ctx.at - 1)) && ERROR_TEXT_ASSERTED.test(before)) return true;
      // A code beside its catalog title as a call's arguments: `pytest.param(2388040, "Field character limit exceeded")`.
      if (items.trim() === '' && /^,\s*['"]/.test(right) && titleFollows(scan.catalog, ctx.code, right.replace(/^,\s*['"]/, ''))) return strong || scan.wa;
      // (a helper named for failures is not a numeric one: `failed_status(131050)`)
      // (`MESSAGES.get(131047)` on a map keyed by codes above reads a code, in a WhatsApp file)
      // (Go's `make([]byte, 131026)` sizes a buffer)
      if (scan.family === 'go' && /(?:^|[^\w.])make\s*$/.test(before) && /^\s*(?:\[\]|map\[|chan\b)/.test(items)) return false;
      if (NUMERIC_FN.test(before) && !ERROR_FN.test(/([A-Za-z_$][\w$]*)$/.exec(before)?.[1] ?? '')) {
        const receiver = /([A-Za-z_$][\w$]*)\s*(?:\?\.|\.)\s*(?:get|getOrDefault|fetch|has|containsKey)\s*$/.exec(before)?.[1];
        return strong && scan.fileWa && items.trim() === '' && receiver !== undefined && keyedByCodesAbove(scan, ctx, receiver);
      }
      // `WaError.fromCode(4)`, `$this->expectExceptionCode(190)`: a helper taking a code.
      if (!strong && scan.wa && items.trim() === '' && /[a-z]Code$|_code$/.test(before) && !isNonCodeName(lastName(before)) && /err|fail|exception|graph|whatsapp/i.test(before.slice(-60))) return true;
      // `new WhatsAppError(100, ...)`, `GraphException.of(100, 2388091)`: the code is the first argument.
      // (a whole word or a camel-case part: not the "fault" of `default(0)`)
      // (a variant nested in an error type too: `new GraphError.TemplateRejected(100, 2388047, ...)`)
      if (items.trim() === '' && scan.wa && (ERROR_FACTORY.test(before) || ERROR_VARIANT.test(before))) return true;
      // A schema's literal under a key named for a code: zod's `code: z.literal(131056)`.
      const schemaKey = items.trim() === '' ? /([A-Za-z_$][\w$]*)['"]?\s*:\s*[\w$.]*\.literal\s*$/.exec(before) : null;
      if (schemaKey && isCodeExpr(schemaKey[1] as string) && !isNonCodeName(schemaKey[1] as string)) return strong || scan.wa;
      // (or second after its message, as PHP's `new WhatsAppException('...', 368)` takes it; a 0 there is "no code")
      if (scan.wa && ctx.code !== 0 && ERROR_FACTORY.test(before) && /^\s*(?:"[^"\n]*"|'[^'\n]*')\s*,\s*$/.test(items) && /^\s*[,)]/.test(right)) return true;
      const inTest = /(?:\bin|\bnot\s+in)$/.test(before);
      // (a map's entry too: Java's `Map.entry(190, Action.REFRESH)`, `Map.of(` as the list of its entries)
      const listLike = inTest || /(?:^|[=,(:]|return|\?)$/.test(before) || COLLECTION_FN.test(before) || /\bMap\s*\.\s*(?:entry|of)$/.test(before);
      // A Graph marker written in code: `(#131056)` in a raw string the lexer read as code.
      if (items === '#' && (right.startsWith(')') || right.startsWith('\\)'))) return graphMarker(ctx, right.replace(/^\\/, ''));
      if (!listLike) {
        // A helper defined above whose parameter at this position is named for a code: `Case(190, true)`
        // under `func Case(code int, retry bool)`, `inCodes([0, 190])` under `def inCodes(codes)`.
        const param = parameterAt(scan, ctx, Math.max(ctx.lineStart, ctx.at - WINDOW) + open);
        if (param !== undefined && (isCodeExpr(param) || isCodesName(param)) && !isNonCodeName(param)) return strong || (scan.wa && ctx.code !== 0 && !/sub_?code/i.test(param));
        // A factory building a collection of codes (`ImmutableHashSet.Create(4, 80007, 130429)`, `EnumSet.of`):
        // three or more arguments, all catalog codes, distinctive ones among them; in a WhatsApp file.
        if (group().allCodes && group().hasDistinctive && group().items >= 2 && close !== -1) {
          if (scan.wa) return true;
          if (strong) scan.yesIfWa = true;
        }
        // One wrapped code a row, among rows of the same shape: zod's `z.literal(139000),` in `z.union([`.
        if (strong && items.trim() === '' && ROW_OF_ONE.test(scan.text.slice(ctx.lineStart, ctx.lineEnd)) && openerLineHead(scan.text, ctx.lineStart) !== '' && hasAssignedCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code, /^\s*[\w$.]+\(\s*(\d{5,7})\s*\)\s*,?/gm)) {
          const owner = listOwner(openerLineHead(scan.text, ctx.lineStart));
          return scan.wa || owner.some((n) => isCodeListName(n) || isErrorishName(n) || isCodeExpr(n));
        }
        // Arguments of an ordinary call: only distinctive codes, for a helper named for errors (by
        // its own name: `invoiceService.display(131047)` is not one), or next to a code argument
        // (`.having((e) => e.code, 'code', 131026)`).
        // (a small one beside its own catalog title: a fake server's `error(400, 368, "Temporarily blocked for policies violations")`;
        // or tested by a predicate of a holder of codes: `GraphErrorCodes.IsPermission(200)`)
        // (or first before a catalog subcode: `Classify(100, 2388019)`, as Graph pairs them)
        if (!strong) return scan.wa && (quotedTitleFollows(scan, ctx, right) || (items.trim() === '' && scan.catalog.has(Number(/^\s*,\s*(\d{7})\b/.exec(right)?.[1] ?? Number.NaN))) || (items.trim() === '' && /\b([A-Za-z_$][\w$]*)\s*\.\s*[Ii]s[A-Z]\w*\s*$/.test(before) && isCodeListName(/([A-Za-z_$][\w$]*)\s*\.\s*[Ii]s[A-Z]\w*\s*$/.exec(before)?.[1] ?? '')));
        const callee = /([A-Za-z_$][\w$]*)$/.exec(before)?.[1] ?? '';
        // (`super('Rate limit hit', 130429)` in an error class passes the code to its parent)
        const errorish = (scan.wa ? ERRORISH_FN : ERROR_FN).test(callee) || /^[Ii]s[A-Z_]/.test(callee) || ERROR_FACTORY.test(before) || (/^(?:super|base|__construct)$/.test(callee) && inErrorClass(scan.text, ctx.at));
        if (errorish && items.split(',').length <= 2) return true;
        // `Is(err, 131026)`, `errors.Is(e, 131047)`: the code beside the error it is tested against.
        // (`Is(&env.Error, 131051)`: any expression ending in an error's name)
        if (/^\s*&?(?:[\w$]+\s*(?:\.|->)\s*)*(?:err|error|e|ex|exc|[a-z]\w*Err|[\w$]*Error)\s*,\s*$/.test(items)) return true;
        // (`where('error_code', 131047)`: a quoted column named for codes)
        // (`R.propEq(131047, 'code')`: the key may follow the value)
        if (scan.fileWa && /(?:\.|\b)code\b|['"][\w.]*code['"]/i.test(items + (close === -1 ? '' : right.slice(0, close)))) return true;
        // In a file about WhatsApp, a later argument after words and names: `perform_async('template', id, 131_047)`,
        // `new GraphError("Re-engagement message", "OAuthException", 131047, ...)`; not a lookup by id.
        // A helper's only argument inside an assertion of a WhatsApp test: `assertNotNull(retries.ruleFor(130429))`.
        if (scan.fileWa && items.trim() === '' && /\b(?:assert\w*|expect|assertThat|verify)\s*\([^()]*\($/.test(left.slice(Math.max(0, open - 120), open + 1)) && !ID_FN.test(callee)) return true;
        // (an unquoted number right after a call's name and `(`: not SQL's `IN ('131001', ...)`, not a one-time code `verify(phone, "130429")`)
        return scan.fileWa && items.trim() !== '' && /,\s*$/.test(items) && !/\d\s*,\s*$/.test(items) && !ID_FN.test(callee) && /[\w$]$/.test(left.slice(0, open)) && !/['"]/.test(scan.text.charAt(ctx.at - 1));
      }
      membership = inTest || /(?:Contains|contains|includes|include\?|has|in_array|isIn|IsIn|isin|member\?)\s*$/.test(before);
    }
    if (strong) {
      // Without WhatsApp words in the file, six-digit ids, amounts and test data collide with
      // codes: the list must be named for codes or errors, hold nothing but catalog codes, be an
      // argument next to a code (`Contains(codes, 131048)`) or a key of a map (`Map.of(131047, ...)`),
      // or be a Graph `(#131047)` marker.
      // (a code written as a string among other strings is sample data: `['Ana', '131047', '$200.00']`)
      const members = items + (close === -1 ? right : right.slice(0, close));
      // (a tuple holding a call or arithmetic is a record: `("130429", time.monotonic() - 1)`; read
      // outside its strings, which may hold anything: `(131048, "Sending too fast (spam limit)", 429)`)
      // (quoted numbers the catalog lacks beside it are test input: `['000000', '111111', '133005']`)
      const quoted = /['"]/.test(scan.text.charAt(ctx.at - 1));
      const code = members.replace(/(['"])(?:\\.|(?!\1)[^\\\n])*\1/g, '""').replace(/['"][^'"]*$/, '');
      const sampleData = (quoted && (/['"][^'"\d\s][^'"]*['"]/.test(members) || hasUnknownLongNumber(scan.catalog, members))) || (opener === '(' && /[A-Za-z_]\w*\s*\(|\s[-+*/]\s/.test(code));
      if ((scan.fileWa && !sampleData) || scan.text.startsWith('(#', ctx.at - 2)) return true;
      const aboutCodes = named.some((n) => isCodeListName(n) || isErrorWordName(n) || isCodeExpr(n));
      // A pair in a list of pairs under a name for codes: `BY_CODE = new Map([` above `[131008, 'param'],`.
      if (items.trim() === '' && named.length === 0 && (opener === '[' || opener === '(') && /^,\s*['"A-Za-z_]/.test(right)) {
        const head = openerLineHead(scan.text, ctx.lineStart);
        let outer = listOwner(head);
        // (through the call that builds it: `BY_CODE = new Map<number, Category>([`)
        if (outer.length === 0) outer = /([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=(?![=>])[^=;]*$/.exec(head)?.slice(1) ?? [];
        // (a map named for its keys being codes counts: `BY_CODE`, `categoryByCode`)
        if (outer.some((n) => isCodeListName(n) || isErrorWordName(n) || isCodeExpr(n) || /(?:^|_)by_?codes?$|ByCodes?$/i.test(n)) && !outer.some((n) => isNonCodeName(n) && !isCodesName(n))) return true;
      }
      // (a list of catalog codes and nothing else: ids, PIN codes and SKUs can be that too, so the
      // file must have shown codes, or the list's name or its neighbourhood speak of errors)
      if (group().allCodes && (membership || MEMBERSHIP_OF_CODE.test(right) || scan.wa || aboutCodes || (named.length === 0 && ERROR_WORDS.test(nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at))))) return true;
      // (a neutrally named list of several distinctive catalog codes counts once the file shows it is about WhatsApp)
      if (group().allCodes && group().hasDistinctive && group().items >= 2) scan.yesIfWa = true;
      // A code beside its catalog title: Django's `choices = [(131026, "Message undeliverable"), ...]`.
      if (/^,\s*['"]/.test(right) && titleFollows(scan.catalog, ctx.code, right.replace(/^,\s*['"]/, ''))) return true;
      if (opener === '(' && (/(?:code|Code|CODE)s?\b/.test(items) || /(?:Map\.(?:of|entry)|mapOf|hashMapOf|ImmutableMap\.of)$/.test(before))) return true;
      // (a list named for codes that also holds numbers the catalog lacks is data: `BLOCKED_CODES = setOf("000000", "133005")`)
      return aboutCodes && !(quoted && hasUnknownLongNumber(scan.catalog, members)) && (scan.wa || !hasUnknownLongNumber(scan.catalog, members));
    }
    if (!scan.wa) return false;
    // (a small key of a map whose other entries are keyed by distinctive codes: `Map.entry(190, ...)` beside `Map.entry(131047, ...)`)
    if (opener === '(' && items.trim() === '' && /\bMap\s*\.\s*entry$/.test(before) && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code)) return true;
    // A code beside its catalog title: `(368, 'Temporarily blocked for policies violations', ...)`.
    if (/^,\s*['"]/.test(right) && titleFollows(scan.catalog, ctx.code, right.replace(/^,\s*['"]/, ''))) return true;
    // The key of a pair in a list of pairs: `[368, 'integrity'],` next to `[131031, 'integrity'],`.
    // (Python's rows are tuples as often: `(368, "Konto gesperrt"),` beside `(131026, "...")`)
    if (items.trim() === '' && /^,\s*['"A-Za-z_]/.test(right)) return (opener === '[' || (opener === '(' && /(?:^|[,([])\s*$/.test(before))) && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code);
    // A list tested against a code that holds distinctive codes: its small catalog members are
    // codes even beside numbers the catalog lacks (`[4, 17, 341, 80007].includes(this.code)`).
    if (group().hasDistinctive && MEMBERSHIP_OF_CODE.test(right)) return true;
    // Otherwise a small code counts only in a list made of catalog codes and nothing else.
    // (a list named for codes in a WhatsApp file may hold Graph codes the catalog lacks: `THROTTLE_CODES = {4, 17, 32, 613}`)
    if (!group().allCodes) return scan.wa && named.some((n) => isCodesName(n)) && /^[\s\d_,]*$/.test(items + (close === -1 ? right : right.slice(0, close)));
    // A column of codes tested for membership: `whereIn('error_code', [0, 190])`.
    if (named.some((n) => isErrorCodeExpr(n) && /_|[a-z][A-Z]/.test(n))) return true;
    if (group().hasDistinctive) return true;
    // A loop over the codes, its variable named for one: `for _, code := range []int{0, 190, 200}`.
    if (/\bfor\b/.test(before) && named.some((n) => isErrorCodeExpr(n))) return true;
    if (named.some((n) => isCodeListName(n))) return true;
    // A constant set of small codes (this one and at least one more, one of them not a round
    // number) among constant sets of distinctive ones: `REFRESH = new Set([0, 190])`.
    if (named.length > 0 && group().items >= 1 && group().telling && /[A-Z]/.test(named[named.length - 1] as string) && hasCodeNearby(scan, nearLines(scan.text, ctx.lineStart, ctx.lineEnd, 2, ctx.at), ctx.code)) return true;
    // (the needle first: PHP `in_array($code, [0, 190], true)`, `slices.Contains(codes, x)` has it last)
    const needle = /\b(?:in_array|array_search)\s*\(\s*([$\w.>-]+)\s*,\s*$/.exec(before);
    if (needle && isErrorCodeSubject(scan, ctx.lineStart, needle[1] as string)) return true;
    if (membership || /(?:\bin|\bnot\s+in)$/.test(before)) {
      const subject = exprBefore(before.replace(/(?:\bin|\bnot\s+in|\(\s*)$/, '').trimEnd());
      if (isErrorCodeSubject(scan, ctx.lineStart, subject) || (OWN_CODE.test(subject) && inErrorClass(scan.text, ctx.lineStart)) || /codes/i.test(subject)) return true;
    }
    // `[0, 190].includes(code)`, `[4, 10].include?(error_code)` after the list.
    return MEMBERSHIP_OF_CODE.test(right);
  }

  // `'131047' in message`, `return 131047`.
  if (/^in\b/.test(right)) return strong;
  if (/\breturn$/.test(left)) return strong && scan.wa;
  return false;
}

/** Compiled patterns for the definitions of helpers, by name (bounded). */
const definitions = new Map<string, RegExp>();

/** How a helper named `callee` is defined: `func Case(`, `def in_codes(`, `const Ex = (`, `Ex: function (`. */
function definitionPattern(callee: string): RegExp {
  let re = definitions.get(callee);
  if (!re) {
    // (or a typed method: C# and Java `static GraphException Ex(int code, int? sub = null)`)
    re = new RegExp(`(?:\\b(?:function|def|func|fun|fn|sub)\\s+(?:\\([^)]*\\)\\s*)?${callee}|\\b${callee}\\s*[=:]\\s*(?:async\\s*)?(?:function\\s*)?|\\b(?!(?:return|new|await|throw|else|yield|case|in|is|as|not|and|or|of)\\b)[A-Za-z_][\\w.]*(?:<[^<>()]*>)?(?:\\[\\])?\\??[ \\t]+${callee})\\s*(?:<[^>()]*>)?\\s*\\(([^()]*)\\)`, 'g');
    if (definitions.size >= 512) definitions.clear();
    definitions.set(callee, re);
  }
  return re;
}

/**
 * The name of the parameter the argument at `ctx.at` binds, when the callee (the name before the
 * `(` at `open`) is defined within BACK_REACH above: `func Case(code int, ...)`, `def inCodes(codes)`,
 * `const Ex = (code, subcode) =>`.
 */
function parameterAt(scan: SourceScan, ctx: Ctx, open: number, at = ctx.at): string | undefined {
  const callee = /([A-Za-z_$][\w$]*)\s*$/.exec(scan.text.slice(Math.max(ctx.lineStart, open - 80), open))?.[1];
  if (!callee || callee.length < 2) return undefined;
  const above = scan.text.slice(Math.max(0, ctx.lineStart - BACK_REACH), ctx.lineStart);
  if (!above.includes(callee)) return undefined;
  const def = definitionPattern(callee);
  def.lastIndex = 0;
  let params: string | undefined;
  for (let m = def.exec(above); m; m = def.exec(above)) params = m[1];
  if (params === undefined) return undefined;
  const index = columnOf(scan.text, open, at);
  if (index < 0) return undefined;
  // (Go writes the name first: `code int`)
  return scan.family === 'go' ? /^\s*([A-Za-z_]\w*)/.exec(params.split(',')[index] ?? '')?.[1] : paramNames(params)[index];
}

/** A table column named for an error code: `code`, `wantCode`, `expected_error_code`, `subcode`. */
function isCodeColumn(name: string): boolean {
  return isCodeExpr(name.replace(/^(?:want|wanted|expected|expect|exp|given|input|in)_?(?=[A-Za-z])/, '')) && !isNonCodeName(name);
}

/** Previous non-blank character before `i` on the line (0 at the line start), looking back a little. */
function prevChar(text: string, i: number, lineStart: number): number {
  for (let k = i - 1; k >= lineStart && i - k < 24; k--) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return c;
  }
  return 0;
}

/** Offset of the next non-blank character from `i` on the line (-1 at the line end). */
function nextCharAt(text: string, i: number, lineEnd: number): number {
  for (let k = i; k < lineEnd && k - i < 24; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return k;
  }
  return -1;
}

/**
 * Small codes are everywhere (`i + 1`, `x * 100`, `arr[0]`): rule most of them out from the
 * characters next to them before any regex runs. Only `= ! < > ( [ { , : # quotes`, a keyword
 * (`case`, `when`, `is`, `in`, `or`, `eq`, `be`) or the line start may come before a small code.
 */
function smallMayMatch(text: string, start: number, end: number, lineStart: number, lineEnd: number): boolean {
  const p = prevChar(text, start, lineStart);
  const at = nextCharAt(text, end, lineEnd);
  const n = at === -1 ? 0 : text.charCodeAt(at);
  const after = at === -1 ? 0 : text.charCodeAt(at + 1);
  // Arithmetic after the number (`100 * x`, `4 - n`, `0.5`), but not `->`, `--`, `//`, `/*` or a range's `..`.
  // (a full stop ending a sentence is no decimal point: `// ... under code 100.`; a range is no subtraction: `200-299`)
  // (`code 100 + error_subcode` in prose: a word after the plus; arithmetic is told apart later)
  if ((n === 43 && !/^\+\s+[A-Za-z_]/.test(text.slice(at, at + 4))) || n === 42 || n === 37 || (n === 46 && after !== 46 && isWordChar(after)) || (n === 45 && after !== 62 && after !== 45 && !isDigit(after) && !rangeLegend(text, p, at, lineEnd)) || (n === 47 && after !== 47 && after !== 42 && !/^\/\s*\d{5,}/.test(text.slice(at, at + 12)))) return false;
  // The bounds of a range: `200..299`, `200-299` (a subtraction is told apart later).
  if ((p === 46 && text.charCodeAt(start - 2) === 46) || (n === 46 && after === 46) || (n === 45 && isDigit(after))) return true;
  // (`|` too: alternatives in a pattern, `code=0 | 190`; arithmetic is told apart later)
  if (p === 0 || p === 61 || p === 33 || p === 60 || p === 62 || p === 40 || p === 91 || p === 123 || p === 44 || p === 58 || p === 35 || p === 34 || p === 39 || p === 96 || p === 124) return true;
  // The start of a comment: `// 4 = application request limit`, ` * 190: token expired`.
  if ((p === 47 || p === 42) && /(?:\/\/|\/\*|^\s*\*)\s*$/.test(text.slice(Math.max(lineStart, start - 12), start))) return true;
  // (a bullet of such a comment: ` *  - 4       application-level throttling`)
  if (p === 45 && /(?:\/\/|\/\*|^\s*\*|^\s*#)\s*-\s+$/.test(text.slice(Math.max(lineStart, start - 16), start))) return true;
  // A sentence's start in prose: `... can work. 4 is the app-level limit` (a member access has no blank after its dot).
  if (p === 46 && /\.[ \t]+$/.test(text.slice(Math.max(lineStart, start - 4), start))) return true;
  if ((p >= 97 && p <= 122) || (p >= 65 && p <= 90)) {
    const word = /([A-Za-z]+)[ \t]*$/.exec(text.slice(Math.max(lineStart, start - 12), start));
    return word !== null && /^(?:case|when|is|in|or|eq|be|equal|code|error|subcode|codes|return|if|elif|and|not|while)$/i.test(word[1] as string);
  }
  return false;
}

/**
 * A dash after a code opening a comment's legend, not a subtraction: a range (`// 200-299: permission
 * errors`) or a gloss (` *   613 - calls within one hour exceeded`).
 */
function rangeLegend(text: string, p: number, dash: number, lineEnd: number): boolean {
  return (p === 0 || p === 47 || p === 42 || p === 35) && /^-(?:\d+\s*[:=(]|\s+[A-Za-z])/.test(text.slice(dash, Math.min(lineEnd, dash + 12)));
}

/** Decide one candidate number at `text[start, end)`; the lexer is positioned at `start`. */
function judge(ctx: Ctx, lexer: LineLexer, start: number, end: number): boolean {
  const { text } = ctx.scan;
  const from = Math.max(ctx.lineStart, start - WINDOW);
  const right = text.slice(end, Math.min(ctx.lineEnd, end + WINDOW));
  // A line inside a block comment or docstring reads as a comment; it may also hold code (JSON or
  // a snippet in a docstring), so the other rules still apply when the comment rule says no.
  if (lexer.proseAt !== -1 && lexer.commentAt === -1 && inComment(ctx, text.slice(Math.max(lexer.proseAt, from), start), right)) return true;
  if (lexer.commentAt !== -1) return inComment(ctx, text.slice(Math.max(lexer.commentAt, from), start), right);
  if (lexer.stringAt !== -1) {
    const q = text.charCodeAt(lexer.stringAt);
    // A one-line docstring (`"""Format rejected (2388047, 2388072)."""` alone on its line) reads as a comment.
    if (ctx.scan.family === 'python' && lexer.stringAt >= 2 && text.charCodeAt(lexer.stringAt - 1) === q && text.charCodeAt(lexer.stringAt - 2) === q && /^\s*[rRuUbBfF]?$/.test(text.slice(ctx.lineStart, lexer.stringAt - 2))) {
      return inComment(ctx, text.slice(Math.max(lexer.stringAt + 1, from), start), right);
    }
    // A string that is only the code (`"131047"`, `'(#131047)'`) behaves like the number itself.
    let open = start - 1;
    if (text.charCodeAt(open) === 35) open -= text.charCodeAt(open - 1) === 40 ? 2 : 1;
    // (`"(131047)"` as Graph's old messages and some SDKs write it)
    else if (text.charCodeAt(open) === 40) open--;
    let close = end;
    if (text.charCodeAt(close) === 41 && (text.charCodeAt(start - 1) === 35 || text.charCodeAt(start - 1) === 40)) close++;
    if (open === lexer.stringAt && text.charCodeAt(close) === q) {
      if (text.charCodeAt(start - 2) === 40 && !ctx.strong && !ctx.scan.wa) return false;
      // A quoted number among one-time codes (`generator = { "131047" }`, `expect(code, '131047')` in an
      // OTP test) is one, unless the line speaks of an error.
      if (open === start - 1 && OTP_WORDS.test(nearLines(text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at)) && !/err|fail|exception|graph|title/i.test(text.slice(ctx.lineStart, ctx.lineEnd))) return false;
      // (nor a PIN on a line that sets or reads one: `expect(RegisterRequest(pin: '133005').pin, '133005')`)
      if (open === start - 1 && /\bpin\b/i.test(text.slice(ctx.lineStart, ctx.lineEnd)) && !/\b(?:err|error|fail\w*|exception|graph|title|code)\b|[a-z](?:Error|Exception|Code)\b/i.test(text.slice(ctx.lineStart, ctx.lineEnd))) return false;
      return asOperand(ctx, text.slice(from, Math.max(from, open)), text.slice(close + 1, Math.min(ctx.lineEnd, close + 1 + WINDOW)));
    }
    return inProse(ctx, text.slice(Math.max(from, lexer.stringAt + 1), start), right);
  }
  return asOperand(ctx, text.slice(from, start), right);
}

/** A quick look at a line: can a small code on it possibly be in an error-code context? */
const SMALL_HINT = /code|Code|CODE|case|when|->|=>|\(#|rror|RROR|xception|ailure\(|\berr\(|Set|\[\s*\d|\d{5}|[Gg]raph|hrottl|[<>]=\s*\d+\s*(?:&&|and\b)|frozenset|\bset\(|CsvSource|InlineData|TestCase|DataRow|[Cc][oó]digo|[Kk]ode|[Kk]odu|[Ff]ehler|[Gg]alat|[Hh]ata/;

/**
 * The same for a line's start: list items (`  4,`), constants (`TooManyCalls = 4`,
 * `const val TOKEN_EXPIRED = 190`) and enum constants (`TOO_MANY_CALLS(4)`, Dart `tooManyCalls(4),`;
 * a call such as `usleep(100);` passes too, and its name rules it out later).
 */
const SMALL_HEAD_HINT = /^\s*(?:(?:\/\/+|#+|\*|--)\s*(?:[-•]\s+)?\d+(?:-\d+)?(?:\s*[=:(\u2013\u2014-]|\s{2,}[A-Za-z]|\s+(?:means|is)\b)|\[\s*(?:InlineData|TestCase|DataRow)\s*\(|[[({]\s*(?:"[^"\n]*"|'[^'\n]*'|:?[\w.]+)\s*,|"[^"\n]*"\s*:\s*\{|['"]?\d|(?:[A-Za-z_]\w*\s+){0,4}[A-Za-z_]\w*\s*(?::\s*\w+\s*)?=\s*\d|[A-Z][A-Z0-9_]*\s*\(\s*\d|[A-Za-z_]\w*\s*\(\s*\d[^()\n]*\)\s*[,;)]|['"]?[A-Z][A-Za-z0-9_]*['"]?\s*:\s*\d|\$\{\s*\d|@[A-Za-z_][\w.]*\s*\(\s*\d|Map\s*\.\s*entry\s*\(\s*\d)/;

/** Numbers below this are looked up in a table: they are most numbers in source, and rarely codes. */
const SMALL_LIMIT = 10000;

/** 1 where a number below SMALL_LIMIT is a catalog code, per catalog, built once. */
const smallTables = new WeakMap<Catalog, Uint8Array>();

function smallTableOf(catalog: Catalog): Uint8Array {
  let small = smallTables.get(catalog);
  if (!small) {
    small = new Uint8Array(SMALL_LIMIT);
    for (let n = 0; n < SMALL_LIMIT; n++) small[n] = catalog.has(n) ? 1 : 0;
    smallTables.set(catalog, small);
  }
  return small;
}

/**
 * A run of digits (with `_` separators) that starts a word: every candidate number is one.
 * perf: a plain pattern V8 scans at native speed; the rules a catalog code must also meet are
 * checked in `candidateEnd`, on the runs only.
 */
const DIGIT_RUN = /\b\d[\d_]*/g;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Whether the digit run `text[start, end)` may be a catalog code: a whole number token (not after
 * `$` or `.`, not before a word character or `.5`), of 5 to 9 digits, grouped as `131_047`, or one of
 * the catalog's small codes written plainly (`100`, not `0100`). Other small numbers (`16`, `8080`),
 * most numbers in source, stop here.
 */
function mayBeCode(text: string, start: number, end: number, small: Uint8Array): boolean {
  const n = end - start;
  if (n > 9) return false;
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // (not after `.`, a decimal or a member, but after `..`: the upper bound of a range `132000..132016`)
  if (before === 36 /* $ */ || (before === 46 /* . */ && text.charCodeAt(start - 2) !== 46)) return false;
  const after = text.charCodeAt(end);
  if (isWordChar(after) || (after === 46 && text.charCodeAt(end + 1) >= 48 && text.charCodeAt(end + 1) <= 57)) return false;
  let value = 0;
  let underscores = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 95) underscores = true;
    else value = value * 10 + (c - 48);
  }
  if (underscores) return GROUPED.test(text.slice(start, end));
  // (`000000`, `0100`: a zero-padded field is no code)
  if (n > 1 && text.charCodeAt(start) === 48) return false;
  if (n >= 5) return true;
  return (n === 1 || text.charCodeAt(start) !== 48) && small[value] === 1;
}

/** Thousands written with separators: `131_047`, `1_000_000`. */
const GROUPED = /^\d{1,3}(?:_\d{3})+$/;

/** Scan source text; `scan.wa` may turn true during the scan (distinctive codes found). */
export function scanSource(scan: SourceScan, out: Finding[]): void {
  const { text, catalog } = scan;
  const small = smallTableOf(catalog);
  const lexer = new LineLexer(text, scan.family);
  // Small codes met before the file showed itself to be about WhatsApp: judged at the end if it
  // did (a distinctive code further down), as [start, end, lineStart, lineEnd, code] groups.
  const deferred: number[] = [];
  let lineStart = 0;
  let lineEnd = -1;
  let hintLine = -1;
  let hint = false;
  let smallOnLine = 0;
  let n = 0;
  const decide = (code: number, strong: boolean, start: number, end: number, from: number, to: number): void => {
    lexer.advance(from, start);
    scan.yesIfWa = false;
    if (judge({ scan, code, strong, lineStart: from, lineEnd: to, at: start }, lexer, start, end)) {
      out.push({ kind: 'error-code', start, end, code });
      if (strong) scan.wa = true;
    } else if (scan.yesIfWa && !scan.wa) {
      // A verdict that only waits for the file to show itself (a neutrally named list of codes above
      // the first handler): judged again at the end, with the small codes held back.
      deferred.push(start, end, from, to, code);
    }
  };
  const last = scan.to ?? text.length;
  DIGIT_RUN.lastIndex = scan.from ?? 0;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    // The run began at a word boundary, so walking back over digits and `_` finds its start.
    let start = end - 1;
    while (start > 0 && (isDigit(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 95)) start--;
    if (start > last) break;
    if (!mayBeCode(text, start, end, small)) continue;
    if (++n % CHECK_EVERY === 0 && scan.token?.isCancellationRequested) return;
    // The value from the digits themselves (`131_047` too): cheaper than Number() on a string.
    let code = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 95) code = code * 10 + (c - 48);
    }
    if (code < SMALL_LIMIT ? small[code] === 0 : !catalog.has(code)) continue;
    if (start > lineEnd) {
      smallOnLine = 0;
      lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const next = text.indexOf('\n', start);
      lineEnd = next === -1 ? text.length : next;
    }
    const strong = isDistinctive(code);
    if (!strong) {
      // A line with thousands of small numbers is data (a table, a minified bundle), not error handling.
      if (++smallOnLine > MAX_SMALL_PER_LINE) continue;
      if (!smallMayMatch(text, start, end, lineStart, lineEnd)) continue;
      if (hintLine !== lineStart) {
        hintLine = lineStart;
        const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
        hint = SMALL_HEAD_HINT.test(head) || SMALL_HINT.test(head);
      }
      if (!hint && !(start - lineStart > 320 && SMALL_HINT.test(text.slice(start - 80, Math.min(lineEnd, start + 80))))) continue;
      if (!scan.wa) {
        deferred.push(start, end, lineStart, lineEnd, code);
        continue;
      }
    }
    decide(code, strong, start, end, lineStart, lineEnd);
  }
  // Distinctive codes in context made this a WhatsApp file: the small codes before them count too.
  if (!scan.wa && !scan.waLater) return;
  scan.wa = true;
  for (let k = 0; k < deferred.length; k += 5) {
    if ((k / 5) % CHECK_EVERY === 0 && scan.token?.isCancellationRequested) return;
    const code = deferred[k + 4] as number;
    decide(code, isDistinctive(code), deferred[k] as number, deferred[k + 1] as number, deferred[k + 2] as number, deferred[k + 3] as number);
  }
}

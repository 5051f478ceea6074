import type { Catalog } from '../catalog/catalog';
import type { CancelToken, Finding } from '../types';
import { mentionsWhatsApp } from './context';
import { escapedEnd, escapingAt, unescapeJson } from './escaped';
import { columnNumbersAround, columnOf, isCodeColumnName, opensCodeExport } from './exportColumns';
import { jsonEnv, walkJson, type JsonEnv } from './json';
import { codeKeysAround, codesSection, ENTRY_ROW, graphSiblings, KEYED_ROW, OTHER_SYSTEM, titleFieldAround, xmlArrayName, yamlParentKey } from './configLines';
import { isCodeExpr, isCodesName, isDistinctive, isErrorishName, isNonCodeName, lastSegment } from './names';

/**
 * Error codes in logs, NDJSON and config (families `text` and `json`). Lines are found with one
 * cheap trigger regex; only those lines are looked at. On a line, JSON objects are walked
 * structurally (see json.ts) and the rest is read as `key=value` / `key: value` text, `(#NNN)`,
 * `error NNN`, a code followed by its title, and lists of codes under `*_codes` keys.
 */

export interface LineScan {
  readonly text: string;
  readonly catalog: Catalog;
  /** The file is about WhatsApp / Graph errors. */
  readonly wa: boolean;
  readonly token?: CancelToken;
  /** How many strings deep this text was serialized (0: the file itself). */
  readonly depth?: number;
}

/** Lines worth a look in a log or config file. */
// (small keys of maps keyed by codes too: `  "100": ALERT_ENGINEERING`, `<entry key="368" .../>`)
const TEXT_TRIGGER = /\(#|code|CODE|Code|err|ERR|Err|(?<![\w.])\d{5,7}(?!\w)|^[ \t]*-[ \t]*['"]?\d|^[ \t]*\d{1,3}[ \t]{2,}[A-Za-z]|^[ \t]*["']?\d{1,4}["']?[ \t]*[:=]|key=["']\d/gm;
/**
 * Lines worth a look in JSON lines: only a number under a key named like a code (`"code":131047`,
 * `errorCode: '190'`, `"retry_codes": [4`, `"errors_by_code": {"100": 5`, escaped `\"code\":131047`, `code=131047` in a string)
 * or a `(#NNN)` message can hold a finding. `status_code` and `http_code` are ruled out here, so a
 * log's ordinary request lines are never walked.
 */
// (and Mongo's canonical extended JSON: `"code":{"$numberInt":"131026"}`)
const JSON_TRIGGER = /\(#\d|(?:code|Code|CODE)(?<!(?:status|Status|http|Http)_?(?:code|Code))[sS]?\\{0,3}["']?\s*(?::|=>|=)\s*(?:[[{]?\s*\\{0,3}["']?\d|\{\s*"\$number)/g;
/** A number in plain text: not inside a word, path, version, date, time or `file:line:col`. */
// (a code and its subcode joined by a slash are two numbers: `Graph API error 100/2388040`; paths are not)
// (and after a terminal colour: `code: \x1b[33m131047\x1b[39m`)
const TEXT_NUMBER = /(?:(?<![\w$.\-/]|\d:)|(?<=(?:error|code)\s+\d{1,6}\/)|(?<=(?<![\w$.\-/])\d{5,7}\/)|(?<=\x1b\[[\d;]*m))\d{1,7}(?![\w]|\.\d|:\d|-\d|\/(?!\d{5,7}\b))/gi;

/** A whole number written as a float, a cell of a pandas export: `131047.0`. */
const FLOAT_CELL = /(?<![\w$.\-/])(\d{1,7})\.0+(?![\w.])/g;
/**
 * Lines longer than this are read as text in this many characters only (minified or binary junk).
 * JSON on them is walked further (the walk is linear): a batch response can put its errors far out.
 */
const MAX_LINE = 20000;
const MAX_JSON_LINE = 1024 * 1024;
const CHECK_EVERY = 256;

/** Words of a line that logs a one-time code. */
/** A legend row's start: the line's start, a bullet or a table's bar. */
const LEGEND_START = /^\s*(?:[-*•|]\s*)?$/;
/** A legend row after its code: columns, a dash, arrow or colon and a gloss, or another code (`131026, 131049 -> ...`). */
// (or a tally: `  131047 x 412`)
const LEGEND_REST = /^(?:\s{2,}\S|\s+(?:[-–—:|]|->|=>)\s|[:|]\s|\s*[/,]\s*\d{5,7}\b|\s*[x×]\s*\d+\b)/;
/** Words a sentence puts before a code it names: `bursts of 131056`, `breaker on 131048`, `because of 131026`. */
const SENTENCE_LEFT = /(?:\b(?:of|on|for|about|re|see|like|e\.g\.?|i\.e\.?|and|or|vs\.?|plus|including|especially|mostly|only|some|many|few|are|into|from|to|when|expect|example|shows?|showing|seeing|triggered|exclude[ds]?|matches|now|whether|sporadic|retry|retrying|remove[ds]?|drop(?:s|ped)?|failed|(?:followed\s+)?by|gets?|got|treat(?:s|ed)?|add(?:s|ed)?|consecutive|merged:?|after|with|saw|seen|maps? to|use|if|hits?|returns?)\s+|\(\s*)$/i;
/** After a code a sentence names: words, `/` and another code, punctuation closing a clause, the end. */
const SENTENCE_RIGHT = /^(?:$|\s+[a-z]|\s*\/\s*\d{5,7}\b|[,.;:)?](?:\s|$)|\)[,.;:](?:\s|$)|\s+\([a-z])/;
/** Markdown's own marks before a code of its prose: `- **Sent as template instead:** 131047`, `> 2388299 means`. */
const PROSE_LEFT = /(?:\*\*:?\s*|^\s*>\s*(?:[-*]\s+)?)$/;
/** After such a code: a ticket in brackets (`132001 (WA-1323)`), a count (`retry 130429 5x`). */
const PROSE_RIGHT = /^(?:\s+\([A-Z]|\s+\d+x\b)/;

/** Another catalog-shaped code with its gloss just before: `2388019 (character limit), 2388040 (...)`. */
const GLOSSED_BEFORE = /\b(\d{5,7})\s*\([^()\n]{1,60}\)\s*,\s*(?:and\s+|or\s+)?$/;
/** Another catalog-shaped code just before: `130429 / 131056`. */
// (or a comma and a space: `131026, 131047, 131049` in a table cell or a sentence, not a CSV row's `131047,130429`)
const CODE_BEFORE = /\b(\d{5,7})`?(?:\s*\/|,\s)\s*`?$/;
/** A run of codes before a number, to read what the run follows: `(ids 80007, 80008, ` -> `(ids `. */
const CODE_RUN = /(?:\b\d{5,7}`?(?:\s*\/|,\s)\s*`?)+$/;

/**
 * A distinctive code named in a sentence or a legend row of a WhatsApp file's prose (the caller
 * has ruled out fields, ids, quantities and one-time codes): `  131047  24h window closed`,
 * `- Circuit breaker on 131048`, `(131048 is not retryable)`, `130429 / 131056`.
 */
function inProse(scan: LineScan, head: string, left: string, right: string): boolean {
  // A code span in Markdown is read as the code in it: `mostly \`131049\`, some \`131026\``.
  if (left.endsWith('`') && right.startsWith('`')) {
    left = left.slice(0, -1);
    right = right.slice(1);
    if (head.endsWith('`')) head = head.slice(0, -1);
  }
  if (LEGEND_START.test(head) && (LEGEND_REST.test(right) || /^\s+\(\s*[A-Za-z]/.test(right))) return true;
  // A legend row opened by its label: `  WindowClosed  131047 -> escalate`, `  Throttled     4, 80007, 130429  -> retry`.
  if (/^\s*[A-Za-z][\w-]*(?: [\w-]+)?\s{2,}(?:\d{1,7}(?:-\d{1,7})?\s*[,/]\s*)*$/.test(head) && /^(?:\s*[,/]\s*\d|\s*(?:->|=>|→)|\s{2,}\S)/.test(right)) return true;
  // A tally anywhere in a sentence: `131049 x3, 131026 x2`, `except 2x 131049`.
  if (/^\s?[x×]\d+\b/.test(right) || /\b\d+\s?[x×]\s$/.test(left)) return true;
  // A failure's code in brackets after the word saying it failed: `-> failed (131049), retrying`.
  if (/\b(?:fail(?:ed|s|ure)?|error|rejected|blocked|undeliverable|throttled)\s*\($/i.test(left) && /^\s*\)/.test(right)) return true;
  // (a bullet may run on as a sentence: `- 131048 was back within the hour`)
  if (/^\s*[-*•]\s*$/.test(head) && /^\s+[a-z]{2,}\b/.test(right)) return true;
  const pair = CODE_BEFORE.exec(left) ?? GLOSSED_BEFORE.exec(left);
  // (the run is about what it follows: not `closed 4 (ids 80007, 80008, ...)`)
  // (nor a tuple's items: `(131047, 131048, ...)`, as the first is no code either)
  if (pair && scan.catalog.has(Number(pair[1]))) {
    const lead = left.replace(CODE_RUN, '');
    return !/\(\s*$/.test(lead) && !NOT_A_CODE_BEFORE.test(lead.slice(-24));
  }
  if (!(SENTENCE_LEFT.test(left) || PROSE_LEFT.test(left)) || !(SENTENCE_RIGHT.test(right) || PROSE_RIGHT.test(right))) return false;
  // (in brackets, the code is what the sentence is about: `(131048 is not retryable)`, not a tuple's `(131047, 9)`)
  return !/\($/.test(left) || /^\s+(?:is|are|was|were|means?|and|or)\b|^\s*\/\s*\d/.test(right);
}
/** Words that make the number something else: an id, an order, a count, a port, a process. */
const NOT_A_CODE_BEFORE = /\b(?:id|ids|pid|tid|order|orders|invoice|ticket|issue|pr|port|line|lines|row|rows|build|job|version|v|no|number|num|amount|total|count|user|customer|account|phone|room|table|seat|ref|reference|connection|thread|session|request|process)\s*[#:]?\s*$/i;
/** Units and counted things after the number. */
const NOT_A_CODE_AFTER = /^\s*(?:(?:ms|s|secs?|seconds|minutes|hours|bytes|kb|mb|gb|px|times|rows|requests|messages|users|items|records|calls|events|%)\b|%)/i;

/**
 * A line about one-time codes, unless the code's own title is about them: 133005 "Two step
 * verification PIN Mismatch" is named on lines that say "PIN".
 */
function oneTimeCodeLine(scan: LineScan, line: string, code: number): boolean {
  return ONE_TIME_CODE.test(line) && !/\b(?:pin|verif\w*|two[ -]step|regist\w*)\b/i.test(scan.catalog.get(code)?.title ?? '');
}

const ONE_TIME_CODE = /\b(?:otp|one[- ]time|verif\w*|passcode|pin)\b|auth_code|expires?[_ ]in|valid[_ ]for|auth(?:entication)?[_ ]template/i;

/** A code word named for something else before the number: one-time, order and promo codes. */
const OTHER_CODE_BEFORE = /\b(?:(?:otp|verif\w*|pin|passcode|one[- ]time|2fa|mfa|sms|promo\w*|coupon|discount)\b[^.;]{0,30}|(?:order|confirm\w*|entered|generated|login|invite|referral|postal|zip|country|area|security|access|pass)[\s_-]*)\bcode\s*(?:is|was)?\s*[:#=]?\s*["']?$/i;

/** The catalog title (or a variant) that follows a code in prose: `131047 Re-engagement message`. */
export function titleFollows(catalog: Catalog, code: number, right: string): boolean {
  const entry = catalog.get(code);
  if (!entry) return false;
  // (`(131047) Title`, `[190] OAuthException`, `131047 - Title`, `368, "Title"`)
  // (`131026  (Message Undeliverable)` in a tally; `"131049","Title"` in a quoted CSV row)
  const after = right.replace(/^["']?[)\]]?\s*[:\-–—,]?\s*\(?["']?/, '').toLowerCase();
  if (after.startsWith('oauthexception')) return true;
  return [entry.title, ...entry.variants].some((t) => t.length >= 4 && after.startsWith(t.toLowerCase()));
}

/** A row of the same legend within 4 lines opens with a distinctive catalog code: `131047   window closed`. */
function legendRowsAround(scan: LineScan, lineStart: number): boolean {
  const from = Math.max(0, lineStart - 600);
  const window = scan.text.slice(from, Math.min(scan.text.length, lineStart + 600));
  const at = lineStart - from;
  const lines = window.split('\n');
  let offset = 0;
  let index = 0;
  for (; index < lines.length && offset + (lines[index] as string).length < at; index++) offset += (lines[index] as string).length + 1;
  for (let k = Math.max(0, index - 4); k <= Math.min(lines.length - 1, index + 4); k++) {
    if (k === index) continue;
    const m = /^\s*(\d{5,7}) {2,}[A-Za-z]/.exec(lines[k] as string);
    if (m && scan.catalog.has(Number(m[1]))) return true;
  }
  return false;
}

/** Title words too common to tell one code from another. */
const COMMON_TITLE_WORDS = new Set(['message', 'messages', 'account', 'number', 'error', 'errors', 'request', 'parameter', 'business', 'whatsapp', 'limit', 'internal', 'invalid', 'service', 'please', 'because', 'cannot', 'unable', 'something', 'exceeded', 'reached', 'temporarily', 'unknown', 'other', 'their', 'there', 'these', 'which', 'about']);

/**
 * The words just before a bracketed code gloss it with a word of its own title: `account locked
 * (131031)` for "Account has been locked", `policy block (368)`.
 */
export function glossPrecedes(catalog: Catalog, code: number, before: string): boolean {
  const entry = catalog.get(code);
  if (!entry) return false;
  const words = new Set(before.slice(-50).toLowerCase().match(/[a-z]{5,}/g) ?? []);
  if (words.size === 0) return false;
  return [entry.title, ...entry.variants].some((t) => (t.toLowerCase().match(/[a-z]{5,}/g) ?? []).some((w) => !COMMON_TITLE_WORDS.has(w) && (words.has(w) || [...words].some((x) => x.startsWith(w.slice(0, 6))))));
}

/** The code's catalog title (or a variant) quoted somewhere on the line. */
function titleOnLine(catalog: Catalog, code: number, line: string): boolean {
  const entry = catalog.get(code);
  if (!entry) return false;
  const lower = line.length > 2000 ? line.slice(0, 2000).toLowerCase() : line.toLowerCase();
  return [entry.title, ...entry.variants].some((t) => t.length >= 6 && lower.includes(`"${t.toLowerCase()}`));
}

interface LineCtx {
  readonly scan: LineScan;
  readonly line: string;
  readonly lineStart: number;
  readonly lineWa: boolean;
}

/** A line of SQL that tests something: `when s.error_code in (...) then`, `where error_code = 190`. */
const SQL_CONDITION = /^\s*(?:when|where|and|or|having|case\s+when)\b.*(?:\bthen\b|=|\bin\s*\(|\bbetween\b)/i;

/** Systems whose log lines say "error code N" of their own (no `http` here: WhatsApp lines hold URLs). */
const SAID_OTHER_SYSTEM = /kafka|grpc|postgres|mysql|redis|stripe|twilio|smtp|sqs|kinesis/i;

/**
 * Where the run of list characters (digits, blanks, `,|"'[(`) that ends at `s` starts. perf: read
 * backwards, as an end-anchored regex would retry from every position of a long run (`[[[[...`).
 */
function listRunStart(line: string, s: number): number {
  let i = s;
  while (i > 0 && isListChar(line.charCodeAt(i - 1))) i--;
  return i;
}

function isListChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 32 || c === 9 || c === 44 || c === 124 || c === 34 || c === 39 || c === 91 || c === 40;
}

/** The list around `s` holds a distinctive catalog code, or only catalog codes. */
function listOfCatalogCodes(scan: LineScan, line: string, s: number): boolean {
  const m = /^[\d\s,|"'\[(]*/.exec(line.slice(listRunStart(line, s)));
  const numbers = (m ? m[0] : '').match(/\d+/g)?.map(Number) ?? [];
  return numbers.length > 0 && (numbers.some((n) => isDistinctive(n) && scan.catalog.has(n)) || numbers.every((n) => scan.catalog.has(n)));
}

/** How many `CODE=count` pairs of distinctive catalog codes a line holds. */
function tallyPairs(scan: LineScan, line: string): number {
  let n = 0;
  for (const m of line.slice(0, 2000).matchAll(/(?<![\w.])(\d{5,7})=\d+(?![\d.])/g)) if (scan.catalog.has(Number(m[1]))) n++;
  return n;
}

/** How many distinctive catalog codes the list around `s` holds. */
function distinctiveCodesInList(scan: LineScan, line: string, s: number): number {
  const m = /^[\d\s,|"'\[(]*/.exec(line.slice(listRunStart(line, s)));
  return ((m ? m[0] : '').match(/\d+/g) ?? []).map(Number).filter((n) => isDistinctive(n) && scan.catalog.has(n)).length;
}

/** Text without ANSI colour sequences (perf: untouched when it holds no escape). */
function uncoloured(text: string): string {
  return text.includes('\x1b') ? text.replace(/\x1b\[[\d;]*m/g, '') : text;
}

/** A distinctive subcode the catalog knows, written as a field of the line: `subcode=2388047`. */
function catalogSubcodeOn(scan: LineScan, line: string): boolean {
  const m = /\bsub_?code["']?\s*[=:]\s*\\?["']?(\d{5,7})(?!\d)/i.exec(line);
  return m !== null && scan.catalog.has(Number(m[1]));
}

/** Judge one number on a text line (outside any JSON object on it). */
function judgeText(ctx: LineCtx, s: number, e: number, code: number): boolean {
  const { scan, line } = ctx;
  const strong = isDistinctive(code);
  const wa = scan.wa || ctx.lineWa;
  // (terminal colours around the number say nothing: `code: \x1b[33m131047\x1b[39m`)
  const left = uncoloured(line.slice(Math.max(0, s - 100), s));
  const right = uncoloured(line.slice(e, e + 100));

  if (/\(#$/.test(left) && right.startsWith(')')) return strong || (wa && /^\)\s+[A-Za-z(]/.test(right));
  if (/#$/.test(left)) return false; // issue and PR numbers

  // `- 131047` under `retryable_codes:` (YAML block list).
  const item = /^(\s*)-\s*["']?$/.exec(line.slice(0, s));
  if (item && /^["']?\s*(?:#.*)?$/.test(right)) {
    const key = yamlParentKey(scan.text, ctx.lineStart, (item[1] as string).length + 1);
    if (!key || isNonCodeName(key)) return false;
    if (isCodesName(key)) return strong || wa;
    return strong && isErrorishName(key);
  }
  // `131047: "Re-engagement message"` (a YAML or properties map keyed by codes).
  // (a small key among distinctive ones in a WhatsApp file: `"100": ALERT_ENGINEERING` under `"131047": ...`)
  // (YAML's colon is followed by a blank: `131047:C 02 Mar ...` is Redis's pid and role)
  if (/^\s*["']?$/.test(line.slice(0, s)) && /^["']?\s*(?::(?:\s|$)|=)/.test(right)) return strong || (scan.wa && codeKeysAround(scan.text, scan.catalog, ctx.lineStart, KEYED_ROW) >= 2);
  // Spring's XML maps keyed by codes: `<entry key="131047" value-ref="templateFallbackHandler"/>`.
  if (/<entry\s+key=["']$/.test(left) && /^["']/.test(right)) return (strong && wa) || (scan.wa && codeKeysAround(scan.text, scan.catalog, ctx.lineStart, ENTRY_ROW) >= 2);

  // A tally by code: `failures by code: 131056=2 131047=1`.
  if (/^=\d+(?![\d.])/.test(right) && /\bby[ _]?(?:error[ _]?)?code\b/i.test(left)) return strong || wa;
  // (or a run of them without the words: `failure breakdown 131026=61 131047=44`)
  if (strong && /^=\d+(?![\d.])/.test(right) && tallyPairs(scan, line) >= 2) return true;
  // `retryable_codes: [130429, 131056]`, `WA_RETRY_CODES=130429,131056`.
  // (query syntax too: PromQL `{error_code=~"131026|131049"}`, SQL `error_code IN (131047, 131026)`)
  // (and `==` of jq and rule engines, Datadog's `@error.code:(132000 OR 132001)`, Logstash's `[wa][error_code] in [...]`)
  // (and PHP's print_r: `[code] => 132012`)
  const list = /([A-Za-z_][\w.\-]*)["']?\]?\s*(?:=>|={1,3}|:|=~|!~|!=|\s+(?:IN|in|BETWEEN|between)\s+)\s*\\?["']?[\[(]?\s*(?:\\?["']?\d+\\?["']?(?:\s*[,|]\s*|\s+(?:OR\s+)?))*\\?["']?$/.exec(left);
  if (list) {
    const key = list[1] as string;
    if (isNonCodeName(key) && !isCodesName(key)) return false;
    const seg = lastSegment(key);
    // (a list named for another system's codes is theirs: `KAFKA_RETRIABLE_ERROR_CODES=6,7,10,13`)
    // (or under a YAML section for one: `kafka:` above `fatal_error_codes: [3, 10]`)
    if (isCodesName(key)) return !OTHER_SYSTEM.test(key) && (strong || (wa && listOfCatalogCodes(scan, line, s) && !OTHER_SYSTEM.test(yamlParentKey(scan.text, ctx.lineStart, /^\s*/.exec(line)?.[0].length ?? 0))));
    if (isCodeExpr(key)) {
      // A bare `code=` is also how one-time codes are logged: `otp.issue template=auth_code_v2 code=130429`.
      // (another system names its own status after it: a game server's `code=131056 (WORLD_SAVE_FAILED)`)
      if (strong) return seg !== 'code' || !/^code$/i.test(key) || (!oneTimeCodeLine(scan, line, code) && (wa || (/\b(?:error|err|fail\w*|exception|warn\w*)\b/i.test(line) && !/^\s*\(?[A-Z][A-Z0-9_]{3,}\)?/.test(right))));
      // (a Graph subcode the catalog knows beside it is the line's own evidence: `code=100 subcode=2388047`)
      if (!wa) return seg === 'code' && catalogSubcodeOn(scan, line);
      // (no subcode is 0: `subcode=0` says there is none)
      if (code === 0 && /sub_?code$/i.test(seg)) return false;
      // A small code needs the line itself to be about a Graph / WhatsApp error: its words, a Graph
      // subcode beside it, or the code's own title (`code=100 ... "Invalid parameter"`). A WhatsApp
      // service logs other systems' errors too: Kafka's `error_code=3`, a driver's `errcode=4`.
      // (a text that showed the same small code as a Graph error earlier does not make this one
      // Graph's: a WhatsApp service's log mixes its Kafka `error_code=4` with Graph's code 4)
      // (a bare `code="200"` is an HTTP status even on a line about WhatsApp: `http_requests_total{code="200",path="/webhooks/whatsapp"}`)
      const httpLike = /^code$/i.test(key) && (code === 100 || (code >= 200 && code <= 299));
      // (a SQL condition on an error-code column of a WhatsApp report: `when s.error_code in (368, 131031)`)
      if (scan.wa && /err\w*_?code$/i.test(seg === 'code' ? key : seg) && SQL_CONDITION.test(line)) return true;
      // (the Graph error object's own path, in a WhatsApp file: CloudWatch's `{ $.error.code = 190 }`, jq's `.error.code == 4`)
      if (scan.wa && /(?:^|\.)error\.code$/i.test(key)) return true;
      // (a YAML error object whose sibling keys are Graph's: `type: OAuthException`, `fbtrace_id: ...`)
      if (/^\s*["']?[\w-]+["']?\s*:\s*$/.test(line.slice(0, s).replace(/["']$/, '')) && graphSiblings(scan.text, ctx.lineStart, line)) return true;
      // (a provider's own reason code beside its own words is not Graph's: Sinch's `reason_code=4 reason="Recipient not on WhatsApp"`)
      if (/^reason/i.test(seg)) return /OAuthException|fbtrace|graph|subcode\s*[=:]|\(#\d/i.test(line) || titleOnLine(scan.catalog, code, line);
      // (a selector on a metric of WhatsApp errors, in a WhatsApp file: `wa_send_errors_total{code=~"4|80007"}`)
      if (scan.wa && !httpLike && /(?:\b|_)(?:wa|whatsapp|graph)_\w*(?:err|fail)\w*\s*\{/i.test(line)) return true;
      return (ctx.lineWa && !httpLike) || /OAuthException|fbtrace|graph|whatsapp|subcode\s*[=:]|\(#\d/i.test(httpLike ? line.replace(/\/[\w./-]*whatsapp[\w./-]*/gi, '') : line) || titleOnLine(scan.catalog, code, line);
    }
    if (strong && isErrorishName(key)) return true;
    // A value under a section or parent key named for error codes: `undeliverable = 131026` under
    // `[whatsapp.errors]`, `blocking = 368, 131031` beside it (small codes among distinctive ones).
    if ((strong || (wa && listOfCatalogCodes(scan, line, s))) && codesSection(scan.text, ctx.lineStart, line, key)) return true;
    // A list of several distinctive catalog codes in a WhatsApp file, whatever its key: `terminal: [131047, 131026, 368]`.
    if (wa && !isNonCodeName(key) && !OTHER_SYSTEM.test(key) && distinctiveCodesInList(scan, line, s) >= 2 && listOfCatalogCodes(scan, line, s)) return true;
    // (not a list after all, maybe: `Whatsapp::GraphError: (368) Temporarily blocked...` is read below)
  }
  // The subcode after its code: `Graph API error 100/2388040: ...`.
  if (/\b(?:error|code)\s+\d{1,6}\/$/i.test(left)) return strong && isDistinctive(code);
  // A pair of a quoted name and the value: Rails' binds `["error_code", 131050]`, Sentry's tags.
  const pair = /["']([A-Za-z_][\w.]*)["']\s*,\s*["']?$/.exec(left);
  if (pair && /^["']?\s*\]/.test(right) && isCodeExpr(pair[1] as string) && !isNonCodeName(pair[1] as string)) return strong ? /err|graph|whatsapp|wa_/i.test(pair[1] as string) || wa : wa && /err/i.test(pair[1] as string);
  // `error 131047`, `Error: 131047`, `error code 131047`, `failed with 131047`.
  const said = /\b(error|err|code|codes|subcode|error_subcode|errcode|error_code|errors|fail(?:ed|s|ing|ures?)? with|failure|reason)\s*[:#=]?\s*["'`]?$/i.exec(left);
  // What Meta did, in a WhatsApp file's prose: `Meta now rejects with 131050.`, `load test hit 130429 at 80 mps`.
  if (!said && strong && scan.wa && /\b(?:reject(?:s|ed)?(?:\s+with)?|return(?:s|ed)(?:\s+error)?|hit|got)\s+$/i.test(left) && !oneTimeCodeLine(scan, line, code) && !/^\s*(?:(?:ms|s|secs?|seconds|times|requests|rows|messages|users)\b|%)/i.test(right)) return true;
  if (said) {
    // One-time, order and promo codes: `verification code 131047`, `entered code 131056`.
    if (OTHER_CODE_BEFORE.test(left)) return false;
    // A bare "code" must be near an error or Graph word (a WhatsApp file also sends one-time codes).
    // (or on a line that names WhatsApp: `WhatsApp billing problem on WABA ..., code 131042`)
    if (strong) return !/^code$/i.test(said[1] as string) || /\b(?:error|err|fail\w*|exception|graph|oauth|fbtrace|undeliverable)\b/i.test(line) || ((ctx.lineWa || scan.wa) && !oneTimeCodeLine(scan, line, code));
    // (another system's small codes in a WhatsApp service's log: Kafka's `Error code 3 (UNKNOWN_TOPIC_OR_PARTITION)`)
    if (/^\s*\(?[A-Z][A-Z0-9_]{3,}\)?/.test(right) || SAID_OTHER_SYSTEM.test(line)) return false;
    // Small numbers after a log level are process ids and counts: `ERROR 1 --- [main]` (Spring Boot);
    // after "subcode", 0 means none (subcodes that matter are distinctive).
    // ("errors" before a small number counts them: CoreDNS's `plugin/errors: 2 graph.facebook.com.`)
    if (/^(?:ERROR|ERR)$/.test(said[1] as string) || /^(?:subcode|errors)$/i.test(said[1] as string) || /^\s*(?:---|\[)/.test(right)) return false;
    if (/^error_code$/i.test(said[1] as string)) return wa && (titleFollows(scan.catalog, code, right) || /\b(?:graph|whatsapp|oauth|meta|waba)\b/i.test(line));
    // (or after words of its own title, in a WhatsApp file: `access token expired (code 190)`)
    if (scan.wa && /^code$/i.test(said[1] as string) && glossPrecedes(scan.catalog, code, left.replace(/\(?\s*code\s*[:#=]?\s*["']?$/i, ''))) return true;
    // (or followed by its own title, in a WhatsApp file: `Error 100 "Invalid parameter"`, `code 10 (Permission Denied)`)
    if (scan.wa && titleFollows(scan.catalog, code, right.replace(/^\s+/, ''))) return true;
    return (ctx.lineWa || (scan.wa && /\bgraph\b/i.test(line))) && /\b(?:graph|whatsapp|oauth\w*|meta|waba)\b/i.test(line);
  }
  // An exception named for Graph or WhatsApp and the code: `GraphError 190: Error validating access token`,
  // `WhatsAppError(131000, 'Something went wrong')`.
  if (/(?:graph|whatsapp|facebook|meta|oauth)\w*(?:error|exception)\s*$/i.test(left) && /^\s*:\s*\S/.test(right)) return strong || wa;
  if (/(?:graph|whatsapp|facebook|meta|oauth)\w*(?:error|exception)\s*\(\s*$/i.test(left) && /^\s*[,)]/.test(right)) return strong || wa;
  // (Python's exception repr with the code in brackets: `GraphAPIError: [190] OAuthException: ...`)
  if (/(?:graph|whatsapp|facebook|meta|oauth)\w*(?:error|exception)\s*:?\s*\[\s*$/i.test(left) && /^\s*\]/.test(right)) return strong || wa;
  // Other exceptions named for Graph: `GraphRateLimited(130429)`.
  if (strong && /(?:graph|whatsapp)\w*\(\s*$/i.test(left) && /^\s*[,)]/.test(right)) return true;
  // An item of an XML array named for codes: Android's `<integer-array name="wa_reauth_codes">` ... `<item>131026</item>`.
  if (/<item>\s*$/.test(left) && /^\s*<\/item>/.test(right)) {
    const name = xmlArrayName(scan.text, ctx.lineStart);
    return name !== undefined && isCodesName(name) && !isNonCodeName(name) && (strong || wa);
  }
  // A code in brackets after words of its title, in a WhatsApp file: `account locked (131031).`
  if (scan.wa && /\(\s*$/.test(left) && /^\s*\)/.test(right) && glossPrecedes(scan.catalog, code, left.replace(/\(\s*$/, ''))) return true;
  // A field beside a field holding the code's own title: `cloud: 131047` above `title: Re-engagement message`.
  if (strong && /^\s*(?:-\s+)?["']?[\w-]+["']?\s*[:=]\s*["']?$/.test(line.slice(0, s)) && /^["']?\s*(?:#.*)?$/.test(right) && titleFieldAround(scan.text, scan.catalog, code, ctx.lineStart)) return true;
  // A code followed by its title: `131047 Re-engagement message`, WATI's `131037 OAuthException!`.
  // (a title may run past the 100 characters read: 131050's has 125)
  if (titleFollows(scan.catalog, code, right.length < 100 ? right : uncoloured(line.slice(e, e + 200)))) return strong || wa;
  // A distinctive code standing alone in a WhatsApp file's prose or table: a runbook's legend row
  // (`  131047  24h window closed`), a bullet (`- Circuit breaker on 131048`), a sentence (`bursts of
  // 131056 pair rate limit`, `(131048 is not retryable)`); not a value of a field, an id, a path,
  // a quantity or someone's order number.
  // A small code opening a legend row among rows of distinctive codes: `190      token expired` under `131047   window closed`.
  if (!strong && scan.wa && /^\s*$/.test(line.slice(0, s)) && /^ {2,}[A-Za-z]/.test(right) && !NOT_A_CODE_AFTER.test(right) && legendRowsAround(scan, ctx.lineStart)) return true;
  if (strong && scan.wa && !line.includes('\t') && inProse(scan, line.slice(0, s), left, right) && !NOT_A_CODE_BEFORE.test(left.slice(-24)) && !oneTimeCodeLine(scan, line, code) && !NOT_A_CODE_AFTER.test(right) && !inOtherColumn(ctx, s, e)) return true;
  // A comment line about a code: `# 131047: outside the 24h window`.
  // (SQL's `--` comments too: `--   131047 = outside the 24h window`; XML's `<!-- 131047 -> ... -->`)
  // (not the value of another field on it: a MySQL slow log's `# Query_time: 4.3  Rows_examined: 131047`)
  // (not a process a crash report kills: HotSpot's `#   Executing "kill -9 131056"`)
  // (nor a build, order or ticket a Markdown heading names: `## Android 8.13.1 (build 131047)`)
  if (/^\s*(?:#|\/\/|;|--\s|<!--)/.test(line) && strong && !/[A-Za-z_]\w*\s*[:=]\s*$/.test(left) && !/\b(?:kill(?:\s+-\w+)?|pid|process|thread)\s+["']?$/i.test(left) && !NOT_A_CODE_BEFORE.test(left.replace(/\($/, '').slice(-24))) return !/^\s*(?:(?:ms|s|secs?|seconds|bytes|kb|mb|px|times)\b|%)/i.test(right);
  return false;
}

/**
 * A number that is a whole field of a delimited export (CSV, TSV, `|` tables) under a header naming
 * that column as an error code: `132000,wamid…,failed,131047,…` under `order_id,…,error_code,…`.
 */
function inCodeColumn(ctx: LineCtx, s: number, e: number, code: number): boolean {
  const name = columnOf(ctx.scan.text, ctx.lineStart, ctx.line, s, e);
  if (name === undefined || !isCodeColumnName(name)) return false;
  // (a column named for Graph's codes is evidence of its own: `graph_code` beside `graph_subcode`)
  if (isDistinctive(code) || /graph|whatsapp|^@?wa[_ .]/i.test(name)) return true;
  if (!ctx.scan.wa && !ctx.lineWa) return false;
  // A column named just `code` is anyone's (a carrier's, an SMS gateway's, beside a `notify_via`
  // cell that says whatsapp): its small codes count when its rows around hold Graph's distinctive ones.
  return !/^"?code"?$/i.test(name.trim()) || columnNumbersAround(ctx.scan.text, ctx.lineStart, name, 12).some((n) => isDistinctive(n) && ctx.scan.catalog.has(n));
}

/** The number is a field of a table column named for something else: psql's `pid | usename | ...`. */
function inOtherColumn(ctx: LineCtx, s: number, e: number): boolean {
  const name = columnOf(ctx.scan.text, ctx.lineStart, ctx.line, s, e);
  return name !== undefined && !isCodeColumnName(name) && isNonCodeName(name.trim());
}

/** The key a log line writes before an object (`err: {`, `error={`, `"error": {`), as offsets into the text. */
function keyBefore(text: string, brace: number): readonly [number, number] | undefined {
  // perf: read backwards (an end-anchored regex retries from every position of the window):
  // blanks, `:` or `=`, blanks, a quote, then the name `[A-Za-z_][\w.-]*` within 40 characters.
  const floor = Math.max(0, brace - 40);
  let i = brace;
  while (i > floor && isBlank(text.charCodeAt(i - 1))) i--;
  const op = text.charCodeAt(i - 1);
  if (i <= floor || (op !== 58 && op !== 61)) return undefined;
  i--;
  while (i > floor && isBlank(text.charCodeAt(i - 1))) i--;
  const q = text.charCodeAt(i - 1);
  if (i > floor && (q === 34 || q === 39)) i--;
  const end = i;
  while (i > floor && isKeyChar(text.charCodeAt(i - 1))) i--;
  // (the name starts at its first letter or `_`: `2xx-error` names `xx-error`)
  while (i < end && !isKeyStart(text.charCodeAt(i))) i++;
  return i < end ? [i, end] : undefined;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** How far a pretty-printed JSON object that a log line opens is walked across the lines after it. */
const MAX_LOGGED_OBJECT = 64 * 1024;

/**
 * A log line that ends by opening a pretty-printed object (`response body: {` then `  "error" : {`
 * on the next lines, as logback and Python's pprint write them): the walk goes on across lines.
 * Returns where the object ends, or -1 when it does not look like one or does not close.
 */
function loggedObjectEnd(text: string, env: JsonEnv, brace: number, lineEnd: number): number {
  if (!/^\s*$/.test(text.slice(brace + 1, lineEnd))) return -1;
  if (brace < env.noWalkUntil || !/^\s*(?:["}]|[A-Za-z_$][\w$]*\s*:)/.test(text.slice(lineEnd + 1, lineEnd + 200))) return -1;
  const known = env.out.length;
  const nested = env.nested.length;
  const stop = walkJson(text, brace, Math.min(text.length, brace + MAX_LOGGED_OBJECT), env, keyBefore(text, brace));
  if (stop > lineEnd && text.charCodeAt(stop - 1) === 125) return stop;
  // Not an object after all (or a broken one): forget what the walk found, read its lines one by one,
  // and do not walk again from the braces inside it (that would read the same lines over and over).
  env.out.length = known;
  env.nested.length = nested;
  env.noWalkUntil = stop;
  return -1;
}

/**
 * Scan one line: JSON objects structurally, the rest as text. Returns where the scan goes on: the
 * line's end, or further when the line opened a pretty-printed object that was walked whole.
 */
function scanLine(scan: LineScan, env: JsonEnv, lineStart: number, lineEnd: number, jsonOnly: boolean): number {
  const { text, catalog } = scan;
  const out = env.out;
  const end = Math.min(lineEnd, lineStart + MAX_LINE);
  const jsonEnd = Math.min(lineEnd, lineStart + MAX_JSON_LINE);
  const spans: number[] = [];
  const known = out.length;
  let resume = lineEnd;
  // perf: the next `{` comes from a cursor shared by the whole text (no slice of the line, and a
  // line without `{` never makes the search run on through the lines after it).
  for (let b = nextBrace(text, env, lineStart); b !== -1 && b < end; b = nextBrace(text, env, b + 1)) {
    // JSON escaped into a string of a plain-text line: `body="{\"code\":131000}"`.
    const escaping = escapingAt(text, b);
    const escaped = escaping !== 0;
    const whole = jsonOnly || escaped ? -1 : loggedObjectEnd(text, env, b, lineEnd);
    if (whole !== -1) {
      const nl = text.indexOf('\n', whole);
      resume = nl === -1 ? text.length : nl;
      spans.push(b - lineStart, lineEnd - lineStart);
      break;
    }
    // (JSON lines start with their object: only a text line writes a key before one)
    // (words of a log message before the object, past a timestamp and level: its context's message)
    env.rootProse = !jsonOnly && !escaped && MESSAGE_WORDS.test(text.slice(Math.max(lineStart, b - 200), b));
    // (or Graph's name: Monolog's `production.WARNING: Graph error {"code":190,"subcode":463}`)
    const prefix = env.rootProse ? text.slice(Math.max(lineStart, b - 200), b) : '';
    env.rootWa = env.rootProse && (mentionsWhatsApp(prefix) || /\bgraph\b(?![\s_-]*ql)/i.test(prefix));
    const stop = escaped ? escapedEnd(text, b, jsonEnd, escaping === 2) : walkJson(text, b, jsonEnd, env, jsonOnly ? undefined : keyBefore(text, b));
    env.rootProse = false;
    env.rootWa = false;
    if (escaped) scanEscaped(scan, env, b, stop, known, escaping === 2);
    // (braces that hold no `key:` are no JSON: PromQL's `{error_code=~"131026|131049"}` is read as text)
    if (!jsonOnly && (escaped || /["'\w]\s*(?::|=>)/.test(text.slice(b, Math.min(stop, b + 400))))) spans.push(b - lineStart, stop - lineStart);
    b = stop - 1;
  }
  scanNested(scan, env, known);
  if (jsonOnly || !digitOutside(text, lineStart, end, spans)) return resume;
  const line = text.slice(lineStart, end);
  // (built at the line's first catalog number: most lines have none, and the WhatsApp words cost a pass)
  let ctx: LineCtx | undefined;
  TEXT_NUMBER.lastIndex = 0;
  let span = 0;
  for (let m = TEXT_NUMBER.exec(line); m; m = TEXT_NUMBER.exec(line)) {
    const at = m.index;
    while (span < spans.length && (spans[span + 1] as number) <= at) span += 2;
    if (span < spans.length && (spans[span] as number) <= at) continue;
    // (a zero-padded field is no code: an SMS gateway's DLR status `000`)
    if (m[0].length > 1 && m[0].charCodeAt(0) === 48) continue;
    const code = Number(m[0]);
    if (!catalog.has(code)) continue;
    ctx ??= { scan, line, lineStart, lineWa: mentionsWhatsApp(line) };
    const s = lineStart + at;
    if (judgeText(ctx, at, at + m[0].length, code) || inCodeColumn(ctx, at, at + m[0].length, code)) out.push({ kind: 'error-code', start: s, end: s + m[0].length, code });
  }
  // A code column that pandas wrote as floats: `131047.0` under `error_code` (only where a table is open).
  if (env.exportRows && line.includes('.0')) {
    FLOAT_CELL.lastIndex = 0;
    for (let m = FLOAT_CELL.exec(line); m; m = FLOAT_CELL.exec(line)) {
      const digits = (m[1] as string).length;
      const code = Number(m[1]);
      if (!catalog.has(code)) continue;
      ctx ??= { scan, line, lineStart, lineWa: mentionsWhatsApp(line) };
      if (inCodeColumn(ctx, m.index, m.index + m[0].length, code)) out.push({ kind: 'error-code', start: lineStart + m.index, end: lineStart + m.index + digits, code });
    }
  }
  return resume;
}

/**
 * Whether `text[lineStart, end)` has a digit outside the JSON spans walked on it. perf: a JSON line
 * of a `.log` file is all span, and its numbers need no second, textual reading.
 */
function digitOutside(text: string, lineStart: number, end: number, spans: readonly number[]): boolean {
  let from = lineStart;
  for (let k = 0; k <= spans.length; k += 2) {
    const to = k < spans.length ? lineStart + (spans[k] as number) : end;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    if (k < spans.length) from = Math.max(from, lineStart + (spans[k + 1] as number));
  }
  return false;
}

/** Matches once per non-empty line. */
const EVERY_LINE = /[^\n]/g;

/** Strings serialized into strings are read this many levels deep. */
const MAX_NESTING = 2;

/**
 * Scans the escaped JSON in `scan.text[start, end)` as a text of its own and adds what it finds,
 * mapped back, to `env.out`; findings already made there since index `known` (a `(#N)` the walk
 * found in the same string) are not repeated.
 */
function scanEscaped(scan: LineScan, env: JsonEnv, start: number, end: number, known: number, doubled = false): void {
  const depth = scan.depth ?? 0;
  if (depth >= MAX_NESTING) return;
  const inner = unescapeJson(scan.text, start, end, doubled);
  const found: Finding[] = [];
  const innerScan = { text: inner.text, catalog: scan.catalog, wa: scan.wa, token: scan.token, depth: depth + 1 };
  // A serialized document (pretty-printed too) is walked whole; text with JSON in it, line by line.
  // (not a log line that opens with a bracketed word: PHP's `[object] (App\\...Exception(code: 131026): ...`)
  if (/^\s*(?:\{|\[\s*(?:[{["\d\-\]]|true|false|null))/.test(inner.text)) scanDocument(innerScan, found);
  else scanLines(innerScan, found, false);
  if (found.length === 0) return;
  const out = env.out;
  const seen = new Set<number>();
  for (let k = known; k < out.length; k++) seen.add((out[k] as Finding).start);
  for (const f of found) {
    const s = inner.at[f.start] as number;
    if (!seen.has(s)) out.push({ ...f, start: s, end: (inner.at[f.end - 1] as number) + 1 });
  }
}

/** Scans the strings the walks since index `known` of the findings left as holding escaped JSON. */
function scanNested(scan: LineScan, env: JsonEnv, known: number): void {
  const nested = env.nested;
  if (nested.length === 0) return;
  for (let k = 0; k < nested.length; k += 2) scanEscaped(scan, env, nested[k] as number, nested[k + 1] as number, known);
  nested.length = 0;
}

/** A log message's words: three words of letters in a row (`Billing problem on WABA, halting reminders `). */
const MESSAGE_WORDS = /[A-Za-z]{2,}[,:]?\s+[A-Za-z]{2,}[,:]?\s+[A-Za-z]{2,}/;

/** Offset of the first `{` at or after `from` (-1: none), from the cursor kept in `env`. */
function nextBrace(text: string, env: JsonEnv, from: number): number {
  if (env.nextBrace !== -1 && env.nextBrace < from) env.nextBrace = text.indexOf('{', from);
  return env.nextBrace;
}

/**
 * Scan logs and config line by line. With `jsonOnly` (JSON lines), only JSON on the lines is read.
 */
export function scanLines(scan: LineScan, out: Finding[], jsonOnly: boolean): void {
  const { text } = scan;
  const env = jsonEnv(scan.catalog, scan.wa, out);
  // (a delimited export with a column of codes: every row is read, small codes hold no trigger word)
  const exportRows = !jsonOnly && opensCodeExport(text);
  env.exportRows = exportRows;
  const trigger = jsonOnly ? JSON_TRIGGER : exportRows ? EVERY_LINE : TEXT_TRIGGER;
  trigger.lastIndex = 0;
  let n = 0;
  // The search resumes at a line start; the match's line start is found going forward from there
  // (perf: native searches over the lines in between, not a backwards walk over the matched line).
  let from = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    if (++n % CHECK_EVERY === 0 && scan.token?.isCancellationRequested) return;
    let lineStart = from;
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) lineStart = nl + 1;
    const nl = text.indexOf('\n', m.index);
    const lineEnd = scanLine(scan, env, lineStart, nl === -1 ? text.length : nl, jsonOnly);
    trigger.lastIndex = from = lineEnd + 1;
    if (lineEnd >= text.length) break;
  }
}

/**
 * Scan a JSON document that is not JSON lines (pretty-printed webhook payloads, JSONC config):
 * one structural walk, so keys are known across lines.
 */
export function scanDocument(scan: LineScan, out: Finding[]): void {
  const { text } = scan;
  const env = jsonEnv(scan.catalog, scan.wa, out);
  let i = 0;
  let obj = -2;
  let arr = -2;
  while (i < text.length) {
    if (scan.token?.isCancellationRequested) return;
    // Each bracket position is searched for again only once the walk has passed it (linear).
    if (obj !== -1 && obj < i) obj = text.indexOf('{', i);
    if (arr !== -1 && arr < i) arr = text.indexOf('[', i);
    const b = obj === -1 ? arr : arr === -1 ? obj : Math.min(obj, arr);
    if (b === -1) return;
    const known = out.length;
    i = Math.max(walkJson(text, b, text.length, env), b + 1);
    scanNested(scan, env, known);
  }
}

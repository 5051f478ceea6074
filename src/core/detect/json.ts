import type { Catalog } from '../catalog/catalog';
import type { CatalogEntry, Finding } from '../types';
import { isCloudApiBlock, isCodeExpr, isCodesName, isDistinctive, isErrorWordName } from './names';

/**
 * A lenient, single-pass JSON walker that reports error codes by where they sit: the value of
 * `code`/`error_code`/`errorCode`/`error_subcode` in an object that looks like a Graph or WhatsApp
 * error, `(#NNN)` inside strings, members of `*_codes` arrays and code-keyed maps.
 *
 * It never builds a tree: a stack of small frames remembers, per open object, the sibling keys
 * that matter, and the object's candidates are judged when it closes (siblings may come after the
 * code). It survives what logs contain: truncated lines, single-quoted strings, unquoted keys
 * (Node's `util.inspect`), Ruby's `=>`, JSONC comments. Work is linear in the walked text.
 */

/** Graph error evidence: fbtrace_id, error_data, error_subcode, `type: *Exception`, `(#` messages... */
const F_GRAPH = 1;
/** Webhook `errors[]` item evidence: title, href, details next to the code. */
const F_WEBHOOK = 2;
/** BSP wrapper evidence: errorMessage, errorCategory, retriable next to the code. */
const F_BSP = 4;
/**
 * A string that opens with Graph's `(#N)`: evidence for the object, but another system's status may
 * carry a Graph message (OpenTelemetry's `"status":{"code":2,"message":"(#131056) ..."}`), so a
 * small code beside it must be that N.
 */
const F_HASH = 8;
/** A log's own text beside the code (`reason`, `description`, `msg`): a record, not a verification code. */
const F_PROSE = 16;

/** What a key we look for means; keys are compared lower-cased. */
interface KeyInfo {
  readonly name: string;
  /** The evidence flag (F_*) the key sets on its object. */
  readonly flags: number;
  /** `code`, `error_code`...: its number is a code candidate. */
  readonly code: boolean;
  /** `error_subcode`, `subcode`. */
  readonly subcode: boolean;
  /** Its string may repeat the code's catalog title (BSP wrappers: `errorMessage`). */
  readonly message: boolean;
  /** `type`: its string may say `OAuthException`. */
  readonly type: boolean;
  /** Its string is log text (PROSE_KEYS). */
  readonly prose: boolean;
  /** `message`: a log record's own text when its object has no code (see `readLogText`). */
  readonly logText: boolean;
}

const GRAPH_KEYS = [
  'fbtrace_id', 'fbtraceid', 'error_data', 'errordata', 'error_subcode', 'errorsubcode', 'messaging_product',
  'error_user_title', 'error_user_msg', 'errorusertitle', 'errorusermsg', 'is_transient', 'istransient',
];
const WEBHOOK_KEYS = ['title', 'href', 'details'];
const BSP_KEYS = ['errormessage', 'error_message', 'errorcategory', 'error_category', 'retriable', 'errordescription', 'error_description'];
const CODE_KEYS = ['code', 'error_code', 'errorcode', 'err_code', 'errcode'];
const SUBCODE_KEYS = ['error_subcode', 'errorsubcode', 'subcode'];
const MESSAGE_KEYS = ['message', 'msg', 'errormessage', 'error_message', 'title', 'error_title', 'errortitle', 'errordescription', 'error_description'];
/**
 * Keys whose string is a log's own text (`"msg":"graph error 130429: Rate limit hit"`): read with
 * the plain-text rules when it names an error code (see `onString`). Not Graph's own `message`,
 * `title` and `details`, which say `(#131047)` when they name a code (read by `hashesIn`); perf:
 * they are most of the strings of an error log.
 */
const PROSE_KEYS = ['log', 'msg', 'textpayload', 'errormessage', 'error_message', 'exception', 'stack', 'stack_trace', 'stacktrace', 'error', 'err', 'detail', 'description', 'reason', 'query', 'expr', 'rawsql', 'sql', 'line', 'raw', 'payload', 'text', 'summary', 'nrql', 'failedreason', 'failed_reason', 'failurereason', 'failure_reason', 'errorreason', 'error_reason', 'lasterror', 'last_error'];

/**
 * perf: the keys we look for, by length. A key in the text is compared in place with the few of
 * its length (no slice, no hashing), so the walk allocates nothing for the keys it passes.
 */
const KEYS_BY_LENGTH: KeyInfo[][] = (() => {
  const names = new Set([...GRAPH_KEYS, ...WEBHOOK_KEYS, ...BSP_KEYS, ...CODE_KEYS, ...SUBCODE_KEYS, ...MESSAGE_KEYS, ...PROSE_KEYS, 'type']);
  const table: KeyInfo[][] = [];
  for (const name of names) {
    const flags = (GRAPH_KEYS.includes(name) ? F_GRAPH : 0) | (WEBHOOK_KEYS.includes(name) ? F_WEBHOOK : 0) | (BSP_KEYS.includes(name) ? F_BSP : 0);
    (table[name.length] ??= []).push({ name, flags, code: CODE_KEYS.includes(name), subcode: SUBCODE_KEYS.includes(name), message: MESSAGE_KEYS.includes(name), type: name === 'type', prose: PROSE_KEYS.includes(name), logText: name === 'message' });
  }
  return table;
})();

/**
 * A key outside the list that still names an error code: `graphCode`, `GraphErrorCode`, `graph.code`
 * (`isCodeExpr` decides). Its number is a candidate like `error_code`'s.
 */
const NAMED_CODE_KEY: KeyInfo = { name: 'error_code', flags: 0, code: true, subcode: false, message: false, type: false, prose: false, logText: false };
/** The same for named subcodes (`graph_subcode`, `errorSubCode`): only distinctive values count there. */
const NAMED_SUBCODE_KEY: KeyInfo = { name: 'error_subcode', flags: 0, code: false, subcode: true, message: false, type: false, prose: false, logText: false };

/** First letters (lower-cased) of the names `isCodeExpr` accepts before "code": api, channel, error, fb, fail, graph, meta, provider, reason, wa, and x- headers. */
const NAMED_CODE_STARTS = [97, 99, 101, 102, 103, 109, 112, 114, 119, 120];

/** Keys of an attribute object that name what its `value` is (by length first, perf). */
const ATTRIBUTE_NAME_KEYS = [3, 4, 5];
const ATTRIBUTE_NAME = /^(?:key|field|name)$/;
/** Attribute names for other systems' codes: `kafka.error_code`, `rpc.grpc.status_code`, `http.status_code`. */
const ATTRIBUTE_OTHER = /kafka|grpc|rpc|http|status|exit|sql|db\./i;
/** Aggregations named for codes, whose terms buckets' keys are codes: `by_error_code`, `failed_by_graph_code`, `error_codes`. */
const AGGREGATION_OF_CODES = /(?:^|[_.-])(?:error|err|graph|wa|meta|fb|fail\w*)[_.-]?(?:sub)?codes?$/;

/** NAMED_CODE_KEY for a key outside the list that names an error code (`graphCode`), else undefined. */
function namedCodeKey(f: Frame, text: string, from: number, e: number): KeyInfo | undefined {
  // (Datadog's facets start with `@`: `"@wa.error.code": 131048`)
  const s = text.charCodeAt(from) === 64 ? from + 1 : from;
  // perf: only keys ending in "code" that start like one of those names are sliced and read.
  if (e - s <= 4 || e - s > MAX_KEY || (text.charCodeAt(e - 4) | 32) !== 99 || !NAMED_CODE_STARTS.includes(text.charCodeAt(s) | 32)) return undefined;
  const key = text.slice(s, e);
  if (!isCodeExpr(key)) return undefined;
  // (a key named for Graph or WhatsApp is evidence itself: `graphCode`, `whatsapp_error_code`)
  if (/graph|whatsapp|^wa|^fb|meta/i.test(key)) f.flags |= F_GRAPH;
  return /sub_?code$/i.test(key) ? NAMED_SUBCODE_KEY : NAMED_CODE_KEY;
}

/** Longest key we look for. */
const LONGEST_KEY = KEYS_BY_LENGTH.length - 1;

/** 1 at [length * 128 + first letter, lower-cased] when some key we look for starts so. */
const KEY_STARTS: Uint8Array = (() => {
  const t = new Uint8Array((LONGEST_KEY + 1) * 128);
  KEYS_BY_LENGTH.forEach((keys, length) => {
    for (const k of keys) t[length * 128 + k.name.charCodeAt(0)] = 1;
  });
  return t;
})();

/** The known key spelled (in any case) by `text[s, e)`, if any. */
function knownKey(text: string, s: number, e: number): KeyInfo | undefined {
  const length = e - s;
  if (length > LONGEST_KEY) return undefined;
  // perf: most keys of a log (`ts`, `level`, `entry`...) are ruled out by their length and first letter.
  const c0 = text.charCodeAt(s);
  if (c0 >= 128 || KEY_STARTS[length * 128 + (c0 >= 65 && c0 <= 90 ? c0 + 32 : c0)] === 0) return undefined;
  const candidates = KEYS_BY_LENGTH[length];
  if (candidates === undefined) return undefined;
  for (const k of candidates) {
    const name = k.name;
    let i = 0;
    for (; i < name.length; i++) {
      const c = text.charCodeAt(s + i);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(i)) break;
    }
    if (i === name.length) return k;
  }
  return undefined;
}

/** Message strings remembered per object (start and end offsets), enough for any real wrapper. */
const MAX_MESSAGES = 4;

/** `text[s, e)` in lower case; most keys already are, and then no second string is made. */
function lowerKey(text: string, s: number, e: number): string {
  const key = text.slice(s, e);
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return key.toLowerCase();
  }
  return key;
}

/** Log text longer than this in one string is not read as text (a stack trace, a dump). */
const MAX_PROSE = 4000;

/** `error 131047`, `code=131047`, `(code: 131047)` in `text[s, e)`: an error word before a five-digit or longer number. */
// (an escaped quote too, as a rule's query writes it: `error_code=\"131048\"`)
const CODE_IN_PROSE = /(?:\b(?:error|err)|(?<![A-Za-z0-9])(?<!(?:status|http)_)(?:[a-z]+_)?(?:sub)?code)\b(?:[\s:=#(]{0,3}\\?["']?|\s*(?:=~|!~|!=|\s+IN\s+|\s+in\s+)\s*[(\\"']{0,3})\d{5}/i;

/** Graph's name before an error's code in a log's text: `graph error 190: ...`, `Graph API error 100/2388073`. */
const GRAPH_ERROR_IN_PROSE = /\bgraph(?: api)? error:? \d/i;

function namesCode(text: string, s: number, e: number): boolean {
  // perf: most messages hold no run of five digits, or only Graph's `(#131047)` (read by `hashesIn`):
  // a pass over the characters rules them out before any slice or regex.
  let run = 0;
  let code = false;
  let graph = false;
  let tested = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run === 5 && !tested && text.charCodeAt(i - 5) !== 35) {
        if (CODE_IN_PROSE.test(text.slice(s, e))) return true;
        tested = true;
      }
      // (a Cloud API code's own shape, 13xxxx, in someone's sentence: `a couple of 131056 on the second one`;
      // the text rules decide, with the file's context)
      if (run === 6 && text.charCodeAt(i - 5) === 49 && text.charCodeAt(i - 4) === 51 && !isDigitCode(text.charCodeAt(i + 1)) && text.charCodeAt(i - 6) !== 35 && !isWordCode(text.charCodeAt(i - 6))) return true;
    } else {
      run = 0;
      if ((c | 32) === 99 && (text.charCodeAt(i + 1) | 32) === 111 && (text.charCodeAt(i + 2) | 32) === 100 && (text.charCodeAt(i + 3) | 32) === 101) code = true;
      else if ((c | 32) === 103 && (text.charCodeAt(i + 1) | 32) === 114 && (text.charCodeAt(i + 4) | 32) === 104 && text.charCodeAt(i + 5) === 32) graph = true;
    }
  }
  // (a small code after its key: `error_code=190`, beside Graph words the text rules ask for)
  // (or after Graph's name: a Go client's `whatsapp: graph error 100/2388073: ...`)
  return (code && SMALL_CODE_IN_PROSE.test(text.slice(s, e))) || (graph && GRAPH_ERROR_IN_PROSE.test(text.slice(s, e)));
}

/** The key ending at `k` ends in "codes", in any case (perf: no slice). */
function endsWithCodes(text: string, k: number): boolean {
  return (text.charCodeAt(k - 5) | 32) === 99 && (text.charCodeAt(k - 4) | 32) === 111 && (text.charCodeAt(k - 3) | 32) === 100 && (text.charCodeAt(k - 2) | 32) === 101 && (text.charCodeAt(k - 1) | 32) === 115;
}

/** `error_code=190`, `code: 4` in log text. */
const SMALL_CODE_IN_PROSE = /code\\?["']?\s*[=:]\s*\\?["']?\d{1,4}(?!\d)/i;

/** Frames deeper than this are walked but not tracked (bounded memory on hostile nesting). */
const MAX_DEPTH = 64;
/** Keys longer than this cannot be one we look for; they are not sliced. */
const MAX_KEY = 40;

type CandKind = 'code' | 'subcode' | 'hash' | 'list' | 'numkey';

/** Candidates kept for reuse per frame; beyond this they are let go when the frame is reused. */
const MAX_KEPT_CANDS = 256;

/** A number to judge when its object closes. perf: reused from object to object (see Frame.add). */
class Cand {
  kind: CandKind = 'code';
  /** The code sits under a key spelled exactly `code` (weaker than `error_code`). */
  bare = false;
  code = 0;
  start = 0;
  end = 0;
  /** For `(#N)`: followed by a space and a word, as Graph messages are (`(#100) Invalid parameter`). */
  prose = false;
}

/** Unknown yet / false / true, for facts about a frame's key worked out only when needed. */
const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/**
 * One open object or array. perf: frames are reused from line to line (one per depth), and the
 * key a container is the value of is kept as offsets, made a string only if a candidate needs it.
 */
class Frame {
  array = false;
  /** `text[keyStart, keyEnd)` is the key this container is the value of (for array items: the array's key); -1: none. */
  keyStart = -1;
  keyEnd = -1;
  /** Whether that key mentions `err` / names a list of codes (UNKNOWN, NO, YES). */
  private errKey = UNKNOWN;
  private codesKey = UNKNOWN;
  flags = 0;
  /** The candidates of this object: the first `candCount` of `cands` (perf: reused, never truncated). */
  readonly cands: Cand[] = [];
  candCount = 0;
  numKeys = 0;
  /** Offsets [start, end, start, end...] of message-like strings of this object. */
  readonly messages = new Int32Array(2 * MAX_MESSAGES);
  /** How many numbers of `messages` are in use (perf: a count, not an array's length to truncate). */
  messageEnds = 0;
  /** A `message` string that may be a log record's own text, read only if the object has no code (-1: none). */
  logTextStart = -1;
  logTextEnd = -1;
  private errorsKey = UNKNOWN;
  /** An attribute object names a code for its `value`: `{"key": "wa.error.code", "value": 131056}` (1: code, 2: subcode). */
  attr = 0;

  reset(array: boolean, keyStart: number, keyEnd: number): void {
    this.array = array;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    this.errKey = UNKNOWN;
    this.codesKey = UNKNOWN;
    this.flags = 0;
    // (setting an array's length is a runtime call: skipped for the usual empty arrays)
    this.candCount = 0;
    // (frames live as long as the module: a hostile object's many candidates are not kept)
    if (this.cands.length > MAX_KEPT_CANDS) this.cands.length = 0;
    this.numKeys = 0;
    this.messageEnds = 0;
    this.logTextStart = -1;
    this.errorsKey = UNKNOWN;
    this.attr = 0;
  }

  /** The key, lower-cased ('' for none, '~' when too long to be one we look for). */
  key(text: string): string {
    if (this.keyStart < 0) return '';
    return this.keyEnd - this.keyStart <= MAX_KEY ? lowerKey(text, this.keyStart, this.keyEnd) : '~';
  }

  /** The key as written (camel case kept: `doNotRetryCodes`), or '' when there is none or it is too long. */
  rawKey(text: string): string {
    return this.keyStart < 0 || this.keyEnd - this.keyStart > MAX_KEY ? '' : text.slice(this.keyStart, this.keyEnd);
  }

  underError(text: string): boolean {
    if (this.errKey === UNKNOWN) {
      const key = this.key(text);
      this.errKey = key.includes('err') || key.includes('fail') ? YES : NO;
    }
    return this.errKey === YES;
  }

  /** The key names errors without saying "codes": `"retryable": [130429, ...]`, `"fatal": [...]`. */
  namesErrors(text: string): boolean {
    if (this.errorsKey === UNKNOWN) this.errorsKey = isErrorWordName(this.rawKey(text)) ? YES : NO;
    return this.errorsKey === YES;
  }

  namesCodes(text: string): boolean {
    if (this.codesKey === UNKNOWN) this.codesKey = isCodesName(this.rawKey(text)) ? YES : NO;
    return this.codesKey === YES;
  }
}

/**
 * The frames of every walk, one per depth, made once. perf: walks never overlap (each runs to its
 * end synchronously), so they can share them; a fixed array of one shape keeps the walk's code stable.
 */
const FRAMES: readonly Frame[] = Array.from({ length: MAX_DEPTH }, () => new Frame());

export interface JsonEnv {
  readonly catalog: Catalog;
  /** The file (or the caller) already knows it is about WhatsApp / Graph errors. */
  readonly wa: boolean;
  readonly out: Finding[];
  /** The walk's outermost object follows a log message's words on its line (set by the caller per walk). */
  rootProse: boolean;
  /** Distinctive codes already reported in this text: a bare `code` repeating one is that code again. */
  readonly reported: Set<number>;
  /** Those words name WhatsApp or Graph (`WhatsApp send failed {"code":190,...}`). */
  rootWa: boolean;
  /**
   * Where the next `(#` at or after the walk position is (-2: not looked up yet, -1: none left).
   * Shared by successive walks over one text so the search stays linear overall.
   */
  nextHash: number;
  /** The same, for the next `"` and `'` (string ends are found with indexOf, not char by char). */
  nextDouble: number;
  nextSingle: number;
  /** The same, for the next `{` (used by the line scan to find the objects on a line). */
  nextBrace: number;
  /** The string `stringEnd` found last holds an escaped quote (perf: only such a string can hold serialized JSON). */
  escapedQuote: boolean;
  /**
   * String contents holding serialized JSON (`"message":"{\"code\":131047}"`), as [start, end)
   * pairs, left by the walks for the caller to scan once the walk is over (see escaped.ts).
   */
  readonly nested: number[];
  /** The walker of this text, made on the first walk. */
  walker: Walker | undefined;
  /** A walk across lines that did not close ended here: objects opened before it are read line by line. */
  noWalkUntil: number;
  /** The text opens with a delimited export that has a code column (its rows are read as such). */
  exportRows: boolean;
}

/** A fresh walking state for one text. */
export function jsonEnv(catalog: Catalog, wa: boolean, out: Finding[]): JsonEnv {
  return { catalog, wa, out, rootProse: false, reported: new Set(), rootWa: false, nextHash: -2, nextDouble: -2, nextSingle: -2, nextBrace: -2, escapedQuote: false, nested: [], walker: undefined, noWalkUntil: -1, exportRows: false };
}

/**
 * Offset of the quote that closes the string opened at `open` (text.length when unclosed).
 * Uses a cursor per quote kind shared by all walks over the text, so the searches never rescan.
 */
function stringEnd(text: string, open: number, quote: number, env: JsonEnv): number {
  let at = quote === 34 ? env.nextDouble : env.nextSingle;
  const ch = quote === 34 ? '"' : "'";
  env.escapedQuote = false;
  for (;;) {
    if (at !== -1 && at <= open) at = text.indexOf(ch, open + 1);
    if (at === -1) break;
    // An odd run of backslashes escapes the quote: keep looking after it.
    let k = at - 1;
    while (k > open && text.charCodeAt(k) === 92) k--;
    if ((at - 1 - k) % 2 === 0) break;
    env.escapedQuote = true;
    open = at;
  }
  if (quote === 34) env.nextDouble = at;
  else env.nextSingle = at;
  return at === -1 ? text.length : at;
}

/** Character classes of the walk, looked up for ASCII (everything else is C_OTHER). */
const C_OTHER = 0;
const C_QUOTE = 1;
const C_COLON = 2;
const C_COMMA = 3;
const C_OPEN = 4;
const C_CLOSE = 5;
const C_DIGIT = 6;
const C_MINUS = 7;
const C_SLASH = 8;
const C_WORD = 9;
const C_EQUALS = 10;

const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  const set = (chars: string, cls: number): void => {
    for (const ch of chars) t[ch.charCodeAt(0)] = cls;
  };
  set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$', C_WORD);
  set('0123456789', C_DIGIT);
  set('"\'', C_QUOTE);
  set(':', C_COLON);
  set(',', C_COMMA);
  set('{[', C_OPEN);
  set('}]', C_CLOSE);
  set('-', C_MINUS);
  set('/', C_SLASH);
  set('=', C_EQUALS);
  return t;
})();

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** The integer spelled by `text[start, end)` when it is 1-7 plain digits, else -1. */
function digitsValue(text: string, start: number, end: number): number {
  const n = end - start;
  if (n < 1 || n > 7) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * True when one of the object's message strings starts with the code's catalog title: a wrapper
 * such as `{"errorCode":190,"errorMessage":"Access token has expired"}` explains itself.
 */
function titledByMessage(frame: Frame, code: number, env: JsonEnv, text: string): boolean {
  const spans = frame.messages;
  const entry = frame.messageEnds > 0 ? env.catalog.get(code) : undefined;
  if (!entry) return false;
  const titles = lowerTitlesOf(entry);
  for (let k = 0; k < frame.messageEnds; k += 2) {
    const said = text.slice(spans[k] as number, Math.min(spans[k + 1] as number, (spans[k] as number) + 200)).toLowerCase();
    for (const t of titles) if (said.startsWith(t)) return true;
  }
  return false;
}

/** perf: an entry's title and variants of six characters or more, lower-cased once per entry. */
const lowerTitles = new WeakMap<CatalogEntry, readonly string[]>();

function lowerTitlesOf(entry: CatalogEntry): readonly string[] {
  let titles = lowerTitles.get(entry);
  if (!titles) lowerTitles.set(entry, (titles = [entry.title, ...entry.variants].filter((t) => t.length >= 6).map((t) => t.toLowerCase())));
  return titles;
}

/** Words of Graph's error messages (`(#4) Application request limit reached`, `Error validating access token`). */
const GRAPH_WORDS = /\(#\d|oauth|access token|graph|whatsapp|facebook|request limit|rate limit|too many calls|permission|parameter|temporarily blocked|polic(?:y|ies)/i;

/** One of the object's message strings speaks of Graph or WhatsApp. */
function saysGraph(frame: Frame, text: string): boolean {
  const spans = frame.messages;
  for (let k = 0; k < frame.messageEnds; k += 2) if (GRAPH_WORDS.test(text.slice(spans[k] as number, Math.min(spans[k + 1] as number, (spans[k] as number) + 300)))) return true;
  return false;
}

/** The frame's error code is `code`. */
function codeIs(frame: Frame, code: number): boolean {
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'code' && c.code === code) return true;
  }
  return false;
}

/** The frame's `(#N)` messages include `(#code)`. */
function hashNames(frame: Frame, code: number): boolean {
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'hash' && c.code === code) return true;
  }
  return false;
}

/** How many of the frame's numeric keys are distinctive catalog codes. */
function distinctiveKeys(frame: Frame, catalog: Catalog): number {
  let n = 0;
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'numkey' && isDistinctive(c.code) && catalog.has(c.code)) n++;
  }
  return n;
}

/**
 * A log record's own `message` (journald's `MESSAGE`, a function log's `message`) naming a code as
 * text: read like `msg` once the object turns out to have no code of its own (Graph's errors have one,
 * and their `message` says `(#N)`, which is read anyway).
 */
function readLogText(frame: Frame, env: JsonEnv, text: string): void {
  for (let k = 0; k < frame.candCount; k++) if ((frame.cands[k] as Cand).kind === 'code') return;
  if (namesCode(text, frame.logTextStart, frame.logTextEnd)) env.nested.push(frame.logTextStart, frame.logTextEnd);
}

/** A candidate of the frame is a distinctive subcode the catalog knows (2388091 under `subcode`). */
function distinctiveSubcode(frame: Frame, catalog: Catalog): boolean {
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'subcode' && isDistinctive(c.code) && catalog.has(c.code)) return true;
  }
  return false;
}

/** A candidate of the frame is a seven-digit subcode, known or not: Graph's shape (`"subcode": 2494055`). */
function graphSubcode(frame: Frame): boolean {
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'subcode' && c.code >= 1000000 && c.code < 10000000) return true;
  }
  return false;
}

/** A list candidate of the frame is a distinctive catalog code. */
function distinctiveList(frame: Frame, catalog: Catalog): boolean {
  for (let k = 0; k < frame.candCount; k++) {
    const c = frame.cands[k] as Cand;
    if (c.kind === 'list' && isDistinctive(c.code) && catalog.has(c.code)) return true;
  }
  return false;
}

/** Keys that hold a typed value for the key around them: `integerValue`, `$numberInt`, `$numberLong`, `StringValue`, `example`. */
const WRAPPER_KEY = /^(?:integerValue|intValue|stringValue|doubleValue|\$numberInt|\$numberLong|StringValue|NumberValue|example|value)$/;

/** Judge one closed (or truncated) frame's candidates and emit the accepted ones. */
function decide(frame: Frame, env: JsonEnv, text: string, rootProse = false, rootWa = false): void {
  if (frame.logTextStart !== -1) readLogText(frame, env, text);
  const cands = frame.cands;
  const count = frame.candCount;
  if (count === 0) return;
  const { catalog, wa, out } = env;
  // (a known distinctive subcode beside a small code is Graph's own pair: `"code":100,"subcode":2388091`)
  const flagged = (frame.flags & F_GRAPH) !== 0;
  const graph = flagged || (frame.flags & F_HASH) !== 0 || distinctiveSubcode(frame, catalog);
  // (a log line's own words before its context object count as the object's message: `Billing problem on WABA {"code":131042}`)
  const prose = (frame.flags & F_PROSE) !== 0 || rootProse;
  const webhook = (frame.flags & F_WEBHOOK) !== 0;
  const bsp = (frame.flags & F_BSP) !== 0;
  const underError = frame.underError(text);
  for (let k = 0; k < count; k++) {
    const c = cands[k] as Cand;
    const known = catalog.has(c.code);
    const strong = isDistinctive(c.code);
    let ok = false;
    switch (c.kind) {
      case 'code':
        if (strong) {
          // An unknown code is kept only in an unmistakable Graph/WhatsApp error object, in Meta's 13xxxx block.
          // (a bare `code` in a WhatsApp file needs a message beside it: `{"code":"131026"}` is a verification code)
          // (not when the object's own message says it verifies a one-time code: `{"msg":"otp verify","code":"131056"}`)
          // (or, in a nested object, the same code reported above in the file: a `history` row's
          // `{"status": 400, "code": 80007}`; not a log line's own context object)
          ok = known ? graph || webhook || bsp || underError || !c.bare || (wa && (frame.messageEnds > 0 || prose || graphSubcode(frame) || (frame.keyStart >= 0 && env.reported.has(c.code))) && !aboutOneTimeCode(frame, text)) : isCloudApiBlock(c.code) && (graph || (underError && (webhook || wa)));
        } else {
          // (an object whose own title or message is the code's catalog title explains itself, under any key)
          // (under an error key, a small code also needs its message to speak of Graph: gRPC's
          // `{"code":4,"message":"4 DEADLINE_EXCEEDED"}` has the same shape)
          // (a `(#N)` message vouches only for its own N)
          // (a log line's words before the object, naming WhatsApp, vouch for a code beside a subcode:
          // `WhatsApp send failed {"code":190,"subcode":460}`)
          ok = known && ((graph && (flagged || hashNames(frame, c.code) || distinctiveSubcode(frame, catalog))) || (underError && wa && saysGraph(frame, text)) || ((bsp || webhook) && ((wa && !c.bare) || titledByMessage(frame, c.code, env, text))) || (rootWa && c.code !== 0 && hasSubcode(frame)));
        }
        break;
      case 'subcode':
        // Subcodes share no numbering with codes below 10000 (463 is "session expired"), so only distinctive
        // ones count, and the catalog's small ones under Graph's `code: 100` (33: the object does not exist).
        ok = known && (strong ? graph || underError || wa : c.code > 2 && graph && codeIs(frame, 100));
        break;
      case 'hash':
        ok = known && (strong || (c.prose && (graph || underError || wa)));
        break;
      case 'list':
        ok = known && (strong || (wa && (!c.bare || distinctiveList(frame, catalog))));
        break;
      case 'numkey':
        // (a small key counts in a map whose other keys are distinctive codes: `"368": "page"` beside `"131031": "page"`)
        ok = known && (strong ? wa || frame.numKeys >= 2 : distinctiveKeys(frame, catalog) >= 2);
        break;
    }
    if (ok) {
      out.push({ kind: 'error-code', start: c.start, end: c.end, code: c.code });
      if (strong) env.reported.add(c.code);
    }
  }
}

/** Words of a one-time code flow, in an object's message: `otp verify`, `verification code sent`. */
const ONE_TIME_WORDS = /\b(?:otp|one[- ]time|passcode|verif\w*|2fa|mfa)\b/i;

/** The object's messages speak of one-time codes. */
function aboutOneTimeCode(frame: Frame, text: string): boolean {
  for (let k = 0; k + 1 < frame.messageEnds; k += 2) {
    const s = frame.messages[k] as number;
    const e = frame.messages[k + 1] as number;
    if (ONE_TIME_WORDS.test(text.slice(s, Math.min(e, s + 200)))) return true;
  }
  return false;
}

/** A `:` follows `at` past blanks and a closing quote (perf: a few characters at most). */
function colonAfter(text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39) i++;
  while (i < at + 8 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.charCodeAt(i) === 58;
}

/** The object has a subcode beside its code, whatever its value (Graph's 460 and 463 are not in the catalog). */
function hasSubcode(frame: Frame): boolean {
  for (let k = 0; k < frame.candCount; k++) if ((frame.cands[k] as Cand).kind === 'subcode') return true;
  return false;
}

/**
 * One walk over a JSON value: the state of the single pass described at the top of this file.
 * perf: a class with methods rather than closures, so a walk per log line allocates nothing.
 */
class Walker {
  /** The key the walk's outermost container is the value of, in the text before it (-1: none). */
  rootKeyStart = -1;
  rootKeyEnd = -1;
  private depth = 0;
  /** Open containers beyond MAX_DEPTH. */
  private untracked = 0;
  /** The last key read: `text[keyStart, keyEnd)` (-1: none yet) and what it is, if one we look for. */
  private keyStart = -1;
  private keyEnd = -1;
  private keyInfo: KeyInfo | undefined = undefined;

  constructor(
    private readonly text: string,
    private readonly env: JsonEnv,
  ) {}

  /** Walk from `from` (a `{` or `[`) until it closes or `to`; returns the offset just past the walk. */
  walk(from: number, to: number): number {
    const text = this.text;
    const env = this.env;
    const frames = FRAMES;
    this.depth = 0;
    this.untracked = 0;
    let expectKey = false;
    this.keyStart = -1;
    this.keyEnd = -1;
    this.keyInfo = undefined;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      switch (c < 128 ? CHAR_CLASS[c] : C_OTHER) {
        case C_QUOTE: {
          const end = Math.min(stringEnd(text, i, c, env), to);
          const f = this.untracked > 0 || this.depth === 0 ? undefined : frames[this.depth - 1];
          if (f) {
            if (expectKey && !f.array) this.onKey(f, i + 1, end);
            else this.onString(f, i + 1, end);
          }
          i = end + 1;
          break;
        }
        case C_COLON:
          expectKey = false;
          i++;
          break;
        case C_COMMA: {
          const f = this.untracked > 0 || this.depth === 0 ? undefined : frames[this.depth - 1];
          expectKey = f !== undefined && !f.array;
          i++;
          break;
        }
        case C_OPEN:
          this.open(c === 91);
          expectKey = c === 123;
          i++;
          break;
        case C_CLOSE:
          if (this.untracked > 0) this.untracked--;
          else {
            if (this.depth > 0) {
              const f = frames[--this.depth] as Frame;
              if (f.candCount !== 0 || f.logTextStart !== -1) decide(f, env, text, this.depth === 0 && env.rootProse, this.depth === 0 && env.rootWa);
            }
            if (this.depth === 0) return i + 1;
          }
          expectKey = false;
          i++;
          break;
        case C_DIGIT:
        case C_MINUS: {
          let j = i + 1;
          while (j < to) {
            const d = text.charCodeAt(j);
            if (isDigitCode(d) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
            else break;
          }
          const f = this.untracked > 0 || this.depth === 0 ? undefined : frames[this.depth - 1];
          if (f && c !== 45) {
            if (expectKey && !f.array) this.onKey(f, i, j);
            else this.onValueDigits(f, i, j);
          }
          i = j;
          break;
        }
        case C_SLASH:
          if (text.charCodeAt(i + 1) === 47) {
            const nl = text.slice(i, to).indexOf('\n');
            i = nl === -1 ? to : i + nl;
          } else if (text.charCodeAt(i + 1) === 42 /* * */) {
            // Sliced so that an unclosed comment costs the walked range only.
            const close = text.slice(i + 2, to).indexOf('*/');
            i = close === -1 ? to : i + 2 + close + 2;
          } else i++;
          break;
        case C_WORD: {
          let j = i + 1;
          while (j < to && isWordCode(text.charCodeAt(j))) j++;
          const f = this.untracked > 0 || this.depth === 0 ? undefined : frames[this.depth - 1];
          if (f && expectKey && !f.array) this.onKey(f, i, j);
          i = j;
          break;
        }
        case C_EQUALS:
          if (text.charCodeAt(i + 1) === 62 /* > */) {
            expectKey = false;
            i += 2;
          } else i++;
          break;
        default:
          i++;
      }
    }
    // Truncated input: judge what is open, innermost first.
    while (this.depth > 0) decide(frames[--this.depth] as Frame, this.env, text);
    return to;
  }

  /** A `{` or `[`: push a frame (or count it, beyond MAX_DEPTH). */
  private open(array: boolean): void {
    const frames = FRAMES;
    if (this.depth >= MAX_DEPTH || this.untracked > 0) this.untracked++;
    else {
      const parent = this.depth > 0 ? (frames[this.depth - 1] as Frame) : undefined;
      const f = frames[this.depth] as Frame;
      // The key this container is the value of: the parent array's own key, or the last key read.
      // (the outermost container's key is what a log line wrote before it: `err: {`, `error=`)
      if (parent === undefined) f.reset(array, this.rootKeyStart, this.rootKeyEnd);
      else if (parent.array) f.reset(array, parent.keyStart, parent.keyEnd);
      else f.reset(array, this.keyStart, this.keyEnd);
      this.depth++;
    }
  }

  private add(f: Frame, kind: CandKind, bare: boolean, code: number, start: number, end: number, prose = false): void {
    const c = f.candCount < f.cands.length ? (f.cands[f.candCount] as Cand) : new Cand();
    if (f.candCount === f.cands.length) f.cands.push(c);
    f.candCount++;
    c.kind = kind;
    c.bare = bare;
    c.code = code;
    c.start = start;
    c.end = end;
    c.prose = prose;
  }

  private onKey(f: Frame, s: number, e: number): void {
    const text = this.text;
    this.keyStart = s;
    this.keyEnd = e;
    let info = knownKey(text, s, e);
    if (info === undefined && (text.charCodeAt(e - 1) | 32) === 101 /* e */) info = namedCodeKey(f, text, s, e);
    // A terms bucket of an aggregation named for codes: `"by_error_code": {"buckets": [{"key": 131047, ...}]}`.
    if (info === undefined && e - s === 3 && text.startsWith('key', s) && this.depth >= 3 && f.key(text) === 'buckets' && AGGREGATION_OF_CODES.test((FRAMES[this.depth - 3] as Frame).key(text))) info = NAMED_CODE_KEY;
    this.keyInfo = info;
    if (info) f.flags |= info.flags;
    // (a number is a key only before its colon: in Java's `{offset=131047, x=1}` it is a value)
    else if (isDigitCode(text.charCodeAt(s)) && colonAfter(text, e)) {
      const code = digitsValue(text, s, e);
      if (code >= 0) {
        f.numKeys += 1;
        this.add(f, 'numkey', false, code, s, e);
      }
    }
  }

  private onValueDigits(f: Frame, s: number, e: number): void {
    const text = this.text;
    if (f.array) {
      const codes = f.namesCodes(text);
      if (!codes && !f.namesErrors(text)) return;
      const code = digitsValue(text, s, e);
      // (under a key naming errors but not codes, small numbers only beside distinctive ones, judged at the
      // end: `"nonRetryable": [131047, 368]`; marked bare)
      if (code >= 0) this.add(f, 'list', !codes && !isDistinctive(code), code, s, e);
      return;
    }
    const info = this.keyInfo;
    // A typed value under a code key: Firestore's `"code": {"integerValue": "131026"}`, Mongo's
    // `{"$numberInt": "131050"}`, an OpenAPI property's `"example": 131026`, SQS's `StringValue`.
    // (the candidate belongs to the object holding the code key, where its message and title are)
    // An attribute's value: `{"key": "wa.error.code", "type": "int64", "value": 131026}`, CloudWatch's `{"field": "error.code", "value": "190"}`.
    if (info === undefined && f.attr !== 0 && this.keyEnd - this.keyStart === 5 && text.startsWith('value', this.keyStart)) {
      // (0 there says there is no error: `{"key": "whatsapp.error.code", "value": {"intValue": "0"}}`)
      const code = digitsValue(text, s, e);
      if (code > 0) this.add(f, f.attr === 2 ? 'subcode' : 'code', false, code, s, e);
      return;
    }
    if ((info === undefined || !(info.code || info.subcode)) && this.keyStart >= 0 && this.depth >= 2 && WRAPPER_KEY.test(text.slice(this.keyStart, this.keyEnd))) {
      const outer = f.key(text);
      // (OpenTelemetry wraps an attribute's value: `{"key": "wa.error.code", "value": {"intValue": "131056"}}`)
      const holder = FRAMES[this.depth - 2] as Frame;
      if (outer === 'value' && holder.attr !== 0) {
        const code = digitsValue(text, s, e);
        if (code > 0) this.add(holder, holder.attr === 2 ? 'subcode' : 'code', false, code, s, e);
        return;
      }
      if (outer === '' || outer === '~' || !isCodeExpr(outer)) return;
      const code = digitsValue(text, s, e);
      if (code >= 0) this.add(FRAMES[this.depth - 2] as Frame, /sub_?code$/.test(outer) ? 'subcode' : 'code', outer === 'code', code, s, e);
      return;
    }
    if (info === undefined || !(info.code || info.subcode)) return;
    const code = digitsValue(text, s, e);
    if (code < 0) return;
    if (info.subcode) this.add(f, 'subcode', false, code, s, e);
    else this.add(f, 'code', info.name === 'code', code, s, e);
  }

  /** A string of codes under a key named for codes: `"WA_NON_RETRYABLE_CODES": "131047,131026,368"`. */
  private onCodesString(f: Frame, s: number, e: number): void {
    const text = this.text;
    // perf: most strings that start with a digit are ids and timestamps: the key's last letters rule them out first.
    const k = this.keyEnd;
    if (this.keyStart < 0 || k - this.keyStart < 5 || !endsWithCodes(text, k)) return;
    if (!/^[\d\s,;|]+$/.test(text.slice(s, e)) || !isCodesName(text.slice(this.keyStart, k))) return;
    for (let i = s; i < e; ) {
      while (i < e && !isDigitCode(text.charCodeAt(i))) i++;
      let j = i;
      while (j < e && isDigitCode(text.charCodeAt(j))) j++;
      if (j > i) {
        const code = digitsValue(text, i, j);
        if (code >= 0) this.add(f, 'list', false, code, i, j);
      }
      i = j;
    }
  }

  /** Record `(#N)` occurrences inside the string `text[s, e)`. */
  private hashesIn(f: Frame, s: number, e: number): void {
    const text = this.text;
    const env = this.env;
    let nextHash = env.nextHash;
    if (nextHash === -2 || (nextHash !== -1 && nextHash < s)) nextHash = text.indexOf('(#', s);
    while (nextHash !== -1 && nextHash < e) {
      let j = nextHash + 2;
      while (j < e && j - nextHash - 2 < 8 && isDigitCode(text.charCodeAt(j))) j++;
      const code = text.charCodeAt(j) === 41 /* ) */ ? digitsValue(text, nextHash + 2, j) : -1;
      if (code >= 0) {
        const after = text.charCodeAt(j + 1);
        const word = text.charCodeAt(j + 2);
        const prose = after === 32 && ((word >= 65 && word <= 90) || (word >= 97 && word <= 122) || word === 40);
        this.add(f, 'hash', false, code, nextHash + 2, j, prose);
      }
      nextHash = text.indexOf('(#', nextHash + 2);
    }
    env.nextHash = nextHash;
  }

  private onString(f: Frame, s: number, e: number): void {
    const text = this.text;
    const env = this.env;
    // JSON serialized into this string (CloudWatch messages, logged response bodies): scanned later.
    const serialized = env.escapedQuote && e - s > 4 && text.slice(s, e).includes('\\":');
    if (serialized) env.nested.push(s, e);
    // An array of log lines (Loki's `values`, a batch of messages): each item may be log text naming a code.
    if (f.array && !serialized && e - s > 12 && e - s <= MAX_PROSE && namesCode(text, s, e)) env.nested.push(s, e);
    if (!f.array) {
      const info = this.keyInfo;
      // An attribute object's name for its value (`"key": "wa.error.code"`, `"field": "error.code"`).
      if (info === undefined && e - s <= 40 && e - s > 4 && (text.charCodeAt(e - 4) | 32) === 99 && ATTRIBUTE_NAME_KEYS.includes(this.keyEnd - this.keyStart) && ATTRIBUTE_NAME.test(text.slice(this.keyStart, this.keyEnd))) {
        const name = text.slice(s, e).replace(/^@/, '');
        if (isCodeExpr(name) && !ATTRIBUTE_OTHER.test(name)) {
          f.attr = /sub_?code$/i.test(name) ? 2 : 1;
          if (/graph|whatsapp|^wa[._]|meta/i.test(name)) f.flags |= F_GRAPH;
        }
      }
      if (info !== undefined) {
        if (info.type && e - s <= 60 && text.slice(s, e).includes('Exception')) f.flags |= F_GRAPH;
        if (info.message && f.messageEnds < 2 * MAX_MESSAGES) {
          f.messages[f.messageEnds++] = s;
          f.messages[f.messageEnds++] = e;
        }
        // A log's own text naming a code (`"msg":"graph error 130429: Rate limit hit"`): scanned later as text.
        if (info.prose) {
          f.flags |= F_PROSE;
          if (!serialized && e - s <= MAX_PROSE && namesCode(text, s, e)) env.nested.push(s, e);
        } else if (info.logText && f.logTextStart === -1 && !serialized && e - s > 12 && e - s <= MAX_PROSE) {
          f.logTextStart = s;
          f.logTextEnd = e;
        }
      }
    }
    if (text.charCodeAt(s) === 40 /* ( */ && text.charCodeAt(s + 1) === 35 /* # */) f.flags |= F_HASH;
    if (e - s <= 7) this.onValueDigits(f, s, e);
    else if (!f.array && isDigitCode(text.charCodeAt(s)) && e - s <= 200) this.onCodesString(f, s, e);
    const hash = env.nextHash;
    // Most strings hold no `(#`: the shared cursor says so without a search.
    if (hash === -2 || (hash !== -1 && hash < e)) this.hashesIn(f, s, e);
  }
}

/**
 * Walk one JSON value starting at `from` (a `{` or `[`), stopping when it closes or at `to`.
 * Returns the offset just past what was walked. Successive walks over one text share `env`.
 */
export function walkJson(text: string, from: number, to: number, env: JsonEnv, rootKey?: readonly [number, number]): number {
  const walker = env.walker ?? (env.walker = new Walker(text, env));
  walker.rootKeyStart = rootKey ? rootKey[0] : -1;
  walker.rootKeyEnd = rootKey ? rootKey[1] : -1;
  return walker.walk(from, to);
}

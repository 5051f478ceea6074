import type { Catalog } from '../catalog/catalog';
import type { Finding } from '../types';
import { isCloudApiBlock, isCodesName, isDistinctive } from './names';

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

const GRAPH_KEYS = new Set([
  'fbtrace_id', 'fbtraceid', 'error_data', 'errordata', 'error_subcode', 'errorsubcode', 'messaging_product',
  'error_user_title', 'error_user_msg', 'errorusertitle', 'errorusermsg', 'is_transient', 'istransient',
]);
const WEBHOOK_KEYS = new Set(['title', 'href', 'details']);
const BSP_KEYS = new Set(['errormessage', 'error_message', 'errorcategory', 'error_category', 'retriable', 'errordescription', 'error_description']);
const CODE_KEYS = new Set(['code', 'error_code', 'errorcode', 'err_code', 'errcode']);
const SUBCODE_KEYS = new Set(['error_subcode', 'errorsubcode', 'subcode']);
/** Keys whose string may repeat the code's catalog title (BSP wrappers: `errorMessage`). */
const MESSAGE_KEYS = new Set(['message', 'errormessage', 'error_message', 'title', 'error_title', 'errortitle', 'errordescription', 'error_description']);
/** Message strings remembered per object (start and end offsets), enough for any real wrapper. */
const MAX_MESSAGES = 4;

/** The frame flag each evidence key sets, in one lookup. */
const KEY_FLAGS = new Map<string, number>([
  ...[...GRAPH_KEYS].map((k): [string, number] => [k, F_GRAPH]),
  ...[...WEBHOOK_KEYS].map((k): [string, number] => [k, F_WEBHOOK]),
  ...[...BSP_KEYS].map((k): [string, number] => [k, F_BSP]),
]);

/** `text[s, e)` in lower case; most keys already are, and then no second string is made. */
function lowerKey(text: string, s: number, e: number): string {
  const key = text.slice(s, e);
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return key.toLowerCase();
  }
  return key;
}

/** Frames deeper than this are walked but not tracked (bounded memory on hostile nesting). */
const MAX_DEPTH = 64;
/** Keys longer than this cannot be one we look for; they are not sliced. */
const MAX_KEY = 40;

type CandKind = 'code' | 'subcode' | 'hash' | 'list' | 'numkey';

interface Cand {
  readonly kind: CandKind;
  readonly key: string;
  readonly code: number;
  readonly start: number;
  readonly end: number;
  /** For `(#N)`: followed by a space and a word, as Graph messages are (`(#100) Invalid parameter`). */
  readonly prose?: boolean;
}

interface Frame {
  readonly array: boolean;
  /** The key this container is the value of (for items of an array: the array's key). */
  readonly key: string;
  flags: number;
  cands: Cand[] | undefined;
  numKeys: number;
  /** Offsets [start, end, start, end...] of message-like strings of this object. */
  messages: number[] | undefined;
}

export interface JsonEnv {
  readonly catalog: Catalog;
  /** The file (or the caller) already knows it is about WhatsApp / Graph errors. */
  readonly wa: boolean;
  readonly out: Finding[];
  /**
   * Where the next `(#` at or after the walk position is (-2: not looked up yet, -1: none left).
   * Shared by successive walks over one text so the search stays linear overall.
   */
  nextHash: number;
  /** The same, for the next `"` and `'` (string ends are found with indexOf, not char by char). */
  nextDouble: number;
  nextSingle: number;
}

/** A fresh walking state for one text. */
export function jsonEnv(catalog: Catalog, wa: boolean, out: Finding[]): JsonEnv {
  return { catalog, wa, out, nextHash: -2, nextDouble: -2, nextSingle: -2 };
}

/**
 * Offset of the quote that closes the string opened at `open` (text.length when unclosed).
 * Uses a cursor per quote kind shared by all walks over the text, so the searches never rescan.
 */
function stringEnd(text: string, open: number, quote: number, env: JsonEnv): number {
  let at = quote === 34 ? env.nextDouble : env.nextSingle;
  const ch = quote === 34 ? '"' : "'";
  for (;;) {
    if (at !== -1 && at <= open) at = text.indexOf(ch, open + 1);
    if (at === -1) break;
    // An odd run of backslashes escapes the quote: keep looking after it.
    let k = at - 1;
    while (k > open && text.charCodeAt(k) === 92) k--;
    if ((at - 1 - k) % 2 === 0) break;
    open = at;
  }
  if (quote === 34) env.nextDouble = at;
  else env.nextSingle = at;
  return at === -1 ? text.length : at;
}

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
  const entry = spans ? env.catalog.get(code) : undefined;
  if (!spans || !entry) return false;
  for (let k = 0; k < spans.length; k += 2) {
    const said = text.slice(spans[k] as number, Math.min(spans[k + 1] as number, (spans[k] as number) + 200)).toLowerCase();
    if ([entry.title, ...entry.variants].some((t) => t.length >= 6 && said.startsWith(t.toLowerCase()))) return true;
  }
  return false;
}

/** Judge one closed (or truncated) frame's candidates and emit the accepted ones. */
function decide(frame: Frame, env: JsonEnv, text: string): void {
  const cands = frame.cands;
  if (!cands) return;
  const { catalog, wa, out } = env;
  const graph = (frame.flags & F_GRAPH) !== 0;
  const webhook = (frame.flags & F_WEBHOOK) !== 0;
  const bsp = (frame.flags & F_BSP) !== 0;
  const underError = frame.key.includes('err');
  for (const c of cands) {
    const known = catalog.has(c.code);
    const strong = isDistinctive(c.code);
    let ok = false;
    switch (c.kind) {
      case 'code':
        if (strong) {
          // An unknown code is kept only in an unmistakable Graph/WhatsApp error object, in Meta's 13xxxx block.
          ok = known ? graph || webhook || bsp || underError || wa || c.key !== 'code' : isCloudApiBlock(c.code) && (graph || (underError && (webhook || wa)));
        } else {
          ok = known && (graph || (underError && wa) || ((bsp || webhook) && (wa || titledByMessage(frame, c.code, env, text)) && c.key !== 'code'));
        }
        break;
      case 'subcode':
        // Subcodes share no numbering with codes below 10000 (463 is "session expired"), so only distinctive ones count.
        ok = known && strong && (graph || underError || wa);
        break;
      case 'hash':
        ok = known && (strong || (c.prose === true && (graph || underError || wa)));
        break;
      case 'list':
        ok = known && (strong || wa);
        break;
      case 'numkey':
        ok = known && strong && (wa || frame.numKeys >= 2);
        break;
    }
    if (ok) out.push({ kind: 'error-code', start: c.start, end: c.end, code: c.code });
  }
}

/**
 * Walk one JSON value starting at `from` (a `{` or `[`), stopping when it closes or at `to`.
 * Returns the offset just past what was walked.
 */
export function walkJson(text: string, from: number, to: number, env: JsonEnv): number {
  const frames: Frame[] = [];
  let untracked = 0; // open containers beyond MAX_DEPTH
  let expectKey = false;
  let lastKey = '';
  let i = from;

  const top = (): Frame | undefined => (untracked > 0 ? undefined : frames[frames.length - 1]);
  const add = (f: Frame, c: Cand): void => {
    (f.cands ??= []).push(c);
  };
  /** The key a value at the current position belongs to. */
  const valueKey = (f: Frame): string => (f.array ? f.key : lastKey);

  /** Record `(#N)` occurrences inside the string `text[s, e)`. */
  const hashesIn = (f: Frame, s: number, e: number): void => {
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
        add(f, { kind: 'hash', key: '', code, start: nextHash + 2, end: j, prose });
      }
      nextHash = text.indexOf('(#', nextHash + 2);
    }
    env.nextHash = nextHash;
  };

  const onKey = (f: Frame, s: number, e: number): void => {
    lastKey = e - s <= MAX_KEY ? lowerKey(text, s, e) : '~';
    f.flags |= KEY_FLAGS.get(lastKey) ?? 0;
    const code = isDigitCode(text.charCodeAt(s)) ? digitsValue(text, s, e) : -1;
    if (code >= 0) {
      f.numKeys += 1;
      add(f, { kind: 'numkey', key: '', code, start: s, end: e });
    }
  };

  const onValueDigits = (f: Frame, s: number, e: number): void => {
    const code = digitsValue(text, s, e);
    if (code < 0) return;
    const key = valueKey(f);
    if (f.array) {
      if (isCodesName(key)) add(f, { kind: 'list', key, code, start: s, end: e });
    } else if (SUBCODE_KEYS.has(key)) add(f, { kind: 'subcode', key, code, start: s, end: e });
    else if (CODE_KEYS.has(key)) add(f, { kind: 'code', key, code, start: s, end: e });
  };

  const onString = (f: Frame, s: number, e: number): void => {
    const key = valueKey(f);
    if (!f.array && key === 'type' && e - s <= 60 && text.slice(s, e).includes('Exception')) f.flags |= F_GRAPH;
    if (!f.array && MESSAGE_KEYS.has(key) && (f.messages?.length ?? 0) < 2 * MAX_MESSAGES) (f.messages ??= []).push(s, e);
    if (text.charCodeAt(s) === 40 /* ( */ && text.charCodeAt(s + 1) === 35 /* # */) f.flags |= F_GRAPH;
    if (e - s <= 7) onValueDigits(f, s, e);
    hashesIn(f, s, e);
  };

  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const parent = top();
      if (frames.length >= MAX_DEPTH || untracked > 0) untracked++;
      else frames.push({ array: c === 91, key: parent ? valueKey(parent) : '', flags: 0, cands: undefined, numKeys: 0, messages: undefined });
      expectKey = c === 123;
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (untracked > 0) untracked--;
      else {
        const f = frames.pop();
        if (f) decide(f, env, text);
        if (frames.length === 0) return i + 1;
      }
      expectKey = false;
      i++;
    } else if (c === 44 /* , */) {
      const f = top();
      expectKey = f !== undefined && !f.array;
      i++;
    } else if (c === 58 /* : */) {
      expectKey = false;
      i++;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const end = Math.min(stringEnd(text, i, c, env), to);
      const f = top();
      if (f) {
        if (expectKey && !f.array) onKey(f, i + 1, end);
        else onString(f, i + 1, end);
      }
      i = end + 1;
    } else if (isDigitCode(c) || c === 45 /* - */) {
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isDigitCode(d) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
        else break;
      }
      const f = top();
      if (f && c !== 45) {
        if (expectKey && !f.array) onKey(f, i, j);
        else onValueDigits(f, i, j);
      }
      i = j;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const nl = text.slice(i, to).indexOf('\n');
      i = nl === -1 ? to : i + nl;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      // Sliced so that an unclosed comment costs the walked range only.
      const close = text.slice(i + 2, to).indexOf('*/');
      i = close === -1 ? to : i + 2 + close + 2;
    } else if (isWordCode(c)) {
      let j = i + 1;
      while (j < to && isWordCode(text.charCodeAt(j))) j++;
      const f = top();
      if (f && expectKey && !f.array) onKey(f, i, j);
      i = j;
    } else if (c === 61 /* = */ && text.charCodeAt(i + 1) === 62 /* > */) {
      expectKey = false;
      i += 2;
    } else {
      i++;
    }
  }
  // Truncated input: judge what is open, innermost first.
  for (let k = frames.length - 1; k >= 0; k--) decide(frames[k] as Frame, env, text);
  return to;
}

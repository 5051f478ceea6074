import type { Catalog } from '../catalog/catalog';
import type { CancelToken, LanguageFamily } from '../types';
import { isDistinctive } from './names';

/**
 * What every rule of the source detector reads around a number: the scan's state, the bounded
 * windows (a few neighbouring lines, the line that opens a multi-line list, the switch above), and
 * the expression before or after an operator. Every read stays within BACK_REACH before the number's
 * line and FORWARD_REACH after it; `rescanCodes` relies on those reaches.
 */

/** Distinctive numbers in a window of neighbouring lines. */
export const NEIGHBOUR_NUMBER = /(?<![\w$.])(?:\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/g;

/** How much of the line on each side of a number is looked at. */
export const WINDOW = 160;

/** How far from a number the neighbouring lines of a list or map are read (each way). */
export const NEAR_CHARS = 800;

/**
 * The farthest any check reads before a number's line (the subject of a `switch` above it) and
 * after the number (`nearLines`). Every window below stays within these; `rescanCodes` relies on
 * them to re-judge only the numbers an edit can affect.
 */
export const BACK_REACH = 2500;

export const FORWARD_REACH = NEAR_CHARS;

/** Lines a small code may borrow evidence from (neighbouring list items, object siblings). */
export const NEAR_LINES = 4;

export interface SourceScan {
  readonly text: string;
  readonly family: LanguageFamily;
  readonly catalog: Catalog;
  /** The file is about WhatsApp / Graph errors (keywords, or distinctive codes found). */
  wa: boolean;
  /**
   * What the file said about itself before the scan (its keywords), unlike `wa`, which distinctive
   * codes found on the way also set. A distinctive number in a file without it needs an error-ish name.
   */
  readonly fileWa: boolean;
  readonly token?: CancelToken;
  /**
   * Only numbers starting in `[from, to]` are judged (the rest of the text is still read as their
   * context); `from` must be a line start. A re-scan after an edit uses it for the edited window.
   */
  readonly from?: number;
  readonly to?: number;
  /**
   * A distinctive code was found after `to` (a windowed re-scan): the file is about WhatsApp even if
   * the window shows nothing, so small codes deferred in the window are judged at the end.
   */
  readonly waLater?: boolean;
  /** Set by a rule whose answer would be yes in a file about WhatsApp (see `scanSource`'s deferred verdicts). */
  yesIfWa?: boolean;
}

/** Lines around a position, bounded in characters around `at` (a long line is not read whole) and from below by `floor`. */
export function nearLines(text: string, lineStart: number, lineEnd: number, lines = NEAR_LINES, at = lineStart, floor = 0): string {
  let s = lineStart;
  for (let k = 0; k < lines && s > 0 && lineStart - s < NEAR_CHARS; k++) {
    const p = text.lastIndexOf('\n', s - 2);
    s = p === -1 ? 0 : p + 1;
  }
  let e = lineEnd;
  for (let k = 0; k < lines && e < text.length && e - lineEnd < NEAR_CHARS; k++) {
    const p = text.indexOf('\n', e + 1);
    e = p === -1 ? text.length : p;
  }
  return text.slice(Math.max(s, lineStart - NEAR_CHARS, at - NEAR_CHARS, floor), Math.min(e, lineEnd + NEAR_CHARS, at + NEAR_CHARS));
}

/** Another distinctive catalog code within a few lines (a list or map of codes). */
export function hasCodeNearby(scan: SourceScan, window: string, self: number): boolean {
  NEIGHBOUR_NUMBER.lastIndex = 0;
  for (let m = NEIGHBOUR_NUMBER.exec(window); m; m = NEIGHBOUR_NUMBER.exec(window)) {
    const n = Number(m[0].replace(/_/g, ''));
    if (n !== self && isDistinctive(n) && scan.catalog.has(n)) return true;
  }
  return false;
}

/** Constants or enum members assigned distinctive catalog codes within a few lines. */
export function hasAssignedCodeNearby(scan: SourceScan, window: string, self: number, re = /[A-Za-z_]\w*\s*(?::\s*\w+\s*)?=\s*(\d{5,7}|\d{1,3}(?:_\d{3})+)(?![\w])/g): boolean {
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const n = Number((m[1] as string).replace(/_/g, ''));
    if (n !== self && isDistinctive(n) && scan.catalog.has(n)) return true;
  }
  return false;
}

/** The head of a function's parameter list, up to its `(`. */
export const PARAMETER_LIST = /\b(?:function|def|fun|func|constructor|__construct|__init__|init)\b[^;{}]*\($|\b(?:function|def|fun|func|constructor|__construct|__init__)\s*\w*\s*\([^()]*$/;

/**
 * The text before the bracket that opens the multi-line list a line is in (its line, up to the
 * bracket), or '' when no unclosed bracket is found within reach above (or it is not `only`).
 */
export function openerLineHead(text: string, lineStart: number, only?: number): string {
  const from = Math.max(0, lineStart - Math.min(1500, BACK_REACH));
  let depth = 0;
  for (let i = lineStart - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) {
        if (only !== undefined && c !== only) return '';
        let start = text.lastIndexOf('\n', i - 1) + 1;
        // A bracket alone on its line (C# and Allman style) belongs to the line above: `Retryable = new HashSet<int>`.
        if (start > 0 && /^\s*$/.test(text.slice(start, i))) return text.slice(Math.max(text.lastIndexOf('\n', start - 2) + 1, i - 160), i).trimEnd();
        return text.slice(Math.max(start, i - 160), i);
      }
      depth--;
    }
  }
  return '';
}

/** Characters of a member expression: word chars and `$ . > - ? : ' "`. */
export function isExprChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 || c === 62 || c === 45 || c === 63 || c === 58 || c === 39 || c === 34;
}

/** Characters of a dotted name: word chars, `$` and `.`. */
export function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46;
}

/** The expression just before an operator at the end of `s`: `err.response.data.error.code`, `$e->getCode()`. */
export function exprBefore(s: string): string {
  let i = s.length;
  let depth = 0;
  while (i > 0) {
    const ch = s[i - 1] as string;
    if (ch === ')' || ch === ']') depth++;
    else if ((ch === '(' || ch === '[') && depth > 0) depth--;
    else if (depth === 0 && !isExprChar(ch.charCodeAt(0))) break;
    if (depth === 0 && ch === '-' && s[i] !== '>') break;
    i--;
    if (s.length - i > 120) break;
  }
  return s.slice(i).replace(/^[>:\-?.]+/, '');
}

/** The expression just after an operator at the start of `s`. */
export function exprAfter(s: string): string {
  const m = /^\s*([\w$.\->?'"[\]]{1,120}(?:\(\s*\))?)/.exec(s);
  return m ? (m[1] as string) : '';
}

/** The subject of the nearest `switch (...)` / `when (...)` / Ruby `case ...` above the line. */
export function switchSubject(text: string, lineStart: number): string {
  const stop = Math.max(0, lineStart - BACK_REACH);
  let subject = '';
  // perf: the nearest line above that opens a switch, read line by line upwards (not every `when` of
  // the window, as one pass over it would).
  for (let end = lineStart - 1; end > stop && subject === ''; ) {
    const start = Math.max(stop, text.lastIndexOf('\n', end - 1) + 1);
    const line = text.slice(start, end);
    end = start - 1;
    if (!/switch|when|match|case/.test(line)) continue;
    SUBJECT.lastIndex = 0;
    // (a `case X:` label is not a subject: only Ruby's `case error.code` line, which ends without `:`)
    // (nor a Ruby `when X, 131_051` arm: only Kotlin's `when (x)` names a subject)
    for (let m = SUBJECT.exec(line); m; m = SUBJECT.exec(line)) if ((!/^case\b/.test(m[0]) || !/:\s*$/.test(m[1] as string)) && !/^when\b[ \t]*[^(\s]/.test(m[0])) subject = m[1] as string;
  }
  subject = subject.replace(/\s*(?:\{|:|\bthen\b|\bdo\b)?\s*$/, '');
  // Drop the `)` that closes `switch (`, keep the one of `getCode()`.
  const unbalanced = (subject.match(/\)/g)?.length ?? 0) > (subject.match(/\(/g)?.length ?? 0);
  return unbalanced ? subject.replace(/\)\s*$/, '') : subject;
}

/** A switch's head and its subject, on one line. */
const SUBJECT = /\b(?:switch|when|match|case|select\s+case)\b[ \t]*\(?[ \t]*([A-Za-z_$@][^\n{]{0,100})/g;

/** Identifiers that are keywords or types, not the name of the thing assigned. */
export const NOT_A_NAME = /^(?:const|let|var|val|static|final|readonly|public|private|protected|internal|int|long|short|Int|Long|number|Integer|int32|int64|uint|def|new|return|this|self|type|enum|case|new|late|override|open|object|final|get|set|Final|ClassVar)$/;

/** The names on the left of an assignment or property: `const REENGAGEMENT_ERROR: number` -> [REENGAGEMENT_ERROR]. */
export function assignedNames(lhs: string): string[] {
  const cut = Math.max(lhs.lastIndexOf(','), lhs.lastIndexOf(';'), lhs.lastIndexOf('('), lhs.lastIndexOf('{'), lhs.lastIndexOf('['));
  const part = lhs.slice(cut + 1);
  const names = (part.match(/[A-Za-z_$][\w$]*/g) ?? []).map((n) => n.replace(/^\$/, ''));
  return names.filter((n) => n && !NOT_A_NAME.test(n));
}

/** Find the unmatched opening bracket before the end of `s`: its index, or -1. */
export function openerIndex(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

export interface Ctx {
  readonly scan: SourceScan;
  readonly code: number;
  readonly strong: boolean;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Offset of the number. */
  readonly at: number;
}

/**
 * The subject of the switch, `match` or `when` whose braces enclose the line (`switch (sku) {`),
 * or undefined when the enclosing bracket belongs to something else.
 */
export function enclosingSwitch(text: string, lineStart: number): string | undefined {
  const head = openerLineHead(text, lineStart);
  // (C# switch expressions put the subject first: `ex.Code switch {`)
  const expression = /([\w$.()]+)\s+switch\s*$/.exec(head);
  if (expression) return expression[1] as string;
  const m = /\b(?:switch|match|when|select\s+case)\b\s*\(?\s*([^{}]*?)\s*\)?\s*$/.exec(head);
  return m ? (m[1] as string) : undefined;
}

import type { LanguageFamily } from '../types';

/**
 * A small, forgiving lexer for the code families: it finds string literals, regex literals and
 * comments, which is all the title lint needs. One pass, every character visited once; unknown
 * syntax (heredocs, nested interpolation) degrades to "ordinary code" rather than failing.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A string or regex literal: `start`/`end` include the quotes or slashes, `body*` do not. */
export interface Literal extends Span {
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly regex: boolean;
}

export interface Lexed {
  readonly literals: readonly Literal[];
  readonly comments: readonly Span[];
}

/** Lexing that stopped early: where, and what it found before. */
export interface PartialLex extends Lexed {
  /** The start of the span `stopAt` accepted (not included), or -1 when the text was lexed to its end. */
  readonly stoppedAt: number;
}

interface Syntax {
  readonly slashComments: boolean;
  readonly hashComments: boolean;
  readonly backtick: 'template' | 'raw' | 'none';
  readonly tripleQuotes: boolean;
  readonly regexLiterals: boolean;
}

const SYNTAX: Partial<Record<LanguageFamily, Syntax>> = {
  javascript: { slashComments: true, hashComments: false, backtick: 'template', tripleQuotes: false, regexLiterals: true },
  python: { slashComments: false, hashComments: true, backtick: 'none', tripleQuotes: true, regexLiterals: false },
  go: { slashComments: true, hashComments: false, backtick: 'raw', tripleQuotes: false, regexLiterals: false },
  java: { slashComments: true, hashComments: false, backtick: 'none', tripleQuotes: true, regexLiterals: false },
  kotlin: { slashComments: true, hashComments: false, backtick: 'none', tripleQuotes: true, regexLiterals: false },
  php: { slashComments: true, hashComments: true, backtick: 'none', tripleQuotes: false, regexLiterals: false },
  ruby: { slashComments: false, hashComments: true, backtick: 'none', tripleQuotes: false, regexLiterals: true },
  csharp: { slashComments: true, hashComments: false, backtick: 'none', tripleQuotes: true, regexLiterals: false },
  dart: { slashComments: true, hashComments: false, backtick: 'none', tripleQuotes: true, regexLiterals: false },
};

/** Words after which a `/` starts a regex rather than a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'when', 'if', 'unless', 'and', 'or', 'not', 'elsif', 'while', 'until', 'then']);
/** Punctuation after which a `/` starts a regex: `(`, `,`, `=`, `:`, `[`, `!`, `&`, `|`, `?`, `{`, `}`, `;`, `+`, `-`, `*`, `%`, `<`, `>`, `~`, `^`. */
const REGEX_AFTER_CHAR = new Set([...'(,=:[!&|?{};+-*%<>~^'].map((c) => c.charCodeAt(0)));

const isIdent = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** True when the family is source code this lexer knows. */
export function isCodeFamily(family: LanguageFamily): boolean {
  return SYNTAX[family] !== undefined;
}

/** Literals and comments of a source text, in order. Returns empty lists for non-code families. */
export function lex(text: string, family: LanguageFamily): Lexed {
  return lexFrom(text, family, 0);
}

/**
 * `lex` from `from`, a position outside every literal and comment (the lexer keeps no state between
 * them, so it reads on from there as it would have from the start), stopping before the first span
 * for which `stopAt` says yes.
 */
export function lexFrom(text: string, family: LanguageFamily, from: number, stopAt?: (span: Span, comment: boolean) => boolean): PartialLex {
  const syntax = SYNTAX[family];
  const literals: Literal[] = [];
  const comments: Span[] = [];
  if (!syntax) return { literals, comments, stoppedAt: -1 };
  const n = text.length;
  const interesting = INTERESTING[family] ?? /["'`/#]/g;
  let i = from;
  let stoppedAt = -1;

  const lineEnd = (from: number): number => {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? n : nl;
  };
  const push = (start: number, bodyStart: number, bodyEnd: number, end: number, regex: boolean): void => {
    const lit = { start, end, bodyStart, bodyEnd, regex };
    if (stopAt?.(lit, false)) stoppedAt = start;
    else literals.push(lit);
  };
  const comment = (start: number, end: number): void => {
    const span = { start, end };
    if (stopAt?.(span, true)) stoppedAt = start;
    else comments.push(span);
  };
  /** Scan a quoted body from `from` until `quote`; returns the index of the closing quote (or where it gave up). */
  const until = (from: number, quote: number, escapes: boolean, multiline: boolean): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === quote) return j;
      if (escapes && c === 92) j += 2;
      else if (c === 10 && !multiline) return j;
      else j++;
    }
    return n;
  };

  // perf: a native regex jumps to the next quote, slash or hash; code in between is never walked char by char.
  while (i < n && stoppedAt === -1) {
    interesting.lastIndex = i;
    // (test, not exec: no match array per token; every pattern here matches one character)
    if (!interesting.test(text)) break;
    i = interesting.lastIndex - 1;
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    // Comments.
    if (syntax.slashComments && c === 47 && next === 47) {
      const e = lineEnd(i);
      comment(i, e);
      i = e;
      continue;
    }
    if (syntax.slashComments && c === 47 && next === 42) {
      const close = text.indexOf('*/', i + 2);
      const e = close === -1 ? n : close + 2;
      comment(i, e);
      i = e;
      continue;
    }
    // PHP 8 attributes `#[...]` are code, not comments.
    if (syntax.hashComments && c === 35 && !(family === 'php' && next === 91)) {
      const e = lineEnd(i);
      comment(i, e);
      i = e;
      continue;
    }
    if (family === 'ruby' && c === 61 && (i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith('=begin', i)) {
      const close = text.indexOf('\n=end', i);
      const e = close === -1 ? n : lineEnd(close + 1);
      comment(i, e);
      i = e;
      continue;
    }
    // Strings.
    if (c === 34 || c === 39 || (c === 96 && syntax.backtick !== 'none')) {
      if (syntax.tripleQuotes && c !== 96 && next === c && text.charCodeAt(i + 2) === c) {
        const q = text.slice(i, i + 3);
        const close = text.indexOf(q, i + 3);
        const e = close === -1 ? n : close + 3;
        push(i, i + 3, close === -1 ? n : close, e, false);
        i = e;
        continue;
      }
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const verbatim = family === 'csharp' && prev === 64; // @"..." : backslashes are literal, "" escapes
      const raw = verbatim || (family === 'dart' && prev === 114 && !isIdent(i > 1 ? text.charCodeAt(i - 2) : 0)) || (c === 96 && syntax.backtick === 'raw');
      // (PHP's and Ruby's quoted strings may span lines: a query written over several)
      const multiline = c === 96 || verbatim || family === 'php' || family === 'ruby';
      let close: number;
      if (verbatim) {
        let j = i + 1;
        for (;;) {
          j = until(j, 34, false, true);
          if (j < n && text.charCodeAt(j + 1) === 34) j += 2;
          else break;
        }
        close = j;
      } else if (c === 96 && syntax.backtick === 'template') {
        close = templateEnd(text, i + 1);
      } else {
        close = until(i + 1, c, !raw, multiline);
      }
      const closed = close < n && text.charCodeAt(close) === c;
      const e = closed ? close + 1 : close;
      push(i, i + 1, close, e, false);
      i = e;
      continue;
    }
    // Regex literals (JS, Ruby) and Ruby's %r{...}.
    if (syntax.regexLiterals && c === 47 && regexMayStart(text, i)) {
      const close = regexEnd(text, i + 1);
      if (close !== -1) {
        let e = close + 1;
        while (e < n && isIdent(text.charCodeAt(e))) e++; // flags
        push(i, i + 1, close, e, true);
        i = e;
        continue;
      }
    }
    if (family === 'ruby' && c === 37 && next === 114 && i + 2 < n) {
      const open = text.charCodeAt(i + 2);
      const closeCh = open === 123 ? 125 : open === 40 ? 41 : open === 91 ? 93 : open === 60 ? 62 : open;
      if (!isIdent(open) && !isSpace(open)) {
        const close = until(i + 3, closeCh, true, true);
        let e = close < n ? close + 1 : n;
        while (e < n && isIdent(text.charCodeAt(e))) e++;
        push(i, i + 3, close, e, true);
        i = e;
        continue;
      }
    }
    i++;
  }
  return { literals, comments, stoppedAt };
}

/** The characters that can start a literal or comment, per family (sticky-free global regexes, reused). */
const INTERESTING: Partial<Record<LanguageFamily, RegExp>> = {
  javascript: /["'`/]/g,
  python: /["'#]/g,
  go: /["'`/]/g,
  java: /["'/]/g,
  kotlin: /["'/]/g,
  php: /["'#/]/g,
  ruby: /["'#/%=]/g,
  csharp: /["'/]/g,
  dart: /["'/]/g,
};

/**
 * Whether a `/` at `i` can start a regex: it follows an operator, an opening bracket, a keyword
 * such as `return`, or nothing. Looks back over spaces only (bounded).
 */
function regexMayStart(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (next === 47 || next === 42) return false;
  let j = i - 1;
  const stop = Math.max(0, i - 200);
  while (j >= stop && isSpace(text.charCodeAt(j))) j--;
  if (j < stop) return true;
  const c = text.charCodeAt(j);
  if (REGEX_AFTER_CHAR.has(c)) return true;
  if (!isIdent(c) && c !== 63 && c !== 33) return false;
  let k = j;
  while (k > stop && isIdent(text.charCodeAt(k - 1))) k--;
  return REGEX_AFTER_WORD.has(text.slice(k, j + 1));
}

/** End of a JS template literal body (index of the closing backtick), skipping `${...}` by brace depth. */
function templateEnd(text: string, from: number): number {
  const n = text.length;
  let depth = 0;
  for (let j = from; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (depth === 0 && c === 96) return j;
    else if (c === 36 && text.charCodeAt(j + 1) === 123) {
      depth++;
      j++;
    } else if (depth > 0 && c === 125) depth--;
    else if (depth > 0 && c === 123) depth++;
  }
  return n;
}

/** End of a regex literal body (index of the closing slash) on the same line, or -1. */
function regexEnd(text: string, from: number): number {
  const n = text.length;
  let inClass = false;
  for (let j = from; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) return -1;
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) return j > from ? j : -1;
  }
  return -1;
}

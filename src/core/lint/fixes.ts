import type { Catalog } from '../catalog/catalog';
import type { Finding, LanguageFamily } from '../types';
import { lex, type Lexed } from './lexer';
import { DIRECTIVE, lineCommentToken } from './suppress';
import { looksLikeSqlScript } from './sqlScript';
import { maskText } from './titleScan';
import { chainStart, enclosingOpen, matchingClose } from './usage';
import { codeAccessor } from './codeAccessor';

export { codeAccessor } from './codeAccessor';

/** A replacement of `text.slice(start, end)` by `newText` (UTF-16 offsets into the scanned text). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A quick fix for a `title-match` finding. */
export interface Fix {
  readonly title: string;
  readonly kind: 'rewrite' | 'suppress';
  readonly isPreferred?: boolean;
  readonly edits: readonly TextEdit[];
}

/**
 * Quick fixes for title matches. A rewrite replaces the whole condition (the call or comparison
 * around the literal) by a comparison of the error code, but only where the error object is
 * evident from the text: `err.message.includes(...)` has `err`, `"..." in str(e)` does not.
 */

/** A condition found around the literal: its range, the expression holding the text, and its sense. */
interface Condition {
  readonly start: number;
  readonly end: number;
  /** Source text of the expression the title was looked for in (`err.response.data.error.message`). */
  readonly receiver: string;
  /** True for `!x.includes(...)`, `!==`, `not in`, `indexOf(...) === -1`. */
  readonly negated: boolean;
}

/** Methods called on the error text with the title as argument. */
const TEXT_METHODS = new Set([
  'includes', 'contains', 'Contains', 'include?', 'startsWith', 'StartsWith', 'startswith', 'start_with?', 'endsWith', 'EndsWith', 'endswith',
  'end_with?', 'equals', 'Equals', 'equalsIgnoreCase', 'match', 'match?', 'matches', 'indexOf', 'IndexOf', 'find', 'search', 'containsIgnoreCase',
]);
/** Methods whose result is a position, compared with -1 or 0 to give a boolean. */
const POSITION_METHODS = new Set(['indexOf', 'IndexOf', 'find', 'search', 'strpos', 'stripos', 'mb_strpos', 'mb_stripos', 'Index']);
/** Functions taking (text, title): `strings.Contains(msg, "...")`, `str_contains($msg, '...')`. */
const TEXT_FIRST_FUNCTIONS = /(?:\bstrings\.(?:Contains|HasPrefix|HasSuffix|EqualFold|Index)|\bstr_contains|\bstr_starts_with|\bstr_ends_with|\bstrpos|\bstripos|\bmb_strpos|\bmb_stripos|\bRegex\.IsMatch|\bStringUtils\.(?:contains|containsIgnoreCase|equals|equalsIgnoreCase|startsWith))\s*\($/;
/** Functions taking (pattern, text): `re.search(r"...", msg)`, `preg_match('/.../', $msg)`. */
const PATTERN_FIRST_FUNCTIONS = /(?:\bre\.(?:search|match|fullmatch)|\bpreg_match|\bregexp\.MatchString)\s*\($/;

/** End of the member chain starting at `from` (after spaces): `e["message"]`, `err.Error()`, `str(e)`. */
function chainEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  const limit = Math.min(s.length, i + 200);
  const begin = i;
  while (i < limit) {
    const c = s[i] as string;
    if (/[\w$]/.test(c) || c === '.' || (c === '?' && s[i + 1] === '.') || (c === '!' && s[i + 1] === '!')) i++;
    else if ((c === '-' && s[i + 1] === '>') || (c === ':' && s[i + 1] === ':')) i += 2;
    else if (c === '(' || c === '[') {
      if (i === begin && c === '[') break;
      const close = matchingClose(s, i, limit);
      if (close === -1) break;
      i = close + 1;
    } else break;
  }
  return i;
}

const skipSpaces = (s: string, i: number): number => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
};

/** A comparison that follows a position or boolean call: `!== -1`, `>= 0`, `== true`, `!== false`. */
function trailingTest(s: string, from: number, kind: 'position' | 'boolean' | 'php-position'): { end: number; negated: boolean } | undefined {
  const rest = s.slice(from, from + 40);
  const m = /^\s*(===?|!==?|>=?|<=?)\s*(-1|0|true|false)\b/.exec(rest);
  if (!m) return kind === 'boolean' ? { end: from, negated: false } : undefined;
  const [, op, val] = m as unknown as [string, string, string];
  const end = from + m[0].length;
  if (kind === 'position') {
    if ((op === '!==' || op === '!=' || op === '>') && val === '-1') return { end, negated: false };
    if (op === '>=' && val === '0') return { end, negated: false };
    if ((op === '===' || op === '==') && val === '-1') return { end, negated: true };
    if (op === '<' && val === '0') return { end, negated: true };
    return undefined;
  }
  if (kind === 'php-position') {
    if ((op === '!==' || op === '!=') && val === 'false') return { end, negated: false };
    if ((op === '===' || op === '==') && val === 'false') return { end, negated: true };
    return undefined;
  }
  if ((op === '==' || op === '===') && val === 'true') return { end, negated: false };
  if ((op === '==' || op === '===') && val === 'false') return { end, negated: true };
  if ((op === '!=' || op === '!==') && val === 'true') return { end, negated: true };
  if ((op === '!=' || op === '!==') && val === 'false') return { end, negated: false };
  return undefined;
}

/** A `!` right before `start` (not `!=`): the condition is negated and the `!` becomes part of it. */
function bang(s: string, start: number): number {
  let j = start;
  while (j > 0 && (s[j - 1] === ' ' || s[j - 1] === '\t')) j--;
  return j > 0 && s[j - 1] === '!' ? j - 1 : -1;
}

/** The condition around a title literal at [ls, le) in the masked text `s` (with the original `text` for receivers). */
function conditionAt(text: string, s: string, ls: number, le: number, family: LanguageFamily, regex: boolean): Condition | undefined {
  const lineStart = s.lastIndexOf('\n', ls - 1) + 1;
  const left = s.slice(Math.max(lineStart, ls - 300), ls);
  const leftStart = ls - left.length;
  const afterLit = skipSpaces(s, le);
  const withBang = (start: number, end: number, receiver: string, negated: boolean): Condition => {
    const b = bang(s, start);
    return b === -1 ? { start, end, receiver, negated } : { start: b, end, receiver, negated: !negated };
  };

  // `RECV.method(LIT ...)` and Ruby `RECV.include? LIT`.
  const call = /(?:\?\.|\.)\s*([A-Za-z_]\w*[?]?)\s*(\(\s*)?$/.exec(left);
  if (call && TEXT_METHODS.has(call[1] as string) && (call[2] !== undefined || family === 'ruby')) {
    const dot = leftStart + call.index;
    const recvStart = chainStart(s, dot);
    if (recvStart >= dot) return undefined;
    let end = le;
    if (call[2] !== undefined) {
      const close = matchingClose(s, leftStart + left.lastIndexOf('('), le + 300);
      if (close === -1) return undefined;
      // Only the literal and flags may follow it inside the call (`, ignoreCase = true`, `, StringComparison.OrdinalIgnoreCase`).
      if (!/^\s*(?:,[^()]*)?$/.test(s.slice(le, close))) return undefined;
      end = close + 1;
    }
    const method = call[1] as string;
    const kind = POSITION_METHODS.has(method) ? 'position' : 'boolean';
    const t = trailingTest(s, end, kind);
    if (!t) return undefined;
    if (family === 'kotlin' && s.slice(dot, dot + 2) === '?.' && t.end === end) return undefined; // Boolean? needs `== true`
    return withBang(recvStart, t.end, text.slice(recvStart, dot), t.negated);
  }

  // `FN(RECV, LIT)` with the text first, or `FN(LIT, RECV)` with the pattern first.
  const openAbs = enclosingOpen(s, ls);
  const open = openAbs >= leftStart && s[openAbs] === '(' ? openAbs - leftStart : -1;
  if (open !== -1) {
    const callHead = left.slice(0, open + 1);
    const fnText = TEXT_FIRST_FUNCTIONS.exec(callHead);
    const fnPattern = PATTERN_FIRST_FUNCTIONS.exec(callHead);
    const fn = fnText ?? fnPattern;
    if (fn) {
      const openAt = leftStart + open;
      const close = matchingClose(s, openAt, le + 300);
      if (close === -1) return undefined;
      const args = topLevelArgs(s, openAt, close);
      const litArg = args.findIndex(([a, b]) => a <= ls && le <= b);
      const recvArg = args[fnText ? 0 : 1];
      if (litArg !== (fnText ? 1 : 0) || !recvArg) return undefined;
      const receiver = text.slice(recvArg[0], recvArg[1]);
      const start = leftStart + fn.index + (/^\s/.test(fn[0]) ? 1 : 0);
      const name = fn[0].replace(/\s*\($/, '').replace(/^.*\./, '');
      const t = trailingTest(s, close + 1, /pos$/.test(name) ? 'php-position' : name === 'Index' ? 'position' : 'boolean');
      if (!t) return undefined;
      return withBang(start, t.end, receiver.trim(), t.negated);
    }
  }

  // JS `/re/.test(RECV)`.
  if (regex && /^\.test\s*\(/.test(s.slice(le))) {
    const openAt = s.indexOf('(', le);
    const close = matchingClose(s, openAt, openAt + 300);
    if (close === -1) return undefined;
    return withBang(ls, close + 1, text.slice(openAt + 1, close).trim(), false);
  }

  // Yoda calls: `"...".equals(RECV)`.
  const yoda = /^\.(?:equals|equalsIgnoreCase|Equals)\s*\(/.exec(s.slice(le, le + 30));
  if (yoda) {
    const openAt = le + yoda[0].length - 1;
    const close = matchingClose(s, openAt, openAt + 300);
    if (close === -1) return undefined;
    return withBang(ls, close + 1, text.slice(openAt + 1, close).trim(), false);
  }

  // `RECV op LIT`.
  const cmpLeft = /([\w$)\]'"]|!!)\s*(===?|!==?|=~|!~)\s*$/.exec(left);
  if (cmpLeft) {
    const recvEnd = leftStart + cmpLeft.index + (cmpLeft[1] as string).length;
    const recvStart = chainStart(s, recvEnd);
    if (recvStart >= recvEnd) return undefined;
    const op = cmpLeft[2] as string;
    return { start: recvStart, end: le, receiver: text.slice(recvStart, recvEnd), negated: op.startsWith('!') };
  }
  // `LIT op RECV`, Python/Kotlin `LIT in RECV`.
  const cmpRight = /^(===?|!==?|(?:not\s+)?in\b|!in\b)\s*/.exec(s.slice(afterLit, afterLit + 20));
  if (cmpRight) {
    const op = cmpRight[1] as string;
    if (/in\b/.test(op) && family !== 'python' && family !== 'kotlin') return undefined;
    const recvStart = afterLit + cmpRight[0].length;
    const recvEnd = chainEnd(s, recvStart);
    if (recvEnd <= recvStart) return undefined;
    return withBang(ls, recvEnd, text.slice(recvStart, recvEnd), op.startsWith('!') || op.startsWith('not'));
  }
  return undefined;
}

/** The arguments of the call whose parentheses are at `open` and `close`, as ranges, split at top-level commas. */
function topLevelArgs(s: string, open: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let from = open + 1;
  for (let j = open + 1; j < close; j++) {
    const c = s[j];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push([from, j]);
      from = j + 1;
    }
  }
  out.push([from, close]);
  return out;
}

/** Whether a replacement needs parentheses to keep its meaning between its neighbours. */
function needsParens(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).replace(/[ \t]+$/, '');
  const after = text.slice(end, end + 12).replace(/^[ \t]+/, '');
  const safeBefore = before === '' || /(?:[(,;={[?:]|&&|\|\||\b(?:if|elif|return|and|or|while|unless|when|then)|\n)$/.test(before);
  const safeAfter = after === '' || /^(?:[),;}\]:?{]|&&|\|\||\b(?:and|or|then|do)\b|\r?\n|$)/.test(after);
  return !(safeBefore && safeAfter);
}

const EQ: Partial<Record<LanguageFamily, [string, string]>> = {
  javascript: ['===', '!=='],
  php: ['===', '!=='],
};

/** `acc === N` / `acc != N` in the family's idiom. */
function single(acc: string, code: number, negated: boolean, family: LanguageFamily): string {
  const [eq, ne] = EQ[family] ?? ['==', '!='];
  return `${acc} ${negated ? ne : eq} ${code}`;
}

/** A test of `acc` against several codes in the family's idiom. */
function anyOf(acc: string, codes: readonly number[], negated: boolean, family: LanguageFamily): string {
  const list = codes.join(', ');
  const not = negated ? '!' : '';
  switch (family) {
    case 'javascript':
      return `${not}[${list}].includes(${acc})`;
    case 'python':
      return `${acc} ${negated ? 'not in' : 'in'} (${list})`;
    case 'kotlin':
      return `${acc} ${negated ? '!in' : 'in'} setOf(${list})`;
    case 'php':
      return `${not}in_array(${acc}, [${list}], true)`;
    case 'ruby':
    case 'dart':
      return `${not}[${list}].${family === 'ruby' ? 'include?' : 'contains'}(${acc})`;
    case 'java':
      return `${not}java.util.Set.of(${list}).contains(${acc})`;
    case 'csharp':
      return negated ? `${acc} is not (${codes.join(' or ')})` : `${acc} is ${codes.join(' or ')}`;
    default:
      return `(${codes.map((c) => `${acc} ${negated ? '!=' : '=='} ${c}`).join(negated ? ' && ' : ' || ')})`;
  }
}

/** The suppression fix: a directive comment on its own line above the finding, same indentation. */
function suppressionFix(text: string, finding: Finding, family: LanguageFamily): Fix {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${family === 'text' && looksLikeSqlScript(text) ? '--' : lineCommentToken(family)} ${DIRECTIVE}-next-line`;
  // A directive limited to other codes right above: add these codes to it rather than stacking another.
  const prevEnd = lineStart - 1 - (text[lineStart - 2] === '\r' ? 1 : 0);
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = text.slice(prevStart, Math.max(prevStart, prevEnd));
    if (/^\s*(?:\/\/|#|--)\s*wa-errors-disable-next-line(?:[\s,]+\d{1,9})+\s*$/.test(prev)) {
      const end = prevStart + prev.trimEnd().length;
      return { title: `Suppress with ${comment}`, kind: 'suppress', edits: [{ start: end, end, newText: ` ${(finding.codes ?? []).join(' ')}` }] };
    }
  }
  return { title: `Suppress with ${comment}`, kind: 'suppress', edits: [{ start: lineStart, end: lineStart, newText: `${indent}${comment}${eol}` }] };
}

/** The last text lexed for fixes: a code-action request asks for every finding of one document in a row. */
let memo: { text: string; family: LanguageFamily; lexed: Lexed; masked: string } | undefined;

function prepared(text: string, family: LanguageFamily): { lexed: Lexed; masked: string } {
  if (memo?.text !== text || memo.family !== family) {
    const lexed = lex(text, family);
    memo = { text, family, lexed, masked: maskText(text, lexed) };
  }
  return memo;
}

/** Quick fixes for one `title-match` finding: code rewrites where the shape is clear (best first), then suppression. */
export function fixesFor(text: string, finding: Finding, family: LanguageFamily, _catalog: Catalog): Fix[] {
  const codes = finding.codes ?? [];
  if (finding.kind !== 'title-match' || codes.length === 0 || finding.start < 0 || finding.end > text.length || finding.start >= finding.end) return [];
  const fixes: Fix[] = [];
  const { lexed, masked } = prepared(text, family);
  const lit = lexed.literals.find((l) => l.start === finding.start && l.end === finding.end);
  const cond = lit ? conditionAt(text, masked, lit.start, lit.end, family, lit.regex) : undefined;
  const acc = cond ? codeAccessor(cond.receiver) : undefined;
  if (cond && acc) {
    const wrap = (expr: string): string => (needsParens(text, cond.start, cond.end) ? `(${expr})` : expr);
    const edit = (expr: string): TextEdit[] => [{ start: cond.start, end: cond.end, newText: wrap(expr) }];
    if (codes.length > 1) {
      const expr = anyOf(acc, codes, cond.negated, family);
      fixes.push({ title: `Compare the error code instead: ${expr}`, kind: 'rewrite', isPreferred: true, edits: edit(expr) });
    }
    for (const code of codes) {
      const expr = single(acc, code, cond.negated, family);
      fixes.push({ title: `Compare the error code instead: ${expr}`, kind: 'rewrite', isPreferred: codes.length === 1, edits: edit(expr) });
    }
  }
  // (JSON has no comments to hold a directive; JSONC's are not told apart from it here)
  if (family !== 'json') fixes.push(suppressionFix(text, finding, family));
  return fixes;
}

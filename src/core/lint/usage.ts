import type { LanguageFamily } from '../types';
import type { BracketPairs } from './brackets';
import type { Literal } from './lexer';

/**
 * Is a literal used to match error text? The checks read the code around the literal in the
 * masked text (string bodies and comments blanked, same offsets), so quotes and brackets inside
 * other strings never mislead them. Every window is bounded; name look-ups use `indexOf` and stop
 * after a fixed number of uses.
 */

export interface UseSite {
  /** The code the literal is compared with (for deciding whether it is error text). */
  readonly subject: string;
}

export interface UsageScan {
  readonly text: string;
  readonly masked: string;
  readonly family: LanguageFamily;
  /** Per-scan memo of how named collections are used (a map of 50 titles is looked up once). */
  readonly collections?: Map<string, string | undefined>;
  /** Where each bracket of `masked` closes, paired once per scan. */
  readonly pairs: BracketPairs;
  /** Per-scan memo of the bracket enclosing each literal start (see `enclosingOpen`). */
  readonly opens?: Map<number, number>;
}

const WINDOW = 300;
/** How far back a literal may sit from the bracket that opens its list or map. */
const COLLECTION_WINDOW = 4000;
const MAX_NAME_USES = 50;
/** How much of a line on each side of a position is ever looked at. */
const LINE_REACH = 1000;

/** Calls whose string argument is matched against another string (or compiled into a pattern). */
const MATCH_CALLS = new Set([
  'includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'contains', 'Contains', 'containsIgnoreCase', 'ContainsIgnoreCase',
  'include?', 'start_with?', 'end_with?', 'match', 'match?', 'matches', 'matchAll', 'search', 'equals', 'Equals', 'equalsIgnoreCase',
  'contentEquals', 'StartsWith', 'EndsWith', 'IndexOf', 'HasPrefix', 'HasSuffix', 'EqualFold', 'Index', 'str_contains', 'str_starts_with',
  'str_ends_with', 'strpos', 'stripos', 'strstr', 'stristr', 'mb_strpos', 'mb_stripos', 'preg_match', 'preg_match_all', 'RegExp', 'compile',
  'fullmatch', 'findall', 'finditer', 'MustCompile', 'MatchString', 'Compile', 'IsMatch', 'Regex', 'startswith', 'endswith', 'find',
  '__contains__', 'containsMatchIn', 'isMatch', 'contains_key?', 'Match', 'Matches', 'compare', 'Compare', 'localeCompare', 'CompareOrdinal',
]);

/** A `new(...)` that builds a regex: C# target-typed `Regex Name = new(`, `Regex? Name = new (`; Ruby `Regexp.new(`. */
const REGEX_NEW = /(?:\bRegex\??[ \t]+[A-Za-z_]\w*[ \t]*=[ \t]*|\bRegexp[ \t]*\.[ \t]*)new[ \t]*$/;

/** Membership tests on a collection of strings: `TITLES.includes(err.title)`, `%w[...].include?(t)`. */
const MEMBERSHIP_USE = /^\s*(?:\?\.|\.|->)\s*(?:includes|include\?|contains|Contains|has|indexOf|IndexOf|member\?)(?!\w)/;
/** Walks over a collection whose callback may test each item: `.some(p => msg.includes(p))`. */
const ITERATE_USE = /^\s*(?:\?\.|\.|->)\s*(?:some|any\??|Any|find|filter|Where|Exists|all|each|forEach|detect|select|firstOrNull|find_index|index|count|join)(?!\w)/;
/** Loops or helpers that walk a collection by name: `for p in NAME`, `range NAME`, `Object.keys(NAME)`. */
const WALKS_BEFORE = /(?:\bin|\bof|:|\brange|\bforeach\s*\(|\bkeys\(|\bentries\(|\bvalues\(|\bitems\(|in_array\([^()]{1,80},|array_key_exists\([^()]{1,80},|Regex\.union\(|any\(|all\()\s*\$?$/;
/** A matching operation, for the lines that follow a loop over a collection of titles. */
const MATCH_NEARBY = /\.(?:includes|contains|Contains|include\?|startsWith|StartsWith|startswith|test|match|search|indexOf|IndexOf)\s*\(|\b(?:str_contains|strpos|stripos|preg_match|strings\.Contains|strings\.HasPrefix|re\.search|re\.match|Regex\.IsMatch)\s*\(|=~|\bin\s+[\w$.[\]'"()]+|===?|RegExp\s*\(/;
/** Lookups in a map by key. */
const KEYED_USE = /^(?:\s*\?\.)?\s*(?:\[(?!\s*\d)|(?:\.|->)\s*(?:get|fetch|has|has_key\?|key\?|TryGetValue|ContainsKey|containsKey|getOrDefault|getOrElse|GetValueOrDefault|get_or)(?!\w))/;

/** Expressions that hold error text. */
const ERRORISH = /err|exc|\bex\b|\be\b|\$e\b|message|msg|title|detail|reason|descr|cause|fail|problem|fault|getmessage|what\(\)/i;

export function isErrorish(expr: string): boolean {
  return ERRORISH.test(expr);
}

/** Start of the member chain ending at `end` (`err.response?.data["error"].message`, `$e->getMessage()`). */
export function chainStart(s: string, end: number, limit = 200): number {
  let i = end;
  const stop = Math.max(0, end - limit);
  while (i > stop) {
    const c = s.charCodeAt(i - 1);
    if (c === 41 || c === 93) {
      const open = matchingOpen(s, i - 1, stop);
      if (open === -1) break;
      i = open;
      continue;
    }
    if (isWordChar(c) || c === 46 || c === 36) {
      i--;
      continue;
    }
    if (c === 63 && s.charCodeAt(i) === 46) {
      i--; // `?.`
      continue;
    }
    if ((c === 62 && s.charCodeAt(i - 2) === 45) || (c === 58 && s.charCodeAt(i - 2) === 58)) {
      i -= 2; // `->`, `::`
      continue;
    }
    if (c === 33 && s.charCodeAt(i) === 46) {
      i--; // Kotlin `!!.`
      continue;
    }
    break;
  }
  // A chain starts with a name, `$name`, or a bracketed expression, never with `.`.
  while (i < end && s.charCodeAt(i) === 46) i++;
  return i;
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;

/** Index of the bracket that opens the one closing at `close`, scanning no further back than `stop`. */
export function matchingOpen(s: string, close: number, stop: number): number {
  let depth = 0;
  for (let j = close; j >= stop; j--) {
    const c = s.charCodeAt(j);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/** Index of the bracket that closes the one opening at `open`, looking no further than `stop`. */
export function matchingClose(s: string, open: number, stop: number): number {
  let depth = 0;
  const end = Math.min(stop, s.length);
  for (let j = open; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/**
 * The unmatched opening bracket before `pos` (within COLLECTION_WINDOW), or -1. With `memo`, the
 * answer for each literal start is remembered, and a scan that reaches an earlier literal of the
 * same list at depth 0 takes its answer: the items of a long list cost one scan, not one each.
 */
export function enclosingOpen(s: string, pos: number, memo?: Map<number, number>): number {
  let depth = 0;
  const stop = Math.max(0, pos - COLLECTION_WINDOW);
  let found = -1;
  for (let j = pos - 1; j >= stop; j--) {
    const c = s.charCodeAt(j);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) {
        found = j;
        break;
      }
      depth--;
    } else if (c === 59 && depth === 0) break; // a statement boundary
    else if (memo && depth === 0 && (c === 34 || c === 39 || c === 96) && memo.has(j)) {
      found = memo.get(j) as number;
      break;
    }
  }
  memo?.set(pos, found);
  return found;
}

/** The name called at an opening parenthesis: `x.includes(` -> `includes`, `strings.Contains(` -> `Contains`. */
function calleeAt(s: string, open: number): string {
  let j = open;
  while (j > 0 && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 9)) j--;
  let k = j;
  if (k > 0 && (s[k - 1] === '?' || s[k - 1] === '!')) k--;
  while (k > 0 && isWordChar(s.charCodeAt(k - 1))) k--;
  return s.slice(k, j);
}

/**
 * The name a collection or map literal opening at `open` is assigned to, or '': `NAME = [`,
 * `NAME := map[string]int{`, `val NAME = mapOf(`, `$NAME = array(`, `NAME: Dict[str, int] = {`,
 * `static final Map<String, X> NAME = Map.of(`, `NAME = new Dictionary<string, int> {`, `NAME = %w[`.
 */
function assignedName(s: string, open: number): string {
  const head200 = s.slice(Math.max(0, open - 200), open);
  const head = head200.slice(head200.lastIndexOf('\n') + 1);
  let eq = -1;
  for (let j = head.length - 1; j >= 0; j--) {
    if (head[j] !== '=') continue;
    const prev = head[j - 1];
    const next = head[j + 1];
    if (next === '=' || next === '>' || prev === '=' || prev === '!' || prev === '<' || prev === '>') continue;
    eq = j;
    break;
  }
  // Between `=` and the bracket only a constructor or builder may stand (`new Map<string, X>`, `Map.of`, `%w`).
  if (eq === -1 || !/^[\w.$<>,[\]\s?%]*(?:\(\s*\)|\()?\s*$/.test(head.slice(eq + 1))) return '';
  let lhs = head.slice(0, eq).trimEnd().replace(/:$/, '');
  const colon = lhs.indexOf(':'); // a type annotation: `NAME: Record<string, Fn>`
  if (colon !== -1) lhs = lhs.slice(0, colon);
  const m = /(\$?[A-Za-z_][\w$]*)\s*$/.exec(lhs);
  return m ? (m[1] as string) : '';
}

/**
 * Positions where NAME occurs as a whole word after the definition, up to MAX_NAME_USES. The
 * text is masked, so uses inside strings and comments are not seen.
 */
function usesOf(s: string, name: string): number[] {
  const out: number[] = [];
  let from = 0;
  while (out.length < MAX_NAME_USES) {
    const at = s.indexOf(name, from);
    if (at === -1) break;
    from = at + name.length;
    const before = at > 0 ? s.charCodeAt(at - 1) : 32;
    const after = s.charCodeAt(at + name.length);
    if (isWordChar(before) || (before === 36 && name[0] !== '$') || isWordChar(after)) continue;
    out.push(at);
  }
  return out;
}

/**
 * The line around `pos`, cut to LINE_REACH characters on each side: on a megabyte-long line, every
 * literal must not rescan the whole line.
 */
function lineBounds(s: string, pos: number): [number, number] {
  const from = Math.max(0, pos - LINE_REACH);
  const back = s.slice(from, pos).lastIndexOf('\n');
  const ahead = s.slice(pos, pos + LINE_REACH).indexOf('\n');
  return [back === -1 ? from : from + back + 1, ahead === -1 ? Math.min(s.length, pos + LINE_REACH) : pos + ahead];
}

/**
 * The code a walk starting at `pos` runs: the rest of its line, and the next two lines when the
 * line opens a block (`{`, `(`, `=>`, `do |x|`, `:`).
 */
function followingLines(s: string, pos: number): string {
  const eol = s.indexOf('\n', pos);
  const line = s.slice(pos, eol === -1 ? s.length : eol);
  if (eol === -1 || !/(?:[{(:|]|=>|->|\bdo(?:\s*\|[^|]*\|)?)\s*$/.test(line)) return line;
  let e = eol;
  for (let k = 0; k < 2 && e !== -1 && e < s.length; k++) e = s.indexOf('\n', e + 1);
  return s.slice(pos, e === -1 ? s.length : Math.min(e, pos + 600));
}

/** True when some use of a named collection tests its items against text. */
function collectionUsedToMatch(text: string, s: string, name: string, defStart: number, defEnd: number, keyed: boolean): string | undefined {
  for (const at of usesOf(s, name)) {
    if (at >= defStart && at < defEnd) continue;
    const after = s.slice(at + name.length, at + name.length + 120);
    const [ls] = lineBounds(s, at);
    const before = s.slice(Math.max(ls, at - 120), at);
    if (keyed && KEYED_USE.test(after)) return text.slice(at, at + name.length + 80);
    if (MEMBERSHIP_USE.test(after)) return text.slice(at, at + name.length + 120);
    if (ITERATE_USE.test(after)) {
      // `.some(p => msg.includes(p))`, `.any { it in msg }`, `.join('|')` into a RegExp: only when the walk tests text.
      const body = followingLines(s, at);
      if (MATCH_NEARBY.test(body.slice(name.length))) return text.slice(at, at + body.length);
    }
    if (/(?:\bin|\bnot\s+in)\s*$/.test(before) && !/\bfor\b[^;]*$/.test(before)) return text.slice(at - before.length, at); // `title in NAME`
    if (WALKS_BEFORE.test(before.trimEnd()) || /\bfor\b/.test(before)) {
      const body = followingLines(s, at);
      if (MATCH_NEARBY.test(body)) return text.slice(at, at + body.length);
    }
  }
  return undefined;
}

/** How a literal inside a collection literal is used: directly (`[...].includes(x)`) or by the collection's name. */
function inCollection(scan: UsageScan, lit: Literal, open: number): UseSite | undefined {
  const s = scan.masked;
  const opener = s[open];
  // The cheap look-arounds come first: most literals in brackets are call arguments, never paired.
  const afterLit = s.slice(lit.end, lit.end + 200).trimStart();
  const isKey = /^(?::(?!:)|=>|to\b)/.test(afterLit) || (opener === '[' && /^\]\s*=(?!=)/.test(afterLit));
  const isItem = /^[,\])}]/.test(afterLit) || afterLit === '';
  if (!isKey && !isItem) return undefined;
  const before = s.slice(Math.max(0, open - 120), open);
  // A parenthesis is a tuple or a collection constructor only after `=`, `in`, `return`... or a builder call.
  if (opener === '(' && !/(?:[=,(:]|\bin|\breturn|\b(?:listOf|setOf|arrayOf|mutableListOf|mutableSetOf|mapOf|mutableMapOf|hashMapOf|frozenset|set|tuple|dict|array|of|asList|Set|Map|List))\s*$/.test(before)) {
    return undefined;
  }
  const close = scan.pairs.closeOf(open);
  if (close === -1) return undefined;
  if (isItem) {
    const after = s.slice(close + 1, close + 160);
    if (MEMBERSHIP_USE.test(after)) return { subject: scan.text.slice(close + 1, close + 160) };
    if (ITERATE_USE.test(after) && MATCH_NEARBY.test(followingLines(s, close + 1))) return { subject: scan.text.slice(close + 1, close + 160) };
    if (/(?:\bin|\bnot\s+in|in_array\s*\([^()]{1,80},)\s*$/.test(before.trimEnd()) || /\b(?:in|not\s+in)\s*(?:\w+\s*)?$/.test(before.replace(/(?:listOf|setOf|arrayOf|frozenset|set|tuple|List\.of|Set\.of|Arrays\.asList)\s*$/, ''))) {
      return { subject: scan.text.slice(open - before.length, open) };
    }
  }
  // Python `dict(...)`, Kotlin `mapOf(... to ...)`, PHP `array(...)`: the name sits before the call.
  const name = assignedName(s, open);
  if (!name || name.length < 2) return undefined;
  const key = `${isKey ? 'k' : 'i'}${open}`;
  let subject: string | undefined;
  if (scan.collections?.has(key)) subject = scan.collections.get(key);
  else {
    subject = collectionUsedToMatch(scan.text, s, name, open - 200, close, isKey);
    scan.collections?.set(key, subject);
  }
  return subject === undefined ? undefined : { subject };
}

/** The subject of the nearest `switch (...)`, `when (...)`, `match (...)` or Ruby `case x` above `pos`. */
function switchSubject(text: string, s: string, pos: number): string {
  const from = Math.max(0, pos - 2500);
  const window = s.slice(from, pos);
  const re = /\b(?:switch|when|match|case|select)\b[ \t]*\(?[ \t]*([^\n{]{1,100})/g;
  let subject = '';
  // `case "..."` and `case 4:` are branches, not the subject (only Ruby's `case x` names one).
  for (let m = re.exec(window); m; m = re.exec(window)) {
    if (/^[A-Za-z_$@(]/.test(m[1] as string)) subject = text.slice(from + m.index, from + m.index + m[0].length);
  }
  return subject;
}

/** True when the braces around `pos` belong to a C# `x switch { ... }` or a PHP `match ($x) { ... }` (not an array or map). */
function inSwitchExpression(s: string, pos: number): boolean {
  const open = enclosingOpen(s, pos);
  if (open === -1 || s[open] !== '{') return false;
  const before = s.slice(Math.max(0, open - 200), open);
  return /\bswitch\s*$/.test(before) || /\b(?:match|switch)\s*\([^;{}]*\)\s*$/.test(before);
}

/** Why a literal is matched against error text, or undefined when it is not. */
export function useSite(scan: UsageScan, lit: Literal): UseSite | undefined {
  const s = scan.masked;
  const [ls, le] = lineBounds(s, lit.start);
  const left = s.slice(Math.max(ls, lit.start - WINDOW), lit.start);
  const right = s.slice(lit.end, Math.min(le, lit.end + WINDOW));
  const leftT = left.trimEnd();
  const rightT = right.trimStart();

  // Test assertions pin the value a fixture produced; they do not handle errors.
  if (/^\s*assert\b/.test(s.slice(ls, Math.min(le, ls + 40)))) return undefined;
  // Comparisons: `x === "..."`, `"..." == x`, `x =~ /.../`, Python/Kotlin `"..." in x`.
  // A comparison may be split over lines: `err.title ===\n  "..."`.
  const leftStart = leftT === '' ? Math.max(0, lit.start - WINDOW) : Math.max(ls, lit.start - WINDOW);
  const leftCmp = leftT === '' ? s.slice(leftStart, lit.start).trimEnd() : leftT;
  const cmpLeft = /(?:===?|!==?|=~|!~|<>)$/.exec(leftCmp);
  if (cmpLeft && !/(?:<=|>=|=>)$/.test(leftCmp)) {
    const pre = s.slice(leftStart, leftStart + leftCmp.length - cmpLeft[0].length).trimEnd();
    const preEnd = leftStart + pre.length;
    return { subject: scan.text.slice(chainStart(s, preEnd), preEnd) };
  }
  const cmpRight = /^(?:===?|!==?|=~|!~)\s*/.exec(rightT);
  const rightText = scan.text.slice(lit.end, Math.min(le, lit.end + 120));
  if (cmpRight) return { subject: rightText };
  if ((scan.family === 'python' || scan.family === 'kotlin') && /^(?:not\s+)?in\b/.test(rightT)) return { subject: rightText };
  // Yoda calls: `"...".equals(x)`, `"...".equalsIgnoreCase(x)`, `'...'.Equals(x)`.
  if (/^\.\s*(?:equals|equalsIgnoreCase|Equals|contentEquals|compareTo|__eq__)\s*\(/.test(rightT)) return { subject: rightText };
  // A string made into a pattern: Kotlin `"...".toRegex()` or `"...".toPattern()`.
  if (/^\.\s*(?:toRegex|toPattern)\s*\(/.test(rightT)) return { subject: rightText };

  // Regex literals are patterns by nature; only replacing or splitting with one is not a test.
  if (lit.regex) {
    if (/\.\s*(?:replace|replaceAll|split|sub|gsub|tr)\s*\(\s*$/.test(leftT)) return undefined;
    return { subject: scan.text.slice(Math.max(ls, lit.start - 80), lit.start) + scan.text.slice(lit.end, Math.min(le, lit.end + 80)) };
  }

  // `case "...":`, `when "..."`, Kotlin `"..." ->`, C#/PHP switch expressions `"..." =>`.
  const head = s.slice(Math.max(ls, lit.start - WINDOW), lit.start).trimStart();
  if (/(?:^|[{};:]|\bthen)\s*(?:case|when)\b[\s"'`,|]*(?:or\s+[\s"'`]*)*$/.test(head.replace(/(["'`]) *\1/g, '$1$1'))) {
    return { subject: switchSubject(scan.text, s, ls) };
  }
  const armHead = /^[\s"'`,]*$/.test(head) || /[{,][\s"'`,]*$/.test(head);
  if ((/^[\s"'`,]*$/.test(head) && /^->/.test(rightT)) || (armHead && /^=>/.test(rightT) && inSwitchExpression(s, lit.start))) {
    return { subject: switchSubject(scan.text, s, ls) };
  }

  // Ruby calls without parentheses: `msg.include? '...'`, `msg.start_with? '...'`.
  if (scan.family === 'ruby' && /\.(?:include\?|start_with\?|end_with\?|match\?|match|eql\?|casecmp\?)$/.test(leftT)) {
    return { subject: scan.text.slice(lit.start - left.length, lit.start) };
  }
  // An argument of a matching call: `x.includes("...")`, `strings.Contains(x, "...")`, `re.search(r"...", x)`.
  const open = enclosingOpen(s, lit.start, scan.opens);
  if (open !== -1 && s[open] === '(') {
    const callee = calleeAt(s, open);
    if (MATCH_CALLS.has(callee) || (callee === 'new' && REGEX_NEW.test(s.slice(Math.max(ls, open - 200), open)))) {
      const close = matchingClose(s, open, open + 2 * WINDOW);
      const callStart = chainStart(s, open);
      return { subject: scan.text.slice(callStart, lit.start) + scan.text.slice(lit.end, close === -1 ? lit.end : close + 1) };
    }
  }
  // A named constant or enum member holding the title, compared elsewhere: `const RE_ENGAGEMENT = "..."`.
  const constant = constantName(s, open, left, rightT);
  if (constant) {
    const key = `c${constant.member ? '.' : ''}${constant.name}`;
    let subject: string | undefined;
    if (scan.collections?.has(key)) subject = scan.collections.get(key);
    else {
      subject = constantUsedToMatch(scan, constant.name, constant.member, lit.start);
      scan.collections?.set(key, subject);
    }
    if (subject !== undefined) return { subject };
  }
  // A member of a list, set or map that is tested against error text.
  if (open !== -1) return inCollection(scan, lit, open);
  return undefined;
}

/**
 * The name a literal is bound to as a whole: `NAME = "..."` (any declaration keyword or type before
 * it), or an enum or constant-object member `ReEngagement = "..."` / `RE_ENGAGEMENT: "..."`. Members
 * must start with a capital letter, so payload fields (`title: "..."`) never count.
 */
function constantName(s: string, open: number, left: string, rightT: string): { name: string; member: boolean } | undefined {
  if (!/^(?:\.freeze\b)?\s*(?:[;,})\]]|$)/.test(rightT)) return undefined;
  const m = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>[\]?]+\s*)?(=|:)\s*$/.exec(left.slice(-120));
  if (!m || /[=!<>:]\s*$/.test(left.slice(0, left.length - m[0].length))) return undefined;
  const name = m[1] as string;
  if (name.length < 3) return undefined;
  const prefix = left.slice(0, left.length - m[0].length);
  const lineHead = prefix.slice(prefix.lastIndexOf('\n') + 1);
  // A class constant (`public const string X = ...`) is used bare or qualified, like any variable.
  const declared = /\b(?:const|static|final|val|var|let|readonly|public|private|protected|internal|define)\s/.test(lineHead);
  const member = !declared && ((open !== -1 && s[open] === '{') || m[2] === ':');
  if (member) return /^[A-Z]/.test(name) ? { name, member } : undefined;
  // A declaration: only keywords and a type may precede the name (`static final String`, `export const`), not `<p` of JSX.
  return /^\s*(?:[A-Za-z_][\w.]*(?:<[\w\s,.]*>)?(?:\[\])?\??\s+)*$/.test(lineHead) ? { name, member } : undefined;
}

/** The code around a use of a constant that compares it with text, or undefined. */
function constantUsedToMatch(scan: UsageScan, name: string, member: boolean, defAt: number): string | undefined {
  const s = scan.masked;
  for (const at of usesOf(s, name)) {
    if (Math.abs(at - defAt) < name.length + 200 && s.lastIndexOf('\n', defAt) === s.lastIndexOf('\n', at)) continue; // the definition itself
    if (member && s[at - 1] !== '.') continue;
    const [ls, le] = lineBounds(s, at);
    let from = at;
    while (from > ls && /[\w$.]/.test(s[from - 1] as string)) from--; // `Titles.RE_ENGAGEMENT`
    const before = s.slice(Math.max(ls, from - 120), from);
    const after = s.slice(at + name.length, Math.min(le, at + name.length + 60));
    const matched =
      /(?:===?|!==?)\s*$/.test(before) ||
      /^\s*(?:===?|!==?)/.test(after) ||
      /(?:^|[{;:])\s*(?:case|when)\s+$/.test(before) ||
      ((scan.family === 'python' || scan.family === 'kotlin') && /^\s*(?:not\s+)?in\b/.test(after));
    const open = matched ? -1 : enclosingOpen(s, from);
    if (matched || (open !== -1 && s[open] === '(' && MATCH_CALLS.has(calleeAt(s, open)))) return scan.text.slice(Math.max(ls, from - 120), Math.min(le, at + name.length + 60));
  }
  return undefined;
}

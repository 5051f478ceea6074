import type { LanguageFamily } from '../types';
import type { BracketPairs } from './brackets';
import type { Literal } from './lexer';
import { bindsErrorColumn, isErrorColumn, namesErrorColumn } from './sql';

/**
 * Is a literal used to match error text? The checks read the code around the literal in the
 * masked text (string bodies and comments blanked, same offsets), so quotes and brackets inside
 * other strings never mislead them. Every window is bounded; name look-ups use `indexOf` and stop
 * after a fixed number of uses.
 */

export interface UseSite {
  /** The code the literal is compared with (for deciding whether it is error text). */
  readonly subject: string;
  /** The variable the literal is compared with, when that is one bare name: its writes tell what it holds. */
  readonly variable?: string;
  /** Where the use is, when not at the literal (a named collection, constant or pattern used elsewhere). */
  readonly at?: number;
  /** The literal is a value query text compares an error column with (`error_message LIKE '%...%'`). */
  readonly query?: boolean;
}

export interface UsageScan {
  readonly text: string;
  readonly masked: string;
  readonly family: LanguageFamily;
  /** Per-scan memo of how named collections are used (a map of 50 titles is looked up once). */
  readonly collections?: Map<string, UseSite | undefined>;
  /** Where each bracket of `masked` closes, paired once per scan. */
  readonly pairs: BracketPairs;
  /** Per-scan memo of the bracket enclosing each literal start (see `enclosingOpen`). */
  readonly opens?: PositionMemo;
  /** Per-scan memo of `mayHoldErrorText` by variable name. */
  readonly variables?: Map<string, boolean>;
  /** Per-scan memo of the map each `[k, v]` entry (by its opening bracket) belongs to (see `entryOwner`). */
  readonly entries?: PositionMemo;
  /** Per-scan memo of same-file helpers by name (see `helperOf`); null: none that matches text. */
  readonly helpers?: Map<string, Helper | null>;
  /** Per-scan memo of `matchesUserText` for a call's receiver, by name and line. */
  readonly userText?: Map<string, boolean>;
  /**
   * Set by `useSite` when its answer rests on more than the code within LOCAL_BACK before the
   * literal and LOCAL_AHEAD after it (a name's uses elsewhere, a collection, a helper): such an
   * answer is worked out again after every edit, the others only after edits near them.
   */
  far?: boolean;
}

/**
 * A per-scan memo from a position to a position (-1: none) that can log its writes: an answer
 * reused after an edit writes again what it wrote when it was worked out, so the literals after it
 * find the memo as a full scan leaves it.
 */
export class PositionMemo extends Map<number, number> {
  /** While set, every write is appended as `key, value`. */
  log: number[] | undefined;

  override set(key: number, value: number): this {
    this.log?.push(key, value);
    return super.set(key, value);
  }
}

/** How far before and after its literal a `useSite` answer not marked `far` ever reads. */
export const LOCAL_BACK = 9000;
export const LOCAL_AHEAD = 4000;
/** How far past a literal the collection holding it may close for the answer to stay local. */
const LOCAL_CLOSE = 2000;

/** A function of the file that passes some of its parameters into a matching call. */
export interface Helper {
  /** Positions (0-based) of the parameters it matches. */
  readonly params: readonly number[];
  /** Its first parameter is Python's `self`/`cls`, not passed in a method call. */
  readonly self: boolean;
  /** The body's matching code, for judging what is matched. */
  readonly excerpt: string;
}

const WINDOW = 300;
/** How far back a literal may sit from the bracket that opens its list or map. */
const COLLECTION_WINDOW = 4000;
const MAX_NAME_USES = 50;
/** How much of a line on each side of a position is ever looked at. */
const LINE_REACH = 1000;

/** Ruby's matching methods, called with or without parentheses: `title.casecmp?("...")`, `msg.include? '...'`. */
const RUBY_MATCH_METHODS = ['include?', 'start_with?', 'end_with?', 'match?', 'match', 'eql?', 'equal?', 'casecmp?', 'casecmp'];
const RUBY_PARENLESS = new RegExp(`\\.(?:${RUBY_MATCH_METHODS.map((m) => m.replace('?', '\\?')).join('|')})$`);

/** Calls whose string argument is matched against another string (or compiled into a pattern). */
const MATCH_CALLS = new Set([
  ...RUBY_MATCH_METHODS,
  'includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'contains', 'Contains', 'containsIgnoreCase', 'ContainsIgnoreCase', 'isin',
  'matches', 'matchAll', 'search', 'equals', 'Equals', 'equalsIgnoreCase',
  'contentEquals', 'StartsWith', 'EndsWith', 'IndexOf', 'HasPrefix', 'HasSuffix', 'EqualFold', 'Index', 'str_contains', 'str_starts_with',
  'str_ends_with', 'strpos', 'stripos', 'strstr', 'stristr', 'mb_strpos', 'mb_stripos', 'preg_match', 'preg_match_all', 'RegExp', 'compile',
  'fullmatch', 'findall', 'finditer', 'MustCompile', 'MatchString', 'Compile', 'IsMatch', 'Regex', 'startswith', 'endswith', 'find',
  '__contains__', 'containsMatchIn', 'isMatch', 'contains_key?', 'Match', 'Matches', 'compare', 'Compare', 'localeCompare', 'CompareOrdinal',
  'strcmp', 'strcasecmp', 'strncmp', 'strncasecmp', 'strnatcmp', 'strnatcasecmp', 'GeneratedRegex',
  // (Polars' and Spark's column tests)
  'is_in', 'rlike',
]);

/**
 * Library hooks that test an exception's message with their keyword arguments (tenacity
 * `retry_if_exception_message(match=...)` / `message=...`). Test-only APIs (`pytest.raises(match=)`)
 * are not here: they pin a fixture's text.
 */
const MESSAGE_PREDICATES = new Set(['retry_if_exception_message', 'retry_unless_exception_message']);

/** Calls that only build a pattern: the text they test is the argument of the call chained to them. */
const PATTERN_BUILDERS = new Set(['Regex', 'RegExp', 'compile', 'Compile', 'MustCompile', 'GeneratedRegex']);

/** A `new(...)` that builds a regex: C# target-typed `Regex Name = new(`, `Regex? Name = new (`; Ruby `Regexp.new(`. */
const REGEX_NEW = /(?:\bRegex\??[ \t]+[A-Za-z_]\w*[ \t]*=\s*|\bRegexp[ \t]*\.[ \t]*)new[ \t]*$/;

/** Membership tests on a collection of strings: `TITLES.includes(err.title)`, `%w[...].include?(t)`. */
const MEMBERSHIP_USE = /^\s*(?:\?\.|\.|->)\s*(?:includes|include\?|contains|Contains|has|indexOf|IndexOf|member\?)(?!\w)/;
/** Walks over a collection whose callback may test each item: `.some(p => msg.includes(p))`, Java `.anyMatch(msg::contains)`. */
const ITERATE_USE = /^\s*(?:\?\.|\.|->)\s*(?:some|any\??|Any|All|find|filter|Where|Exists|all|each|forEach|detect|select|firstOrNull|find_index|index|count|join|anyMatch|noneMatch|allMatch)(?!\w)/;
/**
 * Calls that only adapt a collection for walking (`.stream()`, `.asSequence()`, `.AsEnumerable()`):
 * skipped before ITERATE_USE, so `NAME.stream().anyMatch(...)` is read as `NAME.anyMatch(...)`.
 */
const ADAPTERS = /^(?:\s*(?:\?\.|\.|->)\s*(?:stream|parallelStream|asSequence|asIterable|AsEnumerable|AsQueryable|toList|ToList|toArray|ToArray|toSet|ToHashSet|iterator|values|keys|keySet|entrySet|lazy)\s*\(\s*\))+/;

/** The code after a use of a collection, adapter calls skipped. */
function pastAdapters(after: string): string {
  const m = ADAPTERS.exec(after);
  return m ? after.slice(m[0].length) : after;
}
/** Loops or helpers that walk a collection by name: `for p in NAME`, `range NAME`, `Object.keys(NAME)`. */
const WALKS_BEFORE = /(?:\bin|\bof|:|\brange|\bforeach\s*\(|\bkeys\(|\bentries\(|\bvalues\(|\bitems\(|in_array\([^()]{1,80},|array_key_exists\([^()]{1,80},|Regex\.union\(|any\(|all\()\s*\$?$/;
/**
 * A matching operation, for the code that walks a collection of titles: any call MATCH_CALLS knows
 * (and a pattern's `.test(`), as a call or a method reference (`msg::contains`), or an operator.
 */
const MATCH_NEARBY = new RegExp(
  `(?:^|[^\\w$])(?:${[...MATCH_CALLS, 'test'].map(escapeName).join('|')})\\s*\\(|::(?:${[...MATCH_CALLS].map(escapeName).join('|')})(?![\\w?])|=~|\\bin\\s+[\\w$.[\\]'"()]+|===?`,
);

function escapeName(name: string): string {
  return name.replace(/[?$]/g, '\\$&');
}

/** Lookups in a map by key. */
const KEYED_USE = /^(?:\s*\?\.)?\s*(?:\[(?!\s*\d)|(?:\.|->)\s*(?:get|fetch|has|has_key\?|key\?|TryGetValue|ContainsKey|containsKey|getOrDefault|getOrElse|GetValueOrDefault|get_or)(?!\w))/;
/**
 * A lookup that falls back to its own key, `ES.get(title, title)`, `LABELS[t] ?? t`: a translation
 * or display table, whatever the key text, not a decision on it.
 */
const TRANSLATION_USE = /^(?:\s*\?\.)?\s*(?:(?:\.|->)\s*(?:get|fetch|getOrDefault|GetValueOrDefault|get_or)\s*\(\s*([\w$.]+)\s*,\s*\1\s*\)|\[\s*([\w$.]+)\s*\]\s*(?:\?\?|\|\||\bor\b)\s*\2(?![\w$.]))/;
/** A keyed lookup with its key (the method names hold no error word, so the whole match can be judged). */
const KEYED_ARG = /^(?:\s*\?\.)?\s*(?:\[[^\]\n]{1,80}\]|(?:\.|->)\s*(?:get|fetch|has|has_key\?|key\?|TryGetValue|ContainsKey|containsKey|getOrDefault|getOrElse|GetValueOrDefault|get_or)\s*\([^)\n]{1,80}\))/;

/**
 * Calls that read an error's text or a failed HTTP response's body for inspection (OkHttp
 * `peekBody`, Spring `getResponseBodyAsString`, Ktor `bodyAsText`): one list, for the subjects
 * compared and for the values written into a variable.
 */
const ERROR_TEXT_CALLS = 'getmessage|getlocalizedmessage|what\\(\\)|peekBody|ResponseBodyAs|bodyAsText|ReadAsStringAsync';
/**
 * A reason only when qualified (`err.reason`, `data["reason"]`, `e[:reason]`, `rejectionReason`, `failure_reason`):
 * a bare `reason` is as often the code's own choice (`switch reason { case "reengagement":`). Never
 * an HTTP reason phrase (`ReasonPhrase == "Service unavailable"`). Case-sensitive.
 */
const QUALIFIED_REASON = /(?:[.[_'":]\s*[rR]|[a-z0-9]R)eason(?!_?[pP]hrase)/;
/** Expressions that hold error text. */
const ERRORISH = new RegExp(`err|exc|\\bex\\b|\\be\\b|\\$e\\b|message|msg|title|detail|descr|cause|fail|problem|fault|mensaje|mensagem|mesaj|meldung|pesan|fehler|\\berro|galat|hata|${ERROR_TEXT_CALLS}`, 'i');

export function isErrorish(expr: string): boolean {
  return ERRORISH.test(expr) || QUALIFIED_REASON.test(expr);
}

/** One bare variable: `error`, `_error`, `$msg`, `@reason`. */
const BARE_NAME = /^@{0,2}\$?[A-Za-z_][\w$]*$/;
/** One bare variable after the operator of a comparison read from the right: `== error)`, `in msg:`. */
const BARE_AFTER = /^(?:[=!]==?|=~|!~|(?:not\s+)?in\b)\s*(@{0,2}\$?[A-Za-z_][\w$]*)(?![\w$])(?!\s*(?:[.([]|\?\.|->|::|!!))/;
/** What a write of a variable starts with after its name: `= x`, `: str = x`, `:= x`. */
const PLAIN_WRITE = /^\s*(?::\s*[^=\n;,()]{1,60}?\s*)?(?::=|=(?![=>~]))/;
/** A write of several names at once: `[error, setError] = useState(null)`, `{ message } = err`, `(msg, code) = ...`. */
const DESTRUCTURE_WRITE = /^\s*(?:,[^=;\n(){}[\]]{0,80})?[\]})]\s*(?::=|=(?![=>~]))/;
/** Go's and Python's `title, code := ...` (only where a statement starts: elsewhere it is an argument list). */
const TUPLE_WRITE = /^\s*,[^=;\n(){}[\]]{0,80}?(?::=|=(?![=>~]))/;
/** A value that is only literals, nulls, booleans and numbers: text the code wrote itself. */
const VALUE_ONLY = /^(?:[\s+(),;]|[A-Za-z@$]?(["'`])[^"'`\n]*\1|\b(?:null|nil|None|undefined|true|false)\b|-?\d[\d.]*)*$/;
/** What a string interpolates: `${err.message}`, Ruby `#{e}`, Python `f"{exc}"`, PHP/Kotlin/Dart `"$e"`. */
const INTERPOLATION = /\$\{([^}\n]{1,80})\}|#\{([^}\n]{1,80})\}|\{([A-Za-z_][^}\n]{0,80})\}|\$([A-Za-z_]\w*)/g;

/**
 * Whether a variable may hold error text. A name like `error` is not enough when the file writes
 * the variable: `_error = 'Access denied'` and `useState(null)` make it the UI's own state, so some
 * write must read error text (`msg = str(exc)`, `$msg = $e->getMessage()`, `setError(err.message)`).
 * Without any write (a parameter, a loop variable), the name is all there is, and it is trusted.
 */
export function mayHoldErrorText(scan: UsageScan, name: string): boolean {
  const known = scan.variables?.get(name);
  if (known !== undefined) return known;
  // A write that reads the variable itself (`msg = msg.lower()`) changes its form, not what it holds.
  const writes = writesOf(scan.masked, name).filter(([from, to]) => !readsItself(scan.masked.slice(from, to), name));
  const bound = bindingsOf(scan.masked, name);
  const answer = (writes.length === 0 && bound.length === 0) || bound.includes(true) || writes.some(([from, to]) => readsErrorText(scan.masked.slice(from, to), scan.text.slice(from, to)));
  scan.variables?.set(name, answer);
  return answer;
}

/**
 * A written value reads the variable itself (`msg = msg.lower()`): it changes the variable's form,
 * not what it holds. A member of that name on something else (`message.text.body` for `text`) is no read.
 */
function readsItself(value: string, name: string): boolean {
  return usesOf(value, name).some((at) => {
    const before = value.slice(Math.max(0, at - 2), at);
    return !/(?:\.|->)$/.test(before);
  });
}

/** Values that are someone's own text: a chat message's body, a request's body or form, console input. */
// (or an inbound message's own text: Dart's `m.text`, `incoming.body`)
const USER_TEXT = /\btext['"\]]*\s*(?:\??\.|\[)\s*['"]?body\b|\btext_?body\b|\b(?:m|incoming|inbound|received|update)\s*\??\.\s*(?:text|body)\b(?!\s*\()|\b(?:req|request)\s*\.\s*(?:body|form|args|query|params|GET|POST)\b|\binput\s*\(|\bprompt\s*\(/i;

/**
 * True when a variable is written shortly above `pos`, and every such write reads someone's text
 * rather than an error (`lowered = message["text"]["body"].lower()`): a customer's words, whatever
 * title they repeat. Reads WRITE_WINDOW characters, as `holdsErrorText` does.
 */
export function holdsUserText(scan: UsageScan, name: string, pos: number, hops = 2): boolean {
  const from = Math.max(0, pos - WRITE_WINDOW);
  const masked = scan.masked.slice(from, pos);
  const writes = writesOf(masked, name).filter(([a, b]) => !readsItself(masked.slice(a, b), name));
  if (bindingsOf(masked, name).length > 0) return false;
  // Unwritten here (a parameter): only its name tells, `customer_text`, `userInput`, or a plain
  // `text` taken by a handler of inbound chat messages (`fun onInbound(from: String, text: String)`).
  if (writes.length === 0) return USER_NAME.test(name) || (/^(?:text|body)$/.test(name) && INBOUND_HANDLER.test(masked.slice(-WRITE_WINDOW)) && paramOfInbound(masked, name));
  return writes.every(([a, b]) => {
    const value = scan.text.slice(from + a, from + b);
    if (readsErrorText(masked.slice(a, b), value, ERROR_SOURCE)) return false;
    // `lowered = user_text.lower()`, `text = _clean(customer_text)`: another variable, only reshaped, holds what it holds.
    const copied = RESHAPED.exec(value)?.[1] ?? CLEANED.exec(value)?.[1];
    return USER_TEXT.test(value) || (copied !== undefined && hops > 0 && holdsUserText(scan, copied, from + a, hops - 1));
  });
}

/**
 * True when what a literal is matched against is someone's own words: the variable compared, or
 * the one name a call is made on (`t` of `t.contains("...")`), held user text shortly above `pos`.
 */
export function matchesUserText(scan: UsageScan, site: UseSite, pos: number): boolean {
  // A request's own input (`$request->query('reason')`, `params[:reason]`) is the caller's filter value.
  if (REQUEST_INPUT.test(site.subject)) return true;
  if (site.variable !== undefined) return holdsUserText(scan, site.variable, pos);
  // (a subject that reads as error text, `x.message.includes()`, is not looked into)
  if (isErrorish(site.subject)) return false;
  const names = subjectNames(site.subject);
  if (names.length !== 1) return false;
  // perf: one answer per name and line (a condition of many calls on one line asks once); a line
  // longer than LINE_REACH (minified) per stretch of it.
  const start = lineBounds(scan.masked, pos)[0];
  const key = `${names[0]}@${start > pos - LINE_REACH ? start : pos - (pos % LINE_REACH)}`;
  let answer = scan.userText?.get(key);
  if (answer === undefined) {
    answer = holdsUserText(scan, names[0] as string, pos);
    scan.userText?.set(key, answer);
  }
  return answer;
}

/** A handler of someone's inbound message, by its name: `onInbound(`, `handleIncomingMessage(`, `def on_message(`. */
// (or a chat bot's router of what someone wrote: `def detect_intent(text)`, `classifyIntent(body)`)
const INBOUND_HANDLER = /\b(?:(?:on|handle|process)_?(?:inbound|incoming|user|customer|chat)?_?(?:message|text|reply|inbound|incoming)\w*|(?:detect|classify|match|guess|route|parse|get|find)_?[Ii]ntent\w*)\s*\(/i;

/** The last inbound handler declared in `masked` takes `name` as a parameter. */
function paramOfInbound(masked: string, name: string): boolean {
  let last: RegExpExecArray | null = null;
  const re = new RegExp(INBOUND_HANDLER.source, 'gi');
  for (let m = re.exec(masked); m; m = re.exec(masked)) last = m;
  if (!last) return false;
  const params = masked.slice(last.index + last[0].length, last.index + last[0].length + 200);
  const close = params.indexOf(')');
  return close !== -1 && new RegExp(`(?:^|[(,\\s$])${name}\\b`).test(params.slice(0, close));
}

/** Reading a request's input: `request.args.get(`, `$request->query(`, `req.query.`, `$_GET[`, Rails `params[:`. */
const REQUEST_INPUT = /\b(?:req|request)\s*(?:\??\.|->)\s*(?:body|form|args|query|query_params|queryParams|params|input|get|post|GET|POST|searchParams)\b|\$_(?:GET|POST|REQUEST)\b|(?:^|[^\w.])params\s*\[\s*:|\bsearchParams\s*\.\s*get\s*\(/;

/** Names of someone's own words: `customer_text`, `userInput`, `inbound_body`, `chatText`, `message_text` (a chat message's), `utterance`. */
const USER_NAME = /^(?:(?:customer|user|client|visitor|inbound|incoming|chat|contact|message|msg)_?(?:text|input|body|utterance|words)|utterance|user_?said)$/i;
/** A variable passed alone to a function (a cleaner): `_clean(customer_text)`, `normalize(text).strip()`. */
const CLEANED = /^\s*[A-Za-z_$][\w$.]*\s*\(\s*([A-Za-z_$][\w$]*)\s*\)(?:\s*\??\.\s*[A-Za-z_]\w*\s*\(\s*\))*\s*;?\s*$/;
/** A variable's value reshaped by argument-less calls: `user_text.lower()`, `text.trim().toLowerCase()`, `(text or "").strip()`. */
const RESHAPED = /^\s*\(?\s*([A-Za-z_$][\w$]*)(?:\s*(?:\bor\b|\|\||\?\?)\s*(?:""|''|``)\s*\))?(?:\s*\??\.\s*[A-Za-z_]\w*\s*\(\s*(?:[A-Z][\w.]*|"[^"\n]*"|'[^'\n]*')?\s*\))*\s*;?\s*$/;

/** A handler's binding, read back from the name: `catch (e)`, `catch (T e)`, Kotlin `catch (e: T)`, `except T as e`, `rescue T => e`. */
const HANDLER_BINDING = /(?:\bcatch\s*\(\s*(?:final\s+)?[\w.<>?|\s]{0,80}|\bexcept\b[^:\n]{0,120}\bas\s+|\brescue\b[^\n]{0,120}=>\s*)$/;
/** A type test's binding: Java `x instanceof T name`, C# `x is T name`. */
const TYPE_TEST_BINDING = /(?:\binstanceof|\bis)\s+([\w.<>?]{1,80})\s+$/;
const EXCEPTION_TYPE = /err|exc|fault|fail/i;

/**
 * Per binding of a name by a handler or a type test, whether it binds an error: a handler always
 * does, a type test when its type is an exception (`e instanceof HttpClientErrorException hce`).
 */
function bindingsOf(s: string, name: string): boolean[] {
  const out: boolean[] = [];
  for (const at of usesOf(s, name)) {
    const head = s.slice(Math.max(0, at - 160), at);
    if (HANDLER_BINDING.test(head.slice(head.lastIndexOf('\n') + 1))) out.push(true);
    else {
      const t = TYPE_TEST_BINDING.exec(head.slice(head.lastIndexOf('\n') + 1));
      if (t) out.push(EXCEPTION_TYPE.test(t[1] as string));
    }
  }
  return out;
}

/** How far above a literal the writes of a short variable it is compared with are read. */
const WRITE_WINDOW = 1500;
/**
 * Names in a subject that are plain variables or the receiver of a call on one (`text` of
 * `text.indexOf(...)`): not a member, not called or indexed, not a keyword.
 */
const SUBJECT_NAME = /(?<![\w$.]|->|::)@{0,2}\$?[A-Za-z_][\w$]*(?![\w$]|\s*(?:[([]|->|::))/g;
const KEYWORDS = new Set(['for', 'switch', 'when', 'match', 'case', 'select', 'if', 'elif', 'else', 'not', 'in', 'is', 'and', 'or', 'return', 'true', 'false', 'null', 'nil', 'None', 'new', 'var', 'let', 'const', 'val']);

/**
 * Whether the code a literal is compared with holds error text: by its words (`err.title`), or, for
 * a neutral name (`switch (t)`, `strings.Index(text, ...)`), by a write of it shortly above that
 * reads error text (`String t = err.title();`, `text := err.Error()`).
 */
export function holdsErrorText(scan: UsageScan, site: UseSite, pos: number): boolean {
  if (isErrorish(site.subject)) return true;
  const at = site.at ?? pos;
  for (const name of subjectNames(site.subject)) if (nameHoldsErrorText(scan, name, at, 1)) return true;
  return false;
}

/** The first plain names of a subject (its literals left out), keywords dropped. */
function subjectNames(subject: string): string[] {
  const names = subject.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, ' ').match(SUBJECT_NAME) ?? [];
  return names.slice(0, 4).filter((name) => !KEYWORDS.has(name));
}

/** True when some plain name of the subject is written shortly above the use: what it holds is known, not a parameter's. */
export function subjectWritten(scan: UsageScan, site: UseSite, pos: number): boolean {
  const at = site.at ?? pos;
  const masked = scan.masked.slice(Math.max(0, at - WRITE_WINDOW), at);
  return subjectNames(site.subject).some((name) => writesOf(masked, name).length > 0);
}

/**
 * True when a name is bound to an error, or written shortly above `at` from error text; through
 * `hops` more names only reshaped on the way (`lower = message.toLowerCase()`, `message = err.message`).
 */
function nameHoldsErrorText(scan: UsageScan, name: string, at: number, hops: number): boolean {
  const from = Math.max(0, at - WRITE_WINDOW);
  const masked = scan.masked.slice(from, at);
  if (bindingsOf(masked, name).includes(true)) return true;
  return writesOf(masked, name).some(([a, b]) => {
    const value = scan.text.slice(from + a, from + b);
    if (readsErrorText(masked.slice(a, b), value, ERROR_SOURCE)) return true;
    const copied = hops > 0 ? RESHAPED.exec(value)?.[1] : undefined;
    return copied !== undefined && copied !== name && nameHoldsErrorText(scan, copied, from + a, hops - 1);
  });
}

/**
 * What a value must read to count as error text when the name it is written to says nothing: an
 * error object or its title (`err.title()`, `e.getMessage()`), not any "message" (`msg.text.body`
 * is a chat message); or a failed HTTP response's body read for inspection (OkHttp `peekBody`,
 * Spring `getResponseBodyAsString`, Ktor `bodyAsText`).
 */
const ERROR_SOURCE = new RegExp(`err|exc|\\bex\\b|\\be\\b|\\$e\\b|title|detail|cause|fault|fail|${ERROR_TEXT_CALLS}`, 'i');

/** True when a written value reads error text: code that does, or a literal interpolating it (`Failed: ${err.message}`). */
function readsErrorText(masked: string, text: string, errorish: RegExp = ERRORISH): boolean {
  const reads = (t: string): boolean => errorish.test(t) || QUALIFIED_REASON.test(t);
  if (!VALUE_ONLY.test(masked)) return reads(text);
  let parts = '';
  for (const m of text.matchAll(INTERPOLATION)) parts += ` ${m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''}`;
  return reads(parts);
}

/** The values (ranges of the text) the code writes into a variable: assignments, destructurings, a React `setName(...)`. */
function writesOf(s: string, name: string): [number, number][] {
  const out: [number, number][] = [];
  for (const at of usesOf(s, name)) {
    const after = s.slice(at + name.length, at + name.length + 120);
    const lineHead = s.slice(lineBounds(s, at)[0], at);
    // `f(error = x)` is a keyword argument, `other.error = x` another object's field.
    const own = !/[(,.]$/.test(lineHead.trimEnd()) || /\b(?:this|self)\.$/.test(lineHead);
    const m = (own ? PLAIN_WRITE.exec(after) : null) ?? DESTRUCTURE_WRITE.exec(after) ?? (/^\s*(?:(?:var|let|const|val)\s+)?$|[;{}]\s*$/.test(lineHead) ? TUPLE_WRITE.exec(after) : null);
    if (m) out.push(valueAt(s, at + name.length + m[0].length));
  }
  if (/^[a-z]/.test(name)) {
    const setter = `set${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    for (const at of usesOf(s, setter)) {
      const open = s.indexOf('(', at + setter.length);
      if (open === -1 || s.slice(at + setter.length, open).trim() !== '') continue;
      const close = matchingClose(s, open, open + 400);
      if (close !== -1) out.push([open + 1, close]);
    }
  }
  return out;
}

/** The value written from `from`: to the end of its statement or line (the next line when the value starts there). */
function valueAt(s: string, from: number): [number, number] {
  const cut = (at: number): number => {
    const m = /[;\n]/.exec(s.slice(at, at + 200));
    return m ? at + m.index : Math.min(s.length, at + 200);
  };
  let to = cut(from);
  if (s.slice(from, to).trim() === '' && s[to] === '\n') to = cut(to + 1);
  return [from, to];
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
    if ((c === 63 || c === 33) && s.charCodeAt(i) === 40 && i - 2 >= stop && isWordChar(s.charCodeAt(i - 2))) {
      i--; // Ruby `include?(`, `sub!(`: the mark belongs to the method name
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
 * Whether the last `enclosingOpen` given a memo took its answer from an earlier literal's: an answer
 * that may rest on code far before the literal (see `UsageScan.far`).
 */
let tookMemo = false;

/**
 * The unmatched opening bracket before `pos` (within COLLECTION_WINDOW), or -1. With `memo`, the
 * answer for each literal start is remembered, and a scan that reaches an earlier literal of the
 * same list at depth 0 takes its answer: the items of a long list cost one scan, not one each.
 */
export function enclosingOpen(s: string, pos: number, memo?: Map<number, number>): number {
  tookMemo = false;
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
      tookMemo = true;
      break;
    }
  }
  memo?.set(pos, found);
  return found;
}

/** The name called at an opening parenthesis: `x.includes(` -> `includes`, `strings.Contains(` -> `Contains`. */
function calleeAt(s: string, open: number): string {
  // (bounded, as every read near a literal is: see LOCAL_BACK)
  const stop = Math.max(0, open - 200);
  let j = open;
  while (j > stop && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 9)) j--;
  let k = j;
  if (k > 0 && (s[k - 1] === '?' || s[k - 1] === '!')) k--;
  while (k > stop && isWordChar(s.charCodeAt(k - 1))) k--;
  return s.slice(k, j);
}

/**
 * The name a collection or map literal opening at `open` is assigned to, or '': `NAME = [`,
 * `NAME := map[string]int{`, `val NAME = mapOf(`, `$NAME = array(`, `NAME: Dict[str, int] = {`,
 * `static final Map<String, X> NAME = Map.of(`, `NAME = new Dictionary<string, int> {`, `NAME = %w[`.
 */
function assignedName(s: string, open: number): string {
  const head200 = s.slice(Math.max(0, open - 200), open);
  const nl = head200.lastIndexOf('\n');
  let head = head200.slice(nl + 1);
  // A bracket on a line of its own belongs to the line above when that line ends a constructor (C#'s
  // `= new()` then `{`), not when it opens a list the bracket is an item of.
  if (nl > 0 && head.trim() === '') {
    const above = head200.slice(head200.lastIndexOf('\n', nl - 1) + 1, nl);
    // (or when it opens a builder the bracket is the one argument of: `TITLES = frozenset(` then `{`)
    if (!/[[({,]\s*$/.test(above) || /\b(?:frozenset|set|tuple|list|Set\.of|List\.of|setOf|listOf|unmodifiable\w*|ImmutableSet\.of|ImmutableList\.of)\s*\(\s*$/.test(above)) head = above;
  }
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
  if (eq === -1 || !(/^[\w.$<>,[\]\s?%]*(?:\(\s*\)|\()?\s*$/.test(head.slice(eq + 1)) || constructedWithArguments(head.slice(eq + 1)))) return '';
  let lhs = head.slice(0, eq).trimEnd().replace(/:$/, '');
  const colon = lhs.indexOf(':'); // a type annotation: `NAME: Record<string, Fn>`
  if (colon !== -1) lhs = lhs.slice(0, colon);
  const m = /(\$?[A-Za-z_][\w$]*)\s*$/.exec(lhs);
  return m ? (m[1] as string) : '';
}

/** C#'s `new(StringComparer.OrdinalIgnoreCase)` or `new HashSet<string>(comparer)` before a collection initializer. */
function constructedWithArguments(rhs: string): boolean {
  const t = rhs.trimEnd();
  if (!t.endsWith(')')) return false;
  const open = matchingOpen(t, t.length - 1, 0);
  return open !== -1 && /^\s*new\b[\w.$<>,[\]\s?]*$/.test(t.slice(0, open));
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
export function lineBounds(s: string, pos: number): [number, number] {
  // perf: read by hand within LINE_REACH each way (no slices: this runs many times per literal)
  const from = Math.max(0, pos - LINE_REACH);
  let start = pos;
  while (start > from && s.charCodeAt(start - 1) !== 10) start--;
  const to = Math.min(s.length, pos + LINE_REACH);
  let end = pos;
  while (end < to && s.charCodeAt(end) !== 10) end++;
  return [start, end];
}

/**
 * The code a walk starting at `pos` runs: the rest of its line, and the next two lines when the
 * line opens a block (`{`, `(`, `=>`, `do |x|`, `:`).
 */
function followingLines(s: string, pos: number): string {
  const found = s.indexOf('\n', pos);
  // (a minified line is read for LINE_REACH characters)
  const eol = found === -1 || found > pos + LINE_REACH ? -1 : found;
  const line = s.slice(pos, eol === -1 ? Math.min(s.length, pos + LINE_REACH) : eol);
  // A chain that goes on over the next lines: `NAME.entrySet().stream()` then `.filter(e -> body.contains(e.getKey()))`.
  if (eol !== -1 && /^\s*(?:\?\.|\.(?!\.)|->)/.test(s.slice(eol + 1, eol + 120))) {
    let e = eol;
    for (let k = 0; k < 3 && e !== -1 && /^\s*(?:\?\.|\.(?!\.)|->)/.test(s.slice(e + 1, e + 120)); k++) e = s.indexOf('\n', e + 1);
    return s.slice(pos, e === -1 ? Math.min(s.length, pos + 600) : Math.min(e, pos + 600));
  }
  if (eol === -1 || !/(?:[{(:|]|=>|->|\bdo(?:\s*\|[^|]*\|)?)\s*$/.test(line)) return line;
  let e = eol;
  for (let k = 0; k < 2 && e !== -1 && e < s.length; k++) e = s.indexOf('\n', e + 1);
  return s.slice(pos, e === -1 ? s.length : Math.min(e, pos + 600));
}

/**
 * What a literal in a collection is to it: a key by syntax (`k: v`, `k => v`, `k to v`), a key by
 * position only (the first item of a `[k, v]` entry, a `Map.of(k, v, ...)` argument), a map's
 * value (`{131031: "..."}`), or an item.
 */
type Role = 'key' | 'entry' | 'value' | 'item';

/** A use of a collection seen through a qualifier or a cast: `self::NAME`, `Titles.NAME`, `(NAME as readonly string[])`. */
const QUALIFIER = /(?:\$?[A-Za-z_][\w$]*\s*(?:::|\?\.|\.|->)\s*)+$/;
const CAST_CLOSE = /^\s*(?:as\s+[\w$.<>[\]|,\s]{1,80}?)?\)/;
/** PHP membership tests that take the collection as their second argument: `in_array($title, NAME)`. */
// (the needle may be a call: `in_array($e->getTitle(), self::MEDIA_TITLES, true)`)
const MEMBERSHIP_CALL = /\b(?:in_array|array_search)\s*\((?:[^()]|\([^()]{0,40}\)){1,80},\s*$/;

/** The code before a use of a name with its qualifier dropped, and where the code after it starts once a cast is closed. */
function throughQualifierAndCast(s: string, before: string, afterAt: number): { before: string; afterAt: number } {
  const bare = before.replace(QUALIFIER, '');
  if (!/\(\s*$/.test(bare)) return { before: bare, afterAt };
  const cast = CAST_CLOSE.exec(s.slice(afterAt, afterAt + 120));
  return cast ? { before: bare.replace(/\(\s*$/, ''), afterAt: afterAt + cast[0].length } : { before: bare, afterAt };
}

/** True when a keyed lookup starts at `afterAt` whose key is error text: `.get(err.title)`, `[e.message]`, `.getOrDefault(title, x)`. */
function keyedByErrorText(text: string, s: string, afterAt: number): boolean {
  const m = KEYED_ARG.exec(s.slice(afterAt, afterAt + 120));
  return m !== null && isErrorish(text.slice(afterAt, afterAt + m[0].length));
}

/** True when some use of a named collection tests its items against text. */
function collectionUsedToMatch(text: string, s: string, name: string, defStart: number, defEnd: number, role: Role): UseSite | undefined {
  for (const at of usesOf(s, name)) {
    if (at >= defStart && at < defEnd) continue;
    // (the collection's own name speaks for what is tested only when it names titles or errors:
    // `TRANSIENT_TITLES.stream().anyMatch(msg::contains)`, not `any(p in low for p in CHECKOUT_PROBLEM)`)
    const own = /titl|err|fail|exception/i.test(name);
    const found = (from: number, to: number): UseSite => ({ subject: own ? text.slice(from, to) : text.slice(from, to).split(name).join(' '), at });
    const [ls] = lineBounds(s, at);
    const lead = s.slice(Math.max(ls, at - 120), at);
    const use = throughQualifierAndCast(s, lead, at + name.length);
    const before = use.before;
    const after = s.slice(use.afterAt, use.afterAt + 120);
    if (role === 'key' && KEYED_USE.test(after) && !TRANSLATION_USE.test(after)) return found(at, at + name.length + 80);
    // pandas looks a series up in a dict by `.map(NAME)` / `.replace(NAME)`: `keys.map(TITLE_TO_CODE)`.
    if (role === 'key' && /\.\s*(?:map|replace)\s*\(\s*$/.test(lead) && /^\s*\)/.test(s.slice(at + name.length, at + name.length + 20))) return found(at - lead.length, at + name.length);
    // Entries are keys only by convention: the lookup must be by error text.
    if (role === 'entry' && keyedByErrorText(text, s, use.afterAt)) return found(at, use.afterAt + 80);
    // A lookup by method reference in a chain that carries error text: `Optional.ofNullable(e.failureReason()).map(NAME::get)`.
    // (the chain may run over lines above: read back to the statement's start)
    if ((role === 'key' || role === 'entry') && /^\s*::\s*(?:get|containsKey|getOrDefault)\b/.test(after)) {
      const chain = s.slice(Math.max(0, at - 200), at);
      const from = at - chain.length + Math.max(chain.lastIndexOf(';'), chain.lastIndexOf('{'), chain.lastIndexOf('}')) + 1;
      if (isErrorish(text.slice(from, at))) return found(from, at + name.length + 6);
    }
    // A map's membership tests read its keys (`code in NAME`, `NAME.has(k)`), never its values.
    if (role !== 'value' && MEMBERSHIP_USE.test(after)) return found(at, use.afterAt + 120);
    if (MEMBERSHIP_CALL.test(before)) return found(at - lead.length, at + name.length);
    // `title.startswith(NAME)`, `re.compile("|".join(NAME))`: the collection is the call's argument.
    const call = matchCallAround(s, at - (lead.length - lead.replace(QUALIFIER, '').length));
    if (call) return found(call[0], call[1]);
    // `.some(p => msg.includes(p))`, `.any { it in msg }`, `.join('|')` into a RegExp: only when the walk tests text.
    const walk = walkTests(s, use.afterAt);
    if (walk !== -1) return found(at, walk);
    if (role !== 'value' && /(?:\bin|\bnot\s+in)\s*$/.test(before) && !/\b(?:for|foreach)\b[^;]*$/.test(before)) return found(at - lead.length, at); // `title in NAME`, not a loop
    if (WALKS_BEFORE.test(before.trimEnd()) || /\bfor\b/.test(before)) {
      const body = followingLines(s, at);
      if (MATCH_NEARBY.test(body)) return found(at, at + body.length);
      const test = comprehensionTest(s, at, name.length);
      if (test) return found(test[0], test[1]);
    }
  }
  return undefined;
}

/**
 * Where the code ends that a walk over a collection (its use ending at `at`) runs, when that walk
 * tests text, or -1. The walk's own method is left out of the test: `NAME.find(x)` is no match.
 */
function walkTests(s: string, at: number): number {
  const body = followingLines(s, at);
  const rest = pastAdapters(body);
  const walk = ITERATE_USE.exec(rest);
  return walk && MATCH_NEARBY.test(rest.slice(walk[0].length)) ? at + body.length : -1;
}

/** How far back a comprehension's bracket may open before its `for ... in NAME`. */
const COMPREHENSION_REACH = 300;

/**
 * The bracketed expression around `for x in NAME` when it tests each item, or undefined: Python
 * `any(t in text for t in NAME)`, `[p for p in NAME if p in msg]`. The test stands before the
 * `for` or after the name, so both are read, never the `in NAME` itself.
 */
function comprehensionTest(s: string, at: number, length: number): [number, number] | undefined {
  const from = Math.max(0, at - COMPREHENSION_REACH);
  const rel = enclosingOpen(s.slice(from, at), at - from);
  if (rel === -1) return undefined;
  const open = from + rel;
  const head = s.slice(open + 1, at);
  const loop = /\bfor\b(?![\s\S]*\bfor\b)/.exec(head);
  if (!loop) return undefined;
  const close = matchingClose(s, open, at + length + COMPREHENSION_REACH);
  if (close === -1) return undefined;
  const tests = `${head.slice(0, loop.index)} ${s.slice(at + length, close)}`;
  return MATCH_NEARBY.test(tests) ? [open, close + 1] : undefined;
}

/** Calls that join a collection's items into one text, such as a pattern's alternatives: `"|".join(NAME)`, `strings.Join(NAME, "|")`. */
const JOINS = new Set(['join', 'Join', 'implode', 'mkString', 'joinToString']);

/**
 * The range of the matching call whose argument starts at `pos` (through one joining call:
 * `re.compile("|".join(NAME))`), or undefined. Read from a bounded window before `pos`.
 */
function matchCallAround(s: string, pos: number): [number, number] | undefined {
  for (let k = 0; k < 2; k++) {
    const from = Math.max(0, pos - 200);
    const rel = enclosingOpen(s.slice(from, pos), pos - from);
    if (rel === -1 || s[from + rel] !== '(') return undefined;
    const open = from + rel;
    const callee = calleeAt(s, open);
    if (MATCH_CALLS.has(callee)) {
      const close = matchingClose(s, open, open + 2 * WINDOW);
      return close === -1 ? undefined : [chainStart(s, open), PATTERN_BUILDERS.has(callee) ? chainedCallEnd(s, close + 1) : close + 1];
    }
    if (!JOINS.has(callee)) return undefined;
    pos = chainStart(s, open);
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
  // A parenthesis is a tuple or a collection constructor only after `=`, `in`, `return`, `[`... or a builder call.
  if (opener === '(' && !/(?:[=,(:[]|\bin|\breturn|\b(?:listOf|setOf|arrayOf|mutableListOf|mutableSetOf|mapOf|mutableMapOf|hashMapOf|frozenset|set|tuple|dict|array|of|asList|Set|Map|List|entry|Pair))\s*$/.test(before)) {
    return undefined;
  }
  const close = scan.pairs.closeOf(open);
  if (close === -1 || close > lit.end + LOCAL_CLOSE) scan.far = true;
  if (close === -1) return undefined;
  if (isItem) {
    const after = s.slice(close + 1, close + 160);
    if (MEMBERSHIP_USE.test(after)) return { subject: scan.text.slice(close + 1, close + 160) };
    if (walkTests(s, close + 1) !== -1) return { subject: scan.text.slice(close + 1, close + 160) };
    // An inline tuple as the argument of a matching call: `t.startswith(("A", "B"))`.
    const call = matchCallAround(s, open);
    if (call) return { subject: scan.text.slice(call[0], open) + scan.text.slice(close + 1, call[1]) };
    // (not the `in` of a loop walking the list: a demo's `for sample in ["...", ...]:`)
    // (a comprehension's `for t in (...)` is walked by its test: `any(t in msg for t in ("...", ...))`)
    if (/^\s*(?:async\s+)?for\b[^;:{}()]*\bin\s*$/.test(before.slice(before.lastIndexOf('\n') + 1))) return undefined;
    if (/(?:\bin|\bnot\s+in|in_array\s*\([^()]{1,80},)\s*$/.test(before.trimEnd()) || /\b(?:in|not\s+in)\s*(?:\w+\s*)?$/.test(before.replace(/(?:listOf|setOf|arrayOf|frozenset|set|tuple|List\.of|Set\.of|Arrays\.asList)\s*$/, ''))) {
      return { subject: scan.text.slice(open - before.length, open) };
    }
  }
  // An index initializer's key, `{ ["k"] = v }` (C#) or `{ ["k"]: v }` (JS): the braces are the map.
  const indexed = indexEntryOwner(s, open, afterLit);
  if (indexed !== -1) return namedCollectionUse(scan, indexed, 'key');
  // A key by position: its map is the collection to judge.
  const owner = isKey ? -1 : entryOwner(scan, lit, open);
  if (owner !== -1) return namedCollectionUse(scan, owner, 'entry');
  // A property of an object in a named list: `RULES = [{ match: '...' }]`, walked with `rule.match`.
  const value = opener === '{' && isItem && afterKey(s, open, lit.start);
  if (value) {
    const property = listPropertyUse(scan, lit, open);
    if (property !== undefined) return property;
  }
  return namedCollectionUse(scan, open, isKey ? 'key' : value ? 'value' : 'item');
}

/** How the collection opening at `open` is used by its name: Python `dict(...)`, Kotlin `mapOf(... to ...)`, PHP `array(...)` too. */
function namedCollectionUse(scan: UsageScan, open: number, role: Role): UseSite | undefined {
  const s = scan.masked;
  const name = assignedName(s, open);
  if (!name || name.length < 2) return undefined;
  scan.far = true; // (the name's uses)
  const close = scan.pairs.closeOf(open);
  if (close === -1) return undefined;
  const key = `${role[0]}${open}`;
  if (scan.collections?.has(key)) return scan.collections.get(key);
  const use = collectionUsedToMatch(scan.text, s, name, open - 200, close, role);
  scan.collections?.set(key, use);
  return use;
}

/**
 * The brace of the map whose index-initializer entry opens at `open` (`["k"] = v` or `["k"]: v`,
 * after `{` or `,`), or -1. The bracket is the key's, never the map's: `assignedName` names the brace.
 */
function indexEntryOwner(s: string, open: number, afterLit: string): number {
  if (s[open] !== '[' || !/^\]\s*(?:=(?![=>~])|:(?!:))/.test(afterLit)) return -1;
  if (!/[{,]\s*$/.test(s.slice(Math.max(0, open - 200), open))) return -1;
  const owner = enclosingOpen(s, open);
  return owner !== -1 && s[owner] === '{' ? owner : -1;
}

/** Builders whose arguments alternate keys and values: Java `Map.of(k1, v1, k2, v2)`, Guava `ImmutableMap.of`. */
const PAIRED_ARGS = /\b(?:Map|ImmutableMap)\s*\.\s*of\s*$/;
/** What may stand before a `(k, v)` entry besides a comma or the list's bracket: Java `Map.entry`, Kotlin `Pair`. */
const ENTRY_CALL = /(?:\b(?:Map\s*\.\s*)?entry|\bPair)\s*$/;

/**
 * The bracket of the map a literal is a key of by position only, or -1: the first item of an entry
 * in a list of pairs (`new Map([['k', v], ...])`, C# `{ { "k", v } }`, `Map.ofEntries(entry("k", v))`),
 * or an even argument of `Map.of(...)`. Values never count: a code-to-title table is a catalog.
 */
function entryOwner(scan: UsageScan, lit: Literal, open: number): number {
  const s = scan.masked;
  if (s[open] === '(' && PAIRED_ARGS.test(s.slice(Math.max(0, open - 40), open))) return evenArgument(s, open, lit.start) ? open : -1;
  if (s.slice(open + 1, lit.start).trim() !== '' || !/^\s*,/.test(s.slice(lit.end, lit.end + 80))) return -1;
  const lead = s.slice(Math.max(0, open - 80), open).replace(ENTRY_CALL, '').trimEnd();
  const prev = lead[lead.length - 1];
  if (prev !== ',' && prev !== '[' && prev !== '(' && prev !== '{') return -1;
  scan.far = true; // (the owner of the entries before it)
  // perf: an entry after a comma has the owner of the entry before it, when that one was judged: a
  // long list of entries is walked once, not once per entry.
  const before = prev === ',' ? previousEntry(s, Math.max(0, open - 80) + lead.length - 1) : -1;
  const known = before === -1 ? undefined : scan.entries?.get(before);
  const owner = known ?? enclosingOpen(s, open);
  scan.entries?.set(open, owner);
  return owner;
}

/** The opening bracket of the entry that ends just before the comma at `comma` (`[k, v]`, `(k, v)`, `{ k, v }`), or -1. */
function previousEntry(s: string, comma: number): number {
  let j = comma - 1;
  while (j > 0 && /\s/.test(s[j] as string)) j--;
  const c = s.charCodeAt(j);
  return c === 41 || c === 93 || c === 125 ? matchingOpen(s, j, Math.max(0, j - COLLECTION_WINDOW)) : -1;
}

/** True when `pos` is an even (0-based) argument of the call opening at `open`; gives up past 2000 characters. */
function evenArgument(s: string, open: number, pos: number): boolean {
  const index = argumentIndex(s, open, pos, 2000);
  return index >= 0 && index % 2 === 0;
}

/**
 * The subject of the nearest `switch (...)`, `when (...)`, `match (...)`, Ruby `case x` or C#
 * `x switch {` above `pos`.
 */
function switchSubject(text: string, s: string, pos: number): string {
  const from = Math.max(0, pos - 2500);
  const window = s.slice(from, pos);
  const re = /\b(?:switch|when|match|case|select)\b[ \t]*\(?[ \t]*([^\n{]{1,100})/g;
  let subject = '';
  let at = -1;
  // `case "..."` and `case 4:` are branches, not the subject (only Ruby's `case x` names one); so
  // are `case SOME.CONST:` and Ruby's `when CONST` (a subject's `when` is Kotlin's `when (x)`).
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const arm = /^when\b[ \t]*[^(\s]/.test(m[0]) || (/^case\b/.test(m[0]) && /^[\w.$]+\s*:/.test(m[1] as string));
    if (!arm && /^[A-Za-z_$@(]/.test(m[1] as string)) {
      subject = text.slice(from + m.index, from + m.index + m[0].length);
      at = m.index;
    }
  }
  // A C# switch expression names its subject before the keyword: `error.Title switch {`.
  const postfix = /[ \t]switch\s*\{/g;
  for (let m = postfix.exec(window); m; m = postfix.exec(window)) {
    if (m.index < at) continue;
    const end = from + m.index;
    subject = `${text.slice(chainStart(s, end), end)} switch`;
  }
  return subject;
}

/** A C# `is` pattern before a literal, with the `or`/`and` patterns before it (masked: the bodies are blank). */
const IS_PATTERN = /\bis(?:\s+not)?(?:\s+(["'])[^"'\n]*\1\s+(?:or|and)(?:\s+not)?)*$/;

/** After an arm's condition ending in a comma: more literal conditions, the last one followed by `->` (masked: bodies blank). */
const KOTLIN_ARM_REST = /^,\s*(?:(["'])[^"'\n]*\1\s*,\s*)*(["'])[^"'\n]*\2\s*->/;

/** The field before a literal in an object pattern of a `case` or `is`: `case T(code: 4, title: `, `is { Title: `. */
const OBJECT_PATTERN = /\b(?:case|is)\s+(?:[A-Z][\w.]*\s*\(|[A-Z][\w.]*\s*\{|\{)\s*(?:[A-Za-z_]\w*\s*:\s*[^,(){}]{1,40},\s*)*([A-Za-z_]\w*)\s*:\s*$/;

/** What may precede a literal in a switch arm's head: other literals, commas, C#'s `or`, Dart 3's `||`. */
const ARM_HEAD = /^(?:[\s"'`,]|\bor\b|\|\|)*$/;
/** The `or "..."` (C#) and `|| '...'` (Dart 3) patterns that follow a literal in an arm (masked: the bodies are blank). */
const OR_PATTERNS = /^(?:(?:or|\|\|)\s*(["'])[^"'\n]*\1\s*)+/;

/** True when the braces around `pos` belong to a C# `x switch { ... }` or a PHP `match ($x) { ... }` (not an array or map). */
function inSwitchExpression(s: string, pos: number): boolean {
  const open = enclosingOpen(s, pos);
  if (open === -1 || s[open] !== '{') return false;
  const before = s.slice(Math.max(0, open - 200), open);
  return /\bswitch\s*$/.test(before) || /\b(?:match|switch)\s*\([^;{}]*\)\s*$/.test(before);
}

/**
 * A line that is a test assertion: `assert ...`, `assertEquals(`, `assert.match(`, `assert_match`,
 * `self.assertRegex(`, `$this->assertStringContainsString(`, `Assert.Contains(`, `XCTAssert...(`,
 * testify's `require.Contains(`, and expectations `expect(x).toMatch(...)`, `expect(x).to match(...)`.
 */
const ASSERTION = /^\s*(?:(?:self|this|\$this)\s*(?:\.|->)\s*)?(?:(?:assert|Assert|XCTAssert)\w*(?:\s*[(.!]|\s+(?![=!<>+\-*/%&|^?:]))|require\s*\.\s*[A-Z]|expect\s*[({])|^\s*\.(?:to|not_to|to_not)\b|^\s*\.(?:rejects\.|resolves\.|not\.)?to[A-Z]/;

/** True when the line at `pos` is a test assertion. */
export function onAssertionLine(scan: UsageScan, pos: number): boolean {
  const [ls, le] = lineBounds(scan.masked, pos);
  return ASSERTION.test(scan.masked.slice(ls, Math.min(le, ls + 40)));
}

/** Why a literal is matched against error text, or undefined when it is not. */
export function useSite(scan: UsageScan, lit: Literal): UseSite | undefined {
  const site = directUse(scan, lit);
  return site && scan.family === 'kotlin' && site.at === undefined ? throughLambda(scan, lit.start, site) : site;
}

function directUse(scan: UsageScan, lit: Literal): UseSite | undefined {
  const s = scan.masked;
  const [ls, le] = lineBounds(s, lit.start);
  const left = s.slice(Math.max(ls, lit.start - WINDOW), lit.start);
  const right = s.slice(lit.end, Math.min(le, lit.end + WINDOW));
  const leftT = left.trimEnd();
  const rightT = right.trimStart();

  // Test assertions pin the value a fixture produced; they do not handle errors.
  if (ASSERTION.test(s.slice(ls, Math.min(le, ls + 40)))) return undefined;
  // Comparisons: `x === "..."`, `"..." == x`, `x =~ /.../`, Python/Kotlin `"..." in x`.
  // A comparison may be split over lines: `err.title ===\n  "..."`.
  const leftStart = leftT === '' ? Math.max(0, lit.start - WINDOW) : Math.max(ls, lit.start - WINDOW);
  const leftCmp = leftT === '' ? s.slice(leftStart, lit.start).trimEnd() : leftT;
  const cmpLeft = /(?:===?|!==?|=~|!~|<>)$/.exec(leftCmp);
  if (cmpLeft && !/(?:<=|>=|=>)$/.test(leftCmp)) {
    const pre = s.slice(leftStart, leftStart + leftCmp.length - cmpLeft[0].length).trimEnd();
    const preEnd = leftStart + pre.length;
    const subject = scan.text.slice(chainStart(s, preEnd), preEnd);
    return BARE_NAME.test(subject) ? { subject, variable: subject } : { subject };
  }
  // C# patterns outside a switch: `x is "..."`, `x is not "..."`, `x is "A" or "B"`.
  const isPattern = scan.family === 'csharp' ? IS_PATTERN.exec(leftCmp) : null;
  if (isPattern) {
    const preEnd = leftStart + s.slice(leftStart, leftStart + isPattern.index).trimEnd().length;
    return { subject: scan.text.slice(chainStart(s, preEnd), preEnd) };
  }
  // Kotlin Exposed's infix filters on an error column: `Failures.errorTitle like "%...%"`.
  const infix = scan.family === 'kotlin' ? /\s(?:like|ilike|eq|neq|notLike)\s*$/.exec(leftCmp) : null;
  if (infix) {
    const preEnd = leftStart + s.slice(leftStart, leftStart + infix.index).trimEnd().length;
    const column = scan.text.slice(chainStart(s, preEnd), preEnd);
    if (isErrorColumn(column)) return { subject: column };
  }
  const cmpRight = /^(?:===?|!==?|=~|!~)\s*/.exec(rightT);
  const rightText = scan.text.slice(lit.end, Math.min(le, lit.end + 120));
  const inRight = (scan.family === 'python' || scan.family === 'kotlin') && /^(?:not\s+)?in\b/.test(rightT);
  if (cmpRight || inRight) {
    const variable = BARE_AFTER.exec(rightT)?.[1];
    return variable ? { subject: rightText, variable } : { subject: rightText };
  }
  // Yoda calls: `"...".equals(x)`, `"...".equalsIgnoreCase(x)`, `'...'.Equals(x)`.
  if (/^\.\s*(?:equals|equalsIgnoreCase|Equals|contentEquals|compareTo|__eq__)\s*\(/.test(rightT)) return { subject: rightText };
  // A string made into a pattern: Kotlin `"...".toRegex()` or `"...".toPattern()`.
  if (/^\.\s*(?:toRegex|toPattern)\s*\(/.test(rightT)) return { subject: rightText };

  // `case "...":`, `when "..."`, Ruby `when /.../i`, Kotlin `"..." ->`, C#/PHP switch expressions `"..." =>`.
  // Before the regex branch, so a regex arm is judged by the switch's subject (a regex that is
  // itself tested, `case /x/.test(msg):`, is left to that branch).
  const head = s.slice(Math.max(ls, lit.start - WINDOW), lit.start).trimStart();
  const armEnd = !lit.regex || /^(?:$|[,:]|then\b|=>|->)/.test(rightT);
  if (armEnd && /(?:^|[{};:]|\bthen)\s*(?:case|when)\b[\s"'`,|]*(?:or\s+[\s"'`]*)*$/.test(head.replace(/(["'`]) *\1/g, '$1$1'))) {
    return { subject: switchSubject(scan.text, s, lit.start) };
  }

  // A field of an object pattern: Dart `case WaStatusError(title: '...')`, C# `is { Title: "..." }`.
  const field = OBJECT_PATTERN.exec(head);
  if (field && /^(?:[,)}]|$)/.test(rightT)) return { subject: field[1] as string };
  // (or a property pattern as a switch expression's arm: C#'s `ex.Error switch { { Title: "..." } => ...`)
  const property = /^\}\s*=>/.test(rightT) ? /\{\s*(?:[A-Za-z_]\w*\s*:\s*[^,{}]{1,40},\s*)*([A-Za-z_]\w*)\s*:\s*$/.exec(head) : null;
  if (property) {
    const brace = enclosingOpen(s, lit.start);
    if (brace !== -1 && s[brace] === '{' && inSwitchExpression(s, brace)) return { subject: `${property[1]} ${switchSubject(scan.text, s, lit.start)}` };
  }

  // Regex literals are patterns by nature; only replacing or splitting with one is not a test.
  if (lit.regex) {
    if (/\.\s*(?:replace|replaceAll|split|sub|gsub|tr)\s*\(\s*$/.test(leftT)) return undefined;
    // A pattern stored in a name (`const RX = /.../i;`) tests what its uses test.
    const storable = /^(?:[;,)]|$)/.test(rightT);
    if (storable) scan.far = true;
    const stored = storable ? storedPatternUse(scan, lit.start) : undefined;
    if (stored !== undefined) return stored;
    // A rule in a named list, `RULES = [{ pattern: /.../i, ... }]`: judged where a walk tests `rule.pattern`.
    const owner = /^(?:[,}\])]|$)/.test(rightT) ? enclosingOpen(s, lit.start, scan.opens) : -1;
    if (owner !== -1) scan.far = true;
    const rule = owner !== -1 && s[owner] === '{' && afterKey(s, owner, lit.start) ? listPropertyUse(scan, lit, owner) : undefined;
    if (rule !== undefined) return rule;
    // An item of a named list of patterns (`HARD = [/.../i, ...]`): judged where the list is walked.
    const listed = owner !== -1 && s[owner] === '[' ? inCollection(scan, lit, owner) : undefined;
    if (listed !== undefined) return listed;
    return { subject: scan.text.slice(Math.max(ls, lit.start - 80), lit.start) + scan.text.slice(lit.end, Math.min(le, lit.end + 80)) };
  }
  // C# arms may join patterns with `or`: `"A" or "B" => ...`.
  const armHead = ARM_HEAD.test(head) || /[{,](?:[\s"'`,]|\bor\b|\|\|)*$/.test(head);
  // (Dart's `||` may end the line, its other pattern and `=>` on the next: `'A' ||\n 'B' =>`)
  const armRight = (rightT === '||' || rightT === 'or' ? s.slice(lit.end, lit.end + 600).replace(/^\s*(?:\|\||or)\s*/, '|| ').replace(/^\|\| (["'])[^"'\n]*\1\s*/, '') : rightT).replace(OR_PATTERNS, '');
  // (a Kotlin arm may list its conditions one per line: `"A",\n "B" ->`)
  const kotlinArm = /^->/.test(rightT) || (rightT.startsWith(',') && KOTLIN_ARM_REST.test(s.slice(lit.end, lit.end + 600)));
  if ((/^[\s"'`,]*$/.test(head) && kotlinArm) || (armHead && /^=>/.test(armRight) && inSwitchExpression(s, lit.start))) {
    return { subject: switchSubject(scan.text, s, lit.start) };
  }

  // Ruby calls without parentheses: `msg.include? '...'`, `msg.start_with? '...'`.
  if (scan.family === 'ruby' && RUBY_PARENLESS.test(leftT)) {
    return { subject: scan.text.slice(lit.start - left.length, lit.start) };
  }
  // An argument of a matching call: `x.includes("...")`, `strings.Contains(x, "...")`, `re.search(r"...", x)`.
  const open = enclosingOpen(s, lit.start, scan.opens);
  if (tookMemo) scan.far = true;
  if (open !== -1 && s[open] === '(') {
    const callee = calleeAt(s, open);
    if (MATCH_CALLS.has(callee) || (callee === 'new' && REGEX_NEW.test(s.slice(Math.max(0, open - 200), open)))) {
      const close = matchingClose(s, open, open + 2 * WINDOW);
      const callStart = chainStart(s, open);
      const builds = PATTERN_BUILDERS.has(callee) || callee === 'new';
      const end = close === -1 ? lit.end : builds ? chainedCallEnd(s, close + 1) : close + 1;
      // A pattern stored in a name (`final _throttle = RegExp(...)`, C#'s `[GeneratedRegex(...)] partial Regex Name();`) tests what its uses test.
      const storable = builds && close !== -1 && end === close + 1;
      if (storable) scan.far = true;
      const stored = storable ? (callee === 'GeneratedRegex' ? generatedRegexUse(scan, close + 1) : storedPatternUse(scan, callStart)) : undefined;
      if (stored !== undefined) return stored;
      // A pattern built as an item of a named list (`_HUMAN_PATTERNS = [re.compile(r"..."), ...]`): what the walk over the list tests.
      const item = storable ? patternListUse(scan, callStart, end) : undefined;
      if (item !== undefined) return item;
      return { subject: scan.text.slice(callStart, lit.start) + scan.text.slice(lit.end, end) };
    }
    if (MESSAGE_PREDICATES.has(callee)) return { subject: scan.text.slice(chainStart(s, open), lit.start) };
    // A query builder's filter on an error column: `where('error_title', 'like', '...')`, `EF.Functions.Like(f.ErrorMessage, ...)`.
    const queried = queryCallUse(scan, open, callee, lit.start);
    if (queried !== undefined) return queried;
    // An argument of a helper of this file that matches the parameter it is passed as: `messageHas(err, "...")`.
    const helped = helperCallUse(scan, open, callee, lit);
    if (helped !== undefined) return helped;
  }
  // A named constant or enum member holding the title, compared elsewhere: `const RE_ENGAGEMENT = "..."`.
  const constant = constantName(s, open, left, rightT, scan.family);
  if (constant) {
    scan.far = true; // (its uses, wherever they are)
    const key = `c${constant.member ? '.' : ''}${constant.name}`;
    let use: UseSite | undefined;
    if (scan.collections?.has(key)) use = scan.collections.get(key);
    else {
      use = constantUsedToMatch(scan, constant.name, constant.member, lit.start);
      scan.collections?.set(key, use);
    }
    if (use !== undefined) return use;
  }
  // An item of a list a query builder filters an error column by: `whereIn('error_title', [...])`, `cur.execute(sql, ("...",))`.
  if (open !== -1 && (s[open] === '[' || (s[open] === '(' && calleeAt(s, open) === '')) && /[(,:=>]\s*$/.test(s.slice(Math.max(0, open - 40), open))) {
    const outer = enclosingOpen(s, open);
    const queried = outer !== -1 && s[outer] === '(' ? queryCallUse(scan, outer, calleeAt(s, outer), open) : undefined;
    if (queried !== undefined) return queried;
  }
  // A value of an object-style filter on an error column: Prisma `{ errorTitle: { contains: '...' } }`, Mongo `$regex`, Sequelize `[Op.like]`.
  if (open !== -1 && (s[open] === '{' || s[open] === '[')) {
    const filtered = queryObjectUse(scan, lit.start, open);
    if (filtered !== undefined) return filtered;
  }
  // A member of a list, set or map that is tested against error text.
  if (open !== -1) return inCollection(scan, lit, open);
  return undefined;
}

/** Operators of object-style filters: Prisma, Mongo, Sequelize. */
const OBJECT_OPERATOR = /^(?:contains|startsWith|endsWith|equals|in|notIn|like|iLike|ilike|notLike|notILike|\$(?:regex|eq|ne|in|nin)|Op\.\w+)$/;
/** Keys whose object is a filter: `where: {`, Mongo `$match: {`, Elasticsearch `match: {`. */
const FILTER_KEY = /^(?:where|filter|query|conditions|having|\$match|\$and|\$or|AND|OR|NOT|match|match_phrase|term|terms|must|should|must_not)$/;
/** Finders whose first argument is a filter object: Mongo `find({...})`, Prisma `findMany({ where })` is reached by its key. */
const FINDER_CALLS = new Set(['find', 'findOne', 'findFirst', 'findMany', 'findAll', 'count', 'countDocuments', 'updateMany', 'deleteMany', 'exists', 'where', 'findBy', 'findOneBy', 'aggregate']);

/** The key a value at `at` follows in an object: `errorTitle: `, `'error_title': `, `[Op.like]: ` (as `Op.like`); read back by hand. */
function objectKey(text: string, from: number, at: number): string | undefined {
  // (blanks read back for 200 characters at most, as every read near a literal is bounded)
  const stop = Math.max(from, at - 200);
  let j = at - 1;
  while (j > stop && isBlank(text.charCodeAt(j))) j--;
  if (text[j] !== ':' || text[j - 1] === ':') return undefined;
  j--;
  while (j > stop && isBlank(text.charCodeAt(j))) j--;
  const c = text[j];
  if (c === "'" || c === '"') j--;
  const bracket = text[j] === ']';
  if (bracket) j--;
  const end = j + 1;
  while (j >= from && end - j <= 60 && (isWordChar(text.charCodeAt(j)) || text[j] === '$' || (bracket && text[j] === '.'))) j--;
  if (bracket && text[j] !== '[') return undefined;
  return end - j > 1 ? text.slice(j + 1, end) : undefined;
}

/** The use of a value at `pos` in an object-style query filter (the object or list opening at `open`) on an error column, or undefined. */
function queryObjectUse(scan: UsageScan, pos: number, open: number): UseSite | undefined {
  const s = scan.masked;
  const text = scan.text;
  let obj = open;
  let key: string | undefined;
  if (s[open] === '[') {
    // `in: ['A', 'B']`: the list is the operator's value.
    key = objectKey(text, 0, open);
    if (key === undefined || !OBJECT_OPERATOR.test(key)) return undefined;
    obj = enclosingOpen(s, open);
    if (obj === -1 || s[obj] !== '{') return undefined;
  } else key = objectKey(text, open + 1, pos);
  if (key === undefined) return undefined;
  const owner = objectKey(text, 0, obj);
  if (OBJECT_OPERATOR.test(key)) return owner !== undefined && isErrorColumn(owner) ? { subject: `${owner} ${key}` } : undefined;
  // The object is a filter: the value of `where:` (or the like), or a finder's argument.
  let j = obj - 1;
  while (j > 0 && obj - j < 200 && isBlank(s.charCodeAt(j))) j--;
  const filter = owner !== undefined ? FILTER_KEY.test(owner) : s[j] === '(' && FINDER_CALLS.has(calleeAt(s, j));
  return filter && isErrorColumn(key) ? { subject: `${key} ${owner ?? calleeAt(s, j)}` } : undefined;
}

/** A Spring Data repository method that filters a column by its first argument: `findByErrorTitleContaining`, `countByErrorMessageLike`. */
const DERIVED_QUERY = /^(?:find|read|get|query|search|stream|count|exists|delete|remove)(?:All|First|Top\d*|Distinct)?By([A-Z]\w*?)(?:Containing|Contains|StartingWith|StartsWith|EndingWith|EndsWith|Like|NotLike|Equals|Is)(?:IgnoreCase|AllIgnoreCase)?$/;

/** Query builders' filters: a column named in their arguments (or a key), then the value it is compared with. */
const FILTER_CALLS = new Set([
  'where', 'orWhere', 'andWhere', 'whereNot', 'orWhereNot', 'whereIn', 'orWhereIn', 'whereNotIn', 'orWhereNotIn', 'whereLike', 'orWhereLike',
  'whereILike', 'orWhereILike', 'having', 'orHaving', 'Where', 'Or', 'Not', 'filter', 'filter_by', 'exclude', 'find_by', 'findBy', 'findOneBy', 'exists?', 'Q',
]);
/** Comparisons whose column is their receiver or first argument: SQLAlchemy `col.ilike(...)`, JPA `cb.like(root.get("..."), ...)`, EF `EF.Functions.Like(f.X, ...)`. */
const COLUMN_CALLS = new Set(['like', 'ilike', 'Like', 'ILike', 'notLike', 'not_like', 'notlike', 'notilike', 'in_', 'not_in', 'notIn', 'likeIgnoreCase', 'equal', 'notEqual', 'eq', 'ne', 'Equal']);
/** Calls that run query text with bound values: `db.Query("... error_title = $1", "...")`, `cur.execute(sql, (...))`. */
const BINDING_CALLS = new Set(['query', 'Query', 'QueryRow', 'QueryContext', 'QueryRowContext', 'Exec', 'ExecContext', 'execute', 'exec', 'raw', 'Raw', 'whereRaw', 'orWhereRaw', 'havingRaw', 'selectRaw', 'find_by_sql', 'Select', 'select', 'Get', 'get', 'prepare']);
/** A key before a value in a call's arguments: `external_error: `, `error_title__icontains=`, `'error_title' => `. */
const KEY_BEFORE = /([A-Za-z_][\w.]*)['"]?\s*(?::|=>|=(?![=>]))\s*$/;
/** Quoted strings in a call's arguments (bounded). */
const QUOTED = /(["'`])((?:\\.|(?!\1)[^\\\n]){0,300})\1/g;

/**
 * The use of a value at `at` (a literal, or the list holding it) in the query call opening at
 * `open`, when the call filters a column that holds error text, or undefined.
 */
function queryCallUse(scan: UsageScan, open: number, callee: string, at: number): UseSite | undefined {
  // Spring Data's derived queries name the column and the match: `findByErrorTitleContainingIgnoreCase("...")`.
  const derived = DERIVED_QUERY.exec(callee);
  if (derived && isErrorColumn(derived[1] as string) && scan.text.slice(open + 1, at).trim() === '') return { subject: `${derived[1]} ${callee}` };
  const filter = FILTER_CALLS.has(callee);
  const compares = COLUMN_CALLS.has(callee);
  if (!filter && !compares && !BINDING_CALLS.has(callee)) return undefined;
  if (at - open > 600) return undefined;
  const start = chainStart(scan.masked, open);
  // (NumPy's `np.where(cond, a, b)` chooses between values: its labels are ours, not a filter's)
  if (callee === 'where' && /^(?:np|numpy)\s*\.\s*where$/.test(scan.text.slice(start, open).trim())) return undefined;
  const args = scan.text.slice(open + 1, at);
  let column: string | undefined;
  const key = filter ? KEY_BEFORE.exec(args.slice(-80)) : null;
  if (key && isErrorColumn((key[1] as string).replace(/__\w+$/, ''))) column = key[1];
  for (const m of column === undefined ? args.matchAll(QUOTED) : []) {
    const body = m[2] as string;
    if (filter ? namesErrorColumn(body) : bindsErrorColumn(body)) {
      column = body;
      break;
    }
  }
  // `f.ErrorMessage`, `root.get("errorTitle")`, `Failure.error_title.ilike(`: any name in the receiver or the arguments.
  if (column === undefined && compares) column = scan.text.slice(start, at).match(/[A-Za-z_]\w*/g)?.find(isErrorColumn);
  // TypeORM `errorTitle: Like('%...%')`: the key the call is the value of.
  const keyed = column === undefined && compares ? KEY_BEFORE.exec(scan.text.slice(Math.max(0, start - 80), start))?.[1] : undefined;
  if (keyed !== undefined && isErrorColumn(keyed)) column = keyed;
  if (column === undefined) return undefined;
  return { subject: `${column} ${scan.text.slice(start, at)}` };
}

/**
 * Where a call chained at `from` ends (`.containsMatchIn(msg)`, `.search(msg)`, `.matcher(msg)`), or
 * `from` when none is: `Regex("...").containsMatchIn(msg)` tests `msg`, not the constructor's arguments.
 */
function chainedCallEnd(s: string, from: number): number {
  const m = /^\s*\??\.\s*[A-Za-z_]\w*\s*\(/.exec(s.slice(from, from + 80));
  if (!m) return from;
  const close = matchingClose(s, from + m[0].length - 1, from + m[0].length + WINDOW);
  return close === -1 ? from : close + 1;
}

/** The name a value is assigned to, read back from where the value starts: `final _rx = `, `val r: Regex = `, `re := `. */
const ASSIGNED_TO = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>?]+\s*)?(?<![=!<>])(?::=|=)\s*$/;
/** Methods of a compiled pattern that test text: `.hasMatch(`, `.test(`, `.matcher(`, `.containsMatchIn(`, `.IsMatch(`. */
const PATTERN_TEST = /^\s*(?:\?\.|!!\.|\.)\s*(?:hasMatch|firstMatch|allMatches|test|exec|match\??|matches|matchEntire|search|fullmatch|findall|finditer|find|matcher|containsMatchIn|IsMatch|Match|Matches|MatchString|FindString|FindStringSubmatch)\s*\(/;

/**
 * What the uses of a stored pattern test, or undefined: `_throttle.hasMatch(e.title)`,
 * `msg.contains(rx)`, `msg =~ RX`. The pattern is the call starting at `callStart`, assigned to a
 * name on its line (or the line above).
 */
function storedPatternUse(scan: UsageScan, callStart: number): UseSite | undefined {
  const s = scan.masked;
  const head = s.slice(Math.max(0, callStart - 160), callStart);
  const name = ASSIGNED_TO.exec(head)?.[1];
  if (!name || name.length < 2) return undefined;
  const key = `p${name}`;
  if (scan.collections?.has(key)) return scan.collections.get(key);
  let use: UseSite | undefined;
  for (const at of usesOf(s, name)) {
    if (at >= callStart - head.length && at < callStart) continue; // the definition itself
    const subject = patternTestAt(scan, at, name.length);
    if (subject !== undefined) {
      use = { subject, at };
      break;
    }
  }
  scan.collections?.set(key, use);
  return use;
}

/**
 * The use of a named list whose item is the pattern built at `[start, end)` (`[re.compile(...), ...]`),
 * when the list is walked by a test: `any(p.search(text) for p in NAME)`. Undefined otherwise, and
 * the pattern is then judged as a pattern.
 */
function patternListUse(scan: UsageScan, start: number, end: number): UseSite | undefined {
  const s = scan.masked;
  const open = enclosingOpen(s, start);
  if (open === -1 || s[open] !== '[' || (s.slice(open + 1, start).trim() !== '' && !/,\s*$/.test(s.slice(Math.max(open + 1, start - 200), start)))) return undefined;
  if (!/^\s*[,\]]/.test(s.slice(end, end + 40))) return undefined;
  scan.far = true; // (the list's name and its uses)
  const name = assignedName(s, open);
  return name.length < 2 ? undefined : namedCollectionUse(scan, open, 'item');
}

/** The method a C# `[GeneratedRegex(...)]` attribute (ending before `from`) declares: `] private static partial Regex Name();`. */
const GENERATED_METHOD = /^\s*\]\s*(?:\[[^\]\n]{0,200}\]\s*)*(?:(?:public|private|internal|protected|static|partial)\s+){0,4}Regex\??\s+([A-Za-z_]\w*)\s*\(\s*\)/;

/** What the calls of a generated regex's method test (`PairRateLimit().IsMatch(error.Message)`), or undefined. */
function generatedRegexUse(scan: UsageScan, from: number): UseSite | undefined {
  const s = scan.masked;
  const decl = GENERATED_METHOD.exec(s.slice(from, from + 400));
  if (!decl) return undefined;
  const name = decl[1] as string;
  const defAt = from + decl[0].lastIndexOf(name);
  for (const at of usesOf(s, name)) {
    if (at === defAt) continue;
    const call = /^\s*\(\s*\)/.exec(s.slice(at + name.length, at + name.length + 20));
    const subject = call ? patternTestAt(scan, at, name.length + call[0].length) : undefined;
    if (subject !== undefined) return { subject, at };
  }
  return undefined;
}

/** The test a use of a stored pattern at `at` makes (the pattern's name left out), or undefined. */
function patternTestAt(scan: UsageScan, at: number, length: number): string | undefined {
  const s = scan.masked;
  const [ls, le] = lineBounds(s, at);
  const after = s.slice(at + length, Math.min(le, at + length + 200));
  const own = PATTERN_TEST.exec(after);
  if (own) {
    const open = at + length + own[0].length - 1;
    const close = matchingClose(s, open, open + WINDOW);
    return close === -1 ? undefined : scan.text.slice(at + length, close + 1);
  }
  // `msg =~ RX`, `RX =~ msg`: the rest of the comparison.
  if (/^\s*[=!]~/.test(after) || /[=!]~\s*$/.test(s.slice(Math.max(ls, at - 120), at))) return scan.text.slice(Math.max(ls, at - 120), Math.min(le, at + length + 120));
  // An argument of a matching call: `msg.contains(rx)`, `text.match(RX)`, `re.search(RX, msg)`.
  const from = Math.max(ls, at - 200);
  const rel = enclosingOpen(s.slice(from, at), at - from);
  const open = rel === -1 ? -1 : from + rel;
  if (open === -1 || s[open] !== '(' || !MATCH_CALLS.has(calleeAt(s, open)) || PATTERN_BUILDERS.has(calleeAt(s, open))) return undefined;
  const close = matchingClose(s, open, open + WINDOW);
  return close === -1 ? undefined : scan.text.slice(chainStart(s, open), at) + scan.text.slice(at + length, close + 1);
}

/** UPPER_CASE: what makes a plain assignment a constant by convention in every language. */
const CONSTANT_CASE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The name a literal is bound to as a whole: `NAME = "..."` (a declaration keyword, a type or an
 * annotation before it, or an UPPER_CASE name), or an enum or constant-object member
 * `ReEngagement = "..."` / `RE_ENGAGEMENT: "..."`. Members must start with a capital letter, so
 * payload fields (`title: "..."`) never count.
 */
function constantName(s: string, open: number, left: string, rightT: string, family: LanguageFamily): { name: string; member: boolean } | undefined {
  if (!/^(?:\.freeze\b)?\s*(?:[;,})\]]|$)/.test(rightT)) return undefined;
  const m = /([A-Za-z_$][\w$]*)\s*(:\s*[\w$.<>[\]?]+\s*)?(=|:)\s*$/.exec(left.slice(-120));
  if (!m || /[=!<>:]\s*$/.test(left.slice(0, left.length - m[0].length))) return undefined;
  const name = m[1] as string;
  if (name.length < 3) return undefined;
  const prefix = left.slice(0, left.length - m[0].length);
  const lineHead = prefix.slice(prefix.lastIndexOf('\n') + 1);
  // A class constant (`public const string X = ...`) is used bare or qualified, like any variable.
  const declared = /\b(?:const|static|final|val|var|let|readonly|public|private|protected|internal|define)\s/.test(lineHead);
  const member = !declared && ((open !== -1 && s[open] === '{') || m[3] === ':');
  if (member) return /^[A-Z]/.test(name) ? { name, member } : undefined;
  // A declaration: only keywords and a type may precede the name (`static final String`, `export const`), not `<p` of JSX.
  if (!/^\s*(?:[A-Za-z_][\w.]*(?:<[\w\s,.]*>)?(?:\[\])?\??\s+)*$/.test(lineHead)) return undefined;
  // With nothing before it (or only `else`, `return`), `_error = '...'` writes a variable (UI state, a
  // default), unless named as a constant.
  const typed = (/\S/.test(lineHead) && !/^\s*(?:else|return|do|then|await|yield)\s+$/.test(lineHead)) || m[2] !== undefined || inConstBlock(s, open);
  if (!typed && !CONSTANT_CASE.test(name) && !(family === 'ruby' && /^[A-Z]/.test(name))) return undefined;
  return { name, member };
}

/** True when `open` is the parenthesis of a Go `const (` or `var (` block. */
function inConstBlock(s: string, open: number): boolean {
  return open !== -1 && s[open] === '(' && /\b(?:const|var)\s*$/.test(s.slice(Math.max(0, open - 20), open));
}

/** Comparands that are never text: `null`, `nil`, `None`, `undefined`, booleans, numbers. */
const NOT_TEXT_AFTER = /^\s*(?:===?|!==?)\s*(?:null|nil|None|undefined|true|false|-?\d[\d.]*)(?![\w$])/;
const NOT_TEXT_BEFORE = /(?:^|[^\w$.])(?:null|nil|None|undefined|true|false|\d[\d.]*)\s*(?:===?|!==?)\s*$/;

/** The code around a use of a constant that compares it with text, or undefined. */
function constantUsedToMatch(scan: UsageScan, name: string, member: boolean, defAt: number): UseSite | undefined {
  const s = scan.masked;
  for (const at of usesOf(s, name)) {
    if (Math.abs(at - defAt) < name.length + 200 && s.lastIndexOf('\n', defAt) === s.lastIndexOf('\n', at)) continue; // the definition itself
    if (member && s[at - 1] !== '.' && !/(?:::|->)$/.test(s.slice(at - 2, at))) continue;
    const [ls, le] = lineBounds(s, at);
    // `Titles.RE_ENGAGEMENT`, PHP `self::WINDOW_TITLE`, `static::X`, `Foo::X`, `$this->x`.
    const lead = s.slice(Math.max(ls, at - 120), at);
    const from = at - (lead.length - lead.replace(QUALIFIER, '').length);
    const before = s.slice(Math.max(ls, from - 120), from);
    const after = s.slice(at + name.length, Math.min(le, at + name.length + 60));
    // `NAME != null`, `NAME == 0`: a test of the variable, not of text.
    const matched =
      (/(?:===?|!==?)\s*$/.test(before) && !NOT_TEXT_BEFORE.test(before)) ||
      (/^\s*(?:===?|!==?)/.test(after) && !NOT_TEXT_AFTER.test(after)) ||
      /(?:^|[{;:])\s*(?:case|when)\s+$/.test(before) ||
      ((scan.family === 'python' || scan.family === 'kotlin') && /^\s*(?:not\s+)?in\b/.test(after));
    const open = matched ? -1 : enclosingOpen(s, from);
    // (a test's assertion through the constant, `expect(out.startsWith(title)).toBe(true)`, checks our output)
    if ((matched || (open !== -1 && s[open] === '(' && MATCH_CALLS.has(calleeAt(s, open)))) && !ASSERTION.test(s.slice(ls, Math.min(le, ls + 40)))) return { subject: scan.text.slice(Math.max(ls, from - 120), Math.min(le, at + name.length + 60)), at };
  }
  return undefined;
}

/**
 * Calls that fail a test: Go's `t.Errorf(`/`t.Fatal(`, `fail(`, `Assert.Fail(`, `self.fail(`,
 * `pytest.fail(`, `$this->fail(`, `XCTFail(`. Only a test's handle: `log.Fatalf(` ends a program.
 */
const TEST_FAILURE = /^\s*(?:(?:t|b|tb)\.(?:Errorf?|Fatalf?|FailNow|Fail)|(?:(?:Assert|Assertions|assert|self|this|pytest|expect)\s*\.\s*|\$this\s*->\s*)?[fF]ail|XCTFail)\s*\(/;
/** A condition's line: `if ...`, `} else if ...`, `elif ...`. */
const CONDITION_LINE = /^\s*(?:\}\s*)?(?:else\s+if|elif|if)\b/;
/** The letters TEST_FAILURE's calls start with. */
const FAILURE_FIRST = new Set([...'tbAaspe$fFX'].map((c) => c.charCodeAt(0)));
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
/** How far a failing branch may reach: one call and its message. */
const FAIL_BRANCH = 400;

/** True when the line at `pos` is a condition whose branch only fails a test (a test's assertion spelled as an `if`). */
export function onlyFailsTest(scan: UsageScan, pos: number): boolean {
  const s = scan.masked;
  // perf: short walks to the line's end, then to the first code after it: a branch that does not
  // start with a failing call's first letter is settled without a slice.
  let le = pos;
  while (le < s.length && le - pos < LINE_REACH && s.charCodeAt(le) !== 10) le++;
  let last = le - 1;
  while (last > pos && isBlank(s.charCodeAt(last))) last--;
  const opener = s[last];
  if (opener !== '{' && opener !== ':') return false;
  let first = last + 1;
  while (first < s.length && first - last < 200 && isBlank(s.charCodeAt(first))) first++;
  if (!FAILURE_FIRST.has(s.charCodeAt(first))) return false;
  let ls = pos;
  while (ls > 0 && pos - ls < LINE_REACH && s.charCodeAt(ls - 1) !== 10) ls--;
  if (!CONDITION_LINE.test(s.slice(ls, ls + 40))) return false;
  const line = s.slice(ls, le);
  if (opener === '{') {
    const brace = last;
    if (!TEST_FAILURE.test(s.slice(brace + 1, brace + 120))) return false;
    const close = scan.pairs.closeOf(brace);
    if (close === -1 || close - brace > FAIL_BRANCH) return false;
    return failsOnly(s, brace + 1, close);
  }
  if (scan.family !== 'python') return false;
  // Python: the indented block under the condition, up to the first line back at its indent.
  const indent = line.length - line.trimStart().length;
  let end = le;
  for (let at = le + 1; at < Math.min(s.length, le + FAIL_BRANCH); ) {
    const nl = s.indexOf('\n', at);
    const next = s.slice(at, nl === -1 ? s.length : nl);
    if (next.trim() !== '' && next.length - next.trimStart().length <= indent) break;
    end = nl === -1 ? s.length : nl;
    if (nl === -1) break;
    at = nl + 1;
  }
  return end > le && failsOnly(s, le, end);
}

/** True when `s[from, to)` is one test-failure call (and nothing but a `return` after it). */
function failsOnly(s: string, from: number, to: number): boolean {
  const body = s.slice(from, to);
  const m = TEST_FAILURE.exec(body);
  if (!m) return false;
  const close = matchingClose(s, from + m[0].length - 1, to);
  return close !== -1 && /^[\s;]*(?:return\b[\s;]*)?$/.test(s.slice(close + 1, to));
}

/** Kotlin's calls whose block gets the receiver (or each item of it) as `it` or a named parameter. */
const LAMBDA_CALL = /(?:\?\.|!!\.|\.)\s*(?:let|also|run|apply|takeIf|takeUnless|filter|filterNot|any|all|none|first|firstOrNull|find|count|map|mapNotNull|forEach|onFailure|recover)\s*$/;

/**
 * The site with the receiver of the Kotlin block it sits in added to its subject, when the subject
 * reads the block's parameter: in `(e as? GraphException)?.title?.let { it == "..." }`, `it` is the title.
 */
function throughLambda(scan: UsageScan, pos: number, site: UseSite): UseSite {
  const s = scan.masked;
  // perf: only a subject reading `it`, or a line with a block parameter (`{ t ->`), is looked into.
  if (!/\bit\b/.test(site.subject) && !s.slice(Math.max(0, pos - 120), pos).includes('->')) return site;
  scan.far = true;
  let open = enclosingOpen(s, pos);
  for (let k = 0; k < 2 && open !== -1 && s[open] !== '{'; k++) open = enclosingOpen(s, open);
  if (open === -1 || s[open] !== '{') return site;
  const head = s.slice(Math.max(0, open - 80), open).trimEnd();
  const call = LAMBDA_CALL.exec(head);
  if (!call) return site;
  const param = /^\s*([A-Za-z_]\w*)\s*(?::\s*[\w.<>?]+\s*)?->/.exec(s.slice(open + 1, open + 80))?.[1] ?? 'it';
  if (!new RegExp(`(?<![\\w$.])${param}(?![\\w$])`).test(site.subject)) return site;
  const dot = Math.max(0, open - 80) + call.index;
  return { subject: `${scan.text.slice(receiverStart(s, dot), dot)} ${site.subject}` };
}

/** Start of the receiver chain ending at `end`, through earlier blocks: `errors.map { it.title }.filter`. */
function receiverStart(s: string, end: number): number {
  let start = chainStart(s, end);
  for (let k = 0; k < 3 && s[start - 1] === '}'; k++) {
    let open = matchingOpen(s, start - 1, Math.max(0, start - 400));
    if (open === -1) break;
    while (open > 0 && isBlank(s.charCodeAt(open - 1))) open--;
    start = chainStart(s, open);
  }
  return start;
}

/** How far a helper's body is read. */
const HELPER_BODY = 600;
/** Words that start a statement, never a definition: `if has(err, "x") {` calls `has`. */
const STATEMENT_WORDS = /\b(?:if|elif|else|while|for|return|switch|case|when|not|and|or|await|yield|throw|new|unless|until|do|then|go|defer)\b/;
/** What stands before a function's name where it is defined: a keyword (`function`, `def`, Go's `func (r *T)`, `fun T.`) or modifiers and a type. */
const DEF_HEAD = /(?:\b(?:function\*?|def|func|fun)\s*(?:\([^()]*\)\s*)?(?:<[^<>]*>\s*)?(?:[\w$]+\.)?|^\s*(?:[A-Za-z_][\w.$]*(?:<[\w\s,.?<>]*>)?(?:\[\])?\??\s+)+)$/;
/** A function expression bound to the name: `= (err, s) =>`, `= function (err, s)`, `= async (`. */
const BOUND_FUNCTION = /^\s*(?::[^=\n]{1,80})?=\s*(?:async\s*)?(?:function\s*)?(?=\()/;

/** The use of a literal passed to a helper of this file at a parameter the helper matches, or undefined. */
function helperCallUse(scan: UsageScan, open: number, callee: string, lit: Literal): UseSite | undefined {
  if (callee.length < 3 || KEYWORDS.has(callee)) return undefined;
  const s = scan.masked;
  // perf: a helper of the file is called bare or on `this`/`self`, with the text and the literal
  // (`messageHas(err, "...")`); `logger.info("...")` and `t("...")` are never looked up.
  let k = open;
  while (k > 0 && isBlank(s.charCodeAt(k - 1))) k--;
  const nameAt = k - callee.length;
  const c = s.charCodeAt(nameAt - 1);
  const method = c === 46 || c === 62 || c === 58; // `.`, `->`, `::`
  // (PHP's static helpers too: `self::messageHas($e, '...')`, `static::`)
  if (method && !/(?:\bthis|\bself|\$this)\s*(?:\.|->)$|\b(?:self|static)::$/.test(s.slice(Math.max(0, nameAt - 8), nameAt))) return undefined;
  const argument = argumentIndex(s, open, lit.start);
  if (argument === 0 && !/^\s*,/.test(s.slice(lit.end, lit.end + 40))) return undefined;
  scan.far = true;
  const helper = helperOf(scan, callee);
  // Python's `self._has(err, "...")` passes `self` before the first argument.
  const index = argument + (helper?.self && method ? 1 : 0);
  if (!helper || argument < 0 || !helper.params.includes(index)) return undefined;
  const close = matchingClose(s, open, open + 2 * WINDOW);
  const callText = scan.text.slice(chainStart(s, open), lit.start) + scan.text.slice(lit.end, close === -1 ? lit.end : close + 1);
  return { subject: `${callText} ${helper.excerpt}` };
}

/** The 0-based argument of the call opening at `open` that `pos` is in, or -1 past `reach` characters. */
function argumentIndex(s: string, open: number, pos: number, reach = 600): number {
  if (pos - open > reach) return -1;
  let depth = 0;
  let commas = 0;
  for (let j = open + 1; j < pos; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) commas++;
  }
  return commas;
}

/** The helper named `name` defined in this file, looked up once per scan. */
function helperOf(scan: UsageScan, name: string): Helper | undefined {
  const known = scan.helpers?.get(name);
  if (known !== undefined) return known ?? undefined;
  const helper = findHelper(scan, name);
  scan.helpers?.set(name, helper ?? null);
  return helper;
}

function findHelper(scan: UsageScan, name: string): Helper | undefined {
  const s = scan.masked;
  for (const at of usesOf(s, name)) {
    // perf: only a name followed by `(`, `=` or `:` can be a definition; the line is read after that.
    if (!/^\s*[(=:]/.test(s.slice(at + name.length, at + name.length + 20))) continue;
    const [ls, le] = lineBounds(s, at);
    const head = s.slice(Math.max(ls, at - 120), at);
    let paren = -1;
    const defined = (DEF_HEAD.test(head) && !STATEMENT_WORDS.test(head)) || (scan.family === 'javascript' && /^\s*$/.test(head)); // JS method shorthand
    if (defined && /^\s*\(/.test(s.slice(at + name.length, le))) paren = s.indexOf('(', at + name.length);
    else {
      const bound = BOUND_FUNCTION.exec(s.slice(at + name.length, le));
      if (bound) paren = at + name.length + bound[0].length;
    }
    if (paren === -1) continue;
    const close = matchingClose(s, paren, paren + 400);
    if (close === -1) continue;
    // A body must follow on the line: `{`, `=>`, `=`, Python's `:`, past a return type.
    // (or on the next line alone: Allman braces, `bool Contains(...)\n{`)
    const opener = /^[^;{}()\n]{0,80}?(\{|=>|=(?!=)|:[ \t]*(?:\n|$)|\r?\n[ \t]*\{)/.exec(s.slice(close + 1, Math.min(s.length, close + 1 + 120)));
    if (!opener) continue;
    const params = paramNames(s.slice(paren + 1, close), scan.family);
    const bodyStart = close + 1 + opener[0].length;
    const brace = (opener[1] as string).endsWith('{') ? bodyStart - 1 : s.slice(bodyStart, bodyStart + 40).search(/^\s*\{/) === 0 ? s.indexOf('{', bodyStart) : -1;
    const bodyEnd = brace === -1 ? bodyStart + 300 : matchingClose(s, brace, brace + HELPER_BODY);
    if (bodyEnd === -1) continue;
    const body = s.slice(bodyStart, Math.min(bodyEnd, bodyStart + HELPER_BODY));
    const matched = params.flatMap((p, i) => (p && paramMatched(body, p) ? [i] : []));
    if (matched.length === 0) return undefined;
    return { params: matched, self: params[0] === 'self' || params[0] === 'cls', excerpt: scan.text.slice(bodyStart, bodyStart + body.length) };
  }
  return undefined;
}

/** The names of a parameter list, by position ('' where unreadable): `err, s`, `String s`, `s string`, `s: String`, `$s = ''`. */
function paramNames(list: string, family: LanguageFamily): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let j = 0; j <= list.length; j++) {
    const c = list[j];
    if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') depth--;
    else if ((c === ',' && depth === 0) || j === list.length) {
      out.push(paramName(list.slice(from, j), family));
      from = j + 1;
    }
  }
  return out;
}

function paramName(param: string, family: LanguageFamily): string {
  const p = param.replace(/=[\s\S]*$/, '').replace(/:[\s\S]*$/, '').trim();
  const names = p.match(/\$?[A-Za-z_][\w$]*/g) ?? [];
  if (family === 'php') return names.find((n) => n.startsWith('$')) ?? '';
  // Typed first (`String s`) in Java, C# and Dart; the name first elsewhere (Go's `s string`).
  const typedFirst = family === 'java' || family === 'csharp' || family === 'dart';
  return (typedFirst ? names[names.length - 1] : names[0]) ?? '';
}

/** A comparison on either side of an operand: `x === p`, `p in x`, `p =~ x`. */
const COMPARED_BEFORE = /(?:===?|!==?|=~|\bin)\s*$/;
const COMPARED_AFTER = /^\s*(?:===?|!==?|=~|(?:not\s+)?in\b)/;

/** True when a body passes the parameter `p` into a match: a matching call's argument or receiver, a comparison, `p in x`. */
function paramMatched(body: string, p: string): boolean {
  for (const at of usesOf(body, p)) {
    if (matchCallAround(body, at)) return true;
    const after = body.slice(at + p.length, at + p.length + 60);
    if (COMPARED_BEFORE.test(body.slice(Math.max(0, at - 40), at)) || COMPARED_AFTER.test(after)) return true;
    const method = /^\s*(?:\?\.|\.|->)\s*([A-Za-z_]\w*\??)\s*\(/.exec(after);
    if (method && MATCH_CALLS.has(method[1] as string)) return true;
  }
  return false;
}

/** True when the literal at `pos` (inside braces opening at `open`) follows a key: `k: "..."`, `k => "..."`. */
function afterKey(s: string, open: number, pos: number): boolean {
  let j = pos - 1;
  while (j > open && isBlank(s.charCodeAt(j))) j--;
  return s[j] === ':' || (s[j] === '>' && s[j - 1] === '=');
}

/**
 * How a property value (after a key) in an object of a named list is used (`ERROR_RULES = [{ match: '...' }]`):
 * when a walk over the list passes `item.match` into a match, or undefined.
 */
function listPropertyUse(scan: UsageScan, lit: Literal, open: number): UseSite | undefined {
  const s = scan.masked;
  let j = lit.start - 1;
  while (j > open && isBlank(s.charCodeAt(j))) j--;
  const prop = /([A-Za-z_$][\w$]*)['"]?\s*(?::|=>)\s*$/.exec(scan.text.slice(Math.max(open + 1, j - 40), j + 1))?.[1];
  if (!prop) return undefined;
  const outer = listOfItem(scan, open);
  // A call's argument is no list item unless the call builds a list (`listOf(`, `List.of(`, `array(`).
  if (outer === -1 || (s[outer] === '(' && !LIST_BUILDERS.has(calleeAt(s, outer)))) return undefined;
  scan.far = true; // (the list's name and its uses)
  const key = `o${outer}.${prop}`;
  if (scan.collections?.has(key)) return scan.collections.get(key);
  const name = assignedName(s, outer);
  if (!name || name.length < 2) {
    scan.collections?.set(key, undefined);
    return undefined;
  }
  const close = scan.pairs.closeOf(outer);
  let use: UseSite | undefined;
  for (const at of close === -1 ? [] : usesOf(s, name)) {
    if (at >= outer - 200 && at < close) continue;
    const before = s.slice(Math.max(lineBounds(s, at)[0], at - 120), at).replace(QUALIFIER, '');
    const walks = WALKS_BEFORE.test(before.trimEnd()) || /\bfor\b/.test(before) || ITERATE_USE.test(pastAdapters(s.slice(at + name.length, at + name.length + 120)));
    if (!walks) continue;
    const body = followingLines(s, at);
    if (propertyMatched(scan.text.slice(at, at + body.length), body, prop)) {
      use = { subject: scan.text.slice(at, at + body.length), at };
      break;
    }
  }
  scan.collections?.set(key, use);
  return use;
}

const LIST_BUILDERS = new Set(['listOf', 'mutableListOf', 'arrayOf', 'setOf', 'of', 'asList', 'array', 'tuple', 'list']);

/**
 * The bracket of the list an item opening at `open` is in, or -1. perf: an item after a comma is in
 * the list of the item before it, when that one was judged: a long list of objects is walked once.
 */
function listOfItem(scan: UsageScan, open: number): number {
  const s = scan.masked;
  const known = scan.entries?.get(open);
  if (known !== undefined) {
    scan.far = true; // (another literal's answer)
    return known;
  }
  let j = open - 1;
  while (j > 0 && open - j < 80 && isBlank(s.charCodeAt(j))) j--;
  const c = s.charCodeAt(j);
  // The first item: the bracket just before it. A later one: the list of the item before the comma.
  const before = c === 44 ? previousEntry(s, j) : -1;
  const lent = before === -1 ? undefined : scan.entries?.get(before);
  if (lent !== undefined) scan.far = true;
  const owner = c === 40 || c === 91 || c === 123 ? j : (lent ?? enclosingOpen(s, open));
  scan.entries?.set(open, owner);
  return owner;
}

/** True when a walk's code (`text`, and `masked` at the same offsets) passes `x.prop` or `x["prop"]` into a match. */
function propertyMatched(text: string, masked: string, prop: string): boolean {
  const name = prop.replace(/\$/g, '\\$');
  const re = new RegExp(`(?:\\??\\.\\s*${name}|\\[\\s*['"]${name}['"]\\s*\\])(?![\\w$])`, 'g');
  for (const m of text.matchAll(re)) {
    const end = (m.index as number) + m[0].length;
    const start = chainStart(masked, end);
    if (matchCallAround(masked, start) || COMPARED_BEFORE.test(masked.slice(Math.max(0, start - 40), start)) || COMPARED_AFTER.test(masked.slice(end, end + 40))) return true;
    // A stored pattern tested in turn: `rule.pattern.test(text)`, `r[:re].match?(msg)`.
    if (PATTERN_TEST.test(masked.slice(end, end + 40))) return true;
  }
  return false;
}

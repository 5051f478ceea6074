/**
 * Rows of tables whose columns are named elsewhere, as test tables are written:
 *
 * - Go: `{"too many calls", 4, true},` under `cases := []struct{ name string; code int; retry bool }{`
 * - Python: `(4, True),` under `@pytest.mark.parametrize("code, retry", [`, or `for code, action in [`
 * - Ruby: `[4, :retry],` in a list followed by `.each do |code, action|`
 * - Jest: `[4, 'retry'],` in `it.each([...])('…', (code, action) => …)`
 * - JavaScript: `[4, 'retry'],` in `for (const [code, action] of [`
 * - C#: `[InlineData(4, true)]` above `public void Retries(int code, bool retry)`
 *
 * `columnName` finds the name of the column a value sits in, so the caller can ask whether that name
 * is an error code. Every read stays within the reaches of source.ts: BACK_REACH before the row's
 * line, FORWARD_REACH after it.
 */

const QUOTE_DOUBLE = 34;
const QUOTE_SINGLE = 39;
const BACKTICK = 96;

function isOpener(c: number): boolean {
  return c === 40 || c === 91 || c === 123;
}

function isCloser(c: number): boolean {
  return c === 41 || c === 93 || c === 125;
}

function isQuote(c: number): boolean {
  return c === QUOTE_DOUBLE || c === QUOTE_SINGLE || c === BACKTICK;
}

/** Index of the quote closing the string opened at `open`, or -1 within `limit`. */
function stringEnd(text: string, open: number, limit: number): number {
  const q = text.charCodeAt(open);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === q) return i;
    else if (c === 10 && q !== BACKTICK) return -1;
  }
  return -1;
}

/** The column of `at` in the row opened at `open`: commas at the row's own depth before it (-1 when unreadable). */
export function columnOf(text: string, open: number, at: number): number {
  let depth = 0;
  let column = 0;
  for (let i = open + 1; i < at; i++) {
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      const end = stringEnd(text, i, at);
      // The value itself is a string (`"131047"`): its opening quote is the last thing before it.
      if (end === -1) return i === at - 1 ? column : -1;
      i = end;
    } else if (isOpener(c)) depth++;
    else if (isCloser(c)) {
      if (--depth < 0) return -1;
    } else if (c === 44 && depth === 0) column++;
  }
  return depth === 0 ? column : -1;
}

/**
 * The unmatched opener before `from` (the table around a row), looking back at most `reach`
 * characters; strings on the way are skipped when their quotes pair up on a line.
 */
function tableOpener(text: string, from: number, reach: number): number {
  const stop = Math.max(0, from - reach);
  let depth = 0;
  for (let i = from - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (isCloser(c)) depth++;
    else if (isOpener(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (c === QUOTE_DOUBLE || c === QUOTE_SINGLE) {
      // Back to the opening quote on the same line; a lone quote (an apostrophe in a comment) is skipped.
      let k = i - 1;
      while (k >= stop && text.charCodeAt(k) !== c && text.charCodeAt(k) !== 10) k--;
      if (k >= stop && text.charCodeAt(k) === c) i = k;
    }
  }
  return -1;
}

/** The closer matching the opener at `open`, looking ahead at most `reach` characters, or -1. */
function matchingCloser(text: string, open: number, reach: number): number {
  const stop = Math.min(text.length, open + reach);
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      const end = stringEnd(text, i, stop);
      if (end !== -1) i = end;
    } else if (isOpener(c)) depth++;
    else if (isCloser(c) && --depth === 0) return i;
  }
  return -1;
}

/** Names of a comma-separated list of parameters or fields: `int code`, `code: Int`, `$code`, `code = 0`. */
export function paramNames(list: string): string[] {
  return list.split(',').map((p) => {
    const part = p.replace(/=.*$/s, '').replace(/:.*$/s, '').trim();
    const names = part.match(/[A-Za-z_$][\w$]*/g) ?? [];
    return (names[names.length - 1] ?? '').replace(/^\$/, '');
  });
}

/** Field names of a Go struct body, in order: `name, msg string` gives two. */
function structFields(body: string): string[] {
  const out: string[] = [];
  for (const field of body.split(/[\n;]/)) {
    const m = /^\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+\S/.exec(field.replace(/`[^`]*`/g, ''));
    if (m) out.push(...(m[1] as string).split(',').map((n) => n.trim()));
  }
  return out;
}

const PARAMETRIZE = /parametrize\(\s*(?:r?["']([^"'\n]*)["']|[([]((?:\s*["'][^"'\n]*["']\s*,?)+)\s*[)\]])\s*,\s*$/;
const FOR_IN = /\bfor\s*\(?\s*(?:(?:const|let|var)\s*)?[[(]?\s*([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)+)\s*[\])]?\s+(?:in|of)\s*$/;
const GO_STRUCT = /struct\s*\{([^{}]*)\}\s*$/;
const RUBY_EACH = /^\s*\.(?:each|each_with_index|map|flat_map)\s*(?:do\s*\||\{\s*\|)\s*\(?([^|)]*)\)?\s*\|/;
const JEST_EACH = /^\s*\)\s*\(\s*(['"`])[^'"`\n]*\1\s*,\s*(?:async\s*)?(?:function\s*\w*\s*)?\(\s*([^)]*)\)/;
/** Words one of the headers above needs: a cheap test before the walk back to the table. */
const HEADER_BEFORE = /struct\s*\{|parametrize|\bfor\b/;
const HEADER_AFTER = /\.(?:each|each_with_index|map|flat_map)\b|\)\s*\(/;
const ATTRIBUTE_ROW = /^\s*\[\s*(?:InlineData|TestCase|DataRow)\s*$/;
/** The method under C# test attributes: other attributes and comments may come first. */
const METHOD_AFTER = /^(?:\s*\[[^\]\n]*\]|\s*\/\/[^\n]*)*\s*(?:(?:public|private|internal|protected|static|async|override|virtual)\s+)*[\w<>[\],.?]+\s+\w+\s*\(([^)]*)\)/;

/** The last row whose table was found: the next line may be a row of the same table. */
let lastRow: { text: string; lineStart: number; opener: number } | undefined;
/** The header names of the last table read from above it. */
let headerMemo: { text: string; opener: number; names: readonly string[] } | undefined;

/** The line `text[start, end)` is a whole row: it opens a bracket and leaves none open or unmatched. */
function wholeRow(text: string, start: number, end: number): boolean {
  let depth = 0;
  let opened = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE_DOUBLE || c === QUOTE_SINGLE) {
      const close = stringEnd(text, i, end);
      if (close === -1) return false;
      i = close;
    } else if (isOpener(c)) {
      depth++;
      opened = true;
    } else if (isCloser(c) && --depth < 0) return false;
  }
  return opened && depth === 0;
}

/**
 * The name of the column of `at` in the row opened at `open` (on the line `lineStart..lineEnd`), or
 * undefined when the row is not in a table whose columns are named.
 */
export function columnName(text: string, open: number, at: number, lineStart: number, lineEnd: number, backReach: number, forwardReach: number): string | undefined {
  const head = text.slice(lineStart, open);
  const column = columnOf(text, open, at);
  if (column < 0) return undefined;
  // (reads stop `forwardReach` after the value and `backReach` before its line, as source.ts promises)
  const farthest = Math.min(text.length, at + forwardReach);
  if (ATTRIBUTE_ROW.test(head)) {
    const m = METHOD_AFTER.exec(text.slice(lineEnd, farthest));
    return m ? paramNames(m[1] as string)[column] : undefined;
  }
  // A row starts its line, alone or (Go) after its key in a map of rows (`"throttled": {130429, true},`).
  if (!/^\s*$/.test(head) && !(text.charCodeAt(open) === 123 && /^\s*(?:"[^"\n]*"|'[^'\n]*'|\w+)\s*:\s*$/.test(head))) return undefined;
  // perf: rows of one table share its opener and header: the row above, if it is a whole row of the
  // same table, tells them without another walk back (still only within `backReach`).
  const above = text.lastIndexOf('\n', lineStart - 2) + 1;
  const known = lastRow?.text === text && lastRow.lineStart === above && lineStart - lastRow.opener <= backReach && wholeRow(text, above, lineStart);
  let table: number;
  if (known && lastRow) table = lastRow.opener;
  else {
    // perf: walk back to the table only when a header can be there (the walk costs up to `backReach`).
    const back = text.slice(Math.max(0, lineStart - backReach), lineStart);
    if (!HEADER_BEFORE.test(back) && !HEADER_AFTER.test(text.slice(lineEnd, farthest))) return undefined;
    table = tableOpener(text, lineStart, backReach);
    if (table === -1) return undefined;
  }
  lastRow = { text, lineStart, opener: table };
  if (headerMemo?.text === text && headerMemo.opener === table && table >= lineStart - backReach) return headerMemo.names[column];
  const before = text.slice(Math.max(0, table - 400, lineStart - backReach), table);
  let names: string[] | undefined;
  const struct = GO_STRUCT.exec(before);
  const params = PARAMETRIZE.exec(before);
  const loop = FOR_IN.exec(before);
  if (struct) names = structFields(struct[1] as string);
  else if (params) names = ((params[1] ?? params[2]) as string).split(',').map((n) => n.replace(/["'\s]/g, ''));
  else if (loop) names = paramNames(loop[1] as string);
  // (a header above the table is the same for all its rows: kept for the next row)
  if (names && table - 400 >= lineStart - backReach) headerMemo = { text, opener: table, names };
  if (!names) {
    const close = matchingCloser(text, table, farthest - table);
    if (close === -1) return undefined;
    const after = text.slice(close + 1, Math.min(close + 200, farthest));
    const each = RUBY_EACH.exec(after);
    const jest = /\.each\s*\($/.test(before.trimEnd()) ? JEST_EACH.exec(after) : null;
    if (each) names = paramNames(each[1] as string);
    else if (jest) names = paramNames(jest[2] as string);
  }
  return names?.[column];
}

/** A tagged template's table opening: Jest and Vitest `it.each` / `test.each` / `describe.each` then a backtick. */
const TEMPLATE_TABLE = /\.each\s*`[ \t]*\n([^\n`]*)\n/g;

/**
 * The column name of a cell `${N}` of a tagged template table (`it.each` then a header `code | family`
 * and rows `${190} | ${'auth'}`), or undefined. Reads back at most `backReach` for the table's head.
 */
export function templateColumn(text: string, lineStart: number, at: number, backReach: number): string | undefined {
  const row = text.slice(lineStart, at);
  if (!/^\s*(?:\$\{[^{}\n]*\}\s*\|\s*)*\$\{\s*$/.test(row)) return undefined;
  const back = text.slice(Math.max(0, lineStart - backReach), lineStart);
  const head = back.lastIndexOf('.each');
  if (head === -1 || back.indexOf('`', head) === -1 || back.indexOf('`', back.indexOf('`', head) + 1) !== -1) return undefined;
  TEMPLATE_TABLE.lastIndex = head;
  const m = TEMPLATE_TABLE.exec(back);
  if (!m) return undefined;
  const cells = (m[1] as string).split('|').map((c) => c.trim());
  return cells[(row.match(/\|/g) ?? []).length];
}

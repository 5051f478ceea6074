import { isCodeExpr, isNonCodeName } from './names';

/**
 * Delimited exports in logs and text files: CSV, TSV, `|` tables (psql's aligned output too). A
 * number that is a whole field counts when the header above its rows names that column as an error
 * code (`error_code`, `errorCode`, `graph subcode`). A header is a line whose fields all look like
 * column names; its table runs while the lines below keep its number of fields (rule lines such as
 * `-----+----` aside), so an export may follow log lines, and several may share a file.
 *
 * perf: a cursor per text walks forward as the scan asks about later lines, so every line is read
 * at most once; header lines are found by one regex search, not line by line.
 */

/** A line that may be a header: two or more word-like fields between delimiters. */
// (padding is spaces only and each run of it has one place in the pattern: no backtracking on long blank runs)
// (Datadog's exports name attributes with `@`: `@wa.error.code`)
// (and a spreadsheet's headings: `Order #`, `Root cause / notes`, `Created At: Day`, `Amount (EUR)`)
// (and pg_dump's `COPY public.wa_failures (day, error_code, failures) FROM stdin;`, whose rows are tab-separated)
const HEADER_LINE = /^\uFEFF? *(?:\| *)?"?(?:@|[%#] ?)?[A-Za-z_][\w.#/:()-]*(?: [\w.#/:()-]+)*\??"? *(?:[,\t|;] *"?(?:@|[%#] ?)?[A-Za-z_][\w.#/:()-]*(?: [\w.#/:()-]+)*\??"? *)+(?:\| *)?\r?$|^COPY [\w."]+ \([^)\n]+\) FROM stdin;?\r?$|^INSERT INTO [\w."`]+ ?\([^)\n]+\) VALUES\r?$/gm;

/** The delimiter of a line: a tab, a `|`, or a comma or semicolon that splits it in three or more. */
function delimiterOf(line: string): string | undefined {
  if (line.includes('\t')) return '\t';
  if (line.includes('|')) return '|';
  return [',', ';'].find((d) => line.split(d, 3).length === 3);
}

/** A rule under a header: `------------+-------`, `|---|---|`, `====`. */
function isRule(line: string): boolean {
  return /^[\s\-+|=:]+$/.test(line) && /[-=]/.test(line);
}

/**
 * A row's extent without the borders of a bordered table (`| 131047 | 12 |`). A TSV row keeps its
 * tabs: an empty last field (`...\teng-jon\t3\t`) is still a field.
 */
function rowBounds(text: string, start: number, end: number, delimiter: string, sql = false): [number, number] {
  let s = start;
  let e = end;
  const tabs = delimiter !== '\t';
  while (s < e && (text.charCodeAt(s) === 32 || (tabs && text.charCodeAt(s) === 9))) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || (tabs && text.charCodeAt(e - 1) === 9) || text.charCodeAt(e - 1) === 13)) e--;
  if (delimiter === '|' && text.charCodeAt(s) === 124) s++;
  if (delimiter === '|' && e > s && text.charCodeAt(e - 1) === 124) e--;
  // (a SQL row of values: `    (368001, 4, 'wamid...', 131047, NULL),` and the last one's `);`)
  if (sql && text.charCodeAt(s) === 40) {
    s++;
    if (e > s && (text.charCodeAt(e - 1) === 44 || text.charCodeAt(e - 1) === 59)) e--;
    if (e > s && text.charCodeAt(e - 1) === 41) e--;
  }
  return [s, e];
}

/**
 * How many fields `delimiter` makes of `text[start, end)` (perf: counted, not split). A CSV field in
 * double quotes may hold the delimiter: `"(Business Account, Consumer Account) pair rate limit hit"`.
 */
function fieldCount(text: string, start: number, end: number, delimiter: string, q = 34): number {
  let n = 1;
  const quote = delimiter === ',' || delimiter === ';' ? text.indexOf(String.fromCharCode(q), start) : -1;
  if (quote === -1 || quote >= end) {
    for (let i = text.indexOf(delimiter, start); i !== -1 && i < end; i = text.indexOf(delimiter, i + 1)) n++;
    return n;
  }
  const d = delimiter.charCodeAt(0);
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // (a doubled quote inside a field toggles twice)
    if (c === q) quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

interface Table {
  readonly delimiter: string;
  readonly names: readonly string[];
  /** Rows of SQL values: `(...)` around them, strings in single quotes. */
  readonly sql?: boolean;
}

/** Where the walk over one text stands. */
interface Cursor {
  readonly text: string;
  /** Every line starting before this offset has been read. */
  pos: number;
  /** The table the line at `pos` belongs to, if any. */
  table: Table | undefined;
  /** The next header line at or after `pos` (-1: none left, -2: not looked up). */
  nextHeader: number;
}

let cursor: Cursor | undefined;

/** The table a header line opens (its fields and delimiter), or undefined when its fields are not all names. */
function tableAt(text: string, start: number, end: number): Table | undefined {
  const copy = /^COPY [\w."]+ \(([^)\n]+)\) FROM stdin/.exec(text.slice(start, end));
  if (copy) return { delimiter: '\t', names: (copy[1] as string).split(',').map((n) => n.trim().replace(/^"|"$/g, '')) };
  // (a multi-row INSERT's column list, its rows on the lines below: `INSERT INTO t (id, error_code) VALUES`)
  const insert = /^INSERT INTO [\w."`]+ ?\(([^)\n]+)\) VALUES\r?$/.exec(text.slice(start, end));
  if (insert) return { delimiter: ',', names: (insert[1] as string).split(',').map((n) => n.trim().replace(/^["`]|["`]$/g, '')), sql: true };
  // (bordered tables: `| error_code | count |`)
  const line = text.slice(start, end).replace(/^\uFEFF/, '').replace(/\r$/, '').trim().replace(/^\|(.*)\|$/, '$1');
  const delimiter = delimiterOf(line) ?? (line.includes(',') ? ',' : line.includes(';') ? ';' : undefined);
  if (!delimiter) return undefined;
  const names = line.split(delimiter).map((f) => f.trim().replace(/^["']|["']$/g, ''));
  return names.length >= 2 && names.every((n) => /^(?:@|[%#] ?)?[A-Za-z_][\w .#/:()-]{0,60}\??$/.test(n)) ? { delimiter, names } : undefined;
}

/** Moves the cursor to `lineStart`, reading each line in between once. */
function advance(c: Cursor, lineStart: number): void {
  const text = c.text;
  while (c.pos < lineStart) {
    if (c.table === undefined) {
      // No table open: jump to the next header line (or past the target).
      if (c.nextHeader === -2 || (c.nextHeader !== -1 && c.nextHeader < c.pos)) {
        HEADER_LINE.lastIndex = c.pos;
        const m = HEADER_LINE.exec(text);
        c.nextHeader = m ? m.index : -1;
      }
      if (c.nextHeader === -1 || c.nextHeader >= lineStart) {
        c.pos = lineStart;
        return;
      }
      const start = c.nextHeader;
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      c.table = tableAt(text, start, end);
      c.pos = end + 1;
      continue;
    }
    // A table is open: its rows keep its shape; anything else closes it (and may open another).
    const nl = text.indexOf('\n', c.pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(c.pos, Math.min(end, c.pos + 400));
    // (a line without digits may be the header of the next table)
    const header = /\d/.test(line) ? undefined : tableAt(text, c.pos, end);
    if (header) c.table = header;
    else if (!isRule(line) && (line.trim() === '' || fieldCount(text, ...rowBounds(text, c.pos, end, c.table.delimiter, c.table.sql), c.table.delimiter, c.table.sql ? 39 : 34) !== c.table.names.length)) {
      c.table = undefined;
      c.nextHeader = -2;
      continue;
    }
    c.pos = end + 1;
  }
}

/**
 * The name of the column of `line[s, e)` when that line (starting at `lineStart` in `text`) is a row
 * of a table and the number is a whole field of it (padding and quotes aside), else undefined.
 */
export function columnOf(text: string, lineStart: number, line: string, s: number, e: number): string | undefined {
  if (cursor?.text !== text || cursor.pos > lineStart) cursor = { text, pos: Math.max(0, text.lastIndexOf('\n', Math.max(0, lineStart - 64 * 1024)) + 1), table: undefined, nextHeader: -2 };
  advance(cursor, lineStart);
  const table = cursor.table;
  if (!table) return undefined;
  const d = table.delimiter;
  const q = table.sql ? 39 : 34;
  const [rowStart, rowEnd] = rowBounds(line, 0, line.length, d, table.sql);
  if (s < rowStart || e > rowEnd) return undefined;
  // (the whole field: only padding and a quote around the number)
  const before = line.lastIndexOf(d, s - 1);
  const after = line.indexOf(d, e);
  if (!/^\s*["']?$/.test(line.slice(Math.max(rowStart, before === -1 ? 0 : before + d.length), s)) || !/^["']?\s*$/.test(line.slice(e, after === -1 || after > rowEnd ? rowEnd : after))) return undefined;
  if (fieldCount(line, rowStart, rowEnd, d, q) !== table.names.length) return undefined;
  return table.names[fieldCount(line, rowStart, s, d, q) - 1];
}

/**
 * The numbers in column `name` of the rows within `reach` lines of the row at `lineStart` (of the
 * table `columnOf` just placed that row in), for telling a column of Graph codes from another's.
 */
export function columnNumbersAround(text: string, lineStart: number, name: string, reach: number): number[] {
  const table = cursor?.text === text ? cursor.table : undefined;
  const index = table ? table.names.indexOf(name) : -1;
  if (!table || index === -1) return [];
  const out: number[] = [];
  const take = (from: number, to: number): void => {
    const [rs, re] = rowBounds(text, from, to, table.delimiter, table.sql);
    // (rows with quoted fields are left out: a quote may hold the delimiter)
    const row = text.slice(rs, re);
    if (row.includes(table.sql ? "'" : '"')) return;
    const field = row.split(table.delimiter)[index]?.trim();
    if (field !== undefined && /^\d{1,7}$/.test(field)) out.push(Number(field));
  };
  let up = lineStart;
  for (let k = 0; k < reach && up > 0; k++) {
    const prev = text.lastIndexOf('\n', up - 2) + 1;
    take(prev, up - 1);
    up = prev;
  }
  let down = text.indexOf('\n', lineStart);
  for (let k = 0; k < reach && down !== -1; k++) {
    const next = text.indexOf('\n', down + 1);
    take(down + 1, next === -1 ? text.length : next);
    down = next;
  }
  return out;
}

/** Whether a column name says "error code". */
export function isCodeColumnName(name: string): boolean {
  const normal = name.replace(/^@/, '').replace(/[ .-]+/g, '_');
  // (a column named for Graph's error holds its code: `meta_error`, `graph_error`, `wa_error`)
  if (/^(?:graph|meta|wa|whatsapp|fb)_?error$/i.test(normal)) return true;
  return isCodeExpr(normal) && !isNonCodeName(normal);
}

/** The text holds, near its top, the header of an export with a column of codes: every row is then worth reading. */
export function opensCodeExport(text: string): boolean {
  HEADER_LINE.lastIndex = 0;
  const head = text.length > 16 * 1024 ? text.slice(0, 16 * 1024) : text;
  for (let m = HEADER_LINE.exec(head); m; m = HEADER_LINE.exec(head)) {
    if (tableAt(head, m.index, m.index + m[0].length)?.names.some(isCodeColumnName)) return true;
  }
  return false;
}

import { isCodeExpr, isNonCodeName } from './names';

/**
 * Delimited exports in logs and text files: CSV, TSV, `|` tables (psql's aligned output too). A
 * number that is a whole field counts when the header above its rows names that column as an error
 * code (`error_code`, `errorCode`, `graph subcode`). The header is the nearest line above whose
 * fields all look like column names, so an export may follow a few log lines, or several exports
 * may share a file.
 */

/** How far above a row its header is looked for. */
const HEADER_LINES = 400;
const HEADER_CHARS = 64 * 1024;

/** A field that names a column: a word, maybe with spaces, dots or dashes (`error_code`, `Error Code`). */
const COLUMN_NAME = /^[A-Za-z_][\w .\-]{0,60}$/;

/** The delimiter of a line: a tab, a `|`, or a comma or semicolon that splits it in three or more. */
export function delimiterOf(line: string): string | undefined {
  if (line.includes('\t')) return '\t';
  if (line.includes('|')) return '|';
  return [',', ';'].find((d) => line.split(d, 3).length === 3);
}

/** The fields of a line, trimmed and unquoted. */
function fieldsOf(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((f) => f.trim().replace(/^["']|["']$/g, ''));
}

/** The line's fields when they are all column names (two at least), else undefined. */
function headerFields(line: string, delimiter: string): string[] | undefined {
  if (!line.includes(delimiter)) return undefined;
  const fields = fieldsOf(line.replace(/^\uFEFF/, ''), delimiter);
  return fields.length >= 2 && fields.every((f) => COLUMN_NAME.test(f)) ? fields : undefined;
}

/** A rule under a header: `------------+-------`, `|---|---|`, `====`. */
function isRule(line: string): boolean {
  return /^[\s\-+|=:]+$/.test(line) && /[-=]/.test(line);
}

/** The headers found last, per text and delimiter: rows come in order, so each line is read once. */
let found: { text: string; delimiter: string; at: number; names: readonly string[] } | undefined;

/**
 * The column names of the header above the line starting at `lineStart`, or [] when there is none
 * within reach (a blank line or a line of another shape ends a table).
 */
export function headerAbove(text: string, lineStart: number, delimiter: string, fields: number): readonly string[] {
  if (found?.text === text && found.delimiter === delimiter && found.at < lineStart && found.names.length === fields && !hasBreakBetween(text, found.at, lineStart, delimiter, fields)) return found.names;
  let end = lineStart - 1;
  const stop = Math.max(0, lineStart - HEADER_CHARS);
  for (let k = 0; k < HEADER_LINES && end > stop; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (isRule(line)) continue;
    const names = headerFields(line, delimiter);
    if (names) {
      if (names.length !== fields) return [];
      found = { text, delimiter, at: start, names };
      return names;
    }
    // Rows of the same table sit between the header and the line; anything else ends the search.
    if (line.trim() === '' || fieldsOf(line, delimiter).length !== fields) return [];
    if (start === 0) break;
  }
  return [];
}

/** A line of another shape between a known header and a row (a new table starts, or the export ended). */
function hasBreakBetween(text: string, headerAt: number, lineStart: number, delimiter: string, fields: number): boolean {
  // perf: rows are checked once each as the scan moves down (see `checkedUpTo`).
  const from = checked?.text === text && checked.headerAt === headerAt && checked.upTo > headerAt ? checked.upTo : text.indexOf('\n', headerAt) + 1;
  for (let start = from; start > 0 && start < lineStart; ) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
    if (!isRule(line) && fieldsOf(line, delimiter).length !== fields) return true;
    start = nl === -1 ? -1 : nl + 1;
  }
  checked = { text, headerAt, upTo: lineStart };
  return false;
}

let checked: { text: string; headerAt: number; upTo: number } | undefined;

/** Whether a column name says "error code". */
export function isCodeColumnName(name: string): boolean {
  const normal = name.replace(/[ .\-]+/g, '_');
  return isCodeExpr(normal) && !isNonCodeName(normal);
}

/** The text holds, near its top, the header of an export with a column of codes: every row is then worth reading. */
export function opensCodeExport(text: string): boolean {
  let start = 0;
  for (let k = 0; k < 20 && start < text.length && start < 16 * 1024; k++) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl === -1 ? Math.min(text.length, start + 2000) : Math.min(nl, start + 2000));
    const delimiter = delimiterOf(line);
    const names = delimiter === undefined ? undefined : headerFields(line, delimiter);
    if (names?.some(isCodeColumnName)) return true;
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

import type { Catalog } from '../catalog/catalog';
import { whatsAppWordEnd } from '../detect/context';
import type { CancelToken, Finding } from '../types';
import type { Span } from './lexer';
import { errorColumnValues, isErrorColumn } from './sql';
import { isEveryday, titleMatcher } from './titleMatcher';

/**
 * The title lint of a SQL script (`reports/failed_sends.sql`, a dbt model): the whole file is query
 * text, so every filter on an error-text column whose value names a title is a match on titles
 * (`WHERE error_title LIKE '%Re-engagement message%'`). SQL files reach the detectors as plain
 * text; a text is read as a script when its first statement starts with a SQL keyword, so logs,
 * CSV exports and YAML are never linted.
 */

/** The first word of a script's first statement. */
const STATEMENT = /^(?:select|with|create|insert|update|delete|merge|alter|drop|begin|start|set|declare|copy|grant|explain|use|truncate|refresh|call|do)(?=[\s(;]|$)/i;

/** How far into a text its first statement is looked for (past a header of comments). */
const HEAD = 4096;

/** True when a text reads as a SQL script: after blank lines, comments and Jinja blocks, its first word is a statement keyword. */
export function looksLikeSqlScript(text: string): boolean {
  let i = 0;
  const n = Math.min(text.length, HEAD);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
    else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) return false;
      i = nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return false;
      i = close + 2;
    } else if (c === 123 && (text.charCodeAt(i + 1) === 123 || text.charCodeAt(i + 1) === 37)) {
      // A dbt model's Jinja (`{{ config(materialized='table') }}`, `{% set x = 1 %}`) before its SQL.
      const close = text.indexOf(text.charCodeAt(i + 1) === 123 ? '}}' : '%}', i + 2);
      if (close === -1) return false;
      i = close + 2;
    } else return STATEMENT.test(text.slice(i, i + 12));
  }
  return false;
}

/**
 * The script's comments (`--` to the end of the line, `/* *\/`), and its text with them blanked
 * (line breaks kept): a filter quoted in a comment is no filter. Quoted strings and identifiers
 * are skipped whole, so `'--'` inside a value starts no comment.
 */
export function sqlComments(text: string): { readonly comments: Span[]; readonly masked: string } {
  const comments: Span[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 96) {
      // '' and "" inside a quoted run escape the quote: reading on from the closing quote handles both.
      const close = text.indexOf(text[i] as string, i + 1);
      i = close === -1 ? n : close + 1;
    } else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? n : nl;
      comments.push({ start: i, end });
      i = end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? n : close + 2;
      comments.push({ start: i, end });
      i = end;
    } else i++;
  }
  if (comments.length === 0) return { comments, masked: text };
  let masked = '';
  let at = 0;
  for (const s of comments) {
    masked += text.slice(at, s.start) + text.slice(s.start, s.end).replace(/[^\n]/g, ' ');
    at = s.end;
  }
  return { comments, masked: masked + text.slice(at) };
}

/** A column of a message's or an error's text: `error_title`, `raw_message`, `e.details`, `failure_reason`. */
const TEXT_COLUMN = /message|msg|title|detail|reason|description/i;
/** Columns that hold an id, a code or a time beside a message (`message_id`, `title_code`, `message_sent_at`). */
const NOT_TEXT_COLUMN = /(?:id|code|type|status|count|_at|At|date|time)$/;

function isTextColumn(column: string): boolean {
  if (isErrorColumn(column)) return true;
  const last = column.slice(column.lastIndexOf('.') + 1);
  return TEXT_COLUMN.test(last) && !NOT_TEXT_COLUMN.test(last);
}


/**
 * Title matches in a SQL script, sorted by start: each quoted value that an error-text column is
 * compared with (`LIKE`, `=`, `IN (...)`, `ILIKE`, `~*`, `REGEXP`) and that names a title. A
 * message column that does not say error (`raw_message`) counts for distinctive titles. Everyday
 * wording ("Something went wrong", "rate limit") counts only in a script that shows it is about
 * WhatsApp (its words, or a distinctive title filtered in it too). Undefined when cancelled.
 */
export function scanSqlTitles(text: string, catalog: Catalog, masked: string, token?: CancelToken): Finding[] | undefined {
  const matcher = titleMatcher(catalog);
  const out: Finding[] = [];
  const everyday: Finding[] = [];
  const onTextColumns: { finding: Finding; column: string }[] = [];
  const distinctive = new Set<string>();
  let k = 0;
  for (const v of errorColumnValues(masked, isTextColumn)) {
    if (++k % 256 === 0 && token?.isCancellationRequested) return undefined;
    const from = v.start + 1;
    const to = v.end - 1;
    const match = matcher.mayMatch(text, from, to) ? (v.regex ? matcher.matchRegex(text.slice(from, to)) : matcher.match(text.slice(from, to))) : undefined;
    if (!match) continue;
    const finding: Finding = { kind: 'title-match', start: v.start, end: v.end, codes: match.codes, text: text.slice(from, to) };
    if (!isEveryday(match)) {
      out.push(finding);
      distinctive.add(v.column.toLowerCase());
    } else if (isErrorColumn(v.column)) everyday.push(finding);
    // A message column that does not say error (`raw_message`) may hold anyone's text: its everyday
    // values count only beside a distinctive title filtered on the same column.
    else onTextColumns.push({ finding, column: v.column.toLowerCase() });
  }
  if (everyday.length > 0 && (out.length > 0 || whatsAppWordEnd(text) !== -1)) out.push(...everyday);
  for (const { finding, column } of onTextColumns) if (distinctive.has(column)) out.push(finding);
  return out.sort((a, b) => a.start - b.start);
}

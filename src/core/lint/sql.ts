/**
 * Query text that filters on an error column: SQL, JPQL and dataframe queries kept in string
 * literals (`error_title LIKE '%...%'`, `LOWER(error_title) IN ('a', 'b')`, pandas
 * `error_title == "..."`), and the columns that query builders name in their arguments
 * (`where('error_title', 'like', ...)`, `where('external_error ILIKE ?', ...)`). Pure string
 * work on one literal's body or one call's arguments; every regex is anchored or linear.
 */

/** A column or field of an error's text: `error_title`, `f.errorTitle`, `external_error`, `ErrorMessage`, `failure_reason`. */
const ERROR_COLUMN = /err|fail|fault|exception|problem|reject/i;
/** Columns that hold the code's own values beside an error (`error_code`, `failure_type`, `error_status`). */
const OWN_VALUE_COLUMN = /(?:code|id|type|kind|categor\w*|status|stage|tag|label|slug|count)$/i;
/** Timestamps: `failed_at`, `failedAt`, `FAILED_AT` (case-sensitive: not the `at` of `error_format`). */
const TIME_COLUMN = /(?:_at|_AT|At)$/;

/** True when a column or field name reads as an error's text. */
export function isErrorColumn(column: string): boolean {
  const dot = column.lastIndexOf('.');
  const last = column.slice(dot + 1);
  // (a text column of a table named for errors: `whatsapp_error_events.title`)
  if (dot > 0 && /^(?:title|message|details?|reason)$/i.test(last) && ERROR_COLUMN.test(column.slice(0, dot))) return true;
  return ERROR_COLUMN.test(last) && !OWN_VALUE_COLUMN.test(last) && !TIME_COLUMN.test(last);
}

/**
 * A column compared in query text, with its operator: optionally wrapped in `LOWER(`/`UPPER(`/`TRIM(`,
 * optionally qualified (`f.errorTitle`). Starts at a word start, so each position is tried once.
 */
// (Snowflake's variant paths too, with their cast: `raw:whatsappApiError:message::string ilike`)
const FILTER = /(?<![\w.$:])(?:(?:lower|upper|trim)\s*\(\s*)?((?:[A-Za-z_]\w{0,60}[.:]){0,3}[A-Za-z_]\w{0,60})(?:::\w{1,20})?\s*\)?\s*((?:not\s+)?(?:i?like|in|similar\s+to|regexp|rlike)\b|==?|!=|<>|!?~\*?)\s*/gi;
/** Filters written as functions of the column and the value: BigQuery `REGEXP_CONTAINS(error_message, r'...')`, Snowflake `CONTAINS(col, '...')`. */
const FUNCTION_FILTER = /(?<![\w.$])(regexp_contains|regexp_like|rlike|contains|starts_?with|ends_?with)\s*\(\s*(?:(?:lower|upper|trim)\s*\(\s*)?((?:[A-Za-z_]\w{0,60}[.:]){0,3}[A-Za-z_]\w{0,60})(?:::\w{1,20})?\s*\)?\s*,\s*r?(?=['"])/gi;
/** The operators of FILTER whose value is a regular expression: Postgres `~*`, MySQL `REGEXP`, `SIMILAR TO`. */
const REGEX_OPERATOR = /~|regexp|rlike|similar/i;
/** What may stand before a filter in query text: its start, a clause keyword, a boolean operator, a bracket. */
const FILTER_LEAD = /(?:\b(?:where|and|or|on|having|when|not)|[(&|!])\s*$/i;
/** A query's placeholder for a bound value: `?`, `$1`, `:name`, `%s`, `@p0`, `{0}`. */
const PLACEHOLDER = /^(?:\?|\$\d|:[A-Za-z_]|%s|@[A-Za-z_]|\{\d)/;
/** A cheap first look: query text compares something with a quoted value or a placeholder. */
const QUERY_HINT = /(?:like|\bin|=|~\*?|regexp|rlike|similar\s+to)\s*[([]?\s*['"?$:%@{]/i;

/** True when a filter at `at` stands where a condition starts (not in `SET col = ...` or a select list). */
function ledIn(query: string, at: number): boolean {
  const lead = query.slice(Math.max(0, at - 12), at);
  return (at <= 12 && lead.trim() === '') || FILTER_LEAD.test(lead);
}

/** A quoted value's body, as offsets into the query text. */
export interface QueryValue {
  /** The error column compared. */
  readonly column: string;
  readonly start: number;
  readonly end: number;
  /** The value is a regular expression (`~*`, `REGEXP`, `SIMILAR TO`), not text or a LIKE pattern. */
  readonly regex: boolean;
}

/** pandas string methods in a query: `error_message.str.contains('rate limit hit', case=False)`. */
const STR_METHOD = /(?<![\w.$])([A-Za-z_]\w{0,60})\.str\.(?:contains|startswith|endswith|match|fullmatch)\(\s*/g;

/** Filters of a query text on error columns (or the columns `isColumn` accepts), with the offsets of the quoted values they compare with. */
export function errorColumnValues(query: string, isColumn: (column: string) => boolean = isErrorColumn): QueryValue[] {
  const out: QueryValue[] = [];
  if (query.includes('.str.')) {
    STR_METHOD.lastIndex = 0;
    for (let m = STR_METHOD.exec(query); m; m = STR_METHOD.exec(query)) {
      const at = m.index + m[0].length;
      const q = query[at];
      const close = q === "'" || q === '"' ? query.indexOf(q, at + 1) : -1;
      if (close !== -1 && close - at <= 300 && isColumn(m[1] as string)) out.push({ column: m[1] as string, start: at, end: close + 1, regex: false });
    }
  }
  if (/\b(?:regexp_\w+|rlike|contains|starts_?with|ends_?with)\s*\(/i.test(query)) {
    FUNCTION_FILTER.lastIndex = 0;
    for (let m = FUNCTION_FILTER.exec(query); m; m = FUNCTION_FILTER.exec(query)) {
      const at = m.index + m[0].length;
      const close = query.indexOf(query[at] as string, at + 1);
      if (close !== -1 && close - at <= 300 && isColumn(m[2] as string) && ledIn(query, m.index)) out.push({ column: m[2] as string, start: at, end: close + 1, regex: /regexp|rlike/i.test(m[1] as string) });
    }
  }
  if (!QUERY_HINT.test(query)) return out;
  FILTER.lastIndex = 0;
  for (let m = FILTER.exec(query); m; m = FILTER.exec(query)) {
    const end = m.index + m[0].length;
    if (!isColumn(m[1] as string) || !ledIn(query, m.index)) continue;
    const regex = REGEX_OPERATOR.test(m[2] as string);
    // `IN ('a', 'b')`: every item; otherwise the one value.
    // (pandas writes the list in brackets: `error_title in ['a', 'b']`)
    const list = query.charCodeAt(end) === 40 || query.charCodeAt(end) === 91;
    let at = list ? end + 1 : end;
    for (let k = 0; k < 50; k++) {
      while (at < query.length && /\s/.test(query[at] as string)) at++;
      const q = query[at];
      if (q !== "'" && q !== '"') break;
      const close = query.indexOf(q, at + 1);
      if (close === -1 || close - at > 300) break;
      out.push({ column: m[1] as string, start: at, end: close + 1, regex });
      at = close + 1;
      if (!list) break;
      while (at < query.length && /\s/.test(query[at] as string)) at++;
      if (query[at] !== ',') break;
      at++;
    }
    FILTER.lastIndex = Math.max(FILTER.lastIndex, at);
  }
  return out;
}

/** True when query text compares an error column with a placeholder: `external_error ILIKE ?`, `error_title = $1`. */
export function bindsErrorColumn(query: string): boolean {
  if (!QUERY_HINT.test(query)) return false;
  FILTER.lastIndex = 0;
  for (let m = FILTER.exec(query); m; m = FILTER.exec(query)) {
    const end = m.index + m[0].length;
    const rest = query.slice(end, end + 4).replace(/^\(\s*/, '');
    if (PLACEHOLDER.test(rest) && isErrorColumn(m[1] as string) && ledIn(query, m.index)) return true;
  }
  return false;
}

/** A bare column named in a string argument: `'error_title'`, `"f.errorMessage"`. */
const BARE_COLUMN = /^\s*[A-Za-z_][\w.]{0,80}\s*$/;

/** True when a string argument of a query builder names an error column, alone or compared with a placeholder. */
export function namesErrorColumn(body: string): boolean {
  return BARE_COLUMN.test(body) ? isErrorColumn(body.trim()) : bindsErrorColumn(body);
}

import type { Catalog } from '../catalog/catalog';
import { isCodeExpr, isDistinctive, isNonCodeName } from './names';
import { titleFollows } from './text';
import { type Ctx, hasCodeNearby, NEAR_LINES, nearLines, openerLineHead } from './sourceWindow';

/**
 * Codes written in prose in source: comments, docstrings and sentences in string literals. A code
 * there counts when the sentence is about an error (or the file is about WhatsApp), not when it
 * names an order, a one-time code or a quantity.
 */

/** The same, for files that say nothing about WhatsApp: only names about errors themselves. */
export const ERROR_FN = /err|fail|exception|whatsapp|graph/i;

/**
 * `(#131047)`: Graph's marker when its message follows (`(#131047) Re-engagement message`), but
 * also how commits cite pull requests (`Fix cache refresh (#131047)`): without the message, only
 * in a file about WhatsApp. A small code always needs both.
 */
export function graphMarker(ctx: Ctx, right: string): boolean {
  const message = /^\)\s+[A-Za-z(]/.test(right);
  // (or the marker alone in quotes, a pattern to look for: `pattern: '"(#368)"'`)
  const alone = /^\)\\?["'`]/.test(right);
  return ctx.strong ? message || ctx.scan.wa : (message || alone) && ctx.scan.wa;
}

/** A comment that gives a one-time or test code: `OTP for QA`, `código de pruebas`, `código fixo`, `kode verifikasi`. */
const TEST_CODE_COMMENT = /\b(?:otp|one[- ]time|passcode|c[oó]digo (?:de (?:pruebas|verifica\w*|acesso|acceso)|fixo|fijo)|kode (?:otp|verifikasi))\b/i;

/** Words that make a comment about an error. */
export const COMMENT_ERROR_WORD = /\b(?:errors?|err|codes?|erros?|errores|fehler\w*|galat|hata\w*|c[oó]digos?|kode|subcode|fail\w*|retr(?:y|ies|yable)|whatsapp|graph|meta|oauth\w*|rate[ -]?limit\w*|undeliverable|title|problems?|throttl\w*|permissions?|restricted|blocked|forbidden)\b/i;

/** Judge a code written in a comment. */
export function inComment(ctx: Ctx, comment: string, right: string): boolean {
  if (/\(#$/.test(comment)) return graphMarker(ctx, right);
  // `#131047` is an issue number; `# 131047 ...` (a Python or Ruby comment opening with the code) is not.
  // (`see #123` cites an issue; `See 80007 / 130429` names codes)
  if (/#$/.test(comment) || /\b(?:issue|pr|pull|ticket|line|lines|port|id|version|v)\s*#?\s*$/i.test(comment) || /\bsee\s*#\s*$/i.test(comment)) return false;
  // A quantity (`131047 ms`, `131047 bytes`), not a word that starts like one (`131048 spam ...`).
  if (/^\s*(?:(?:ms|s|secs?|seconds|bytes|kb|mb|px|x|times)\b|%)/i.test(right)) return false;
  // `order 131047 was split`, `131000 rows`: a number of something else.
  if (/\b(?:order|invoice|customer|user|account|row|item|record|product|sku|job|build|pid)\.?\s*$/i.test(comment)) return false;
  // A threshold: `ids below 131000`, `more than 190`.
  if (/\b(?:below|above|under|over|than|least|most|upto)\s*$/i.test(comment)) return false;
  // A one-time code, a PIN, a price near the number: `(PIN 131001)`, `otp example: code 133005`.
  if (OTHER_NUMBER_WORD.test(comment.slice(-24))) return false;
  // A comment about a test or fixed one-time code, in any of the languages teams write: `// código fixo é 131047`.
  if (TEST_CODE_COMMENT.test(comment)) return false;
  // Code quoted in a comment, judged by its names: `order_number looks like 131047`,
  // `verifyOtp('+1555', '131047')`, `{ depth: 131047 }`.
  const tail = comment.slice(-48);
  const key = /([A-Za-z_$][\w$]*)(?:\s*[:=]|\()\s*['"]?[^:=()'"]*$/.exec(tail)?.[1];
  // (under an error-code key, the comment shows a payload: ` * isBlockedByUser({ code: 131050 })`)
  if (key !== undefined && ctx.strong && /^(?:code|error_?code|errorCode|subcode|error_subcode)$/.test(key) && /[:=]\s*['"]?$/.test(tail)) return true;
  if ((key !== undefined && isNonCodeName(key)) || (tail.match(/[A-Za-z$]\w*(?:_[A-Za-z]\w*|[a-z][A-Z]\w*)/g) ?? []).some((n) => isNonCodeName(n))) return false;
  // (a call written as code, `name(` with arguments before the number; prose puts a space before its parentheses)
  const call = /([A-Za-z_$][\w$]*)\((?=[^()]*['",{])[^()]*$/.exec(comment.slice(-80));
  if (call && !ERROR_FN.test(call[1] as string)) return false;
  if (/^\s*(?:rows?|items?|records?|users?|customers?|orders?|entries|requests|files|lines|chars|characters)\b/i.test(right)) return false;
  // Outside a WhatsApp file, a comment must say it speaks of an error.
  // Or open with the code as a legend does (`// 131047: outside the 24h window`), or name its title.
  // Codes in parentheses in a sentence about errors: `app-level (4), WABA-level (80007)`.
  if (/\($/.test(comment) && /^\)/.test(right) && COMMENT_ERROR_WORD.test(comment + right.slice(0, 60)) && ctx.scan.wa && hasCodeNearby(ctx.scan, ctx.scan.text.slice(ctx.lineStart, ctx.lineEnd), ctx.code)) return true;
  // (or glossed by what it means: `// Token problems (190) are not per-message`)
  if (!ctx.strong && ctx.scan.wa && /\($/.test(comment) && /^\)/.test(right) && SMALL_GLOSS.test(comment.slice(-60))) return true;
  // A small code glossed in a row of glossed codes: `# 131048 (spam rate limit) and 368 (policy block) mean ...`.
  if (!ctx.strong && ctx.scan.wa && /\d{5,7}\s*\([^()]{2,60}\)\s*(?:,|and|or)\s*$/.test(comment) && /^\s*\(\s*[A-Za-z]/.test(right)) return true;
  // (a legend's comment has the line to itself: `pin !== 131001, // 131001: too many refusals` glosses the code before it)
  const ownLine = /^\s*$/.test(ctx.scan.text.slice(ctx.lineStart, Math.max(ctx.lineStart, ctx.at - comment.length)));
  // (a legend's gloss that names a thing of the shop's is that thing's number: `// 131047 = "Gift card" product`)
  if (ctx.strong) return ctx.scan.wa || COMMENT_ERROR_WORD.test(comment) || COMMENT_ERROR_WORD.test(right.slice(0, 80)) || (ownLine && /^[\s*#/-]*$/.test(comment) && /^\s*[:=\-–—]/.test(right) && !SHOP_THING.test(right.slice(0, 60))) || titleFollows(ctx.scan.catalog, ctx.code, right);
  if (!ctx.scan.wa) return false;
  if (/\b(?:error|code|subcode|codes)\s*[:=#]?\s*$/i.test(comment)) return true;
  // A small code in a parenthesised list of codes in a sentence about errors: `throttling codes (4, 80007, 130429)`.
  const open = comment.lastIndexOf('(');
  const shut = right.indexOf(')');
  if (open !== -1 && shut !== -1 && COMMENT_ERROR_WORD.test(comment)) {
    const members = `${comment.slice(open + 1)} ${ctx.code} ${right.slice(0, shut)}`;
    const numbers = (members.match(/\d+/g) ?? []).map(Number);
    const shaped = /^(?:codes?\s+|errors?\s+)?[\d\s,\-–.]*(?:(?:and|or|the|range|block)[\d\s,\-–.]*)*$/.test(members.trim());
    // (all of them codes, a distinctive one among them or the group saying it lists codes: `(codes 0 and 190)`)
    if (shaped && (numbers.some((n) => isDistinctive(n) && ctx.scan.catalog.has(n)) || (/^\s*(?:codes?|errors?)\s/.test(members) && numbers.every((n) => ctx.scan.catalog.has(n))))) return true;
    if (/^[\d\s,]*(?:and|or)\s+the\s+\d+\s*[-–.]+\s*\d+\s+range\s*$/.test(members)) return true;
  }
  // A range of codes in a sentence about errors: `Graph permission errors (200-299)`, `the whole 200..299 block`.
  const upper = /^(?:-|–|—|\.\.\.?)(\d+)/.exec(right)?.[1];
  if (upper !== undefined && Number(upper) > ctx.code && ctx.scan.catalog.has(Number(upper)) && COMMENT_ERROR_WORD.test(comment + right.slice(0, 80))) return true;
  // A legend of codes: `190 -- the access token has expired` among lines naming longer codes.
  // (`200-299: ...` names a range, `0 (AuthException) and ...` glosses the code in parentheses)
  // (a code glossed by its own catalog title: `or 0 (AuthException).`)
  if (/^\s*\(/.test(right) && titleFollows(ctx.scan.catalog, ctx.code, right.replace(/^\s*\(/, ''))) return true;
  // (or a table's row: `190      token expired      page on-call`, columns apart by two spaces or more)
  if (/^[\s*#/-]*$/.test(comment) && (/^\s*(?::|=|--?|–|—|-\d+\s*[:=]|\/\s*\d+\s*[:=]|\(\s*[A-Za-z])\s*\S/.test(right) || /^\s{2,}[A-Za-z]/.test(right)) && hasCodeNearby(ctx.scan, nearLines(ctx.scan.text, ctx.lineStart, ctx.lineEnd, NEAR_LINES, ctx.at), ctx.code)) return true;
  // A legend within a sentence about Graph errors: `# Graph throttling: 4 = app-level, 613 = ...`.
  // (or glossed by what it means: `// 190 = token expired/invalid (subcode 463 = session expired)`)
  return /(?:^[\s*#/-]*|[:;,.]\s*)$/.test(comment) && /^\s*(?:=|is\b|means\b|--?|–|—)\s*\S/.test(right) && /\b(?:graph|whatsapp|oauth\w*|throttl\w*|rate[ -]?limit\w*|codes?|subcodes?|errors?|permission\w*|token|expired|polic(?:y|ies)|block(?:ed)?|locked|spam|restricted)\b/i.test(comment + right.slice(0, 80));
}

/** Words (or nothing), then the number: the start of a sentence in a string (`e.g.`, `{share}% of` too). */
export const PROSE_BEFORE = /^(?:[A-Za-z{%][\w\s,'.%{}-]*)?$/;
/** The same with a sentence's punctuation and a table's bars: `skipped: `, `statuses[].errors[].code, e.g. `, `| `. */
const SENTENCE_BEFORE = /^(?:[A-Za-z{%|][\w\s,'.%{}\-:|[\]()/]*)?$/;

/** Parameterized tests' tables of rows. */
export const TEST_TABLE = /@(?:CsvSource|ValueSource|MethodSource)|\b(?:InlineData|TestCase|DataRow|parametrize|Arguments\.of)\b|\.each\s*\(|\bwhere:/;

/** Words that say a number in a sentence is something else. */
export const OTHER_NUMBER_WORD = /\b(?:otp|pin|pincode|kode[_ ]?pos|cep|plz|c[oó]digo de pruebas|passcode|password|verif\w*|your\s+code|promo\w*|coupon|voucher|discount|order|invoice|amount|total|price|phone|tel|room|table|seat|ref|reference)\b/i;

/** What a small Graph code means, in the words before it in parentheses. */
/** Things a shop numbers, named in a legend's gloss. */
const SHOP_THING = /\b(?:product|sku|order|invoice|item|customer|gift ?card|coupon|category|store|warehouse|price|plan)s?\b/i;

const SMALL_GLOSS = /\b(?:token|expired|permission\w*|throttl\w*|rate[ -]?limit\w*|call limit|blocked|restricted|locked|spam|undeliverable|policy|invalid parameter|auth\w*)\b[^()]*\($/i;

/** Judge a code inside prose in a string literal ("failed with (#131047) ..."). */
export function inProse(ctx: Ctx, before: string, right: string): boolean {
  if (/\(#$/.test(before)) return graphMarker(ctx, right);
  // A Go struct tag's example for a field named for codes: `` `json:"error_code" example:"131047"` ``.
  const tag = /\bjson:"([A-Za-z_]\w*)[^"]*"[^`]*\bexample:"$/.exec(before);
  if (tag && isCodeExpr(tag[1] as string) && !isNonCodeName(tag[1] as string)) return ctx.strong || ctx.scan.wa;
  // The code, then its catalog title: `"[131047] Re-engagement message"`, `"131026 - Message Undeliverable"`.
  if (/(?:^|[\s[(:])$/.test(before) && titleFollows(ctx.scan.catalog, ctx.code, right)) return ctx.strong || ctx.scan.wa;
  // The catalog title, then the code: `"Account has been locked (131031)"`.
  if (/\($/.test(before) && /^\)/.test(right) && titlePrecedes(ctx.scan.catalog, ctx.code, before)) return ctx.strong || ctx.scan.wa;
  // `"Error 131047"`, `"code=131047"`, and JSON in a string: `"{\"code\":131047}"`.
  // (and PromQL label matchers: `failures_total{code="131047"}`, `code=~"130429|131056"`)
  if (ctx.strong && /\b(?:code|error|err|subcode|error_code|errorCode|error_subcode)\b(?:\\?["']?\s*[:=#]?|\s*=~?\s*\\?["'](?:\d+\|)*)\s*$/i.test(before)) return true;
  // SQL in a string: `error_code = 131047`, `error_code IN (131049, 130472)`, `error_code LIKE '131047:%'`.
  if (ctx.strong && /\b\w*code\s*(?:==?|<>|!=|\bIN\s*\((?:\s*\d+\s*,)*|\bLIKE\s*')\s*$/i.test(before) && !/(?:status|http|zip|postal|country)_?code\s*(?:=|<>|!=|\bIN|\bLIKE)/i.test(before)) return true;
  // A sentence naming the code, in a WhatsApp file: a test's name (`it('treats 131026 as undeliverable')`),
  // an assertion's message. Read as a comment is, without quantities, order numbers or one-time codes.
  // `graph error 100/2388040: Invalid parameter`: a code and its subcode after "error".
  // (a small one closing a clause in a WhatsApp file: `"... (error 368)."`, `"error 100: ..."`)
  if (/\b(?:error|code)\s+(?:\d+\/)?$/i.test(before) && /^(?:\/\d{5,}|[:).]|\s+[A-Za-z]|["'`]|$)/.test(right) && (ctx.strong || ctx.scan.wa) && !OTHER_NUMBER_WORD.test(before.slice(-24))) return ctx.strong || /^(?:\/\d{5,}|[:)"'`])/.test(right);
  // A small code glossed in parentheses after what it means: `"kills the job when the token expired (190)"`.
  if (!ctx.strong && ctx.scan.wa && /\($/.test(before) && /^\)/.test(right) && SMALL_GLOSS.test(before.slice(-60))) return true;
  // Codes listed in parentheses in a sentence of a WhatsApp file: `"Throttled sends (80007 / 130429 / 131056)"`,
  // `"whatsapp throttled (4/80007/130429), backing off"`; a small one needs a distinctive one beside it.
  const listed = ctx.scan.wa ? /\((?:\s*\d+\s*[/,|]\s*|\s*\d+\s+(?:OR|or|and)\s+)*$/.exec(before) : null;
  if (listed && /^(?:\s*[/,|]\s*\d+|\s+(?:OR|or|and)\s+\d+)*\s*\)/.test(right) && !OTHER_NUMBER_WORD.test(before.slice(-40))) {
    const group = `${before.slice(listed.index)} ${right.slice(0, right.indexOf(')'))}`.match(/\d+/g) ?? [];
    if (group.every((n) => ctx.scan.catalog.has(Number(n))) && (ctx.strong || group.some((n) => isDistinctive(Number(n))))) return true;
  }
  // A string of codes only, the value of a setting named for codes: `env('WA_SOFT_SKIP_CODES', '130472,131049')`.
  if (/^(?:\d+\s*,\s*)*$/.test(before) && /^(?:\s*,\s*\d+)*["']/.test(right) && /[A-Za-z_]*codes\b/i.test(ctx.scan.text.slice(Math.max(ctx.lineStart, ctx.at - before.length - 80), ctx.at - before.length))) return ctx.strong || ctx.scan.wa;
  // Search syntax naming an error code: Datadog's `@wa.error.code:(130429 OR 131056)`, `@wa.error.code:190`.
  if (ctx.scan.wa && /[@\w.]*err\w*[._]code:\(?(?:\d+\s+OR\s+)*$/i.test(before)) return true;
  // A cell of a parameterized test's row, read by the test method's parameter for its column.
  // (outside a file known to be about WhatsApp, only a distinctive code under a parameter named for codes)
  const cell = ctx.scan.wa || ctx.strong ? tableCell(ctx, before, right) : undefined;
  if (cell !== undefined && (ctx.scan.wa || cell === 'named')) return cell !== false;
  if (ctx.strong) {
    // (a code in parentheses in a sentence of a WhatsApp file: `"Mark contacts that opted out of marketing (131050)"`)
    if (ctx.scan.wa && /\($/.test(before) && /^\)/.test(right) && !OTHER_NUMBER_WORD.test(before.slice(-40))) return true;
    if (!ctx.scan.wa || !SENTENCE_BEFORE.test(before) || OTHER_NUMBER_WORD.test(before)) return false;
    // A row of a parameterized test's table: `@CsvSource({"131047, false"})`, `[InlineData("131047, x")]`.
    // (the annotation may open many rows above: its bracket encloses the row)
    if (before === '' && /^\s*,/.test(right)) return TEST_TABLE.test(nearLines(ctx.scan.text, ctx.lineStart, ctx.lineEnd, 3, ctx.at)) || TEST_TABLE.test(openerLineHead(ctx.scan.text, ctx.lineStart));
    // (a sentence may end with the code and the string with it: `"... last seen failing with 131047"`; not an id, `'ORD-131047'`)
    // (or a cell of a table written in a string: `| 131026 | ask for another channel |`)
    const cellOfTable = /^\|\s*$/.test(before) && /^\s+\|\s+[A-Za-z]/.test(right);
    return (cellOfTable || /^(?:\s+[A-Za-z(]|\s*$|[:)])/.test(right) || (/^["'`]/.test(right) && /[A-Za-z]\s+[A-Za-z]/.test(before))) && (cellOfTable || inComment(ctx, before, right));
  }
  // A small code in a Graph error written as JSON in a string: `"{\"type\":\"OAuthException\",\"code\":190}"`.
  if (!ctx.scan.wa || !/\bcode\\?["']\s*:\s*$/.test(before)) return false;
  return /OAuthException|fbtrace|error_subcode|error_data|is_transient/.test(ctx.scan.text.slice(ctx.lineStart, Math.min(ctx.lineEnd, ctx.lineStart + 2000)));
}

/** Cells before the code in a row string (`"400, ` of `"400, 131056, true"`), and the cells after it. */
const ROW_BEFORE = /^(?:\s*[\w.+-]*\s*,)*\s*$/;
const ROW_AFTER = /^\s*(?:,\s*[\w.+ -]*)*["']/;
/** A test method's declaration after its table: its parameter list. */
const TEST_METHOD = /\b(?:void|fun|def|Task|public|private|internal|protected)\b[^;{}=()]*\(([^()]*)\)/;

/**
 * A number that is one cell of a row of a parameterized test's table (JUnit `@CsvSource({"400,
 * 131056, true"})`, `@CsvSource({"4, true"})`): judged by the name of the test method's parameter
 * for its column (`int code` yes, `int httpStatus` no); a distinctive code also where the name says
 * neither. `'named'` when the parameter's name says code; undefined when the number is not in such a row.
 */
function tableCell(ctx: Ctx, before: string, right: string): boolean | 'named' | undefined {
  if (!ROW_BEFORE.test(before) || !ROW_AFTER.test(right) || (before === '' && !/^\s*,/.test(right))) return undefined;
  const text = ctx.scan.text;
  if (!TEST_TABLE.test(nearLines(text, ctx.lineStart, ctx.lineEnd, 3, ctx.at)) && !TEST_TABLE.test(openerLineHead(text, ctx.lineStart))) return undefined;
  const method = TEST_METHOD.exec(text.slice(ctx.lineEnd, Math.min(text.length, ctx.lineEnd + 1500)));
  const params = method ? (method[1] as string).split(',') : [];
  const param = params[(before.match(/,/g) ?? []).length];
  // `int code`, `code: Int`, `@AggregateWith(...) String code`: the name is the word before a `:` or the last one.
  const name = param === undefined ? '' : (/([A-Za-z_]\w*)\s*:/.exec(param)?.[1] ?? /([A-Za-z_]\w*)\s*$/.exec(param.replace(/=.*$/, ''))?.[1] ?? '');
  if (name !== '' && isNonCodeName(name)) return false;
  if (/code|err/i.test(name)) return ctx.strong || ctx.scan.wa ? 'named' : false;
  return ctx.strong;
}

/** The code's catalog title (or a variant) ends `before`, up to an opening parenthesis: `Account has been locked (`. */
export function titlePrecedes(catalog: Catalog, code: number, before: string): boolean {
  const entry = catalog.get(code);
  if (!entry) return false;
  const text = before.replace(/\s*\($/, '').toLowerCase();
  return [entry.title, ...entry.variants].some((t) => t.length >= 6 && text.endsWith(t.toLowerCase()));
}

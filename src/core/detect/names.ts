/**
 * Word-level evidence shared by the detectors: which names mean "an error code", which mean
 * "some other number", and how distinctive a code is. Every regex here runs on a short, bounded
 * string (a key, an identifier, a window of a line), never on a whole document.
 */

/** Codes of five digits or more (13xxxx, 2388xxx, 80007) rarely collide with ordinary numbers. */
export function isDistinctive(code: number): boolean {
  return code >= 10000;
}

/** The 13xxxx block Meta uses for Cloud API errors: an unknown code there is still worth a hover. */
export function isCloudApiBlock(code: number): boolean {
  return code >= 130000 && code <= 139999;
}

/** Names that hold something other than an error code even when their value looks like one. */
const NOT_A_CODE_WORD =
  /(?:^|_)(?:id|ids|count|total|num|amount|price|cost|size|len|length|width|height|timeout|delay|ms|millis|seconds|secs|port|offset|index|idx|page|version|year|phone|msisdn|wa_id|recipient|timestamp|ts|time|date|duration|interval|status|http|line|lineno|col|column|bytes|pid|uid|zip|postal|balance|qty|quantity|quantities|entries|categories|credits?|seats?|units?|conversations|score|seq|sequence|retries|attempts|cents|number|budget|threshold|quota|included|allowance|percent|ratio|per_hour|per_minute|per_second|per_day|pin|otp|passcode|sku|seed|glyph|icon|codepoint|colou?r|warehouse|region|zone|tenant|merchant|customer|member|workspace|urn)s?$|^(?:limit|max|min|from|to|number|n|i|j|k|x|y)$|^ids?_/i;
const NOT_A_CODE_CAMEL = /[a-z0-9](?:Id|ID|Ids|Count|Total|Timeout|Ms|Millis|Seconds|Port|Size|Length|Status|Phone|Number|Timestamp|Time|Version|Index|Offset|Amount|Price|Line|Duration|Interval|Delay|Retries|Attempts|Budget|Threshold|Quota|Included|Allowance|Credits?|Seats?|Units?|Conversations|Percent|Ratio|PerHour|PerMinute|PerSecond|PerDay|IDs|Tenants?|Merchants?|Customers?|Members?|Workspaces?|Pin|Otp|Sku|Seed|Glyph|Icon|Codepoint|Colou?r|Warehouses?|Regions?|Zones?)$/;

/** Parts of a name that say the code belongs to another system (HTTP, process, country...). */
const OTHER_CODE = /status|http|exit|response_?code|country|calling_?code|dial(?:ing)?_?code|phone_?code|postal|zip|area|currency|locale|promo|verif|coupon|invite|referral|postcode|pin_?code|kode_?pos|codigo_?postal|\bcep\b|\bplz\b|barcode|sku|hsn|warehouse|region|otp_?code|demo_?code|test_?code/i;

/** True for a name whose value should never be read as an error code (`id`, `count`, `timeoutMs`). */
export function isNonCodeName(name: string): boolean {
  return NOT_A_CODE_WORD.test(name) || NOT_A_CODE_CAMEL.test(name) || OTHER_CODE.test(name);
}

/**
 * The last segment of an expression (`err.response.data.error.code` -> `code`,
 * `$e->getCode()` -> `getCode`), lower-cased with `_`, `$` and `()` removed.
 */
export function lastSegment(expr: string): string {
  // A lookup by key reads as the key: `err.get("code")`, `error.fetch(:code)`, `e.dig("error", "code")`.
  const key = /(?:\.|->)\s*(?:get|fetch|dig|getInt|optInt|getString|opt)\s*\((?:[^()]*,)?\s*(?:['"]|:)(\w+)['"]?\s*(?:,[^()]*)?\)\s*$/.exec(expr.length > 120 ? expr.slice(-120) : expr);
  const name = key ? (key[1] as string) : trailingName(expr);
  return name.includes('_') || name.includes('$') ? name.replace(/[$_]/g, '').toLowerCase() : name.toLowerCase();
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/**
 * The identifier that ends an expression, read backwards over `  ] ' " ()` and blanks:
 * `err.response['code']` -> `code`, `$e->getCode()` -> `getCode`. A backwards loop rather than an
 * end-anchored regex, which would be retried from every position of the expression.
 */
function trailingName(expr: string): string {
  const stop = Math.max(0, expr.length - 120);
  let i = expr.length;
  while (i > stop && isBlank(expr.charCodeAt(i - 1))) i--;
  while (i > stop && (expr.charCodeAt(i - 1) === 93 || expr.charCodeAt(i - 1) === 39 || expr.charCodeAt(i - 1) === 34)) i--;
  while (i > stop && isBlank(expr.charCodeAt(i - 1))) i--;
  if (expr.charCodeAt(i - 1) === 41) {
    let k = i - 1;
    while (k > stop && isBlank(expr.charCodeAt(k - 1))) k--;
    if (expr.charCodeAt(k - 1) === 40) {
      i = k - 1;
      while (i > stop && isBlank(expr.charCodeAt(i - 1))) i--;
    }
  }
  const end = i;
  while (i > stop && isIdentChar(expr.charCodeAt(i - 1))) i--;
  // An identifier does not start with a digit: `2fa` ends in the name `fa`.
  while (i < end && expr.charCodeAt(i) >= 48 && expr.charCodeAt(i) <= 57) i++;
  return expr.slice(i, end);
}

/** The last identifier of an expression as written (`row.row_id` -> `row_id`), for the word rules above. */
export function lastName(expr: string): string {
  return trailingName(expr).replace(/^\$/, '');
}

/** Last segments that name an error code or subcode. */
// (a qualifier needs an error word after it: `last_error_code`, not `last_code`)
// (and the words teams write in Portuguese, Spanish, Indonesian, Turkish, German and Hindi:
// `codigo_erro`, `kodeGalat`, `hata_kodu`, `Fehlercode`, `galtiCode`)
// (a BSP's field for the channel's own code: Sinch's `channel_code`, Zenvia's `channelErrorCode`, `provider_code`)
const CODE_SEGMENT = /^(?:get)?(?:(?:error|err|graph|wa|whatsapp|meta|fb|api|fail(?:ure)?|reason|erro|fehler|hata|galat|galti|channel|provider){0,2}(?:sub)?code|subcode|(?:erro|error|fehler|hata|galat|galti|graph|wa)?(?:sub)?(?:codigo|kode|kodu)(?:de)?(?:erro|error|galat|fehler|hata|galti)?|(?:last|first|latest|final|top|primary)(?:error|err|graph|wa|whatsapp|meta|fail(?:ure)?)(?:sub)?code)$/;

/** True for `code`, `error_code`, `errorCode`, `e.code`, `$e->getCode()`, `error_subcode`, `ErrorCode`. */
export function isCodeExpr(expr: string): boolean {
  const seg = lastSegment(expr);
  if (!CODE_SEGMENT.test(seg) || OTHER_CODE.test(seg)) return false;
  // `res.code`, `response.code`, `process.exitCode`: another system's code.
  return !/(?:http|res|resp|response|process|exit|status|xhr|request|req)\s*(?:\?\.|\.|->)\s*(?:get_?)?code\b/i.test(expr.slice(-80));
}

/**
 * True when an expression names an error code of an error object specifically (`err.code`,
 * `error_code`, `e.getCode()`), not any `something.code`. Small codes (0-613) need this.
 */
export function isErrorCodeExpr(expr: string): boolean {
  if (!isCodeExpr(expr)) return false;
  const seg = lastSegment(expr);
  // (`codigo`, `kode`, `kodu` alone say no more than `code`: read the receiver as for `code`)
  if (!/^(?:get)?(?:code|codigo|kode|kodu)$/.test(seg)) return true;
  // (a lookup by key reads as the member: `err.get("code")` as `err.code`)
  // (and a path of keys as its members: Ruby's `res.dig("error", "code")` as `res.error.code`)
  const tail = (expr.length > 120 ? expr.slice(-120) : expr)
    .replace(/(?:\.|->)\s*(?:get|fetch|dig)\s*\(\s*(?:['"]|:)(\w+)['"]?\s*\)/g, '.$1')
    .replace(/\.\s*dig\s*\(((?:\s*(?:['"]\w+['"]|:\w+)\s*,)+\s*(?:['"]\w+['"]|:\w+))\s*\)/g, (_m, keys: string) => `.${keys.split(',').map((k) => k.trim().replace(/^[:'"]|['"]$/g, '')).join('.')}`);
  // `code` alone, or the code of something named like an error (`e`, `ex`, `err`, `apiError`...).
  if (/^\s*\$?(?:code|c[oó]digo|kode|kodu)\s*$/i.test(tail)) return true;
  // (through one wrapper member too: pytest's `exc.value.code`, `err.error.code`, `e.response.data.code`)
  return /(?:^|[^\w$])\$?(?:e|ex|exc|exc_info|excinfo|exception|\w*err(?:or)?s?|\w*Err(?:or)?|\w*Exception|\w*_error|\w*_err)\s*(?:(?:\?\.|\.|->)\s*(?:value|error|err|data|body|details|original|cause|inner|innerException|InnerException|response\s*(?:\?\.|\.)\s*data)\s*)?(?:\?\.|\.|->|::|\[\s*['"])\s*(?:get_?)?(?:code|codigo|kode|kodu)\b/i.test(tail);
}

/** Names of collections of codes: `RETRYABLE_CODES`, `doNotRetryCodes`, `retry_codes`, `error_codes`. */
export function isCodesName(name: string): boolean {
  // ("codes" as a word of its own: not the end of `PINCODES` or `barcodes`)
  return /(?:^|[_.\-]|sub)codes_*$/i.test(name.replace(/([a-z0-9])(Codes)/, '$1_$2')) && !OTHER_CODE.test(name);
}

/**
 * Names of collections of codes in source: `*_codes` as above, and `TOKEN_ERRORS`, `authErrors`
 * (a qualifier then "errors": a bare `errors` is usually a list of messages, not of codes).
 */
export function isCodeListName(name: string): boolean {
  return isCodesName(name) || (/[A-Za-z0-9]_?errors_*$/i.test(name) && !OTHER_CODE.test(name));
}

/**
 * Names about errors by a word other than "code" (`RE_ENGAGEMENT_ERROR`, `retryable`): what a
 * distinctive number needs outside WhatsApp files, where `testCode` or `DEMO_CODE` hold one-time codes.
 */
export function isErrorWordName(name: string): boolean {
  return ERR_PART.test(name) || /fail|reason|retry|retriable|retryable|fatal|throttl|rate_?limit|reengage|re_engage|exception/i.test(name);
}

/** "err" as a part of a name (`error`, `lastErr`, `RETRY_ERRORS`), not inside a word (`PRICE_OVERRIDES`, `overridden`). */
const ERR_PART = /(?<![a-z])[Ee]rr|(?<=[a-z])Err|(?<![A-Z])ERR/;

/** Names that are about errors (a constant `RE_ENGAGEMENT_ERROR`, a key `last_error`). */
export function isErrorishName(name: string): boolean {
  return ERR_PART.test(name) || /fail|reason|retry|retriable|retryable|fatal|throttl|rate_?limit|reengage|re_engage|code/i.test(name);
}

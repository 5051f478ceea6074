import { isCodeExpr, isErrorCodeExpr, lastSegment } from './names';
import { BACK_REACH, type SourceScan } from './sourceWindow';

/**
 * Whether the subject of a comparison with a small code is an error's code although its name does
 * not say so (`ge.Code`, `self.code`, `@code`): the receiver was declared as an error type above,
 * or the variable was assigned an error's code. Small codes (0, 4, 100, 190...) need such a
 * subject; read within BACK_REACH above the line only.
 */
export function isErrorCodeSubject(scan: SourceScan, lineStart: number, subject: string): boolean {
  const expr = subject.trim();
  // (a bare `code` unpacked with a body from a call is an HTTP status: Ruby's `code, body = graph_post(...)`)
  if (/^[$@]?code$/.test(expr) && unpackedFromCall(scan.text.slice(Math.max(0, lineStart - BACK_REACH), lineStart))) return false;
  if (isErrorCodeExpr(expr)) return true;
  // (a short local set from an error's code: Go `c := Code(err)`, `const err = lastOutbound.errorCode`)
  if (/^[A-Za-z_]\w{0,15}$/.test(expr) && !isCodeExpr(expr)) return assignedErrorCode(scan.text.slice(Math.max(0, lineStart - BACK_REACH), lineStart), expr);
  if (!isCodeExpr(expr) || expr.length > 80) return false;
  const above = scan.text.slice(Math.max(0, lineStart - BACK_REACH), lineStart);
  // The code of a receiver typed as an error: `ge.Code` after `var ge *GraphError`.
  const receiver = /^(?:\$|@)?([A-Za-z_]\w*)\s*(?:\?\.|\.|->|\[\s*['"])\s*(?:get_?)?(?:code|codigo|kode|kodu)\b/i.exec(expr)?.[1];
  if (receiver !== undefined && !/^(?:self|this)$/.test(receiver) && (typedAsError(above, receiver) || assignedError(above, receiver))) return true;
  // A variable holding an error's code: `@code = error['code']`, `code := apiErr.Code`.
  const whole = /^(?:\$|@)?[A-Za-z_]\w*$/.test(expr) ? expr : undefined;
  return whole !== undefined && assignedErrorCode(above, whole);
}

/** The last write of `code` above unpacks it with other names from a call that reads no error: `code, body = post(...)`, `[code, body] = ...`. */
function unpackedFromCall(above: string): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of above.matchAll(/(?:^|[\s;(\[])code\s*,\s*([\w$]+)\s*\]?\s*(?::=|=(?!=))\s*([^\n;]{0,160})/g)) last = m;
  // (Go's `code, err := strconv.Atoi(arg)` converts a code; it is the body beside it that says HTTP)
  return last !== undefined && !/^(?:err|error|ok|e)$/.test(last[1] as string) && /\(/.test(last[2] as string) && !/err|fail|exception/i.test(last[2] as string);
}

/** Words of other systems in error type names: their codes are not Graph's. */
const OTHER_SYSTEM_WORDS = new Set(['stripe', 'twilio', 'pg', 'postgres', 'postgre', 'mysql', 'sql', 'grpc', 'status', 'http', 'redis', 'kafka', 'aws', 's3', 'smtp', 'mail', 'firebase', 'google']);

/**
 * An error type of another system, by the words of its name (`StripeError`, `pgconn.PgError`,
 * `HttpException`); read word by word, so `UpgradeError` is not Postgres's.
 */
export function isOtherSystemType(name: string): boolean {
  for (const word of name.split(/[._$]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)) if (OTHER_SYSTEM_WORDS.has(word.toLowerCase())) return true;
  return false;
}

/** An error type's name: `GraphError`, `WhatsAppApiException`, `MetaFault`, `WaFailure`, `GraphErrorDto`. */
const ERROR_TYPE = '(?:[A-Za-z_][\\w.]*)?(?:Error|Exception|Err|Fault|Failure|Fehler|Galat|Erro|Hata)(?:Dto|DTO|Body|Payload|Response|Details|Info|Data)?';

/** Compiled declarations per receiver name (bounded). */
const declarations = new Map<string, RegExp>();

function declarationPattern(name: string): RegExp {
  let re = declarations.get(name);
  if (!re) {
    const n = name.replace(/\$/g, '\\$');
    re = new RegExp(
      [
        // Java, C#, PHP, a catch clause: `GraphError ge`, `catch (WhatsAppException $ex)`
        `(${ERROR_TYPE})\\??\\s+\\$?${n}\\b(?!\\s*[.(])`,
        // TypeScript, Kotlin, Python annotations; Go `var ge *GraphError`, `ge, ok := err.(*GraphError)`, `ge := &GraphError{`
        `\\b${n}\\s*(?::|,\\s*ok\\s*:=|:=|=|\\s)\\s*(?:[\\w.]+\\s*\\.\\(|[\\w.]+\\s+as\\s+|as\\s+|[&*(]\\s*){0,3}\\*?(${ERROR_TYPE})\\b`,
        // Python `except GraphError as ge`, Ruby `rescue GraphError => ge`
        `(?:except|rescue)\\s*\\(?\\s*(${ERROR_TYPE})[^\\n]*?(?:\\bas|=>)\\s*${n}\\b`,
      ].join('|'),
      'g',
    );
    if (declarations.size >= 256) declarations.clear();
    declarations.set(name, re);
  }
  return re;
}

/** The nearest declaration of `name` above gives it an error type (not another system's). */
function typedAsError(above: string, name: string): boolean {
  if (!above.includes(name)) return false;
  const re = declarationPattern(name);
  re.lastIndex = 0;
  let type: string | undefined;
  for (let m = re.exec(above); m; m = re.exec(above)) type = m[1] ?? m[2] ?? m[3];
  // `errors.As(err, &ge)` gives `ge` whatever type it was declared with: that declaration decides.
  return type !== undefined && !isOtherSystemType(type);
}

/** What the nearest assignment to `name` above writes (undefined: none within reach). */
/** Compiled assignments per name (bounded). */
const assignments = new Map<string, RegExp>();

function assignedValue(above: string, name: string): string | undefined {
  if (!above.includes(name)) return undefined;
  let re = assignments.get(name);
  if (!re) {
    const n = name.replace(/\$/g, '\\$');
    re = new RegExp(`(?:^|[^\\w$@.])${n}\\s*(?::=|=)(?![=>~])\\s*([^\\n;]{1,100})`, 'g');
    if (assignments.size >= 256) assignments.clear();
    assignments.set(name, re);
  }
  re.lastIndex = 0;
  let value: string | undefined;
  for (let m = re.exec(above); m; m = re.exec(above)) value = m[1];
  return value;
}

/** The nearest assignment to `name` above reads an error object: `const g = err.response?.data?.error`. */
function assignedError(above: string, name: string): boolean {
  const value = assignedValue(above, name);
  if (value === undefined) return false;
  const head = (value.split(/\s*(?:\|\||\?\?|\bor\b|,)/)[0] ?? '').replace(/[\s;!]+$/, '');
  return /^(?:await\s+)?[\w$.?[\]'"-]*(?:\.|\[['"]|^)(?:error|err|graph_?error|graphError)['"]?\]?$/i.test(head) && !/\(/.test(head);
}

/** The nearest assignment to `name` above reads an error's code: `@code = error['code']`. */
function assignedErrorCode(above: string, name: string): boolean {
  const value = assignedValue(above, name);
  if (value === undefined) return false;
  // (the expression up to a fallback or a conversion: `err.code || 0`, `int(err["code"])`)
  const head = value
    .replace(/^\s*(?:int|Number|parseInt|Integer\.parseInt|\(int\))\s*\(?/, '')
    .replace(/\s*\.\s*(?:to_i|to_int|toInt\(\)|intValue\(\)|toInteger\(\))\s*$/, '')
    .split(/\s*(?:\|\||\?\?|\bor\b|,|\)\s*$)/)[0] ?? '';
  // (or a helper reading it: `Code(err)`, `errorCodeOf(e)`, `graph.CodeOf(err)`)
  return (lastSegment(head) !== '' && isErrorCodeExpr(head.trim())) || /^[\w.]*[Cc]ode(?:Of|From)?\s*\(\s*(?:err|e|ex|exc|error)\w*\s*\)?$/.test(head.trim());
}

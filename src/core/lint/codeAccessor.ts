/**
 * The code expression that goes with a title or message expression: `err.code` for `err.message`,
 * `$e->getCode()` for `$e->getMessage()`. Used by the quick fix and by the diagnostic's advice.
 */

/** Calls that only change case or trim, peeled off the receiver. */
const CASE_CALL = /(?:\?\.|\.)(?:toLowerCase|toUpperCase|toLocaleLowerCase|toLocaleUpperCase|trim|lower|upper|strip|casefold|ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|Trim|lowercase|uppercase|toString|orEmpty)\(\s*\)$|\.(?:downcase|upcase|strip|to_s)$|!!$/;
const CASE_WRAPPER = /^(?:strings\.ToLower|strings\.ToUpper|strtolower|strtoupper|mb_strtolower|String|)\(((?:[^()]|\([^()]*\))+)\)$/;
/** A default for a missing text: `(err.message || '')`, `(e.get("message") or "")`, `err.message ?? ""`. */
const EMPTY_DEFAULT = /\s*(?:\|\||\?\?|\?:|\bor\b)\s*(?:''|""|``)$/;

/** The code expression for a receiver that ends in a title or message accessor; undefined when unclear. */
export function codeAccessor(receiver: string): string | undefined {
  let r = receiver.trim();
  for (let k = 0; k < 4; k++) {
    const w = CASE_WRAPPER.exec(r);
    if (w) r = (w[1] as string).trim().replace(EMPTY_DEFAULT, '');
    const next = r.replace(CASE_CALL, '');
    if (next === r && !w) break;
    r = next;
  }
  const rules: readonly [RegExp, string][] = [
    [/(\?\.|\.)(?:error_data(?:\?\.|\.))?(?:message|title|error_user_title|error_user_msg|errorUserTitle|errorUserMsg|details)$/, '$1code'],
    [/\.(?:Message|Title|ErrorUserTitle|ErrorUserMsg)$/, '.Code'],
    [/(\.|->)get(?:Message|Title|ErrorUserTitle|ErrorUserMsg)\(\s*\)$/, '$1getCode()'],
    [/\.(?:message|title)\(\s*\)$/, '.code()'],
    [/->(?:message|title)$/, '->code'],
    [/\[\s*(['"])(?:message|title|error_user_title|error_user_msg)\1\s*\]$/, '[$1code$1]'],
    [/\[\s*:(?:message|title)\s*\]$/, '[:code]'],
    [/\.get\(\s*(['"])(?:message|title|error_user_title)\1\s*(?:,[^()]*)?\)$/, '.get($1code$1)'],
  ];
  for (const [re, to] of rules) {
    if (re.test(r)) {
      const out = r.replace(re, to);
      // The object itself must be a plain expression (`err`, `e.response.data.error`, `$e`), not a call of something unknown.
      return /^[\w$]/.test(out) && out.length < 200 ? out : undefined;
    }
  }
  return undefined;
}

/**
 * Member chains in a use site's subject: `err.response.data.error.message.includes()`,
 * `$e->getMessage()`, `error["title"]`, `err.get("title", "")`.
 */
const CHAIN = /\$?[A-Za-z_][\w$]*(?:\.get\(\s*(?:'[^'\n]*'|"[^"\n]*")\s*(?:,[^()\n]*)?\)|\s*(?:\?\.|\.|->)\s*[A-Za-z_][\w$]*(?:\(\s*\))?|\[\s*(?:'[^'\n]*'|"[^"\n]*"|:\w+)\s*\])*/g;

/**
 * The code expression that goes with the title or message a subject reads (`failed.code` in
 * ` in failed.title:`, `apiErr.Code` in `strings.Contains(apiErr.Message, )`); calls made on it
 * (`.includes()`, `.toLowerCase()`) are peeled off. Undefined when no chain reads one.
 */
export function codeExprOf(subject: string): string | undefined {
  if (subject.length > 300) return undefined;
  for (const m of subject.matchAll(CHAIN)) {
    let chain = m[0];
    for (let k = 0; k < 4; k++) {
      const acc = codeAccessor(chain);
      if (acc) return acc;
      const shorter = chain.replace(/\s*(?:\?\.|\.|->)\s*[A-Za-z_][\w$]*(?:\(\s*\))?$/, '');
      if (shorter === chain) break;
      chain = shorter;
    }
  }
  return undefined;
}

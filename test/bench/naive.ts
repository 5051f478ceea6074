/**
 * The naive baseline the bench compares against: JSON.parse every line and walk the object tree
 * for `code` / `error_subcode` values, what a first implementation without a detector would do.
 */

const KEYS = new Set(['code', 'error_subcode', 'errorCode', 'errorSubcode']);

/** Counts numeric codes in an object tree (explicit stack: logs can nest deeply). */
function walk(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const [k, x] of Object.entries(v)) {
      if (KEYS.has(k) && (typeof x === 'number' || (typeof x === 'string' && /^\d+$/.test(x)))) count++;
      else if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return count;
}

/** Codes found in an NDJSON text by parsing every line; lines that are not JSON are skipped. */
export function naiveCodes(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      try {
        count += walk(JSON.parse(text.slice(start, end)));
      } catch {
        // not JSON: a naive reader skips it
      }
    }
    start = end + 1;
  }
  return count;
}

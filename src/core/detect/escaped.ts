/**
 * JSON serialized into a string: a CloudWatch `"message":"{\"level\":\"warn\",\"err\":{\"code\":130429}}"`,
 * a logged response `body="{\"error\":{...}}"`, a Graph batch response's `body`. The walk sees one
 * opaque string there; its content is decoded and scanned as a text of its own, and what is found
 * is mapped back to the offsets of the escaped text.
 */

/** A string's decoded content, with the offset in the escaped text of each decoded character. */
export interface Unescaped {
  readonly text: string;
  readonly at: Int32Array;
}

function hexValue(text: string, at: number, digits = 4): number {
  let v = 0;
  for (let k = at; k < at + digits; k++) {
    const c = text.charCodeAt(k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Decodes JSON string escapes in `text[start, end)` (an unknown escape keeps its character), and
 * nginx's `\x22` too. With `doubled`, the text is a CSV field instead: `""` stands for `"`.
 */
export function unescapeJson(text: string, start: number, end: number, doubled = false): Unescaped {
  const chars = new Uint16Array(end - start);
  const at = new Int32Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    at[n] = i;
    let c = text.charCodeAt(i);
    if (doubled) {
      if (c === 34 && text.charCodeAt(i + 1) === 34) i++;
    } else if (c === 92 && i + 1 < end) {
      const e = text.charCodeAt(++i);
      if (e === 110) c = 10;
      else if (e === 116) c = 9;
      else if (e === 114) c = 13;
      else if (e === 117 && i + 4 < end && hexValue(text, i + 1) >= 0) {
        c = hexValue(text, i + 1);
        i += 4;
      } else if (e === 120 && i + 2 < end && hexValue(text, i + 1, 2) >= 0) {
        c = hexValue(text, i + 1, 2);
        i += 2;
      } else c = e;
    }
    chars[n++] = c;
  }
  let out = '';
  // (in slices: fromCharCode takes its characters as arguments)
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode.apply(null, chars.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return { text: out, at: at.subarray(0, n) };
}

/**
 * Where an escaped JSON value written in plain text ends: at the first quote no backslash escapes
 * (the end of the string it is written in), or at `limit`.
 */
export function escapedEnd(text: string, from: number, limit: number, doubled = false): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (doubled) {
      if (c === 34 && text.charCodeAt(i + 1) === 34) i++;
      else if (c === 34) return i;
    } else if (c === 92) i++;
    else if (c === 34) return i;
  }
  return limit;
}

/**
 * How JSON at `brace` is escaped into the text around it: 1 for backslashes (`{\"code\":`, nginx's
 * `{\x22code\x22:`), 2 for a CSV field's doubled quotes (`{""code"":`), 0 when it is not.
 */
export function escapingAt(text: string, brace: number): number {
  const c = text.charCodeAt(brace + 1);
  if (c === 92) return text.charCodeAt(brace + 2) === 34 || text.startsWith('x22', brace + 2) ? 1 : 0;
  return c === 34 && text.charCodeAt(brace + 2) === 34 && text.charCodeAt(brace + 3) !== 125 ? 2 : 0;
}

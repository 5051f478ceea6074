/**
 * Configuration files read as text (YAML, INI and `.properties`, Spring XML): where a line sits
 * tells what its number is. Bounded looks at the lines around one line: its YAML parent key or INI
 * section, the rows of the same map, the sibling keys of the same object. Pure string work.
 */
import type { Catalog } from '../catalog/catalog';
import { isCodesName, isDistinctive, isNonCodeName } from './names';

/** Names of systems whose own error codes are configured beside WhatsApp's. */
export const OTHER_SYSTEM = /kafka|grpc|postgres|pg_|mysql|redis|stripe|twilio|http|smtp|sqs|kinesis/i;

/** Bounded look back for the key a YAML list item belongs to. */
export function yamlParentKey(text: string, lineStart: number, indent: number): string {
  let end = lineStart - 1;
  for (let k = 0; k < 30 && end > 0; k++) {
    const prev = text.lastIndexOf('\n', end - 1);
    const line = text.slice(prev + 1, Math.min(end, prev + 1 + 200));
    const m = /^(\s*)["']?([\w.\-]+)["']?\s*:\s*(?:#.*)?$/.exec(line);
    if (m && (m[1] as string).length < indent) return m[2] as string;
    if (/^\S/.test(line) && !m) return '';
    end = prev;
  }
  return '';
}

/** The name of the XML array an item line is in: the last `<...-array name="...">` opened above, within reach. */
export function xmlArrayName(text: string, lineStart: number): string | undefined {
  const above = text.slice(Math.max(0, lineStart - 1500), lineStart);
  let last: RegExpExecArray | undefined;
  for (const m of above.matchAll(/<(\/?)[\w-]*-array\b([^>]*)>/g)) last = m;
  if (!last || last[1] === '/') return undefined;
  return /\bname="([^"]+)"/.exec(last[2] as string)?.[1];
}

/** The lines within `reach` lines of the one at `lineStart` (not itself), nearest first. */
function linesAround(text: string, lineStart: number, reach: number): string[] {
  const out: string[] = [];
  let up = lineStart;
  let down = text.indexOf('\n', lineStart);
  for (let k = 0; k < reach; k++) {
    if (up > 0) {
      const prev = text.lastIndexOf('\n', up - 2);
      out.push(text.slice(prev + 1, Math.min(up - 1, prev + 1 + 300)));
      up = prev + 1;
    }
    if (down !== -1) {
      const next = text.indexOf('\n', down + 1);
      out.push(text.slice(down + 1, Math.min(next === -1 ? text.length : next, down + 1 + 300)));
      down = next;
    }
  }
  return out;
}

/** A row of a YAML or properties map keyed by a code: `  "131047": SEND_TEMPLATE`, `131026=unreachable`. */
export const KEYED_ROW = /^\s*["']?(\d{1,7})["']?\s*[:=]/;
/** A row of a Spring XML map: `<entry key="131047" value-ref="..."/>`. */
export const ENTRY_ROW = /<entry\s+key=["'](\d{1,7})["']/;

/**
 * How many rows of the same block (the unbroken run of `row` lines around this one, up to 8 each
 * way) are keyed, per `row`'s first group, by distinctive catalog codes.
 */
export function codeKeysAround(text: string, catalog: Catalog, lineStart: number, row: RegExp): number {
  let n = 0;
  const count = (line: string): boolean => {
    const m = row.exec(line);
    if (!m) return false;
    const code = Number(m[1]);
    if (isDistinctive(code) && catalog.has(code)) n++;
    return true;
  };
  for (let k = 0, up = lineStart; k < 8 && up > 0; k++) {
    const prev = text.lastIndexOf('\n', up - 2);
    if (!count(text.slice(prev + 1, Math.min(up - 1, prev + 1 + 300)))) break;
    up = prev + 1;
  }
  for (let k = 0, down = text.indexOf('\n', lineStart); k < 8 && down !== -1; k++) {
    const next = text.indexOf('\n', down + 1);
    if (!count(text.slice(down + 1, Math.min(next === -1 ? text.length : next, down + 1 + 300)))) break;
    down = next;
  }
  return n;
}

/** Keys only Graph's error objects have, as YAML (or pprint) siblings of a `code:` line. */
// (quoted too, as Python's pprint writes a dict across lines: `'type': 'OAuthException',`)
// (and .NET's aligned property dumps: `Type        : OAuthException`, `FbTraceId   : A1b2`)
const GRAPH_SIBLING = /^\s*["']?(?:type["']?\s*:\s*["']?OAuthException|fb_?trace_?id["']?\s*:|error_?sub_?code["']?\s*:|error_?user_?(?:title|msg)["']?\s*:|is_?transient["']?\s*:)/i;

/** A YAML line's sibling keys (same indent, within 6 lines) are those of a Graph error object. */
export function graphSiblings(text: string, lineStart: number, line: string): boolean {
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  return linesAround(text, lineStart, 6).some((l) => (/^\s*/.exec(l)?.[0].length ?? 0) === indent && GRAPH_SIBLING.test(l));
}

/** A field within 3 lines whose whole value is the code's catalog title (or a variant). */
export function titleFieldAround(text: string, catalog: Catalog, code: number, lineStart: number): boolean {
  const entry = catalog.get(code);
  if (!entry) return false;
  const titles = [entry.title, ...entry.variants].filter((t) => t.length >= 6).map((t) => t.toLowerCase());
  return linesAround(text, lineStart, 3).some((l) => {
    const m = /^\s*(?:-\s+)?["']?[\w-]+["']?\s*[:=]\s*["']?([^"'#\n]+?)["']?\s*(?:#.*)?$/.exec(l);
    return m !== null && titles.includes((m[1] as string).toLowerCase());
  });
}

/**
 * The section a `key = value` line sits in is named for error codes: an INI header above it
 * (`[whatsapp.errors]`), or its YAML parent key (`error_codes:`); not another system's.
 */
export function codesSection(text: string, lineStart: number, line: string, key = ''): boolean {
  // (a dotted key's own segment: `whatsapp.errors.page=368,131031`)
  if (/(?:^|\.)(?:errors?|error_?codes?)\./i.test(key) && !OTHER_SYSTEM.test(key)) return true;
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  const names = indent > 0 ? yamlAncestors(text, lineStart, indent, 4) : [];
  if (names.length === 0) {
    const above = text.slice(Math.max(0, lineStart - 3000), lineStart);
    const header = /^\[([^\]\n]{1,80})\][ \t]*\r?$/gm;
    let last: RegExpExecArray | null = null;
    for (let m = header.exec(above); m; m = header.exec(above)) last = m;
    if (last) names.push((last[1] as string).trim());
  }
  // (the nearest that names codes or another system decides: `error_handling:` above `default:` above `terminal: [...]`)
  for (const name of names) {
    if (OTHER_SYSTEM.test(name) || isNonCodeName(name)) return false;
    if (isCodesName(name) || /(?:^|[._\-\s])(?:errors?|error_?codes?|error_?handling)$/i.test(name)) return true;
  }
  return false;
}

/** The YAML keys above a line at `indent`, nearest first, at most `max` of them (bounded look back). */
function yamlAncestors(text: string, lineStart: number, indent: number, max: number): string[] {
  const out: string[] = [];
  let below = indent;
  let end = lineStart - 1;
  for (let k = 0; k < 60 && end > 0 && out.length < max && below > 0; k++) {
    const prev = text.lastIndexOf('\n', end - 1);
    const line = text.slice(prev + 1, Math.min(end, prev + 1 + 200));
    end = prev;
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const m = /^(\s*)(?:-\s+)?["']?([\w.\-]+)["']?\s*:\s*(?:#.*)?$/.exec(line);
    const at = /^\s*/.exec(line)?.[0].length ?? 0;
    if (at >= below) continue;
    if (!m) break;
    out.push(m[2] as string);
    below = at;
  }
  return out;
}

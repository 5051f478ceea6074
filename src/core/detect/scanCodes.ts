import type { Catalog } from '../catalog/catalog';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { fileContext, type FileContext } from './context';
import { scanSource } from './source';
import { scanDocument, scanLines } from './text';
import { isDistinctive } from './names';

export interface ScanOptions {
  /** Checked between chunks; a cancelled scan returns what it has found so far. */
  readonly token?: CancelToken;
  /**
   * File-level context computed elsewhere (e.g. `fileContext(document.getText())` cached per
   * document version) for when `text` is only a line or a window. It is OR-ed with what the
   * text itself shows, so passing it never removes findings.
   */
  readonly context?: FileContext;
}

/**
 * JSON lines (NDJSON, .jsonl, a .log of JSON records): the first non-empty line is a whole
 * object or array and another line follows. Anything else is walked as one document.
 */
function isJsonLines(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nl = text.indexOf('\n', body);
  if (nl === -1) return false;
  const first = text.slice(body, Math.min(nl, body + 100000)).trim();
  return /^[{[]/.test(first) && /[}\]]$/.test(first) && /\S/.test(text.slice(nl, nl + 4096));
}

/**
 * Every error code (kind `error-code`) in a text, for the given language family, sorted by start.
 * Offsets are UTF-16 offsets of the digits only (`(#131047)` and `"131047"` give the digits).
 */
export function scanCodes(text: string, family: LanguageFamily, catalog: Catalog, opts: ScanOptions = {}): Finding[] {
  const out: Finding[] = [];
  const wa = opts.context?.whatsapp === true || fileContext(text).whatsapp;
  const base = { text, catalog, wa, token: opts.token };
  if (family === 'json' || family === 'text') {
    const scan = (b: typeof base): void => {
      // A piece of JSON without brackets (one line of a pretty-printed file, for a hover) reads as text.
      if (family === 'text' || !/[{[]/.test(text)) scanLines(b, out, false);
      else if (isJsonLines(text)) scanLines(b, out, true);
      else scanDocument(b, out);
    };
    scan(base);
    // Distinctive codes found in a plain log whose words never said WhatsApp (a CI log, a gateway's)
    // show what it is about: its small codes are judged again as a WhatsApp file's, as source files'
    // are. (JSON keeps to its objects' own evidence: a BSP's stream relays carriers' codes too.)
    if (family === 'text' && !wa && out.some((f) => f.code !== undefined && isDistinctive(f.code) && catalog.has(f.code)) && !opts.token?.isCancellationRequested) {
      out.length = 0;
      scan({ ...base, wa: true });
    }
  } else {
    scanSource({ ...base, family, fileWa: wa }, out);
  }
  out.sort((a, b) => a.start - b.start);
  // (two readings of one number, a string read as prose and its braces walked, report it once)
  let kept = 0;
  for (let i = 0; i < out.length; i++) {
    const f = out[i] as Finding;
    const prev = kept > 0 ? (out[kept - 1] as Finding) : undefined;
    if (prev && prev.start === f.start && prev.end === f.end) continue;
    out[kept++] = f;
  }
  out.length = kept;
  return out;
}


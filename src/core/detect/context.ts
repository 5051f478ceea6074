/**
 * File-level evidence that a text is about WhatsApp / Graph API errors. Small codes (0, 4, 100,
 * 190, 200-299...) are only reported where this holds, because the same numbers are everywhere
 * else (HTTP statuses, loop bounds, widths).
 */
export interface FileContext {
  /** The text mentions WhatsApp, the Graph API or the shape of its errors. */
  readonly whatsapp: boolean;
}

/**
 * Words that only show up around WhatsApp Cloud API / Graph errors (and Graph's own marker of a
 * WhatsApp code before its message, `(#131047) Re-engagement message`, in a CI log that names
 * nothing else; a pull request's `(#131047)` ends its line). One case-insensitive pass
 * that stops at the first hit; no backtracking beyond the fixed alternatives.
 */
const WHATSAPP_WORDS =
  /whatsapp|wamid\.|graph\.facebook\.com|messaging_product|fbtrace|oauthexception|error_subcode|errorsubcode|error_data|\bwaba\b|wa_id|phone_number_id|business_account|pywa|heyooo?\b|\(#13\d{4}\) ?[A-Za-z]/i;

/**
 * How much of a text is read for its context. Files that are about WhatsApp say so early (imports,
 * URLs, the first log records), and distinctive codes found later set the context anyway; 64 KiB
 * keeps the check near 0.1 ms, where the whole MiB cost more than the rest of a source scan.
 */
export const CONTEXT_HEAD = 1 << 16;

/** Cheap file context for `scanCodes` and hovers: one regex pass over at most the first 64 KiB. */
export function fileContext(text: string): FileContext {
  return { whatsapp: whatsAppWordEnd(text) !== -1 };
}

/**
 * The last text read and its answer. perf: the error-code scan and the title lint of one document
 * (or one file of a workspace scan) ask about the same text one after the other; the second asks
 * for free (the same string object compares in constant time). Only texts up to CONTEXT_HEAD.
 */
let lastText: string | undefined;
let lastEnd = -1;

/** Where the first WhatsApp word of the head ends (-1: none); `fileContext` says yes exactly when there is one. */
export function whatsAppWordEnd(text: string): number {
  if (text === lastText) return lastEnd;
  const m = WHATSAPP_WORDS.exec(text.length > CONTEXT_HEAD ? text.slice(0, CONTEXT_HEAD) : text);
  const end = m ? m.index + m[0].length : -1;
  // (only texts no longer than the head are kept: a bigger one costs one head's pass anyway, and is not held)
  if (text.length <= CONTEXT_HEAD) {
    lastText = text;
    lastEnd = end;
  }
  return end;
}

/** True when a short piece of text (a line, a window) itself mentions WhatsApp or Graph errors. */
export function mentionsWhatsApp(snippet: string): boolean {
  return WHATSAPP_WORDS.test(snippet);
}

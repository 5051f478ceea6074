import type { Catalog } from '../catalog/catalog';
import { fileContext, scanCodes } from '../detect';
import { LineIndex } from '../report/lineIndex';
import type { CancelToken, CatalogEntry, LanguageFamily } from '../types';

/** One error code seen in a log, with where it was seen (0-based lines). */
export interface CodeSummary {
  readonly code: number;
  /** The catalog entry (exact or range), or undefined for a code the catalog does not know. */
  readonly entry: CatalogEntry | undefined;
  /**
   * Lines on which the code appears. A Graph error names its code twice (`"code":131047` and
   * `(#131047)` in the message); counting lines counts that error once.
   */
  readonly count: number;
  readonly firstLine: number;
  readonly lastLine: number;
  /** Distinct lines with the code, ascending, at most `maxLinesPerCode` of them (the first ones). */
  readonly lines: readonly number[];
}

/** The result of summarising one log. */
export interface LogSummary {
  /** Codes by count (most frequent first), then by code. */
  readonly codes: readonly CodeSummary[];
  /** The sum of the counts: (code, line) pairs. */
  readonly total: number;
  /** Lines read (a text ending in a line break counts its empty last line, as the editor does). */
  readonly lineCount: number;
  /** True when a cancel token stopped the scan: the counts cover the lines read so far. */
  readonly cancelled: boolean;
}

export interface SummarizerOptions {
  /** Occurrence lines kept per code (counts are always exact). Default 1000. */
  readonly maxLinesPerCode?: number;
  /**
   * A line longer than this is scanned in pieces of this size instead of being buffered whole,
   * so one giant line cannot exhaust memory. A code split between two pieces may be missed.
   * Default 8 MiB (UTF-16 code units).
   */
  readonly maxLineLength?: number;
  readonly token?: CancelToken;
}

interface Tally {
  code: number;
  count: number;
  firstLine: number;
  lastLine: number;
  lines: number[];
}

/**
 * Summarises a log fed in chunks of any size (a stream, or slices of an open document). A line
 * split between two chunks, including a CRLF split between its CR and LF, is carried over and
 * scanned once whole; line numbers count `\n`, `\r\n` and a lone `\r` like the editor.
 * perf: each byte is scanned once; memory is one chunk plus the tallies.
 */
export class LogSummarizer {
  private readonly tallies = new Map<number, Tally>();
  private readonly maxLines: number;
  private readonly maxLineLength: number;
  private carry = '';
  /** Line number of the first line in `carry`. */
  private line = 0;
  private total = 0;
  private cancelled = false;
  /** Sticky: once a chunk shows WhatsApp context, small codes count in the chunks after it too. */
  private whatsapp = false;

  constructor(
    private readonly family: LanguageFamily,
    private readonly catalog: Catalog,
    private readonly opts: SummarizerOptions = {},
  ) {
    this.maxLines = opts.maxLinesPerCode ?? 1000;
    this.maxLineLength = opts.maxLineLength ?? 8 * 1024 * 1024;
  }

  /** Adds the next piece of text. Does nothing once cancelled. */
  push(chunk: string): void {
    if (this.isCancelled()) return;
    const text = this.carry + chunk;
    const cut = lastBreakEnd(text);
    if (cut > 0) {
      this.scanWhole(text.slice(0, cut));
      this.carry = text.slice(cut);
    } else {
      this.carry = text;
    }
    if (this.carry.length > this.maxLineLength) {
      // A runaway line: scan what we have of it; its rest still counts as the same line.
      this.scanWhole(this.carry);
      this.carry = '';
    }
  }

  /** Scans the last line (one without a final line break) and returns the summary. */
  finish(): LogSummary {
    if (this.carry && !this.isCancelled()) this.scanWhole(this.carry);
    this.carry = '';
    return this.summary();
  }

  /** The summary so far (lines still carried are not counted yet). */
  summary(): LogSummary {
    const codes: CodeSummary[] = [...this.tallies.values()]
      .map((t) => ({ code: t.code, entry: this.catalog.get(t.code), count: t.count, firstLine: t.firstLine, lastLine: t.lastLine, lines: t.lines }))
      .sort((a, b) => b.count - a.count || a.code - b.code);
    return { codes, total: this.total, lineCount: this.line + 1, cancelled: this.isCancelled() };
  }

  private isCancelled(): boolean {
    if (!this.cancelled && this.opts.token?.isCancellationRequested) this.cancelled = true;
    return this.cancelled;
  }

  /** Scans lines starting at the current line and advances the line counter past their breaks. */
  private scanWhole(text: string): void {
    const index = new LineIndex(text);
    this.whatsapp ||= fileContext(text).whatsapp;
    const findings = scanCodes(text, this.family, this.catalog, { token: this.opts.token, context: { whatsapp: this.whatsapp } });
    for (const f of findings) {
      if (f.code !== undefined) this.record(f.code, this.line + index.positionAt(f.start).line);
    }
    this.line += index.lineCount - 1;
  }

  /** Lines arrive in ascending order (findings are sorted, chunks follow each other). */
  private record(code: number, line: number): void {
    const t = this.tallies.get(code);
    if (t?.lastLine === line) return;
    this.total++;
    if (!t) {
      this.tallies.set(code, { code, count: 1, firstLine: line, lastLine: line, lines: [line] });
      return;
    }
    t.count++;
    t.lastLine = line;
    if (t.lines.length < this.maxLines) t.lines.push(line);
  }
}

/**
 * Offset just past the last complete line break, or 0. A trailing CR is not complete: the LF of
 * a CRLF may start the next chunk.
 */
function lastBreakEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) {
      if (i === text.length - 1) continue;
      return i + 1;
    }
  }
  return 0;
}

/**
 * Summarises a whole text in slices of about `sliceSize` characters, checking the token between
 * slices and yielding to the caller's event loop through `pause` (e.g. `() => new Promise(setImmediate)`).
 */
export async function summarizeText(
  text: string,
  family: LanguageFamily,
  catalog: Catalog,
  opts: SummarizerOptions & { readonly sliceSize?: number; readonly pause?: () => Promise<void>; readonly onProgress?: (done: number) => void } = {},
): Promise<LogSummary> {
  const summarizer = new LogSummarizer(family, catalog, opts);
  const size = Math.max(1024, opts.sliceSize ?? 1024 * 1024);
  for (let at = 0; at < text.length; at += size) {
    if (opts.token?.isCancellationRequested) break;
    summarizer.push(text.slice(at, at + size));
    opts.onProgress?.(Math.min(text.length, at + size));
    if (opts.pause) await opts.pause();
  }
  return summarizer.finish();
}

import type { Catalog } from '../catalog/catalog';
import type { TextChange } from '../textChange';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { CONTEXT_HEAD, fileContext, type FileContext } from './context';
import { isDistinctive } from './names';
import { blockMarksOf, markLines } from './proseBlocks';
import { scanCodes } from './scanCodes';
import { scanSource } from './source';
import { BACK_REACH, FORWARD_REACH } from './sourceWindow';

/**
 * Incremental error-code scans of source code. A number's verdict depends on a bounded stretch of
 * text around it (see source.ts): at most BACK_REACH characters before its line and FORWARD_REACH
 * after it, plus one file-wide fact, "is this file about WhatsApp", which the file's head or any
 * distinctive code found earlier settles. After an edit, only the numbers whose stretch meets the
 * edit are judged again; the others keep their verdict, shifted. When the file-wide fact could
 * change with the edit, the whole text is scanned again.
 */

/** What a scan of one text leaves for re-scanning the next version of it. */
export interface CodeScanState {
  readonly family: LanguageFamily;
  readonly catalog: Catalog;
  readonly length: number;
  /** The findings as [start, end, code] triples, sorted by start (12 bytes a finding). */
  readonly hits: Int32Array;
  /** The caller's context said WhatsApp. */
  readonly callerWa: boolean;
  /** The text's head said WhatsApp (`fileContext`). */
  readonly headWa: boolean;
  /** Lines holding block-comment or docstring marks (`markLines`): an edit meeting one is scanned whole. */
  readonly marks: Int32Array;
}

export interface RescanOptions {
  readonly token?: CancelToken;
  readonly context?: FileContext;
}

function isSourceFamily(family: LanguageFamily): boolean {
  return family !== 'json' && family !== 'text';
}

function toHits(findings: readonly Finding[]): Int32Array {
  const hits = new Int32Array(findings.length * 3);
  let k = 0;
  for (const f of findings) {
    hits[k++] = f.start;
    hits[k++] = f.end;
    hits[k++] = f.code ?? 0;
  }
  return hits;
}

/** The findings a state holds, as `scanCodes` returns them. */
export function findingsOf(state: CodeScanState): Finding[] {
  const out: Finding[] = [];
  const h = state.hits;
  for (let k = 0; k < h.length; k += 3) out.push({ kind: 'error-code', start: h[k] as number, end: h[k + 1] as number, code: h[k + 2] as number });
  return out;
}

/** A full scan (`scanCodes`) that also keeps what the next re-scan needs. */
export function scanCodesState(text: string, family: LanguageFamily, catalog: Catalog, opts: RescanOptions = {}): CodeScanState {
  const headWa = fileContext(text).whatsapp;
  const callerWa = opts.context?.whatsapp === true;
  // (the context passed on is what scanCodes would work out itself; when it says yes, scanCodes need not read the head again)
  const findings = scanCodes(text, family, catalog, { token: opts.token, context: { whatsapp: callerWa || headWa } });
  const marks = isSourceFamily(family) ? markLines(text, family) : NO_MARKS;
  return { family, catalog, length: text.length, hits: toHits(findings), callerWa, headWa, marks };
}

const NO_MARKS = new Int32Array(0);

/**
 * Whether an edit meets a line holding a block mark, before or after it: then which lines lie
 * inside blocks may change anywhere below, and the text is scanned whole.
 */
function meetsBlockMark(previous: CodeScanState, text: string, change: TextChange): boolean {
  const oldEnd = change.end - change.delta;
  const m = previous.marks;
  for (let k = 0; k < m.length; k += 2) if ((m[k] as number) <= oldEnd && change.start <= (m[k + 1] as number)) return true;
  const lineStart = change.start === 0 ? 0 : text.lastIndexOf('\n', change.start - 1) + 1;
  const nl = text.indexOf('\n', change.end);
  const edited = text.slice(lineStart, nl === -1 ? text.length : nl);
  return blockMarksOf(previous.family).some((mark) => edited.includes(mark));
}

/** The marks of a text after an edit that met none: those after it move by the edit's delta. */
function shiftMarks(marks: Int32Array, change: TextChange): Int32Array {
  if (marks.length === 0 || change.delta === 0) return marks;
  const out = new Int32Array(marks.length);
  for (let k = 0; k < marks.length; k++) out[k] = (marks[k] as number) > change.start ? (marks[k] as number) + change.delta : (marks[k] as number);
  return out;
}

/**
 * The scan of `text`, a new version of the text `previous` was made from, which differs from it
 * only in `change`: the findings `scanCodes` would return, at the cost of scanning a few KB around
 * the change (source code). JSON and logs, and edits that could change what the file is about, are
 * scanned whole.
 */
export function rescanCodes(previous: CodeScanState, text: string, change: TextChange, opts: RescanOptions = {}): CodeScanState {
  const { family, catalog } = previous;
  if (!isSourceFamily(family) || text.length - change.delta !== previous.length) return scanCodesState(text, family, catalog, opts);
  const callerWa = opts.context?.whatsapp === true;
  // The head decides the file context: unchanged when the edit lies wholly after it.
  const headKept = change.start >= CONTEXT_HEAD && text.length > CONTEXT_HEAD && previous.length > CONTEXT_HEAD;
  const headWa = headKept ? previous.headWa : fileContext(text).whatsapp;
  const contextWa = callerWa || headWa;
  if (contextWa !== (previous.callerWa || previous.headWa) || meetsBlockMark(previous, text, change)) return scanCodesState(text, family, catalog, opts);

  // Numbers in [from, to] are judged again: every number whose stretch of context meets the change.
  const back = Math.max(0, change.start - FORWARD_REACH);
  const from = back === 0 ? 0 : text.lastIndexOf('\n', back - 1) + 1;
  const ahead = Math.min(text.length, change.end + BACK_REACH);
  const nl = text.indexOf('\n', ahead);
  const to = nl === -1 ? text.length : nl;

  const old = previous.hits;
  const oldTo = to - change.delta;
  let head = 0; // triples before `from`
  while (head < old.length && (old[head] as number) < from) head += 3;
  let tail = head; // first triple after the window (old offsets)
  while (tail < old.length && (old[tail] as number) <= oldTo) tail += 3;

  // A number's verdict also depends on whether a distinctive code was found before it. Known before
  // the window (the file's context, or a code kept before it): every verdict from there on sees it.
  let waBefore = contextWa;
  for (let k = 0; k < head && !waBefore; k += 3) waBefore = isDistinctive(old[k + 2] as number);
  let waLater = false;
  for (let k = tail; k < old.length && !waLater; k += 3) waLater = isDistinctive(old[k + 2] as number);

  const found: Finding[] = [];
  scanSource({ text, family, catalog, wa: waBefore, fileWa: contextWa, token: opts.token, from, to, waLater }, found);
  if (!waBefore) {
    // Otherwise the window decides for what follows it: whether it holds a distinctive code must
    // not have changed, or the verdicts after it (and those of small codes before it) could.
    let had = false;
    for (let k = head; k < tail && !had; k += 3) had = isDistinctive(old[k + 2] as number);
    if (had !== found.some((f) => isDistinctive(f.code ?? 0))) return scanCodesState(text, family, catalog, opts);
  }
  found.sort((a, b) => a.start - b.start);

  const hits = new Int32Array(head + found.length * 3 + (old.length - tail));
  hits.set(old.subarray(0, head));
  let k = head;
  for (const f of found) {
    hits[k++] = f.start;
    hits[k++] = f.end;
    hits[k++] = f.code ?? 0;
  }
  for (let j = tail; j < old.length; j += 3) {
    hits[k++] = (old[j] as number) + change.delta;
    hits[k++] = (old[j + 1] as number) + change.delta;
    hits[k++] = old[j + 2] as number;
  }
  return { family, catalog, length: text.length, hits, callerWa, headWa, marks: shiftMarks(previous.marks, change) };
}

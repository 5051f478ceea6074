import type { Finding } from './types';

/** Distinct codes one index can name (slots are 16-bit); later new codes are counted, not stored. */
const MAX_CODES = 0xffff;

/**
 * Error-code hits of one document, kept as (line, code) pairs in typed arrays: 6 bytes a pair (a line
 * number and a 16-bit slot in a table of distinct codes) instead of one object per hit. A 50 MB log
 * with 30k error lines keeps ~180 KB. Hits arrive in document order; the same code twice on one line is
 * stored once (a lens shows each code of a line once) but still counted in `hitCount`.
 */
export class FindingIndex {
  private lines = new Uint32Array(16);
  private slots = new Uint16Array(16);
  private readonly codeTable: number[] = [];
  private readonly slotOf = new Map<number, number>();
  private n = 0;
  private hits = 0;

  /** Stored (line, code) pairs. */
  get count(): number {
    return this.n;
  }

  /** Every hit added, repeats on a line included (what a summary counts as errors). */
  get hitCount(): number {
    return this.hits;
  }

  /** Bytes held by the pair arrays (capacity, not just the used part). */
  get byteSize(): number {
    return this.lines.byteLength + this.slots.byteLength;
  }

  add(line: number, code: number): void {
    this.hits++;
    let slot = this.slotOf.get(code);
    if (slot === undefined) {
      if (this.codeTable.length >= MAX_CODES) return;
      slot = this.codeTable.length;
      this.codeTable.push(code);
      this.slotOf.set(code, slot);
    }
    for (let i = this.n - 1; i >= 0 && this.lines[i] === line; i--) if (this.slots[i] === slot) return;
    if (this.n === this.lines.length) this.resize(this.n * 2);
    this.lines[this.n] = line;
    this.slots[this.n] = slot;
    this.n++;
  }

  line(i: number): number {
    return this.lines[i] ?? 0;
  }

  code(i: number): number {
    return this.codeTable[this.slots[i] ?? 0] ?? 0;
  }

  /** Whether `code` was found on `line` (binary search: lines arrive in document order). */
  has(line: number, code: number): boolean {
    const slot = this.slotOf.get(code);
    if (slot === undefined) return false;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.lines[mid] as number) < line) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.n && this.lines[i] === line; i++) if (this.slots[i] === slot) return true;
    return false;
  }

  /** Number of different codes among the hits. */
  distinctCodes(): number {
    return this.codeTable.length;
  }

  /** Number of different lines that carry at least one hit. */
  distinctLines(): number {
    let lines = 0;
    for (let i = 0; i < this.n; i++) if (i === 0 || this.lines[i] !== this.lines[i - 1]) lines++;
    return lines;
  }

  /** Releases spare capacity once the scan is complete. */
  trim(): void {
    if (this.n < this.lines.length) this.resize(Math.max(this.n, 1));
  }

  private resize(capacity: number): void {
    const lines = new Uint32Array(capacity);
    const slots = new Uint16Array(capacity);
    lines.set(this.lines.subarray(0, Math.min(this.n, capacity)));
    slots.set(this.slots.subarray(0, Math.min(this.n, capacity)));
    this.lines = lines;
    this.slots = slots;
  }
}

/**
 * Adds the `error-code` findings of `text` (a slice of a document that starts at line `firstLine`) to the
 * index, turning offsets into line numbers with one forward walk over the newlines.
 */
export function addFindings(index: FindingIndex, text: string, firstLine: number, findings: readonly Finding[]): void {
  const sorted = isSorted(findings) ? findings : [...findings].sort((a, b) => a.start - b.start);
  let line = firstLine;
  let lineStart = 0;
  for (const f of sorted) {
    if (f.kind !== 'error-code' || f.code === undefined) continue;
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < f.start; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    index.add(line, f.code);
  }
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if ((findings[i] as Finding).start < (findings[i - 1] as Finding).start) return false;
  return true;
}

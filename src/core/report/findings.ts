import type { Catalog } from '../catalog/catalog';
import { familyFor } from '../detect/language';
import { titleMatchMessage } from '../lint';
import type { Finding, FindingKind } from '../types';
import { LineCursor } from './lineCursor';
import { LineIndex, type TextPosition } from './lineIndex';

/** How a finding is ranked in reports: error codes inform, title matches warn. */
export type ReportSeverity = 'note' | 'warning';

/**
 * A finding placed in a file, as the CLI prints it and CI reads it. Lines and columns are 1-based;
 * columns count UTF-16 code units (SARIF's default `columnKind`); `endColumn` is one past the last
 * character, as in SARIF. `code` is set for `error-code`, `codes` for `title-match`, never both.
 */
export interface ReportedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly kind: FindingKind;
  readonly code?: number;
  readonly codes?: readonly number[];
  readonly message: string;
  readonly severity: ReportSeverity;
}

/**
 * Where a scanned text starts inside its file (0-based): non-zero when a large file is scanned in
 * groups of lines, or when a group begins in the middle of an over-long line.
 */
export interface TextOrigin {
  readonly line: number;
  readonly column: number;
}

const FILE_START: TextOrigin = { line: 0, column: 0 };

/** The message of an `error-code` finding: the code and its title, or that the catalog lacks it. */
export function errorCodeMessage(code: number, catalog: Catalog): string {
  const entry = catalog.get(code);
  return entry ? `${code} ${entry.title}` : `${code} is not in the catalog`;
}

export function severityOf(kind: FindingKind): ReportSeverity {
  return kind === 'title-match' ? 'warning' : 'note';
}

/** A 0-based position in a text shifted by the text's origin in its file, 1-based as reported. */
function placed(p: TextPosition, origin: TextOrigin): { line: number; column: number } {
  return { line: origin.line + p.line + 1, column: (p.line === 0 ? origin.column : 0) + p.character + 1 };
}

/** One reported finding; keys in the order of the JSON contract: file, position, kind, code|codes, message, severity. */
function reported(f: Finding, file: string, catalog: Catalog, start: { line: number; column: number }, end: { line: number; column: number }): ReportedFinding {
  if (f.kind === 'title-match') {
    const codes = [...(f.codes ?? [])];
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, kind: f.kind, codes, message: titleMatchMessage(f, catalog, familyFor(undefined, file) ?? 'javascript'), severity: severityOf(f.kind) };
  }
  const code = f.code ?? 0;
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, kind: f.kind, code, message: errorCodeMessage(code, catalog), severity: severityOf(f.kind) };
}

/**
 * Places detector findings (UTF-16 offsets into `text`) in `file`. Pass `index` when the caller
 * already built one for `text`; `origin` when `text` is not the start of the file.
 */
export function reportFindings(
  findings: readonly Finding[],
  text: string,
  file: string,
  catalog: Catalog,
  origin: TextOrigin = FILE_START,
  index: LineIndex = new LineIndex(text),
): ReportedFinding[] {
  return findings.map((f) => reported(f, file, catalog, placed(index.positionAt(f.start), origin), placed(index.positionAt(f.end), origin)));
}

/** Offset order, which within one text is report order: start, end, then kind (as compareFindings). */
function compareOffsets(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.kind === b.kind ? 0 : a.kind === 'error-code' ? -1 : 1);
}

/**
 * `reportFindings` followed by a stable sort with `compareFindings`, in one forward pass: the
 * findings are sorted by offset (positions grow with offsets, so the order is the same) and placed
 * with a LineCursor, which needs no line index. `offsetShift` is added to every finding's offsets
 * (findings of a slice of `text` that starts there). The input array is not changed.
 */
export function reportSortedFindings(
  findings: readonly Finding[],
  text: string,
  file: string,
  catalog: Catalog,
  origin: TextOrigin = FILE_START,
  offsetShift = 0,
  cursor: LineCursor = new LineCursor(text),
): ReportedFinding[] {
  const out: ReportedFinding[] = [];
  forEachSortedFinding(findings, text, file, catalog, origin, offsetShift, cursor, (f) => out.push(f));
  return out;
}

/**
 * `reportSortedFindings` that hands each finding to `each` as soon as it is placed. perf: a scan
 * printing tens of thousands of findings then keeps none of them alive while it formats the rest.
 */
export function forEachSortedFinding(
  findings: readonly Finding[],
  text: string,
  file: string,
  catalog: Catalog,
  origin: TextOrigin,
  offsetShift: number,
  cursor: LineCursor,
  each: (f: ReportedFinding) => void,
): void {
  let ordered = findings;
  for (let i = 1; i < findings.length; i++) {
    if (compareOffsets(findings[i - 1] as Finding, findings[i] as Finding) > 0) {
      ordered = [...findings].sort(compareOffsets);
      break;
    }
  }
  for (const f of ordered) {
    const from = f.start + offsetShift;
    const startPosition = cursor.positionAt(from);
    const endPosition = cursor.positionAfter(from, startPosition, f.end + offsetShift);
    each(reported(f, file, catalog, placed(startPosition, origin), placed(endPosition, origin)));
  }
}

/** Report order: file (by UTF-16 code units, not locale), then line, column, end, kind. */
export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

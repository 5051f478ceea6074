import type { Catalog } from '../catalog/catalog';
import { titleMatchMessage } from '../lint';
import type { Finding, FindingKind } from '../types';
import { LineIndex } from './lineIndex';

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
  const place = (offset: number): { line: number; column: number } => {
    const p = index.positionAt(offset);
    return { line: origin.line + p.line + 1, column: (p.line === 0 ? origin.column : 0) + p.character + 1 };
  };
  return findings.map((f) => {
    const start = place(f.start);
    const end = place(f.end);
    // Keys in the order of the JSON contract: file, position, kind, code|codes, message, severity.
    const head = { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, kind: f.kind };
    const tail = { severity: severityOf(f.kind) };
    if (f.kind === 'title-match') {
      return { ...head, codes: [...(f.codes ?? [])], message: titleMatchMessage(f, catalog), ...tail };
    }
    const code = f.code ?? 0;
    return { ...head, code, message: errorCodeMessage(code, catalog), ...tail };
  });
}

/** Report order: file (by UTF-16 code units, not locale), then line, column, end, kind. */
export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

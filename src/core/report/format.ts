import type { Catalog } from '../catalog/catalog';
import type { ReportedFinding } from './findings';
import { sarifHead, sarifResult, sarifTail, type ToolInfo } from './sarif';

export type ReportFormat = 'text' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Totals for the text report's last line. */
export interface ScanSummary {
  /** Text files read (binary and unreadable files are not counted). */
  readonly files: number;
  readonly errorCodes: number;
  readonly titleMatches: number;
}

/**
 * A report written piece by piece, so a scan can print findings file by file instead of holding
 * them all: `begin()`, then `finding()` for each (already sorted), then `end()`. Concatenated,
 * the pieces are exactly `formatReport`'s output.
 */
export interface ReportStream {
  begin(): string;
  /** `index` counts findings from 0 (JSON and SARIF put separators between items). */
  finding(f: ReportedFinding, index: number): string;
  end(summary: ScanSummary): string;
}

/**
 * `JSON.stringify(f)`, byte for byte, for the keys a ReportedFinding has (in contract order).
 * perf: generic stringify walks the object's shape for each of the (possibly hundreds of thousands)
 * findings; here only the strings are escaped, and a file's name once for its run of findings.
 */
export function findingJson(f: ReportedFinding, fileJson: string = JSON.stringify(f.file), messageJson: string = JSON.stringify(f.message)): string {
  const which = f.code !== undefined ? `,"code":${f.code}` : '';
  const codes = f.codes !== undefined ? `,"codes":[${f.codes.join(',')}]` : '';
  return `{"file":${fileJson},"line":${f.line},"column":${f.column},"endLine":${f.endLine},"endColumn":${f.endColumn},"kind":"${f.kind}"${which}${codes},"message":${messageJson},"severity":"${f.severity}"}`;
}

/** Remembers the JSON of messages: a report repeats the same few (one per code) many times. */
function messageJsonCache(): (message: string) => string {
  const known = new Map<string, string>();
  return (message) => {
    let json = known.get(message);
    if (json === undefined) {
      json = JSON.stringify(message);
      // Bounded: title-match messages quote the matched text, so they need not repeat.
      if (known.size < 4096) known.set(message, json);
    }
    return json;
  };
}

/** Remembers the JSON of the last file name: findings come file by file. */
function fileJsonCache(): (file: string) => string {
  let last = '';
  let json = '""';
  return (file) => {
    if (file !== last) {
      last = file;
      json = JSON.stringify(file);
    }
    return json;
  };
}

/** `path:line:col  kind  message`: the shape editors and terminals turn into links. */
export function textLine(f: ReportedFinding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.kind}  ${f.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(s: ScanSummary): string {
  const total = s.errorCodes + s.titleMatches;
  const where = `in ${plural(s.files, 'file')}`;
  if (total === 0) return `No findings ${where}.`;
  return `${plural(total, 'finding')} (${s.errorCodes} error-code, ${s.titleMatches} title-match) ${where}.`;
}

export function reportStream(format: ReportFormat, catalog: Catalog, tool: ToolInfo): ReportStream {
  switch (format) {
    case 'text':
      return { begin: () => '', finding: (f) => textLine(f) + '\n', end: (s) => summaryLine(s) + '\n' };
    case 'json': {
      const fileJson = fileJsonCache();
      const messageJson = messageJsonCache();
      // One finding per line: valid JSON that is also easy to grep and diff.
      return { begin: () => '{"findings":[\n', finding: (f, i) => (i ? ',\n' : '') + findingJson(f, fileJson(f.file), messageJson(f.message)), end: () => '\n]}\n' };
    }
    case 'sarif':
      return { begin: () => sarifHead(tool), finding: (f, i) => (i ? ',\n' : '') + sarifResult(f, catalog), end: () => sarifTail() };
  }
}

/** A whole report over findings already in report order (see `compareFindings`). */
export function formatReport(format: ReportFormat, findings: readonly ReportedFinding[], summary: ScanSummary, catalog: Catalog, tool: ToolInfo): string {
  const stream = reportStream(format, catalog, tool);
  return stream.begin() + findings.map((f, i) => stream.finding(f, i)).join('') + stream.end(summary);
}

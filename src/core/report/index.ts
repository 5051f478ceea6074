// Pure reporting over core findings and catalog entries: shared by the CLI and the extension.
export { LineIndex, type TextPosition } from './lineIndex';
export { LineCursor } from './lineCursor';
export { forEachSortedFinding, reportFindings, reportSortedFindings, compareFindings, errorCodeMessage, severityOf, type ReportedFinding, type ReportSeverity, type TextOrigin } from './findings';
export { reportStream, formatReport, findingJson, textLine, summaryLine, REPORT_FORMATS, type ReportFormat, type ReportStream, type ScanSummary } from './format';
export { RULE_IDS, SARIF_SCHEMA, relativeUri, type ToolInfo } from './sarif';
export { entryJson, formatEntriesJson, formatEntryTable, formatEntryDetails, type EntryJson } from './entries';

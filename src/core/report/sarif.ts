import type { Catalog } from '../catalog/catalog';
import { ERROR_CODES_URL } from '../catalog/entries';
import type { FindingKind } from '../types';
import type { ReportedFinding } from './findings';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Who produced the report: goes into `runs[0].tool.driver`. */
export interface ToolInfo {
  readonly version: string;
  readonly informationUri: string;
}

/** SARIF rule ids, in `rules` order (a result's `ruleIndex` points into it). */
export const RULE_IDS: Record<FindingKind, string> = {
  'title-match': 'wa-errors/title-match',
  'error-code': 'wa-errors/error-code',
};
const RULE_ORDER: readonly FindingKind[] = ['title-match', 'error-code'];

function rules(): object[] {
  return [
    {
      id: RULE_IDS['title-match'],
      name: 'TitleMatch',
      shortDescription: { text: 'Error handling compares a WhatsApp error title or message text.' },
      fullDescription: {
        text: 'Meta says titles are part of the message text, change over time and will be deprecated; branch on the numeric `code` (and `error_data.details`) instead.',
      },
      helpUri: ERROR_CODES_URL,
      help: { text: 'Compare `error.code` with the number the title belongs to, or suppress the finding when the text is not an error title.' },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['whatsapp', 'maintainability'] },
    },
    {
      id: RULE_IDS['error-code'],
      name: 'ErrorCode',
      shortDescription: { text: 'A WhatsApp Cloud API error code.' },
      fullDescription: { text: 'A Cloud API error code found in code, configuration or logs, with its catalog title.' },
      helpUri: ERROR_CODES_URL,
      help: { text: 'See the error-codes page for what the code means and how to handle it.' },
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['whatsapp'] },
    },
  ];
}

/** A relative, forward-slash path as a URI reference (each segment percent-encoded). */
export function relativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}

/** One SARIF result, on one line. */
export function sarifResult(f: ReportedFinding, catalog: Catalog): string {
  const ruleIndex = RULE_ORDER.indexOf(f.kind);
  // Error codes carry their code and docs link, so CI annotations can point at Meta's explanation.
  const docsUrl = (f.code === undefined ? undefined : catalog.get(f.code)?.docsUrl) ?? ERROR_CODES_URL;
  const properties = f.kind === 'error-code' ? { code: f.code, docsUrl } : { codes: f.codes ?? [] };
  return JSON.stringify({
    ruleId: RULE_IDS[f.kind],
    ruleIndex,
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    properties,
  });
}

/** Everything before the first result: the log, its one run, the tool and its rules. */
export function sarifHead(tool: ToolInfo): string {
  const driver = { name: 'wa-errors', informationUri: tool.informationUri, version: tool.version, rules: rules() };
  const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results: [] }] });
  // Open the results array so results can be streamed in; sarifTail closes what this opens.
  return head.slice(0, -'[]}]}'.length) + '[\n';
}

export function sarifTail(): string {
  return '\n]}]}\n';
}

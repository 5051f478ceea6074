import type * as vscode from 'vscode';

/** Command ids declared in package.json (`contributes.commands`). */
export const CommandId = {
  lookupCode: 'waErrors.lookupCode',
  showDetails: 'waErrors.showDetails',
  summarizeLog: 'waErrors.summarizeLog',
  summarizeFile: 'waErrors.summarizeFile',
  copyCode: 'waErrors.copyCode',
  copyTitle: 'waErrors.copyTitle',
  copySnippet: 'waErrors.copySnippet',
} as const;

/** The configuration section; every setting is `waErrors.<key>`. */
export const CONFIG_SECTION = 'waErrors';

/** Setting keys relative to {@link CONFIG_SECTION}. */
export const SettingKey = {
  hoverEnabled: 'hover.enabled',
  codeLensEnabled: 'codeLens.enabled',
  codeLensMax: 'codeLens.maxPerDocument',
  lintEnabled: 'lint.enabled',
  lintSeverity: 'lint.severity',
  exclude: 'exclude',
  customCodes: 'customCodes',
  logFilePatterns: 'logFilePatterns',
} as const;

/** `Diagnostic.source` of every diagnostic we publish. */
export const DIAGNOSTIC_SOURCE = 'wa-errors';

/** Name of the LogOutputChannel (the product name is not translated). */
export const OUTPUT_CHANNEL_NAME = 'WhatsApp Errors';

/** Languages the providers serve (mirrors the `onLanguage:` activation events). */
export const LANGUAGE_IDS = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'php', 'ruby',
  'csharp', 'dart', 'json', 'jsonc', 'jsonl', 'log', 'plaintext', 'yaml', 'dotenv', 'properties', 'ini', 'toml', 'markdown', 'csv', 'tsv', 'sql', 'xml',
] as const;

/**
 * Schemes of real documents: local, untitled, virtual (github.dev) and remote. Output panes, git diffs and
 * settings editors are left out on purpose (a lens in a diff view is noise).
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'] as const;

/** Log files recognised by name whatever language VS Code gave them. */
export const BUILTIN_LOG_PATTERN = '**/*.{ndjson,jsonl,log}';

/** The selector for every provider: languages × schemes, plus log files by pattern (and the user's log globs). */
export function documentSelector(extraLogPatterns: readonly string[]): vscode.DocumentFilter[] {
  const out: vscode.DocumentFilter[] = [];
  for (const scheme of DOCUMENT_SCHEMES) {
    for (const language of LANGUAGE_IDS) out.push({ scheme, language });
    for (const pattern of [BUILTIN_LOG_PATTERN, ...extraLogPatterns]) out.push({ scheme, pattern });
  }
  return out;
}

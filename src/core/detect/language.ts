import type { LanguageFamily } from '../types';

const BY_LANGUAGE_ID: Record<string, LanguageFamily> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'javascript',
  typescriptreact: 'javascript',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'kotlin',
  php: 'php',
  ruby: 'ruby',
  csharp: 'csharp',
  dart: 'dart',
  json: 'json',
  jsonc: 'json',
  jsonl: 'json',
  ndjson: 'json',
  log: 'text',
  plaintext: 'text',
  yaml: 'text',
  dotenv: 'text',
  // (VS Code's built-in ids for .properties/.cfg/.conf and .ini; `toml` comes with the TOML extensions)
  properties: 'text',
  ini: 'text',
  toml: 'text',
  // (READMEs, runbooks and docs: their tables and sentences of codes, read as text)
  markdown: 'text',
  // (Rainbow CSV's ids: failed-message exports)
  csv: 'text',
  tsv: 'text',
  sql: 'text',
  // (Android string resources and other XML: read as text, its comments and values)
  xml: 'text',
};

const BY_EXTENSION: Record<string, LanguageFamily> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'javascript', mts: 'javascript', cts: 'javascript', tsx: 'javascript',
  py: 'python', go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', php: 'php',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby', cs: 'csharp', dart: 'dart',
  json: 'json', jsonc: 'json', json5: 'json', jsonl: 'json', ndjson: 'json',
  log: 'text', txt: 'text', yaml: 'text', yml: 'text', env: 'text', properties: 'text', toml: 'text', cfg: 'text', ini: 'text', conf: 'text',
  csv: 'text', tsv: 'text', psv: 'text', sql: 'text', xml: 'text',
  // (Jest snapshots hold rendered output, read as text; Flutter's ARB files and HAR captures are JSON)
  snap: 'text', arb: 'json', har: 'json', md: 'text', markdown: 'text',
  // (Prometheus' text exposition: `wa_errors_total{code="131047"} 431`)
  prom: 'text',
  // (Serilog's compact JSON lines, and captured output of workers: `nohup.out`, supervisor's `.out`)
  clef: 'json', out: 'text',
  // (syrupy's snapshots of Python tests)
  ambr: 'text',
};

/**
 * The detector family for a document: by VS Code language id first, then by file name.
 * `undefined` means the file is not one we look at.
 */
export function familyFor(languageId: string | undefined, fileName: string): LanguageFamily | undefined {
  // (own keys only: `constructor` or `__proto__` must not find Object's)
  const byId = languageId && Object.hasOwn(BY_LANGUAGE_ID, languageId) ? BY_LANGUAGE_ID[languageId] : undefined;
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (base === '.env' || base.startsWith('.env.')) return 'text';
  if (base === 'rakefile' || base === 'gemfile') return 'ruby';
  const byExt = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  // A `.log` file is often JSON lines; the text detector reads JSON objects on a line too.
  if (byId && byId !== 'text') return byId;
  return byExt ?? byId;
}

import * as vscode from 'vscode';
import { CONFIG_SECTION, SettingKey } from './ids';
import type { Logger } from './logger';

export type LintSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The settings that apply to one document, language overrides included. */
export interface DocumentSettings {
  readonly hoverEnabled: boolean;
  readonly codeLensEnabled: boolean;
  readonly codeLensMax: number;
  readonly lintEnabled: boolean;
  readonly lintSeverity: LintSeverity;
}

const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
const MAX_LENSES_LIMIT = 10_000;

/**
 * Settings for a document, read on demand (never cached across configuration changes): passing the
 * document as scope makes `"[python]": { "waErrors.lint.enabled": false }` work.
 */
export function settingsFor(document: vscode.TextDocument): DocumentSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, document);
  const severity = c.get<string>(SettingKey.lintSeverity, 'warning');
  const max = c.get<number>(SettingKey.codeLensMax, 500);
  return {
    hoverEnabled: c.get<boolean>(SettingKey.hoverEnabled, true) !== false,
    codeLensEnabled: c.get<boolean>(SettingKey.codeLensEnabled, true) !== false,
    codeLensMax: Number.isInteger(max) ? Math.min(Math.max(max, 0), MAX_LENSES_LIMIT) : 500,
    lintEnabled: c.get<boolean>(SettingKey.lintEnabled, true) !== false,
    lintSeverity: SEVERITIES.includes(severity as LintSeverity) ? (severity as LintSeverity) : 'warning',
  };
}

export function toDiagnosticSeverity(s: Exclude<LintSeverity, 'off'>): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    default:
      return vscode.DiagnosticSeverity.Warning;
  }
}

/** Longest glob we accept: VS Code compiles globs to regexes, so a pathological one costs every match. */
const MAX_GLOB_LENGTH = 300;

/** Globs of a string-array setting, invalid entries dropped (and reported once through `log`). */
export function readGlobs(key: string, scope: vscode.ConfigurationScope | null, log: Logger): string[] {
  const raw = vscode.workspace.getConfiguration(CONFIG_SECTION, scope).get<unknown>(key);
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const g of raw) {
    if (typeof g === 'string' && g.trim() !== '' && g.length <= MAX_GLOB_LENGTH && balanced(g)) out.push(g.trim());
    else log.warnOnce(`glob:${key}:${String(g)}`, vscode.l10n.t('Ignoring invalid glob in waErrors.{0}: {1}', key, JSON.stringify(g) ?? String(g)));
  }
  return out;
}

/** Braces and brackets must pair up, or VS Code's glob parser silently matches nothing useful. */
function balanced(glob: string): boolean {
  let braces = 0;
  let brackets = 0;
  for (const ch of glob) {
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '[') brackets++;
    else if (ch === ']') brackets--;
    if (braces < 0 || brackets < 0) return false;
  }
  return braces === 0 && brackets === 0;
}

/**
 * True when the document matches one of the globs: against its workspace-relative path when it lies in a
 * workspace folder (as `files.exclude` reads), else against its full path.
 */
export function matchesAnyGlob(document: vscode.TextDocument, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  for (const g of globs) {
    const pattern: vscode.GlobPattern = folder ? new vscode.RelativePattern(folder, g) : g;
    if (vscode.languages.match({ pattern }, document) > 0) return true;
  }
  return false;
}

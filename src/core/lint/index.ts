import type { Catalog } from '../catalog/catalog';
import type { CancelToken, Finding, LanguageFamily } from '../types';

/** A replacement of `text.slice(start, end)` by `newText` (UTF-16 offsets into the scanned text). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A quick fix for a `title-match` finding. */
export interface Fix {
  readonly title: string;
  readonly kind: 'rewrite' | 'suppress';
  readonly isPreferred?: boolean;
  readonly edits: readonly TextEdit[];
}

export interface LintOptions {
  readonly token?: CancelToken;
}

/**
 * Code that matches on error titles or message text (kind `title-match`), suppression comments
 * already applied. (Placeholder: the title lint replaces this.)
 */
export function scanTitles(_text: string, _family: LanguageFamily, _catalog: Catalog, _opts: LintOptions = {}): Finding[] {
  return [];
}

/** The message shown for a `title-match` finding. */
export function titleMatchMessage(finding: Finding, catalog: Catalog): string {
  const codes = finding.codes ?? [];
  const names = codes.map((c) => `${c} ${catalog.get(c)?.title ?? ''}`.trim()).join(', ');
  return `Matches the title of ${names}: titles change; compare the error code instead.`;
}

/** Quick fixes for one `title-match` finding, best first. */
export function fixesFor(_text: string, _finding: Finding, _family: LanguageFamily, _catalog: Catalog): Fix[] {
  return [];
}

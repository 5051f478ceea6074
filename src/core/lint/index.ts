import type { Catalog } from '../catalog/catalog';
import type { FileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { scanTitleMatches } from './titleScan';

export { fixesFor, type Fix, type TextEdit } from './fixes';
export { dropSuppressed, suppressionsOf, Suppressions, DIRECTIVE, type Directive, type DirectiveScope } from './suppress';

export interface LintOptions {
  readonly token?: CancelToken;
  /**
   * The file's context when the caller has already computed it (`fileContext` of the document, as
   * passed to `scanCodes`): saves a second pass over the text. OR-ed with what the text shows.
   */
  readonly context?: FileContext;
}

/**
 * Code that matches on error titles or message text (kind `title-match`), suppression comments
 * already applied, sorted by start. JSON and plain-text families never have any.
 */
export function scanTitles(text: string, family: LanguageFamily, catalog: Catalog, opts: LintOptions = {}): Finding[] {
  return scanTitleMatches(text, family, catalog, opts);
}

/**
 * The message shown for a `title-match` finding, plain text: what the literal matches and the
 * code comparison to use instead.
 */
export function titleMatchMessage(finding: Finding, catalog: Catalog): string {
  const codes = finding.codes ?? [];
  const names = codes.map((c) => `${c} ${catalog.get(c)?.title ?? ''}`.trim());
  const quoted = finding.text !== undefined ? `"${finding.text.length > 60 ? `${finding.text.slice(0, 57)}...` : finding.text}"` : 'This text';
  const what = names.length === 1 ? `the title of ${names[0]}` : `the titles of ${names.join(', ')}`;
  const instead =
    codes.length === 1 ? `err.code === ${codes[0]}` : codes.length > 1 ? `[${codes.join(', ')}].includes(err.code)` : 'err.code';
  return `${quoted} matches ${what}: titles change (and will be deprecated); compare the error code instead: ${instead}.`;
}

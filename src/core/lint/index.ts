import type { Catalog } from '../catalog/catalog';
import type { FileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { scanTitleMatches } from './titleScan';

export { rescanTitles, scanTitlesState, type TitleScanState } from './titleScan';

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
 * already applied, sorted by start. Of data files, JSON configuration's match rules (`jsonRules.ts`)
 * and SQL scripts (`sqlScript.ts`) have them.
 */
export function scanTitles(text: string, family: LanguageFamily, catalog: Catalog, opts: LintOptions = {}): Finding[] {
  return scanTitleMatches(text, family, catalog, opts);
}

/**
 * The message shown for a `title-match` finding, plain text: what the literal matches and the
 * code comparison to use instead.
 */
export function titleMatchMessage(finding: Finding, catalog: Catalog, family: LanguageFamily = 'javascript'): string {
  const codes = finding.codes ?? [];
  const names = codes.map((c) => `${c} ${catalog.get(c)?.title ?? ''}`.trim());
  const quoted = finding.text !== undefined ? `"${finding.text.length > 60 ? `${finding.text.slice(0, 57)}...` : finding.text}"` : 'This text';
  const what = names.length === 1 ? `the title of ${names[0]}` : `the titles of ${names.join(', ')}`;
  return `${quoted} matches ${what}: titles change (and will be deprecated); compare the error code instead: ${codeCheck(codes, family)}.`;
}

/** How the advice reads in each language: the receiver is illustrative, the comparison is idiomatic. */
const CODE_CHECKS: Record<LanguageFamily, { one: (code: number) => string; many: (codes: string) => string }> = {
  javascript: { one: (c) => `err.code === ${c}`, many: (l) => `[${l}].includes(err.code)` },
  python: { one: (c) => `error["code"] == ${c}`, many: (l) => `error["code"] in (${l})` },
  go: { one: (c) => `apiErr.Code == ${c}`, many: (l) => `slices.Contains([]int{${l}}, apiErr.Code)` },
  java: { one: (c) => `e.getCode() == ${c}`, many: (l) => `Set.of(${l}).contains(e.getCode())` },
  kotlin: { one: (c) => `e.code == ${c}`, many: (l) => `e.code in setOf(${l})` },
  php: { one: (c) => `$error['code'] === ${c}`, many: (l) => `in_array($error['code'], [${l}], true)` },
  ruby: { one: (c) => `error['code'] == ${c}`, many: (l) => `[${l}].include?(error['code'])` },
  csharp: { one: (c) => `ex.Code == ${c}`, many: (l) => `new[] { ${l} }.Contains(ex.Code)` },
  dart: { one: (c) => `e.code == ${c}`, many: (l) => `[${l}].contains(e.code)` },
  json: { one: (c) => `code == ${c}`, many: (l) => `code in (${l})` },
  // (the only plain texts linted are SQL scripts)
  text: { one: (c) => `error_code = ${c}`, many: (l) => `error_code IN (${l})` },
};

function codeCheck(codes: readonly number[], family: LanguageFamily): string {
  const form = CODE_CHECKS[family];
  return codes.length === 1 ? form.one(codes[0] as number) : codes.length > 1 ? form.many(codes.join(', ')) : 'the error code';
}

import type { Catalog } from '../catalog/catalog';
import type { FileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { codeExprOf } from './codeAccessor';
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
  return `${quoted} matches ${what}: titles change (and will be deprecated); compare the error code instead: ${codeCheck(codes, family, finding.subject === undefined ? undefined : codeExprOf(finding.subject))}.`;
}

/**
 * How the advice reads in each language: the comparison is idiomatic, and its receiver is the
 * finding's own code expression when the lint could tell it, else an illustrative one.
 */
const CODE_CHECKS: Record<LanguageFamily, { receiver: string; one: (r: string, code: number) => string; many: (r: string, codes: string) => string }> = {
  javascript: { receiver: 'err.code', one: (r, c) => `${r} === ${c}`, many: (r, l) => `[${l}].includes(${r})` },
  python: { receiver: 'error["code"]', one: (r, c) => `${r} == ${c}`, many: (r, l) => `${r} in (${l})` },
  go: { receiver: 'apiErr.Code', one: (r, c) => `${r} == ${c}`, many: (r, l) => `slices.Contains([]int{${l}}, ${r})` },
  java: { receiver: 'e.getCode()', one: (r, c) => `${r} == ${c}`, many: (r, l) => `Set.of(${l}).contains(${r})` },
  kotlin: { receiver: 'e.code', one: (r, c) => `${r} == ${c}`, many: (r, l) => `${r} in setOf(${l})` },
  php: { receiver: "$error['code']", one: (r, c) => `${r} === ${c}`, many: (r, l) => `in_array(${r}, [${l}], true)` },
  ruby: { receiver: "error['code']", one: (r, c) => `${r} == ${c}`, many: (r, l) => `[${l}].include?(${r})` },
  csharp: { receiver: 'ex.Code', one: (r, c) => `${r} == ${c}`, many: (r, l) => `new[] { ${l} }.Contains(${r})` },
  dart: { receiver: 'e.code', one: (r, c) => `${r} == ${c}`, many: (r, l) => `[${l}].contains(${r})` },
  json: { receiver: 'code', one: (r, c) => `${r} == ${c}`, many: (r, l) => `${r} in (${l})` },
  // (the only plain texts linted are SQL scripts)
  text: { receiver: 'error_code', one: (r, c) => `${r} = ${c}`, many: (r, l) => `${r} IN (${l})` },
};

function codeCheck(codes: readonly number[], family: LanguageFamily, codeExpr: string | undefined): string {
  const form = CODE_CHECKS[family];
  const r = codeExpr ?? form.receiver;
  return codes.length === 1 ? form.one(r, codes[0] as number) : codes.length > 1 ? form.many(r, codes.join(', ')) : 'the error code';
}

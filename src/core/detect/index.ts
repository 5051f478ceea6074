import type { Catalog } from '../catalog/catalog';
import type { CancelToken, Finding, LanguageFamily } from '../types';

export { familyFor } from './language';

export interface ScanOptions {
  /** Checked between chunks; a cancelled scan returns what it has found so far. */
  readonly token?: CancelToken;
}

/**
 * Every error code (kind `error-code`) in a text, for the given language family.
 * (Placeholder: the detection engine replaces this.)
 */
export function scanCodes(text: string, family: LanguageFamily, catalog: Catalog, _opts: ScanOptions = {}): Finding[] {
  const out: Finding[] = [];
  const re = family === 'json' || family === 'text' ? /"(?:code|error_subcode)"\s*:\s*"?(\d{1,7})\b|\(#(\d{1,7})\)/g : /\bcode\s*={2,3}\s*(\d{1,7})\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const digits = m[1] ?? m[2] ?? '';
    const start = m.index + m[0].lastIndexOf(digits);
    const code = Number(digits);
    if (catalog.has(code)) out.push({ kind: 'error-code', start, end: start + digits.length, code });
  }
  return out;
}

/**
 * The error-code finding that covers `offset`, looking only at `text` (a line or a small window
 * around the position, never a whole large document).
 */
export function codeAt(text: string, offset: number, family: LanguageFamily, catalog: Catalog): Finding | undefined {
  return scanCodes(text, family, catalog).find((f) => f.start <= offset && offset <= f.end);
}

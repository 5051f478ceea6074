import type { Catalog } from '../catalog/catalog';
import type { Finding, LanguageFamily } from '../types';
import type { FileContext } from './context';
import { scanCodes } from './scanCodes';

export { familyFor } from './language';
export { fileContext, type FileContext } from './context';
export { payloadAt, type ErrorPayload } from './payload';
export { scanCodes, type ScanOptions } from './scanCodes';
export { findingsOf, rescanCodes, scanCodesState, type CodeScanState, type RescanOptions } from './rescan';
export { changeBetween, mergeChange, type TextChange } from '../textChange';

/**
 * The error-code finding that covers `offset` in `text` (a line or a small window around the
 * position, never a whole large document). It agrees with `scanCodes` on the same text and
 * context; pass `context` (the document's `fileContext`) so small codes such as `err.code === 100`
 * are recognised on a single line of a WhatsApp file.
 */
export function codeAt(text: string, offset: number, family: LanguageFamily, catalog: Catalog, context?: FileContext): Finding | undefined {
  return scanCodes(text, family, catalog, { context }).find((f) => f.start <= offset && offset <= f.end);
}

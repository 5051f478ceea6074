import type { CatalogEntry, RetryAdvice } from '../types';
import type { Category } from './categories';

/** Meta's error-codes page; entries without a page of their own link here. */
export const ERROR_CODES_URL = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

/**
 * A built-in entry as written in the data files: `key` is derived from `code`, and `variants` and
 * `docsUrl` have defaults, so each entry only states what is specific to it.
 */
export interface EntrySpec {
  /** A single code, or an inclusive range written "200-299". */
  readonly code: number | `${number}-${number}`;
  readonly title: string;
  readonly variants?: readonly string[];
  readonly category: Category;
  readonly httpStatus: number | null;
  readonly retry: RetryAdvice;
  readonly description: string;
  readonly solution: string;
  readonly docsUrl?: string;
  readonly confidenceNote?: string;
  readonly legacy?: boolean;
}

/** The catalog entry for a spec. */
export function toEntry(spec: EntrySpec): CatalogEntry {
  const { code, variants = [], docsUrl = ERROR_CODES_URL, ...rest } = spec;
  if (typeof code === 'number') return { ...rest, code, key: String(code), variants, docsUrl };
  const [low = '', high = ''] = code.split('-');
  return { ...rest, code: Number(low), codeEnd: Number(high), key: code, variants, docsUrl };
}

import type { CatalogEntry } from '../types';
import { toEntry } from './entrySpec';
import { builtinSpecs } from './specs';

export { ERROR_CODES_URL } from './entrySpec';

let entries: readonly CatalogEntry[] | undefined;

/**
 * The built-in catalog: every code and range we know of, Meta's titles verbatim, descriptions and
 * solutions in our own words. Built on first use; the data lives in `data/`, one file per area of the API.
 */
export function builtinEntries(): readonly CatalogEntry[] {
  entries ??= builtinSpecs().map(toEntry);
  return entries;
}

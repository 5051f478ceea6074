import type { CatalogEntry } from '../types';
import { CLOUD_API_SPECS } from './data/cloudApi';
import { FEATURE_SPECS } from './data/features';
import { LEGACY_SPECS } from './data/legacy';
import { MANAGEMENT_SPECS } from './data/management';
import { toEntry } from './entrySpec';

export { ERROR_CODES_URL } from './entrySpec';

/**
 * The built-in catalog: every code and range we know of, Meta's titles verbatim, descriptions and
 * solutions in our own words. The data lives in `data/`, one file per area of the API.
 */
export const BUILTIN_ENTRIES: readonly CatalogEntry[] = [...CLOUD_API_SPECS, ...MANAGEMENT_SPECS, ...FEATURE_SPECS, ...LEGACY_SPECS].map(toEntry);

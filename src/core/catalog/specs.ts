import { CLOUD_API_SPECS } from './data/cloudApi';
import { FEATURE_SPECS } from './data/features';
import { LEGACY_SPECS } from './data/legacy';
import { MANAGEMENT_SPECS } from './data/management';
import type { EntrySpec } from './entrySpec';

/**
 * Every built-in entry as written in `data/`, in catalog order. perf: the desktop extension build
 * swaps this module for one that reads the same specs from `dist/catalog.json` on first use (see
 * esbuild.js), which keeps ~55 KB of prose out of the code loaded at activation.
 */
export function builtinSpecs(): readonly EntrySpec[] {
  return [...CLOUD_API_SPECS, ...MANAGEMENT_SPECS, ...FEATURE_SPECS, ...LEGACY_SPECS];
}

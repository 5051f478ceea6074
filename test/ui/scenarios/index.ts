// Every UI scenario, in the order they run. Add yours here.
import type { Scenario } from '../scenario';
import { codeLensDetails } from './codeLensDetails';
import { hoverJson } from './hoverJson';
import { hoverNdjson } from './hoverNdjson';
import { hoverTypeScript } from './hoverTypeScript';
import { lintQuickFix } from './lintQuickFix';
import { logSummary } from './logSummary';
import { lookup } from './lookup';
import { tourCodeLens } from './tourCodeLens';
import { tourHoverPython } from './tourHoverPython';
import { tourLintQuickFix } from './tourLintQuickFix';
import { tourLogSummary } from './tourLogSummary';
import { tourLookup } from './tourLookup';

export const scenarios: readonly Scenario[] = [hoverJson, hoverNdjson, hoverTypeScript, lintQuickFix, codeLensDetails, lookup, logSummary,
  // The feature tour; runs last so its pictures are the ones copied to media/.
  tourHoverPython, tourLintQuickFix, tourCodeLens, tourLookup, tourLogSummary];

// Every UI scenario, in the order they run. Add yours here.
import type { Scenario } from '../scenario';
import { hoverJson, hoverNdjson, hoverTypeScript } from './hovers';
import { tourCodeLens } from './tourCodeLens';
import { tourHoverPython } from './tourHoverPython';
import { tourLintQuickFix } from './tourLintQuickFix';
import { tourLogSummary } from './tourLogSummary';
import { tourLookup } from './tourLookup';

export const scenarios: readonly Scenario[] = [
  hoverJson,
  hoverNdjson,
  hoverTypeScript,
  // The feature tour: each step checks what a person sees and takes the README's picture.
  tourHoverPython,
  tourLintQuickFix,
  tourCodeLens,
  tourLookup,
  tourLogSummary,
];

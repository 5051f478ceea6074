// Every UI scenario, in the order they run. Add yours here.
import type { Scenario } from '../scenario';
import { codeLensDetails } from './codeLensDetails';
import { hoverJson } from './hoverJson';
import { hoverNdjson } from './hoverNdjson';
import { hoverTypeScript } from './hoverTypeScript';
import { lintQuickFix } from './lintQuickFix';
import { logSummary } from './logSummary';
import { lookup } from './lookup';

export const scenarios: readonly Scenario[] = [hoverJson, hoverNdjson, hoverTypeScript, lintQuickFix, codeLensDetails, lookup, logSummary];

// Every UI scenario, in the order they run. Add yours here.
import type { Scenario } from '../scenario';
import { hoverJson } from './hoverJson';
import { hoverNdjson } from './hoverNdjson';
import { hoverTypeScript } from './hoverTypeScript';

export const scenarios: readonly Scenario[] = [hoverJson, hoverNdjson, hoverTypeScript];

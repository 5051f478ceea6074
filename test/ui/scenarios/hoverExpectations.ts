// What a hover over a known code must show, taken from the catalog so it follows catalog edits.
import * as assert from 'node:assert/strict';
import type { UiContext } from '../scenario';
import { visibleText } from '../workbench';

export function assertExplains(ctx: UiContext, code: number, hover: string): void {
  const entry = ctx.catalog.get(code);
  assert.ok(entry, `${code} missing from the built-in catalog`);
  assert.ok(hover.includes(String(code)), `hover lacks the code ${code}: ${hover}`);
  assert.ok(hover.includes(entry.title), `hover lacks the title "${entry.title}": ${hover}`);
  const solution = visibleText(entry.solution);
  assert.ok(hover.includes(solution), `hover lacks the solution "${solution}": ${hover}`);
}

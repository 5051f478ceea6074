import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { visibleText } from '../workbench';
import { openUiFile } from './steps';

/** Python retry logic: hovering the code in `err.code == 131026` shows its title and what to do. */
export const tourHoverPython: Scenario = {
  name: 'hover over 131026 in err.code == 131026 (Python)',
  async run(ctx) {
    const entry = ctx.catalog.get(131026);
    assert.ok(entry, '131026 missing from the built-in catalog');
    await openUiFile(ctx, 'retry_policy.py');
    const hover = await ctx.hoverText('131026', entry.title);
    // The solution is markdown (lists, links): its first sentence is what shows verbatim.
    const opening = visibleText(/^[^.\n]*\./.exec(entry.solution)?.[0] ?? entry.solution);
    assert.ok(hover.includes(opening), `hover lacks the start of the solution "${opening}": ${hover}`);
    await ctx.screenshot('tour-hover-python');
    await ctx.page.mouse.move(5, 5);
    await ctx.page.keyboard.press('Escape');
    await ctx.closeAllEditors();
  },
};

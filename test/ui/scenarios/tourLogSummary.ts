import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { visibleText } from '../workbench';
import { cursorPosition, eventually, openUiFile, tidy, webviewShowing, withoutSideBar } from './steps';

/** Codes and how often ui/deliveries.ndjson has them. */
const COUNTS: readonly [number, number][] = [
  [131047, 3],
  [131026, 2],
  [131056, 1],
];

/** Summarize Errors in This Log lists each code with its count; a line link moves the log's cursor. */
export const tourLogSummary: Scenario = {
  name: 'Summarize Errors in This Log counts codes and jumps to a line',
  async run(ctx) {
    await openUiFile(ctx, 'deliveries.ndjson');
    const before = await cursorPosition(ctx);
    assert.match(before, /^Ln 1,/, `cursor before: ${before}`);
    await ctx.runCommand('WhatsApp Errors: Summarize Errors in This Log');
    await ctx.waitForTab('Errors in deliveries.ndjson');
    const frame = await webviewShowing(ctx, 'WhatsApp errors in deliveries.ndjson');
    for (const [code, count] of COUNTS) {
      const row = frame.locator('tbody tr', { hasText: String(code) }).first();
      const cells = (await row.locator('td').allInnerTexts()).map(visibleText);
      assert.equal(cells[0], String(code), `row ${cells.join(' | ')}`);
      assert.equal(cells[2], String(count), `count of ${code} in ${cells.join(' | ')}`);
    }

    // 131026 is last seen on line 10: its link reveals that line in the log's editor.
    await frame.getByRole('button', { name: 'Go to line 10' }).first().click();
    await eventually(() => cursorPosition(ctx), (p) => p.startsWith('Ln 10,'), 10_000, 'cursor did not jump to line 10');
    await ctx.page.mouse.move(5, 5);
    await tidy(ctx);
    await withoutSideBar(ctx, async () => {
      await ctx.screenshot('tour-summary', { media: 'summary.png' });
    });
    await ctx.closeAllEditors();
  },
};

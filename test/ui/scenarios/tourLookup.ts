import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';
import { firstQuickPickRow, openUiFile, tidy, webviewShowing } from './steps';

/** Look Up Error Code: typing 131056 puts it first; Enter opens its details. */
export const tourLookup: Scenario = {
  name: 'Look Up Error Code… finds 131056 and opens its details',
  async run(ctx) {
    const entry = ctx.catalog.get(131056);
    assert.ok(entry, '131056 missing from the built-in catalog');
    // An open file behind the quick pick, as when a person looks a code up while coding.
    await openUiFile(ctx, 'status_router.ts');
    await ctx.runCommand('WhatsApp Errors: Look Up Error Code');
    const input = ctx.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('131056');
    const row = await firstQuickPickRow(ctx, '131056');
    assert.ok(row.includes('pair rate limit hit'), `first row lacks the title: ${row}`);
    await tidy(ctx);
    await ctx.screenshot('tour-lookup', { media: 'lookup.png' });
    await ctx.page.keyboard.press('Enter');
    await ctx.waitForTab('WhatsApp error 131056');
    await webviewShowing(ctx, entry.title);
    await ctx.closeAllEditors();
  },
};

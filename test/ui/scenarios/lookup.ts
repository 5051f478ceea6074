import type { Scenario } from '../scenario';

/** The look-up command finds a code by number and shows its title. */
export const lookup: Scenario = {
  name: 'Look Up Error Code finds 131047',
  async run(ctx) {
    const title = ctx.catalog.get(131047)?.title ?? '131047';
    await ctx.runCommand('WhatsApp Errors: Look Up Error Code');
    const input = ctx.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('131047');
    await ctx.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await ctx.screenshot('lookup', { media: 'lookup.png' });
    await ctx.page.keyboard.press('Escape');
  },
};

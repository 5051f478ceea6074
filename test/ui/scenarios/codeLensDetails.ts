import type { Scenario } from '../scenario';

/** The lens above `err.code === 131047` opens the details view of that code. */
export const codeLensDetails: Scenario = {
  name: 'CodeLens on 131047 opens its details view',
  async run(ctx) {
    await ctx.openFile('sample.ts');
    const lens = ctx.page.locator('.monaco-editor .codelens-decoration', { hasText: '131047' }).first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.locator('a').first().click();
    await ctx.waitForTab('131047');
    await ctx.page.locator('iframe.webview').first().waitFor({ timeout: 15_000 });
    await ctx.page.waitForTimeout(1500); // let the webview paint before the picture
    await ctx.screenshot('codelens-details', { media: 'codelens-details.png' });
    await ctx.closeAllEditors();
  },
};

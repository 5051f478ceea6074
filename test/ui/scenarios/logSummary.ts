import type { Scenario } from '../scenario';

/** Summarizing a JSON-lines log opens a summary view of its error codes. */
export const logSummary: Scenario = {
  name: 'Summarize Errors in This Log on a .ndjson log',
  async run(ctx) {
    await ctx.openFile('sample.ndjson');
    await ctx.runCommand('WhatsApp Errors: Summarize Errors in This Log');
    await ctx.waitForTab('sample.ndjson');
    await ctx.page.locator('iframe.webview').first().waitFor({ timeout: 15_000 });
    await ctx.page.waitForTimeout(1500); // let the webview paint before the picture
    await ctx.screenshot('summary', { media: 'summary.png' });
    await ctx.closeAllEditors();
  },
};

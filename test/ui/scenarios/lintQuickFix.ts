import type { Scenario } from '../scenario';

/** Code that matches on the title text: a warning squiggle, and Quick Fix offers fixes. */
export const lintQuickFix: Scenario = {
  name: 'title match is flagged and offers a quick fix',
  async run(ctx) {
    await ctx.openFile('title-match.ts');
    const editor = ctx.page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    const literal = editor.locator('.view-line span span', { hasText: 'Re-engagement message' }).first();
    await literal.click();
    await ctx.runCommand('Quick Fix...');
    await ctx.page.locator('.action-widget:visible').first().waitFor({ timeout: 15_000 });
    await ctx.page.waitForTimeout(300); // the menu fades in
    await ctx.screenshot('lint-quickfix', { media: 'lint-quickfix.png' });
    await ctx.page.keyboard.press('Escape');
    await ctx.closeAllEditors();
  },
};

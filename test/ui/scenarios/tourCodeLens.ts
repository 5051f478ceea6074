import * as assert from 'node:assert/strict';
import type { Scenario, UiContext } from '../scenario';
import { visibleText } from '../workbench';
import { lensWith, openUiFile, tidy, webviewShowing, withoutSideBar } from './steps';

/** Clicks the lens for `code` in ui/<file> and checks the details panel it opens. */
async function lensOpensDetails(ctx: UiContext, file: string, code: number, media?: string): Promise<void> {
  const entry = ctx.catalog.get(code);
  assert.ok(entry, `${code} missing from the built-in catalog`);
  await openUiFile(ctx, file);
  const lens = lensWith(ctx, String(code));
  await lens.waitFor({ timeout: 30_000 });
  const text = visibleText(await lens.innerText());
  assert.ok(text.includes(entry.title), `lens "${text}" lacks the title "${entry.title}"`);
  await lens.locator('a').first().click();
  await ctx.waitForTab(`WhatsApp error ${code}`);
  await webviewShowing(ctx, entry.title);
  await ctx.page.mouse.move(5, 5);
  await tidy(ctx);
  await withoutSideBar(ctx, async () => {
    await ctx.screenshot(`tour-codelens-${code}`, media ? { media } : {});
  });
  await ctx.closeAllEditors();
}

/** Lenses above `case 131047:` and above a failed line of a JSON-lines log open the details view. */
export const tourCodeLens: Scenario = {
  name: 'CodeLens in source (case 131047:) and in a .ndjson log opens the details view',
  async run(ctx) {
    await lensOpensDetails(ctx, 'status_router.ts', 131047, 'codelens-details.png');
    await lensOpensDetails(ctx, 'deliveries.ndjson', 131056);
  },
};

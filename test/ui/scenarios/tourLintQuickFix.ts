import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixesFor, scanTitles } from '../../../src/core/lint';
import type { Scenario, UiContext } from '../scenario';
import { EDITOR, editorText, eventually, openUiFile, tidy } from './steps';

const FILE = 'send_guard.ts';
const TITLE_CHECK = 'err.message.includes("Re-engagement message")';
const CODE_CHECK = 'err.code === 131047';

/** The rewrite the lint offers for the fixture, computed by the core so the test follows its wording. */
function expectedFixTitle(ctx: UiContext): string {
  // Scenarios are bundled into out/test/ui/ui.js, so __dirname is out/test/ui.
  const file = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'ui', FILE);
  const text = fs.readFileSync(file, 'utf8');
  const finding = scanTitles(text, 'javascript', ctx.catalog)[0];
  assert.ok(finding, `the core finds no title match in ${FILE}`);
  const rewrite = fixesFor(text, finding, 'javascript', ctx.catalog).find((f) => f.kind === 'rewrite');
  assert.ok(rewrite, `the core offers no rewrite for ${FILE}`);
  assert.ok(rewrite.title.includes(CODE_CHECK), `unexpected rewrite: ${rewrite.title}`);
  return rewrite.title;
}

/** Matching on a title is squiggled; the quick fix rewrites it to a code comparison, and undo restores it. */
export const tourLintQuickFix: Scenario = {
  name: 'title match: squiggle, quick fix to err.code === 131047, undo',
  async run(ctx) {
    const fixTitle = expectedFixTitle(ctx);
    const page = ctx.page;
    await openUiFile(ctx, FILE);
    const editor = page.locator(EDITOR).first();
    const squiggle = editor.locator('.squiggly-warning').first();
    await squiggle.waitFor({ timeout: 30_000 });
    assert.ok((await editorText(ctx)).includes(TITLE_CHECK), 'fixture text changed');

    // Cursor inside the literal, then the keyboard route a person uses: Ctrl+. (pressed again, as a
    // person would, when the menu does not open: on a slow machine the first press can arrive
    // before the editor has the code actions for the cursor).
    const fix = page.locator('.action-widget:visible .monaco-list-row', { hasText: fixTitle }).first();
    for (let attempt = 1; ; attempt++) {
      await editor.locator('.view-line span span', { hasText: 'Re-engagement message' }).first().click();
      await page.keyboard.press('Control+Period');
      try {
        await fix.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.keyboard.press('Escape');
      }
    }
    await page.waitForTimeout(300); // the menu fades in
    await tidy(ctx);
    await ctx.screenshot('tour-lint-quickfix', { media: 'lint-quickfix.png' });

    await fix.click();
    await eventually(() => editorText(ctx), (t) => t.includes(CODE_CHECK) && !t.includes(TITLE_CHECK), 10_000, `editor lacks ${CODE_CHECK}`);
    await squiggle.waitFor({ state: 'detached', timeout: 15_000 });
    await ctx.screenshot('tour-lint-quickfix-applied');

    await page.keyboard.press('Control+Z');
    await eventually(() => editorText(ctx), (t) => t.includes(TITLE_CHECK), 10_000, 'undo did not restore the title check');
    await squiggle.waitFor({ timeout: 15_000 });
    // Undo leaves the buffer as on disk; revert anyway so the fixture can never be saved changed.
    await ctx.runCommand('File: Revert File');
    await ctx.closeAllEditors();
  },
};

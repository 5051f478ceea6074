// Steps shared by the feature-tour scenarios: opening fixtures under ui/, reading webviews and the
// editor as a person sees them, and keeping the window tidy for screenshots.
import * as assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import type { UiContext } from '../scenario';
import { visibleText } from '../workbench';

/** The fixtures of these scenarios live in test/fixtures/workspace/ui/. */
const FOLDER = 'ui';
export const EDITOR = '.editor-instance .monaco-editor';
const POLL_MS = 250;

/** Opens ui/<name> from the explorer, expanding the folder first if needed. */
export async function openUiFile(ctx: UiContext, name: string): Promise<void> {
  const page = ctx.page;
  const folder = page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${FOLDER}$`) }) })
    .first();
  await folder.waitFor({ timeout: 60_000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await ctx.openFile(name);
}

/** The active editor's text with the non-breaking spaces VS Code renders turned back into spaces. */
export async function editorText(ctx: UiContext): Promise<string> {
  const lines = await ctx.page.locator(`${EDITOR} .view-lines`).first().innerText();
  return lines.replace(/\u00a0/g, ' ');
}

/** Polls `read` until `check` holds or `timeoutMs` passes; returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > until) assert.fail(`${what} (last seen: ${JSON.stringify(value).slice(0, 400)})`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    value = await read();
  }
  return value;
}

/**
 * The webview frame whose page shows `text`. Webview content sits two iframes deep and hidden panels
 * keep their frames, so every frame is searched until one shows the text.
 */
export async function webviewShowing(ctx: UiContext, text: string, timeoutMs = 20_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of ctx.page.frames()) {
      if (frame === ctx.page.mainFrame()) continue;
      const body = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
      if (visibleText(body).includes(text)) return frame;
    }
    if (Date.now() > until) assert.fail(`no webview shows "${text}" after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The CodeLens whose text contains `text` in the active editor. */
export function lensWith(ctx: UiContext, text: string): Locator {
  return ctx.page.locator(`${EDITOR} .codelens-decoration`, { hasText: text }).first();
}

/** The "Ln 4, Col 1" item of the status bar. */
export async function cursorPosition(ctx: UiContext): Promise<string> {
  const item = ctx.page.locator('#status\\.editor\\.selection');
  return visibleText(await item.innerText({ timeout: 5000 }).catch(() => ''));
}

/** Closes toasts and widgets so a screenshot shows only the feature. */
export async function tidy(ctx: UiContext): Promise<void> {
  const page = ctx.page;
  if (await page.locator('.notifications-toasts .notification-toast').count()) {
    await ctx.runCommand('Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 });
  }
}

/** Waits until the quick pick's first row shows `text` (rows update after each keystroke). */
export async function firstQuickPickRow(ctx: UiContext, text: string): Promise<string> {
  const row = ctx.page.locator('.quick-input-widget .monaco-list-row').first();
  return eventually(
    async () => visibleText(await row.innerText({ timeout: 5000 }).catch(() => '')),
    (t) => t.includes(text),
    10_000,
    `first quick pick row lacks "${text}"`,
  );
}

/** Runs `shoot` with the side bar closed, so a picture of a split editor has room for both sides. */
export async function withoutSideBar(ctx: UiContext, shoot: () => Promise<void>): Promise<void> {
  const sideBar = ctx.page.locator('.part.sidebar');
  await ctx.runCommand('View: Close Primary Side Bar');
  await sideBar.waitFor({ state: 'hidden', timeout: 5000 });
  await ctx.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
  await ctx.page.waitForTimeout(300); // the palette and the relayout animate out
  try {
    await shoot();
  } finally {
    await ctx.runCommand('View: Toggle Primary Side Bar Visibility');
    await sideBar.waitFor({ state: 'visible', timeout: 5000 });
  }
}

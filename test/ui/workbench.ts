// Implements the UiContext helpers on top of the VS Code workbench DOM (selectors checked
// against VS Code 1.139 in code-server).
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { Catalog } from '../../src/core/catalog/catalog';
import type { ScreenshotOptions, UiContext } from './scenario';

const HOVER = '.monaco-hover:visible .hover-contents, .monaco-hover:visible .monaco-hover-content';
const EDITOR = '.editor-instance .monaco-editor';
/** Attempts to show a hover: the first ones may come before the extension has activated. */
const HOVER_ATTEMPTS = 8;
const HOVER_WAIT_MS = 4000;

/** Text as a reader sees it: VS Code renders our hover's spaces as non-breaking spaces. */
export function visibleText(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

export function createContext(page: Page, catalog: Catalog, outDir: string, mediaDir: string | undefined): UiContext {
  const log = (message: string) => console.log(`  ${message}`);

  async function openFile(name: string): Promise<void> {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await waitForTab(name);
    await page.locator(`${EDITOR} .view-lines`).first().waitFor({ timeout: 30_000 });
  }

  async function hoverText(token: string, expect: string): Promise<string> {
    const editor = page.locator(EDITOR).first();
    const span = editor.locator('.view-line span span', { hasText: new RegExp(`^${escapeRegExp(token)}$`) }).first();
    await span.waitFor({ timeout: 30_000 });
    let last = '';
    for (let attempt = 1; attempt <= HOVER_ATTEMPTS; attempt++) {
      // Leave and re-enter the token: VS Code shows a hover on mouse movement, not on position.
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const box = await span.boundingBox();
      if (!box) throw new Error(`token ${token} is not visible`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      const hover = page.locator(HOVER).filter({ hasText: expect }).first();
      try {
        await hover.waitFor({ timeout: HOVER_WAIT_MS });
        return visibleText(await hover.innerText());
      } catch {
        last = await page.locator(HOVER).allInnerTexts().then((t) => t.join(' | ')).catch(() => '');
      }
    }
    throw new Error(`no hover with "${expect}" on ${token} after ${HOVER_ATTEMPTS} attempts; last hover: ${JSON.stringify(last)}`);
  }

  async function runCommand(title: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        // Focus inside a webview keeps F1 to itself or closes the palette as it opens: hand focus back to
        // the workbench and try again.
        log(`command palette not ready (attempt ${attempt}), retrying`);
        await page.keyboard.press('Escape');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.waitForTimeout(300);
      }
    }
  }

  async function waitForTab(label: string): Promise<void> {
    await page.locator('.tabs-container .tab.active', { hasText: label }).first().waitFor({ timeout: 30_000 });
  }

  async function closeAllEditors(): Promise<void> {
    // A command run while a webview holds the focus can be lost: run it again, as a person would.
    for (let attempt = 1; ; attempt++) {
      await runCommand('View: Close All Editors');
      try {
        await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 5_000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        log(`editors still open after Close All Editors (attempt ${attempt}), retrying`);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
    }
  }

  async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string> {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    if (options.media && mediaDir) {
      fs.mkdirSync(mediaDir, { recursive: true });
      fs.copyFileSync(file, path.join(mediaDir, options.media));
      log(`media/${options.media} updated`);
    }
    return file;
  }

  return { page, catalog, openFile, hoverText, runCommand, waitForTab, closeAllEditors, screenshot, log };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The contract between the UI runner and its scenarios: add a scenario by writing a module that
// exports a `Scenario` and listing it in scenarios/index.ts.
import type { Page } from 'playwright-core';
import type { Catalog } from '../../src/core/catalog/catalog';

export interface ScreenshotOptions {
  /** Also copy the image to media/<file> when UPDATE_MEDIA=1 (pictures for the README). */
  media?: string;
}

export interface UiContext {
  /** The workbench page (code-server in headless chromium, 1400x900). */
  readonly page: Page;
  /** The built-in catalog, for expected titles and solutions that follow catalog changes. */
  readonly catalog: Catalog;
  /** Opens a file from the fixture workspace root and waits until its text is shown. */
  openFile(name: string): Promise<void>;
  /**
   * Moves the mouse onto the first token whose text is exactly `token` in the active editor and
   * returns the text of the hover that contains `expect` (retried while the extension activates).
   */
  hoverText(token: string, expect: string): Promise<string>;
  /** Runs a command through the command palette by its full title, e.g. "WhatsApp Errors: Look Up Code". */
  runCommand(title: string): Promise<void>;
  /** Waits until an editor tab whose label contains `label` is active (editors, webview panels). */
  waitForTab(label: string): Promise<void>;
  /** Closes every editor, so the next scenario starts from a clean editor area. */
  closeAllEditors(): Promise<void>;
  /** Saves a screenshot to test-results/ui/<name>.png and returns its path. */
  screenshot(name: string, options?: ScreenshotOptions): Promise<string>;
  log(message: string): void;
}

export interface Scenario {
  readonly name: string;
  run(ctx: UiContext): Promise<void>;
}

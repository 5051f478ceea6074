// Types of browser.js for the TypeScript test runners that import it.
import type { BrowserContext, Page } from 'playwright-core';

export function launchBrowser(executablePath: string): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;

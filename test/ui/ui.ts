// UI tests: what a person sees. Packages the extension, installs the .vsix into an isolated
// code-server, opens the fixture workspace in headless chromium and runs every scenario.
// Prints `ui: N passed, N failed`; screenshots go to test-results/ui/, and the README's pictures to
// media/ with --update-media or UPDATE_MEDIA=1 (`npm run screenshots`).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { launchBrowser } from '../harness/lib/browser';
import { installVsix, makeWorkDir, startCodeServer, tail } from '../harness/lib/codeServer';
import { extensionErrors } from '../harness/lib/exthostLog';
import { ensureTools } from '../harness/tools';
import { scenarios } from './scenarios';
import { createContext } from './workbench';

/** This file runs as out/test/ui/ui.js. */
const root = path.resolve(__dirname, '..', '..', '..');
const outDir = path.join(root, 'test-results', 'ui');
const vsix = path.join(root, 'dist', 'wa-errors.vsix');
const fixture = path.join(root, 'test', 'fixtures', 'workspace');
const updateMedia = process.argv.includes('--update-media') || process.env.UPDATE_MEDIA === '1';

function packageExtension(): void {
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
}

async function main(): Promise<number> {
  const tools = ensureTools();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  packageExtension();
  const workDir = makeWorkDir('ui');
  installVsix(tools, workDir, vsix);
  const cs = await startCodeServer({ tools, workDir, settingsFile: path.join(root, 'test', 'harness', 'settings.json') });
  const browser = await launchBrowser(tools.chromium);
  const pageErrors: string[] = [];
  browser.page.on('pageerror', (e) => pageErrors.push(String(e)));
  let passed = 0;
  let failed = 0;
  try {
    await browser.page.goto(`${cs.origin}/?folder=${encodeURIComponent(fixture)}`);
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const ctx = createContext(browser.page, builtinCatalog(), outDir, updateMedia ? path.join(root, 'media') : undefined);
    for (const scenario of scenarios) {
      const t = Date.now();
      try {
        await scenario.run(ctx);
        passed++;
        console.log(`  ✔ ${scenario.name} (${Date.now() - t} ms)`);
      } catch (e) {
        failed++;
        const shot = path.join(outDir, `failure-${failed}.png`);
        await browser.page.screenshot({ path: shot }).catch(() => undefined);
        console.log(`  ✘ ${scenario.name}\n    ${e instanceof Error ? e.message : String(e)}\n    screenshot: ${shot}`);
      }
      await browser.page.mouse.move(5, 5);
      await browser.page.keyboard.press('Escape');
    }
  } finally {
    await browser.close();
    await cs.stop();
  }
  // A run that looked right while our extension threw in the background is not a pass.
  const errors = extensionErrors(cs.userDataDir);
  if (errors.length) {
    failed++;
    console.log(`  ✘ extension host log is free of errors from our extension\n${errors.join('\n')}`);
  } else {
    passed++;
    console.log('  ✔ extension host log is free of errors from our extension');
  }
  if (failed) {
    console.log(`code-server log (${workDir}):\n${tail(cs.logFile)}`);
    if (pageErrors.length) console.log(`page errors:\n${pageErrors.slice(0, 5).join('\n')}`);
  } else {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ui: ${e instanceof Error ? e.message : String(e)}`);
    console.log('ui: 0 passed, 1 failed');
    process.exit(1);
  },
);

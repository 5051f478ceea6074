// Runs test/web (bundled to out/test/web/index.js) in code-server's web-worker extension host, the
// one vscode.dev and github.dev use: the `remote.extensionKind` setting below makes the workbench load
// our `browser` entry (dist/web/extension.js) in a worker instead of the Node host.
// Prints `web-extension-host: N passed, N failed`; exits non-zero on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { ensureTools } = require('../harness/tools');
const { makeWorkDir, startCodeServer, tail } = require('../harness/lib/codeServer');
const { launchBrowser } = require('../harness/lib/browser');
const { extensionErrors, EXTENSION_ID } = require('../harness/lib/exthostLog');

const ROOT = path.resolve(__dirname, '..', '..');
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'web');
const TESTS = path.join(ROOT, 'out', 'test', 'web', 'index.js');
const TIMEOUT_MS = Number(process.env.WA_ERRORS_TEST_TIMEOUT_MS || 180000);
const MARKER = '--- web tests ---';

async function main() {
  if (!fs.existsSync(TESTS)) throw new Error(`${path.relative(ROOT, TESTS)} is missing: run node esbuild.js --tests first`);
  const tools = ensureTools();
  const workDir = makeWorkDir('web');
  const settingsFile = path.join(workDir, 'settings.json');
  const settings = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'harness', 'settings.json'), 'utf8'));
  settings['remote.extensionKind'] = { [EXTENSION_ID]: ['web'] };
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

  const server = await startCodeServer({ tools, workDir, settingsFile, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  const browser = await launchBrowser(tools.chromium);
  let code = 1;
  const lines = [];
  try {
    const done = new Promise((resolve) => {
      // The extension host's console: print mocha's report, everything after the runner's marker.
      let printing = false;
      browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
        const line = util.format(...(args || []));
        lines.push(line);
        if (printing) console.log(line);
        else if (line.includes(MARKER)) printing = true;
      });
      browser.page.exposeFunction('codeAutomationExit', (c) => resolve(c));
      setTimeout(() => {
        console.error(`web tests: timed out after ${TIMEOUT_MS / 1000} s`);
        resolve(124);
      }, TIMEOUT_MS).unref();
    });
    const auth = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${auth}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${auth}${TESTS}`],
      ['skipWelcome', 'true'],
    ];
    await browser.page.goto(`${server.origin}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    code = await done;
    if (!lines.some((l) => l.includes(MARKER))) console.log(lines.slice(-40).join('\n') || tail(server.logFile));
    const errors = extensionErrors(server.userDataDir, [ROOT]);
    if (errors.length) {
      console.log(`web tests: the extension logged errors:\n${errors.join('\n')}`);
      console.log('web-extension-host: 0 passed, 1 failed');
      code = code || 1;
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (code === 0) fs.rmSync(workDir, { recursive: true, force: true });
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`web tests: ${e.message}`);
    process.exit(1);
  },
);

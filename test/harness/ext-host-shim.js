// Runs extension-host tests in code-server: parses the desktop CLI arguments @vscode/test-electron
// passes, starts an isolated code-server with the smoke-test driver (without it a built product
// ignores test payloads), opens the payload URL in headless chromium, streams mocha's output and
// exits with the tests' exit code. code-server's process group is always stopped.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { ensureTools } = require('./tools');
const { makeWorkDir, startCodeServer, tail } = require('./lib/codeServer');
const { launchBrowser } = require('./lib/browser');
const { extensionErrors } = require('./lib/exthostLog');

const TIMEOUT_MS = Number(process.env.WA_ERRORS_EXT_TIMEOUT_MS || 180_000);
/** Workbench chatter that says nothing about our tests (offline gallery, auth, connection setup). */
const NOISE = /open-vsx\.org|authentication provider 'github'|^\[(AgentHost|AccountPolicyGate|Service Worker|reconnection-grace-time)|^Creating a socket|^Resolv(ing|ed) connection token|^Updating additional builtin/;

function parseArgs(argv) {
  const opts = { dev: '', tests: '', folder: '', env: {} };
  for (const a of argv) {
    if (a.startsWith('--extensionDevelopmentPath=')) opts.dev = a.slice(a.indexOf('=') + 1);
    else if (a.startsWith('--extensionTestsPath=')) opts.tests = a.slice(a.indexOf('=') + 1);
    else if (!a.startsWith('-') && !opts.folder) opts.folder = a; // launchArgs come first: the workspace
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.dev || !opts.tests) throw new Error('need --extensionDevelopmentPath= and --extensionTestsPath=');
  const dev = path.resolve(opts.dev);
  let tests = path.resolve(opts.tests);
  if (!tests.endsWith('.js')) tests = path.join(tests, 'index.js');
  const folder = path.resolve(opts.folder || dev);

  const tools = ensureTools();
  const workDir = makeWorkDir('ext');
  const cs = await startCodeServer({
    tools,
    workDir,
    settingsFile: path.join(__dirname, 'settings.json'),
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const browser = await launchBrowser(tools.chromium);
  let code = 1;
  try {
    const exitCode = new Promise((resolve) => {
      browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
        const text = util.format(...(args || []));
        if (!NOISE.test(text) || process.env.WA_ERRORS_VERBOSE) console.log(text);
      });
      browser.page.exposeFunction('codeAutomationExit', (c) => resolve(c));
      setTimeout(() => {
        console.error(`ext-host: timed out after ${TIMEOUT_MS / 1000} s`);
        resolve(124);
      }, TIMEOUT_MS).unref();
    });
    const authority = `127.0.0.1:${cs.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${dev}`],
      ['extensionTestsPath', `vscode-remote://${authority}${tests}`],
      ['skipWelcome', 'true'],
    ];
    if (process.env.WA_ERRORS_EXT_ENV) payload.push(['extensionEnvironment', process.env.WA_ERRORS_EXT_ENV]);
    await browser.page.goto(`${cs.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    code = await exitCode;
    const errors = extensionErrors(cs.userDataDir, [path.join(dev, 'dist')]);
    if (errors.length) {
      console.error(`ext-host: errors from our extension in the extension host log:\n${errors.join('\n')}`);
      code = code || 1;
    }
  } finally {
    await browser.close();
    await cs.stop();
  }
  if (code === 0) fs.rmSync(workDir, { recursive: true, force: true });
  else console.error(`ext-host: code-server log (${workDir}):\n${tail(cs.logFile)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ext-host: ${e.stack || e}`);
    process.exit(1);
  },
);

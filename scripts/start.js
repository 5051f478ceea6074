#!/usr/bin/env node
// `npm start`: build, then open examples/ with the extension live.
// With a desktop `code` CLI on PATH: an Extension Development Host on examples/.
// Otherwise: code-server on loopback with the freshly packaged .vsix installed; Ctrl+C stops it.
const { spawnSync } = require('child_process');
const path = require('path');
const { ensureTools, toolsDir } = require('../test/harness/tools');
const { installVsix, startCodeServer } = require('../test/harness/lib/codeServer');

const root = path.resolve(__dirname, '..');
const examples = path.join(root, 'examples');

function must(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

function hasCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (hasCode() && !process.env.WA_ERRORS_START_CODE_SERVER) {
    must(process.execPath, ['esbuild.js']);
    must('code', [`--extensionDevelopmentPath=${root}`, examples]);
    console.log('Opened examples/ in an Extension Development Host. Run `npm run watch` to rebuild on change.');
    return;
  }
  const tools = ensureTools();
  must('npm', ['run', '-s', 'package']);
  // A stable profile, so window layout and your own settings survive restarts.
  const workDir = path.join(toolsDir(), 'start-profile');
  installVsix(tools, workDir, path.join(root, 'dist', 'wa-errors.vsix'));
  const cs = await startCodeServer({ tools, workDir, settingsFile: path.join(root, 'test', 'harness', 'settings.json') });
  console.log(`\ncode-server with the extension is serving examples/ at:\n\n  ${cs.origin}/?folder=${encodeURIComponent(examples)}\n`);
  console.log(`log: ${cs.logFile}\nCtrl+C stops code-server. Rerun npm start after a change to repackage.`);
}

main().catch((e) => {
  console.error(`npm start: ${e.message || e}`);
  process.exit(1);
});

#!/usr/bin/env node
// Extension-host tests through @vscode/test-electron. Offline (the default here) the "VS Code
// executable" is code-shim.sh, which runs the same tests in code-server; with
// WA_ERRORS_TEST_VSCODE=download, test-electron downloads a real VS Code instead.
// Expects `node esbuild.js --tests` to have run (out/test/integration/index.js).
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');

async function main() {
  // WA_ERRORS_EXT_TESTS names another runner module (the bench's extension-host part uses it).
  const extensionTestsPath = path.resolve(root, process.env.WA_ERRORS_EXT_TESTS || path.join('out', 'test', 'integration', 'index.js'));
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} missing: run  node esbuild.js --tests`);
  const download = process.env.WA_ERRORS_TEST_VSCODE === 'download';
  await runTests({
    ...(download ? {} : { vscodeExecutablePath: path.join(__dirname, 'code-shim.sh') }),
    extensionDevelopmentPath: root,
    extensionTestsPath,
    // Other installed extensions would add hovers and lenses the assertions do not expect.
    launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions'],
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`ext-host tests failed: ${e.message || e}`);
    process.exit(1);
  },
);

// Mocha runner loaded by the extension host (extensionTestsPath). Every `*.test.js` bundled next to
// this file joins the run, so a new test file needs no registration here.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Per-test budget (ms): the first test also pays for the extension's activation. */
const TEST_TIMEOUT_MS = 20_000;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: TEST_TIMEOUT_MS });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`extension-host: ${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} extension-host test(s) failed`));
      else if (passed === 0) reject(new Error('no extension-host tests ran'));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}

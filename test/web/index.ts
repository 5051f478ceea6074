// Test runner for the web-worker extension host (the browser bundle, as in vscode.dev / github.dev).
// mocha's browser build is loaded inside run(): a top-level import would let its UMD wrapper replace
// this module's exports, and the host would then find no run().

export function run(): Promise<void> {
  require('mocha/mocha');
  console.log('--- web tests ---');
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 30000 });
  require('./web.test');
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`web-extension-host: ${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) reject(new Error(`${failed} web tests failed (${passed} passed)`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}

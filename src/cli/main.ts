// `wa-errors`: the command-line face of the core (lookup and scan), for terminals and CI.
import { isMainThread, workerData } from 'node:worker_threads';
import { builtinCatalog } from '../core/catalog/catalog';
import { homepage, version } from '../../package.json';
import { parseArgs, USAGE, UsageError } from './args';
import { DETECT_WORKER, serveDetection } from './detectPool';
import { runLookup } from './lookup';
import { Output } from './output';
import { runScan } from './scan';
import { MissingPathError } from './walk';

function warn(message: string): void {
  process.stderr.write(`wa-errors: ${message}\n`);
}

async function run(argv: readonly string[]): Promise<number> {
  const out = new Output(process.stdout);
  try {
    const cmd = parseArgs(argv);
    switch (cmd.name) {
      case 'help':
        await out.write(USAGE);
        await out.flush();
        return 0;
      case 'version':
        await out.write(version + '\n');
        await out.flush();
        return 0;
      case 'lookup':
        return await runLookup(cmd, builtinCatalog(), out, warn);
      case 'scan':
        return await runScan(cmd, { cwd: process.cwd(), catalog: builtinCatalog(), tool: { version, informationUri: homepage }, out, warn, workerScript: __filename });
    }
  } catch (e) {
    if (e instanceof UsageError) warn(`${e.message} (see wa-errors --help)`);
    else if (e instanceof MissingPathError) warn(e.message);
    // Anything else is our bug; still one line and a distinct failure, never a stack trace for CI logs.
    else warn(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

// The same script runs the scan's detector threads (see DetectPool).
if (!isMainThread && workerData === DETECT_WORKER) serveDetection();
else {
  // stderr may be a closed pipe too; a failed diagnostic must not turn into a crash.
  process.stderr.on('error', () => undefined);
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

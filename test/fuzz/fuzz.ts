/**
 * The long fuzz run behind `npm run fuzz`: the unit-test generator for longer, with a fresh seed.
 *   npm run fuzz                      60 seconds, random seed
 *   npm run fuzz -- 300s              a time budget
 *   npm run fuzz -- 200000            a number of inputs
 *   npm run fuzz -- 30s --seed 1234   replay a seed
 * Failing inputs go to out/fuzz/failures-<seed>.jsonl (one JSON object a line: iteration, problems,
 * input), so that a case can be replayed and turned into a unit test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWithBudget, warmUp } from './check';
import { fuzzInput } from './corrupt';
import { Rng } from './prng';

interface Options {
  seconds: number;
  iterations: number;
  seed: number;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  let seconds = 60;
  let iterations = Infinity;
  let seed = Math.floor(Math.random() * 0x7fffffff);
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--out') out = argv[++i] ?? '';
    else if (/^\d+(\.\d+)?s$/.test(a)) seconds = Number(a.slice(0, -1));
    else if (/^\d+$/.test(a)) {
      iterations = Number(a);
      seconds = Infinity;
    } else throw new Error(`unknown argument ${a} (expected 60s, 100000, --seed N or --out FILE)`);
  }
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  out ||= path.join(__dirname, '..', '..', 'fuzz', `failures-${seed}.jsonl`);
  return { seconds, iterations, seed, out };
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  const budget = Number.isFinite(opts.seconds) ? `${opts.seconds} s` : `${opts.iterations} inputs`;
  console.log(`fuzz: seed ${opts.seed}, ${budget}`);
  const warm = warmUp(300, fuzzInput);
  if (warm.length) console.log(`  warm-up inputs failed too: ${warm[0]}`);
  const r = new Rng(opts.seed);
  const deadline = performance.now() + opts.seconds * 1000;
  let failures = 0;
  let slowest = 0;
  let i = 0;
  for (; i < opts.iterations && performance.now() < deadline; i++) {
    const input = fuzzInput(r);
    const { problems, ms } = checkWithBudget(input, r.int(0, 0x7fffffff));
    slowest = Math.max(slowest, ms);
    if (problems.length === 0) continue;
    if (failures === 0) fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.appendFileSync(opts.out, JSON.stringify({ seed: opts.seed, iteration: i, problems, input }) + '\n');
    failures++;
    console.log(`  #${i}: ${problems[0]}`);
  }
  console.log(`fuzz: ${i} inputs, ${failures} failing, slowest ${slowest.toFixed(1)} ms of CPU`);
  if (failures) console.log(`fuzz: failing inputs written to ${opts.out}`);
  return failures || warm.length ? 1 : 0;
}

process.exitCode = main();

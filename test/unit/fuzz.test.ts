import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWithBudget, findingProblems, warmUp } from '../fuzz/check';
import { fuzzInput } from '../fuzz/corrupt';
import { Rng } from '../fuzz/prng';

const SEED = 0x5eed_2026;
const INPUTS = 2000;
/** Untimed inputs first: see warmUp. */
const WARM_UP = 300;
const TOTAL_BUDGET_MS = 10_000;

/** An input short enough to paste into a bug report. */
function excerpt(text: string): string {
  return JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);
}

test(`fuzz: ${WARM_UP} + ${INPUTS} corrupted payloads, snippets and log lines (seed ${SEED})`, () => {
  const failures = warmUp(WARM_UP, fuzzInput).map((p) => `warm-up: ${p}`);
  const r = new Rng(SEED);
  let total = 0;
  let chars = 0;
  for (let i = 0; i < INPUTS; i++) {
    const text = fuzzInput(r);
    chars += text.length;
    const { problems, ms } = checkWithBudget(text, r.int(0, 0x7fffffff));
    total += ms;
    if (problems.length) failures.push(`#${i} ${excerpt(text)}\n  ${problems.slice(0, 3).join('\n  ')}`);
  }
  assert.ok(chars > INPUTS * 50, 'the generator produced almost empty inputs');
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} failing inputs (first 5 shown); replay: npm run fuzz -- ${INPUTS} --seed ${SEED}`);
  assert.ok(total < TOTAL_BUDGET_MS, `fuzz took ${total.toFixed(0)} ms in the core (budget ${TOTAL_BUDGET_MS} ms)`);
});

test('fuzz: the generator is deterministic for a seed', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  for (let i = 0; i < 50; i++) assert.equal(fuzzInput(a), fuzzInput(b));
});

test('fuzz: the checker itself flags malformed findings', () => {
  const text = 'code 131047';
  assert.deepEqual(findingProblems(text, [{ kind: 'error-code', start: 5, end: 11, code: 131047 }], 'ok'), []);
  const bad = findingProblems(
    text,
    [
      { kind: 'error-code', start: 5, end: 11, code: 131047 },
      { kind: 'error-code', start: 2, end: 2, code: 1.5 },
      { kind: 'title-match', start: 0, end: 99, codes: [] },
    ],
    'bad',
  );
  assert.equal(bad.length, 6, bad.join('\n'));
  assert.match(bad.join('\n'), /bad range 2\.\.2/);
  assert.match(bad.join('\n'), /not sorted/);
  assert.match(bad.join('\n'), /code 1\.5/);
  assert.match(bad.join('\n'), /bad range 0\.\.99/);
});

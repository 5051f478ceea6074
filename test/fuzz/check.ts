/**
 * Runs every public entry point of the core on one input and lists what is wrong: exceptions,
 * malformed findings, codeAt answers that do not cover the asked offset, fixes whose edits fall
 * outside the text, and inputs that take too long.
 */
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { codeAt, scanCodes } from '../../src/core/detect';
import { fixesFor, scanTitles } from '../../src/core/lint';
import type { Finding, LanguageFamily } from '../../src/core/types';
import type { Rng } from './prng';
import { FAMILIES } from './shapes';

/** Per-input CPU-time budget for all families together (ms). */
export const INPUT_BUDGET_MS = 50;

/** Problems with one finding list ([] when every finding is well-formed and they are sorted). */
export function findingProblems(text: string, findings: readonly Finding[], where: string): string[] {
  const out: string[] = [];
  if (!Array.isArray(findings as unknown)) return [`${where}: result is not an array`];
  let prev = -1;
  findings.forEach((f, i) => {
    const tag = `${where}[${i}]`;
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.start >= f.end || f.end > text.length) {
      out.push(`${tag}: bad range ${f.start}..${f.end} (length ${text.length})`);
    }
    if (f.start < prev) out.push(`${tag}: not sorted (${f.start} after ${prev})`);
    prev = f.start;
    if (f.kind === 'error-code') {
      if (!Number.isSafeInteger(f.code) || (f.code as number) < 0) out.push(`${tag}: code ${String(f.code)} is not a non-negative integer`);
    } else if (f.kind === 'title-match') {
      if (!f.codes || f.codes.length === 0 || !f.codes.every((c) => Number.isSafeInteger(c))) out.push(`${tag}: codes ${JSON.stringify(f.codes)} malformed`);
    } else {
      out.push(`${tag}: unknown kind ${String((f as Finding).kind)}`);
    }
  });
  return out;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Runs one entry point, turning an exception into a problem. */
function guarded<T>(problems: string[], where: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    problems.push(`${where}: threw ${errorText(e)}`);
    return undefined;
  }
}

function checkFamily(text: string, family: LanguageFamily, r: Rng, problems: string[]): void {
  const catalog = builtinCatalog();
  const codes = guarded(problems, `scanCodes(${family})`, () => scanCodes(text, family, catalog));
  if (codes) problems.push(...findingProblems(text, codes, `scanCodes(${family})`));

  // Hover: random offsets, plus the first character of every finding.
  const offsets = [r.int(0, text.length), r.int(0, text.length), ...(codes ?? []).slice(0, 3).map((f) => f.start)];
  for (const offset of offsets) {
    const f = guarded(problems, `codeAt(${family}, ${offset})`, () => codeAt(text, offset, family, catalog));
    if (!f) continue;
    problems.push(...findingProblems(text, [f], `codeAt(${family}, ${offset})`));
    if (offset < f.start || offset > f.end) problems.push(`codeAt(${family}, ${offset}): answer ${f.start}..${f.end} does not cover the offset`);
  }

  const titles = guarded(problems, `scanTitles(${family})`, () => scanTitles(text, family, catalog));
  if (!titles) return;
  problems.push(...findingProblems(text, titles, `scanTitles(${family})`));
  for (const t of titles) {
    const fixes = guarded(problems, `fixesFor(${family}, ${t.start})`, () => fixesFor(text, t, family, catalog)) ?? [];
    for (const fix of fixes) {
      for (const e of fix.edits) {
        if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length) || typeof e.newText !== 'string') {
          problems.push(`fixesFor(${family}, ${t.start}) "${fix.title}": edit ${e.start}..${e.end} outside the text`);
        }
      }
    }
  }
}

/**
 * Every problem the core has with `text`, across all families, with the CPU time spent (ms). CPU
 * time, not wall time: on a shared CI box the wall clock also counts the time other processes held
 * the core, which says nothing about our code.
 */
export function checkInput(text: string, r: Rng): { problems: string[]; ms: number } {
  const problems: string[] = [];
  const before = process.cpuUsage();
  for (const family of FAMILIES) checkFamily(text, family, r, problems);
  const used = process.cpuUsage(before);
  return { problems, ms: (used.user + used.system) / 1000 };
}

/**
 * `checkInput` plus the time budget. A slow run is re-timed up to twice and the fastest counts, so a
 * GC pause or a busy shared core does not fail the run; a real slow path stays slow every time.
 */
export function checkWithBudget(text: string, r: Rng, budgetMs = INPUT_BUDGET_MS): { problems: string[]; ms: number } {
  const first = checkInput(text, r);
  if (first.ms <= budgetMs || first.problems.length > 0) return first;
  const times = [first.ms];
  let best = first;
  while (best.ms > budgetMs && times.length < 3) {
    const again = checkInput(text, r);
    times.push(again.ms);
    if (again.ms < best.ms || again.problems.length > 0) best = again;
  }
  if (best.ms > budgetMs) best.problems.push(`slow: ${times.map((t) => t.toFixed(1)).join(', ')} ms for ${text.length} chars (budget ${budgetMs} ms)`);
  return best;
}

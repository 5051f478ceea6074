/** Timing and memory helpers for the bench. */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export const MiB = 1024 * 1024;

/** Milliseconds one call of `fn` takes. */
export function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The best of `runs` timings (ms): the least disturbed by GC and by other processes. */
export function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeOnce(fn));
  return best;
}

/** The `p`-th percentile (0..100) of a sample, nearest-rank. */
export function percentile(sample: readonly number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

/** MiB per second for `chars` characters scanned in `ms` (the generated texts are ASCII: chars = bytes). */
export function mbps(chars: number, ms: number): number {
  return chars / MiB / (ms / 1000);
}

let gcFn: (() => void) | undefined;

/**
 * A full garbage collection, so heap deltas measure what is retained. `--expose-gc` is switched on
 * at run time because `npm run bench` starts node without flags.
 */
export function collect(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

/** Bytes on the JS heap plus ArrayBuffer backing stores (where large typed arrays live). */
export function retainedBytes(): { heap: number; buffers: number } {
  collect();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

/** The text cut at the last line break before `chars` characters. */
export function prefixLines(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf('\n', chars);
  return text.slice(0, cut < 0 ? chars : cut + 1);
}

/** Line-aligned slices of at most `max` characters (a single longer line is cut at `max`). */
export function lineSlices(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= start) end = nl + 1;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

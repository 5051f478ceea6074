/**
 * The bench's inputs, generated from a fixed seed: the same bytes on every machine and every run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageFamily } from '../../src/core/types';
import { Rng } from '../fuzz/prng';
import { EXTENSION, FAMILIES, ndjsonText, sourceText } from '../fuzz/shapes';
import { MiB, prefixLines } from './measure';

export const SEED = 20260514;

/** Languages of the mixed source corpus (the code families; logs are measured separately). */
const CODE_FAMILIES = FAMILIES.filter((f) => f !== 'json' && f !== 'text');

/** A 50 MiB NDJSON log where about a quarter of the lines carry a Graph error or a failed webhook. */
export function bigLog(): string {
  return ndjsonText(new Rng(SEED), 50 * MiB, 0.25);
}

/** About 10 MiB of source split evenly over the code families. */
export function sourceCorpus(): { family: LanguageFamily; text: string }[] {
  const r = new Rng(SEED + 1);
  const each = Math.ceil((10 * MiB) / CODE_FAMILIES.length);
  return CODE_FAMILIES.map((family) => ({ family, text: sourceText(r, family, each) }));
}

/** A 200 KiB TypeScript file, the size of a large hand-written module. */
export function mediumSource(): string {
  return sourceText(new Rng(SEED + 2), 'javascript', 200 * 1024);
}

/**
 * Writes a workspace of `files` files totalling about `totalBytes` under `dir`, in folders of 100
 * files, every family represented. Bodies come from a pool so generation stays fast; sizes vary from
 * a quarter to 1.75 times the average, as real repositories do.
 */
export function writeWorkspace(dir: string, files: number, totalBytes: number): { files: number; bytes: number } {
  const r = new Rng(SEED + 3);
  const average = totalBytes / files;
  const drawn = FAMILIES.flatMap((family) =>
    Array.from({ length: 12 }, () => {
      const size = Math.round(average * (0.25 + r.next() * 1.5));
      const text = family === 'json' || family === 'text' ? ndjsonText(r, size, 0.25) : sourceText(r, family, size);
      return { family, text };
    }),
  );
  // A small pool drifts from its expected mean: trim every body by the same factor to hit the total.
  const drawnAverage = drawn.reduce((n, b) => n + b.text.length, 0) / drawn.length;
  const keep = Math.min(1, average / drawnAverage);
  const pool = drawn.map((b) => ({ family: b.family, text: prefixLines(b.text, Math.round(b.text.length * keep)) }));
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `pkg${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const body = pool[i % pool.length] as { family: LanguageFamily; text: string };
    fs.writeFileSync(path.join(folder, `file${i}.${EXTENSION[body.family]}`), body.text);
    bytes += body.text.length;
  }
  return { files, bytes };
}

/** Every file below `dir` (the workspace is two levels deep, so a plain walk is enough). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

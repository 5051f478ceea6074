import { availableParallelism } from 'node:os';
import type { Catalog } from '../core/catalog/catalog';
import { forEachSortedFinding, LineCursor, reportStream, type TextOrigin, type ToolInfo } from '../core/report';
import type { Finding, LanguageFamily } from '../core/types';
import type { Command } from './args';
import { detectAll, DetectPool, type Detect } from './detectPool';
import { lineGroupBounds } from './lineGroups';
import type { Output } from './output';
import { decodeWhole, readText, readWhole } from './readText';
import { collectTargets, type ScanTarget } from './walk';

export type { Detect } from './detectPool';

type ScanCommand = Extract<Command, { name: 'scan' }>;

/** What a scan needs from its surroundings (the process, in main.ts; a fake in tests). */
export interface ScanContext {
  readonly cwd: string;
  readonly catalog: Catalog;
  readonly tool: ToolInfo;
  readonly out: Output;
  readonly warn: (message: string) => void;
  /** The detectors; tests substitute their own to exercise reporting and exit codes. */
  readonly detect?: Detect;
  /**
   * The CLI's own script, which runs the detectors when started as a worker (see main.ts). Without
   * it, or with `detect`, or on one core, every text is scanned on the main thread.
   */
  readonly workerScript?: string;
}

/**
 * perf: detector threads start once this much text has been read and more files follow. A thread
 * starts cold (about 100 ms of loading and JIT warm-up each), which only many files repay: a lone
 * 50 MB log scans faster on the main thread on a 2-core machine (0.69 s vs 0.94 s with 2 threads),
 * while 10,000 files / 200 MB take half the time with them (4.4 s vs 8 s).
 */
const POOL_AFTER_CHARS = 4 * 1024 * 1024;
/** Text read ahead of the file being printed: bounds memory while the threads work. */
const AHEAD_CHARS = 16 * 1024 * 1024;
const AHEAD_FILES = 256;
/** Findings formatted into one string before it is handed to the output. */
const PRINT_BATCH = 512;

/** One file on its way through the scan: read, its groups sent to the detectors, then printed. */
interface Pending {
  readonly target: ScanTarget;
  /** Text files: the whole text and its groups' findings; undefined for binary files. */
  readonly text?: string;
  readonly groups: readonly { readonly start: number; readonly found: Promise<Finding[]> }[];
  /** A file too big to hold whole, or a pipe: streamed and scanned when its turn comes. */
  readonly stream?: boolean;
  /** Why the file could not be read. */
  readonly error?: unknown;
}

/** Thrown inside `finish` for a binary file: counted as no file, and named only when explicit. */
class BinaryFile extends Error {}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? (err.message || String(e));
}

/** The detectors' answer as a promise: a failure is reported when the file's turn comes. */
function settled(run: () => Finding[]): Promise<Finding[]> {
  try {
    return Promise.resolve(run());
  } catch (e) {
    const failed = Promise.reject(e);
    failed.catch(() => undefined);
    return failed;
  }
}

/** `not scanned: 3 .rs files, 1 .swift file (languages wa-errors does not read)`. */
export function unreadNote(unread: ReadonlyMap<string, number>): string {
  const list = [...unread].map(([ext, n]) => `${n} ${ext} file${n === 1 ? '' : 's'}`).join(', ');
  return `not scanned: ${list} (languages wa-errors does not read; name a file to read it as plain text)`;
}

/**
 * Runs `wa-errors scan`: streams the report to `out` file by file, in report order. Returns the
 * exit code: 1 when `--fail-on` matched, else 0. Throws MissingPathError for a missing PATH.
 *
 * perf: files are read and their texts handed to the detectors ahead of printing (in detector
 * threads when there are several cores), and printed strictly in target order, so the report is
 * the same whatever finishes first.
 */
export async function runScan(cmd: ScanCommand, ctx: ScanContext): Promise<number> {
  const { targets, unread } = await collectTargets(cmd.paths, ctx.cwd, ctx.warn);
  const report = reportStream(cmd.format, ctx.catalog, ctx.tool);
  const counts = { files: 0, errorCodes: 0, titleMatches: 0 };
  const detect = ctx.detect ?? detectAll;
  const threads = ctx.detect || !ctx.workerScript ? 0 : Math.min(availableParallelism(), 4);
  let pool: DetectPool | undefined;
  let charsRead = 0;
  let written = 0;
  const failed = (): boolean => (cmd.failOn === 'any' ? written > 0 : cmd.failOn === 'title-match' && counts.titleMatches > 0);
  // Once nobody reads the report, go on only as long as the exit code could still change.
  const pointless = (): boolean => ctx.out.closed && (cmd.failOn === undefined || failed());

  const findingsOf = (text: string, family: LanguageFamily): Promise<Finding[]> => {
    const threaded = pool?.detect(text, family);
    // Awaited in report order, maybe never (output closed): a failure must not count as unhandled.
    threaded?.catch(() => undefined);
    return threaded ?? settled(() => detect(text, family, ctx.catalog));
  };

  /**
   * Prints the findings of `text` (offsets shifted by `shift`, placed with `cursor`). perf: findings
   * are formatted in batches joined into one string each, so the many small strings of a finding die
   * young; a write per finding would cost more than the finding itself.
   */
  const print = async (found: readonly Finding[], text: string, file: string, origin: TextOrigin | undefined, shift: number, cursor: LineCursor): Promise<void> => {
    const chunks: string[] = [];
    let batch: string[] = [];
    forEachSortedFinding(found, text, file, ctx.catalog, origin ?? { line: 0, column: 0 }, shift, cursor, (f) => {
      if (f.kind === 'title-match') counts.titleMatches++;
      else counts.errorCodes++;
      batch.push(report.finding(f, written++));
      if (batch.length === PRINT_BATCH) {
        chunks.push(batch.join(''));
        batch = [];
      }
    });
    if (batch.length > 0) chunks.push(batch.join(''));
    for (const chunk of chunks) await ctx.out.write(chunk);
  };

  const prepare = (target: ScanTarget, moreFollow: boolean): Pending => {
    try {
      const bytes = readWhole(target.absPath);
      if (bytes === 'stream') return { target, groups: [], stream: true };
      const text = decodeWhole(bytes);
      if (text === undefined) return { target, groups: [] };
      charsRead += text.length;
      if (!pool && threads > 1 && ctx.workerScript && moreFollow && charsRead > POOL_AFTER_CHARS) pool = new DetectPool(ctx.workerScript, threads);
      // Groups bound what the detectors see at once, cut exactly as the streaming reader cuts them.
      const groups = lineGroupBounds(text).map(([start, end]) => ({ start, found: findingsOf(start === 0 && end === text.length ? text : text.slice(start, end), target.family) }));
      return { target, text, groups };
    } catch (error) {
      return { target, groups: [], error };
    }
  };

  const finish = async (p: Pending): Promise<void> => {
    const t = p.target;
    try {
      if (p.error !== undefined) throw p.error;
      if (p.stream) {
        const kind = await readText(t.absPath, async ({ text, origin }) => {
          const found = detect(text, t.family, ctx.catalog);
          if (found.length) await print(found, text, t.file, origin, 0, new LineCursor(text));
        });
        if (kind === 'binary') throw new BinaryFile();
      } else if (p.text === undefined) throw new BinaryFile();
      else {
        // One cursor over the whole text places the findings of every group.
        const cursor = new LineCursor(p.text);
        for (const g of p.groups) {
          const found = await g.found;
          if (found.length) await print(found, p.text, t.file, undefined, g.start, cursor);
        }
      }
      counts.files++;
    } catch (e) {
      if (e instanceof BinaryFile) {
        if (t.explicit) ctx.warn(`skipped binary file ${t.file}`);
      } else {
        // An unreadable file, or a detector that failed on hostile input: say so and scan the rest.
        ctx.warn(`cannot scan ${t.file} (${errorText(e)})`);
      }
    }
  };

  await ctx.out.write(report.begin());
  try {
    const queue: Pending[] = [];
    let queuedChars = 0;
    const finishNext = async (): Promise<boolean> => {
      const p = queue.shift() as Pending;
      queuedChars -= p.text?.length ?? 0;
      if (pointless()) return false;
      await finish(p);
      return true;
    };
    let going = true;
    for (let i = 0; i < targets.length && going; i++) {
      // A file to stream waits until every earlier one is printed, then is scanned on its own.
      const p = prepare(targets[i] as ScanTarget, i < targets.length - 1);
      queue.push(p);
      queuedChars += p.text?.length ?? 0;
      while (going && queue.length && (p.stream || queuedChars > AHEAD_CHARS || queue.length > AHEAD_FILES)) going = await finishNext();
    }
    while (going && queue.length) going = await finishNext();
  } finally {
    await pool?.close();
  }

  await ctx.out.write(report.end(counts));
  await ctx.out.flush();
  if (unread.size > 0) ctx.warn(unreadNote(unread));
  return failed() ? 1 : 0;
}

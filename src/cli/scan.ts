import type { Catalog } from '../core/catalog/catalog';
import { scanCodes } from '../core/detect';
import { scanTitles } from '../core/lint';
import { compareFindings, reportFindings, reportStream, type ReportedFinding, type ToolInfo } from '../core/report';
import type { Finding, LanguageFamily } from '../core/types';
import type { Command } from './args';
import type { Output } from './output';
import { readText } from './readText';
import { collectTargets, type ScanTarget } from './walk';

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
}

export type Detect = (text: string, family: LanguageFamily, catalog: Catalog) => Finding[];

const detectAll: Detect = (text, family, catalog) => [...scanCodes(text, family, catalog), ...scanTitles(text, family, catalog)];

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? (err.message || String(e));
}

/** Findings of one file, group by group, each group already in report order. */
async function scanTarget(t: ScanTarget, catalog: Catalog, detect: Detect, onFindings: (found: ReportedFinding[]) => Promise<void>): Promise<'text' | 'binary'> {
  return readText(t.absPath, async ({ text, origin, index }) => {
    const found = detect(text, t.family, catalog);
    if (found.length) await onFindings(reportFindings(found, text, t.file, catalog, origin, index).sort(compareFindings));
  });
}

/**
 * Runs `wa-errors scan`: streams the report to `out` file by file, in report order. Returns the
 * exit code: 1 when `--fail-on` matched, else 0. Throws MissingPathError for a missing PATH.
 */
export async function runScan(cmd: ScanCommand, ctx: ScanContext): Promise<number> {
  const targets = await collectTargets(cmd.paths, ctx.cwd, ctx.warn);
  const report = reportStream(cmd.format, ctx.catalog, ctx.tool);
  const counts = { files: 0, errorCodes: 0, titleMatches: 0 };
  let written = 0;
  const failed = (): boolean => (cmd.failOn === 'any' ? written > 0 : cmd.failOn === 'title-match' && counts.titleMatches > 0);
  await ctx.out.write(report.begin());

  for (const t of targets) {
    // Once nobody reads the report, go on only as long as the exit code could still change.
    if (ctx.out.closed && (cmd.failOn === undefined || failed())) break;
    try {
      const kind = await scanTarget(t, ctx.catalog, ctx.detect ?? detectAll, async (found) => {
        for (const f of found) {
          if (f.kind === 'title-match') counts.titleMatches++;
          else counts.errorCodes++;
          await ctx.out.write(report.finding(f, written++));
        }
      });
      if (kind === 'text') counts.files++;
      else if (t.explicit) ctx.warn(`skipped binary file ${t.file}`);
    } catch (e) {
      // An unreadable file, or a detector that failed on hostile input: say so and scan the rest.
      ctx.warn(`cannot scan ${t.file} (${errorText(e)})`);
    }
  }

  await ctx.out.write(report.end(counts));
  await ctx.out.flush();
  return failed() ? 1 : 0;
}

/**
 * `npm run bench`: generates its inputs (fixed seed) and measures the core, the CLI and the bundles
 * against the targets in /work/shared/engineering/perf.md. It reports; it is not a gate: it exits 0
 * even when a target is missed. MB means MiB throughout; the generated texts are ASCII.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { codeAt, familyFor, mergeChange, rescanCodes, scanCodes, scanCodesState } from '../../src/core/detect';
import { rescanTitles, scanTitles, scanTitlesState, type TitleScanState } from '../../src/core/lint';
import { LineIndex } from '../../src/core/report/lineIndex';
import type { Finding } from '../../src/core/types';
import { Rng } from '../fuzz/prng';
import { bigLog, listFiles, mediumSource, SEED, sourceCorpus, writeWorkspace } from './inputs';
import { bestOf, MiB, mbps, percentile, prefixLines, lineSlices, retainedBytes, timeOnce } from './measure';
import { measureActivation } from './activation';
import { naiveCodes } from './naive';
import { Report } from './report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const catalog = builtinCatalog();
const report = new Report();
/** Sections named on the command line; all when none. */
const ONLY = process.argv.slice(2);

/** Wall-clock ms of a child process, stdout sent to a file; null status when it could not run. */
function run(cmd: string, args: readonly string[], outFile: string, timeoutMs = 120_000): { ms: number; status: number | null; stderr: string } {
  const out = fs.openSync(outFile, 'w');
  try {
    const t0 = performance.now();
    const res = spawnSync(cmd, args, { stdio: ['ignore', out, 'pipe'], timeout: timeoutMs, encoding: 'utf8' });
    return { ms: performance.now() - t0, status: res.status, stderr: res.stderr ?? '' };
  } finally {
    fs.closeSync(out);
  }
}

/**
 * Passes timed for a throughput figure, after one cold pass; the best is reported. On this shared
 * 2-core VM the same pass varies by up to ±25% from run to run; the fastest is the least disturbed.
 */
const PASSES = 5;

function ndjsonScan(log: string): void {
  report.section(`NDJSON log (${(log.length / MiB).toFixed(1)} MB, ~1/4 error lines)`);
  let found: Finding[] = [];
  // The first pass runs while V8 is still compiling the detector; the editor scans every version of
  // a document, so the steady state is what users meet. Both are shown.
  const coldMs = timeOnce(() => {
    found = scanCodes(log, 'json', catalog);
  });
  report.add({ id: 'ndjson.core.cold', label: 'core scanCodes(json), first pass (cold JIT)', value: mbps(log.length, coldMs), unit: 'MB/s', note: `${coldMs.toFixed(0)} ms` });
  const ms = bestOf(PASSES, () => {
    found = scanCodes(log, 'json', catalog);
  });
  report.add({ id: 'ndjson.core', label: `core scanCodes(json), in memory, best of ${PASSES} passes`, value: mbps(log.length, ms), unit: 'MB/s', target: { op: '>=', limit: 300 }, note: `${ms.toFixed(0)} ms, ${found.length} findings` });
  let naive = 0;
  const naiveMs = timeOnce(() => {
    naive = naiveCodes(log);
  });
  report.add({ id: 'ndjson.naive', label: 'naive baseline: JSON.parse every line + tree walk', value: mbps(log.length, naiveMs), unit: 'MB/s', note: `${naiveMs.toFixed(0)} ms, ${naive} codes` });
}

/** The faster of two runs of a command (the first one also warms the page cache). */
function bestRun(cmd: string, args: readonly string[], outFile: string): { ms: number; status: number | null; stderr: string } {
  const first = run(cmd, args, outFile);
  if (first.status !== 0 && first.status !== 1) return first;
  const second = run(cmd, args, outFile);
  return second.ms < first.ms ? second : first;
}

function cliVersusGrep(logFile: string, size: number, tmp: string): void {
  report.section('CLI on the 50 MB log vs grep (best of 2 each)');
  const grep = bestRun('grep', ['-cE', '"(code|error_subcode)": ?[0-9]+', logFile], path.join(tmp, 'grep.out'));
  const count = fs.readFileSync(path.join(tmp, 'grep.out'), 'utf8').trim();
  report.add({ id: 'cli.grep', label: "grep -cE '\"(code|error_subcode)\": ?[0-9]+'", value: grep.ms, unit: 'ms', note: `${mbps(size, grep.ms).toFixed(0)} MB/s, ${count} lines` });
  const cli = bestRun(process.execPath, [CLI, 'scan', '--format', 'json', logFile], path.join(tmp, 'cli.out'));
  const ok = cli.status === 0 || cli.status === 1;
  const firstErr = cli.stderr.trim().split('\n')[0] ?? '';
  report.add({ id: 'cli.scan', label: 'node dist/cli.js scan --format json', value: ok ? cli.ms : null, unit: 'ms', note: ok ? `${mbps(size, cli.ms).toFixed(0)} MB/s, ${fs.statSync(path.join(tmp, 'cli.out')).size} B of JSON` : `exit ${cli.status}: ${firstErr.slice(0, 120)}` });
  report.add({ id: 'cli.ratio', label: 'CLI time / grep time', value: ok ? cli.ms / grep.ms : null, unit: 'x', target: { op: '<=', limit: 3 } });
  // The floor under any Node CLI on this machine: starting node, and reading the file into a string.
  const start = bestRun(process.execPath, ['-e', ''], path.join(tmp, 'node.out'));
  report.add({ id: 'cli.floor.start', label: 'floor: node -e "" (process start)', value: start.ms, unit: 'ms', note: `${(start.ms / grep.ms).toFixed(2)} x grep` });
  const read = bestRun(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(logFile)}, 'latin1')`], path.join(tmp, 'read.out'));
  report.add({ id: 'cli.floor.read', label: 'floor: node start + read the log into a string', value: read.ms, unit: 'ms', note: `${(read.ms / grep.ms).toFixed(2)} x grep` });
}

/** Scans line-aligned slices of at most `max` chars with a setImmediate yield between them. */
async function chunkedScan(log: string, max: number): Promise<{ delayMs: number; longestMs: number; slices: number }> {
  const slices = lineSlices(log, max);
  const token = { isCancellationRequested: false };
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let longest = 0;
  for (const slice of slices) {
    if (token.isCancellationRequested) break;
    longest = Math.max(longest, timeOnce(() => scanCodes(slice, 'json', catalog, { token })));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  h.disable();
  return { delayMs: h.max / 1e6, longestMs: longest, slices: slices.length };
}

/**
 * The core has no asynchronous scan, so the caller's chunking is measured: line-aligned slices,
 * a setImmediate yield between them, the event-loop delay sampled throughout. 2 MB is the planned
 * slice; 512 KB shows what a slower detector would need.
 */
async function eventLoop(log: string): Promise<void> {
  report.section('Event loop during a chunked, cancellable scan of the 50 MB log');
  for (const [size, label] of [[2 * MiB, '2 MB'], [MiB / 2, '512 KB']] as const) {
    // Best of two passes: the delay is wall-clock, and a busy machine adds its own stalls.
    const first = await chunkedScan(log, size);
    const second = await chunkedScan(log, size);
    const r = second.delayMs < first.delayMs ? second : first;
    report.add({ id: `eventloop.max.${label.replace(' ', '')}`, label: `max event-loop delay, ${label} slices`, value: r.delayMs, unit: 'ms', target: { op: '<=', limit: 50 }, note: `${r.slices} slices; longest slice scan ${r.longestMs.toFixed(0)} ms` });
  }
}

function sourceScan(): void {
  const corpus = sourceCorpus();
  const size = corpus.reduce((n, c) => n + c.text.length, 0);
  report.section(`Source files (${(size / MiB).toFixed(1)} MB over ${corpus.length} languages)`);
  let hits = 0;
  const scanAll = (): void => {
    hits = 0;
    for (const c of corpus) hits += scanCodes(c.text, c.family, catalog).length;
  };
  const coldMs = timeOnce(scanAll);
  report.add({ id: 'source.codes.cold', label: 'core scanCodes, every code family, first pass (cold JIT)', value: mbps(size, coldMs), unit: 'MB/s' });
  const ms = bestOf(PASSES, scanAll);
  report.add({ id: 'source.codes', label: `core scanCodes, every code family, best of ${PASSES} passes`, value: mbps(size, ms), unit: 'MB/s', target: { op: '>=', limit: 500 }, note: `${hits} findings` });
  let titles = 0;
  const tms = bestOf(PASSES, () => {
    titles = 0;
    for (const c of corpus) titles += scanTitles(c.text, c.family, catalog).length;
  });
  report.add({ id: 'source.titles', label: 'core scanTitles, every code family', value: mbps(size, tms), unit: 'MB/s', note: `${titles} findings` });
}

/**
 * The text as VS Code hands it over: `getText()` joins the document's lines into one flat string.
 * An edit made by concatenation here is a rope that the first search would flatten, a cost of the
 * bench's own editing, not of the scan.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Whether [start, end, code] triples hold exactly these findings. */
function sameHits(hits: Int32Array, findings: readonly Finding[]): boolean {
  if (hits.length !== findings.length * 3) return false;
  return findings.every((f, i) => hits[3 * i] === f.start && hits[3 * i + 1] === f.end && hits[3 * i + 2] === f.code);
}

/** The bench's 220 edits of the 200 KB file, one version at a time (the same ones on every call). */
function* editedVersions(): Generator<{ text: string; at: number }> {
  const r = new Rng(SEED + 10);
  let text = mediumSource();
  for (let i = 0; i < 220; i++) {
    const at = r.int(0, text.length);
    text = flat(text.slice(0, at) + r.pick(['x', ' ', '1', '\n', '"']) + text.slice(at));
    yield { text, at };
  }
}

/** Whether two lists of title findings are the same. */
function sameTitles(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f.start === b[i]?.start && f.end === b[i]?.end && f.codes?.join() === b[i]?.codes?.join());
}

function editRescan(): void {
  report.section('Re-scan of a 200 KB file after an edit (200 edits)');
  // What the editor does after an edit: CodeLens and the title lint re-scan around it from their
  // last scan (rescanCodes, rescanTitles), the way the extension tracks a document's edits.
  let codeState = scanCodesState(mediumSource(), 'javascript', catalog);
  let titleState = scanTitlesState(mediumSource(), 'javascript', catalog) as TitleScanState;
  const codeTimes: number[] = [];
  const titleTimes: number[] = [];
  const codeHits: Int32Array[] = [];
  const titleHits: (readonly Finding[])[] = [];
  let i = 0;
  for (const { text, at } of editedVersions()) {
    const change = mergeChange(undefined, at, 0, 1);
    const c = timeOnce(() => {
      codeState = rescanCodes(codeState, text, change);
    });
    const t = timeOnce(() => {
      titleState = rescanTitles(titleState, text, change) as TitleScanState;
    });
    codeHits.push(codeState.hits);
    titleHits.push(titleState.findings);
    // the first 20 warm the JIT, as the first edits after opening a file would
    if (i++ >= 20) {
      codeTimes.push(c);
      titleTimes.push(t);
    }
  }
  // For comparison, full scans of each version, also checking that the re-scans agree with them.
  const fullCodes: number[] = [];
  const fullTitles: number[] = [];
  let mismatches = 0;
  i = 0;
  for (const { text } of editedVersions()) {
    let codes: Finding[] = [];
    let titles: Finding[] = [];
    const c = timeOnce(() => {
      codes = scanCodes(text, 'javascript', catalog);
    });
    const t = timeOnce(() => {
      titles = scanTitles(text, 'javascript', catalog);
    });
    if (!sameHits(codeHits[i] as Int32Array, codes) || !sameTitles(titleHits[i] as Finding[], titles)) mismatches++;
    if (i++ >= 20) {
      fullCodes.push(c);
      fullTitles.push(t);
    }
  }
  const agree = `${mismatches} of ${codeHits.length} versions differ from full scans`;
  report.add({ id: 'edit.codes.p95', label: 'error codes: rescanCodes after the edit, p95', value: percentile(codeTimes, 95), unit: 'ms', target: { op: '<=', limit: 2 }, note: `p50 ${percentile(codeTimes, 50).toFixed(2)} ms; ${agree}` });
  report.add({ id: 'edit.titles.p95', label: 'title lint: rescanTitles after the edit, p95', value: percentile(titleTimes, 95), unit: 'ms', target: { op: '<=', limit: 2 }, note: `p50 ${percentile(titleTimes, 50).toFixed(2)} ms` });
  report.add({ id: 'edit.codes.full.p95', label: 'error codes: full scanCodes of the file, p95', value: percentile(fullCodes, 95), unit: 'ms', note: `p50 ${percentile(fullCodes, 50).toFixed(2)} ms` });
  report.add({ id: 'edit.titles.full.p95', label: 'title lint: full scanTitles of the file, p95', value: percentile(fullTitles, 95), unit: 'ms', note: `p50 ${percentile(fullTitles, 50).toFixed(2)} ms` });
}

/** Hover: `codeAt` on one line of a 49 MB document, as the provider passes only `lineAt(n).text`. */
function hover(log: string): void {
  const doc = prefixLines(log, 49 * MiB);
  const lines = doc.split('\n');
  report.section(`Hover: codeAt on one line of a ${(doc.length / MiB).toFixed(1)} MB document (${lines.length} lines)`);
  const r = new Rng(SEED + 20);
  const where = /"(?:code|errorCode|error_subcode)": ?"?(\d+)|\(#(\d+)\)/;
  const targets: { line: string; offset: number }[] = [];
  while (targets.length < 220) {
    const line = lines[r.int(0, lines.length - 1)] ?? '';
    const m = where.exec(line);
    if (!m) continue;
    const digits = m[1] ?? m[2] ?? '';
    targets.push({ line, offset: m.index + m[0].lastIndexOf(digits) + r.int(0, digits.length) });
  }
  const times: number[] = [];
  let hits = 0;
  targets.forEach((t, i) => {
    let f: Finding | undefined;
    const ms = timeOnce(() => {
      f = codeAt(t.line, t.offset, 'json', catalog);
    });
    if (i >= 20) times.push(ms);
    if (f) hits++;
  });
  report.add({ id: 'hover.p95', label: 'codeAt p95 over 200 random error lines', value: percentile(times, 95), unit: 'ms', target: { op: '<=', limit: 2 }, note: `${hits}/${targets.length} answered` });
}

/**
 * CodeLens proxy: the provider cannot run outside VS Code, so its work is emulated in pure code:
 * from the per-version cache (findings + line index, computed once), one lens per line, capped.
 */
function codeLens(log: string): void {
  const doc = prefixLines(log, 19 * MiB);
  const findings = scanCodes(doc, 'json', catalog);
  const index = new LineIndex(doc);
  report.section(`CodeLens proxy: <= 500 lenses from cached findings of a ${(doc.length / MiB).toFixed(1)} MB log (${findings.length} findings)`);
  const CAP = 500;
  const times: number[] = [];
  let built = 0;
  for (let i = 0; i < 220; i++) {
    const ms = timeOnce(() => {
      const lenses: { line: number; character: number; length: number; title: string }[] = [];
      let lastLine = -1;
      for (const f of findings) {
        if (lenses.length >= CAP) break;
        if (f.code === undefined) continue;
        const pos = index.positionAt(f.start);
        if (pos.line === lastLine) continue;
        lastLine = pos.line;
        lenses.push({ line: pos.line, character: pos.character, length: f.end - f.start, title: `${f.code} ${catalog.get(f.code)?.title ?? 'unknown code'}` });
      }
      built = lenses.length;
    });
    if (i >= 20) times.push(ms);
  }
  report.add({ id: 'codelens.p95', label: 'lens building p95 (pure-code emulation)', value: percentile(times, 95), unit: 'ms', target: { op: '<=', limit: 5 }, note: `${built} lenses` });
}

async function workspace(tmp: string): Promise<void> {
  const dir = path.join(tmp, 'workspace');
  const t0 = performance.now();
  const { files, bytes } = writeWorkspace(dir, 10_000, 200 * MiB);
  report.section(`Workspace: ${files} files, ${(bytes / MiB).toFixed(0)} MB (written in ${((performance.now() - t0) / 1000).toFixed(1)} s; page cache warm)`);
  const names = listFiles(dir);
  const CONCURRENCY = 16;
  let next = 0;
  let hits = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const file = names[next++] as string;
      const family = familyFor(undefined, file);
      if (!family) continue;
      const text = await fs.promises.readFile(file, 'utf8');
      hits += scanCodes(text, family, catalog).length + scanTitles(text, family, catalog).length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - start;
  report.add({ id: 'workspace.core', label: `core + fs loop (${CONCURRENCY} reads in flight, codes + titles)`, value: ms / 1000, unit: 's', target: { op: '<=', limit: 5 }, note: `${mbps(bytes, ms).toFixed(0)} MB/s, ${hits} findings` });
  const cli = run(process.execPath, [CLI, 'scan', '--format', 'json', dir], path.join(tmp, 'cli-ws.out'), 180_000);
  const ok = cli.status === 0 || cli.status === 1;
  report.add({ id: 'workspace.cli', label: 'node dist/cli.js scan --format json <workspace>', value: ok ? cli.ms / 1000 : null, unit: 's', target: { op: '<=', limit: 5 }, note: ok ? undefined : `exit ${cli.status}: ${(cli.stderr.trim().split('\n')[0] ?? '').slice(0, 120)}` });
  fs.rmSync(dir, { recursive: true, force: true });
}

function activation(): void {
  report.section('Activation: activate() of dist/extension.js with a stand-in vscode module');
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    report.add({ id: 'activate.p95', label: 'activate()', value: null, unit: 'ms', target: { op: '<=', limit: 5 }, note: 'not built' });
    return;
  }
  const t = measureActivation(bundle, 50);
  report.add({ id: 'activate.load', label: 'load and evaluate the bundle (once)', value: t.loadMs, unit: 'ms' });
  report.add({ id: 'activate.first', label: 'first activate()', value: t.activateMs[0] ?? null, unit: 'ms', target: { op: '<=', limit: 5 } });
  report.add({ id: 'activate.p95', label: 'activate(), p95 of 50 calls', value: percentile(t.activateMs, 95), unit: 'ms', target: { op: '<=', limit: 5 } });
}

/**
 * Hover and CodeLens inside VS Code (code-server): test/bench/exthost runs in the extension host and
 * prints `bench: <id> <value> (<note>)` lines. Round trips include the workbench's IPC, so the same
 * calls on a 3-line log are shown beside them; the `direct` figures time our providers alone.
 */
function extensionHost(tmp: string): void {
  report.section('Inside VS Code (code-server extension host): hover on a 49 MB log, CodeLens on a 19 MB log');
  const out = path.join(tmp, 'exthost.out');
  const env = { ...process.env, WA_ERRORS_EXT_TESTS: path.join('out', 'test', 'bench', 'exthost', 'index.js') };
  const fd = fs.openSync(out, 'w');
  const res = spawnSync(process.execPath, [path.join(ROOT, 'test', 'harness', 'run-ext-tests.js')], { cwd: ROOT, env, stdio: ['ignore', fd, fd], timeout: 600_000 });
  fs.closeSync(fd);
  const figures = new Map<string, { value: number; note: string }>();
  for (const m of fs.readFileSync(out, 'utf8').matchAll(/^bench: (\S+) ([\d.]+) \((.*)\)$/gm)) figures.set(m[1] ?? '', { value: Number(m[2]), note: m[3] ?? '' });
  const add = (id: string, label: string, unit: string, target?: { op: '<=' | '>='; limit: number }) => {
    const f = figures.get(id);
    report.add({ id, label, value: f ? f.value : null, unit, target, note: f ? f.note : `no figure (exit ${res.status}); see ${out}` });
  };
  add('exthost.hover.direct.p95', 'HoverProvider.provideHover on the 49 MB document, p95', 'ms', { op: '<=', limit: 2 });
  add('exthost.hover.p95', 'vscode.executeHoverProvider on the 49 MB document, p95 (round trip)', 'ms');
  add('exthost.hover.small.p95', 'the same round trip on a 3-line log, p95', 'ms');
  add('exthost.scan19', 'first CodeLens on the 19 MB log (sliced scan)', 'ms');
  add('exthost.lens.direct.p95', 'CodeLensProvider.provideCodeLenses from the cached scan, p95', 'ms', { op: '<=', limit: 5 });
  add('exthost.lens.p95', 'vscode.executeCodeLensProvider on the 19 MB log, p95 (round trip, 501 lenses)', 'ms');
  add('exthost.lens.small.p95', 'the same round trip on a 3-line log, p95', 'ms');
}

function bundles(): void {
  report.section('Activation: bundle sizes (built by --production)');
  const size = (f: string): number | null => (fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).size / 1024 : null);
  report.add({ id: 'bundle.node', label: 'dist/extension.js', value: size('dist/extension.js'), unit: 'KB', target: { op: '<=', limit: 150 } });
  report.add({ id: 'bundle.catalog', label: 'dist/catalog.json (the desktop build reads it on first use)', value: size('dist/catalog.json'), unit: 'KB', target: { op: '<=', limit: 60 } });
  report.add({ id: 'bundle.lint', label: 'dist/lint.js (the desktop build loads the title lint on first use)', value: size('dist/lint.js'), unit: 'KB' });
  report.add({ id: 'bundle.payload', label: 'dist/payload.js (read on the first hover in a log)', value: size('dist/payload.js'), unit: 'KB' });
  report.add({ id: 'bundle.source', label: 'dist/source.js (read on the first scan of a source file)', value: size('dist/source.js'), unit: 'KB' });
  report.add({ id: 'bundle.web', label: 'dist/web/extension.js (catalog inline)', value: size('dist/web/extension.js'), unit: 'KB' });
  report.add({ id: 'bundle.cli', label: 'dist/cli.js', value: size('dist/cli.js'), unit: 'KB' });
  const vsix = path.join(ROOT, 'dist', 'wa-errors.vsix');
  if (!fs.existsSync(vsix)) {
    report.add({ id: 'vsix.size', label: 'dist/wa-errors.vsix', value: null, unit: 'KB', target: { op: '<=', limit: 300 }, note: 'not built: npm run package' });
    return;
  }
  const listing = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  const modules = listing.status === 0 ? listing.stdout.split('\n').filter((l) => l.includes('node_modules/')).length : null;
  report.add({ id: 'vsix.size', label: 'dist/wa-errors.vsix', value: fs.statSync(vsix).size / 1024, unit: 'KB', target: { op: '<=', limit: 300 } });
  report.add({ id: 'vsix.node_modules', label: 'node_modules entries in the .vsix (unzip -l)', value: modules, unit: 'entries', target: { op: '<=', limit: 0 }, note: modules === null ? 'unzip failed' : undefined });
}

/** Findings as three Int32 columns: start, end, code (-1 for none). */
function toColumns(findings: readonly Finding[]): Int32Array[] {
  const starts = new Int32Array(findings.length);
  const ends = new Int32Array(findings.length);
  const codes = new Int32Array(findings.length);
  findings.forEach((f, i) => {
    starts[i] = f.start;
    ends[i] = f.end;
    codes[i] = f.code ?? -1;
  });
  return [starts, ends, codes];
}

/**
 * Retained memory of the 50 MB scan's findings: one object per hit vs three Int32 columns. Each
 * figure is the drop in retained bytes when that form is released, so garbage left by earlier
 * sections cannot leak into it.
 */
function memory(log: string): void {
  report.section('Memory: keeping the findings of the 50 MB scan');
  let objects: Finding[] | null = scanCodes(log, 'json', catalog);
  const n = objects.length;
  let columns: Int32Array[] | null = toColumns(objects);
  const arrayBytes = columns.reduce((sum, c) => sum + c.byteLength, 0);
  const both = retainedBytes();
  objects = null;
  const columnsOnly = retainedBytes();
  columns = null;
  const neither = retainedBytes();
  const total = (m: { heap: number; buffers: number }): number => m.heap + m.buffers;
  const objectBytes = total(both) - total(columnsOnly);
  const columnBytes = total(columnsOnly) - total(neither);
  report.add({ id: 'memory.objects', label: `findings as objects (${n} hits)`, value: (100 * objectBytes) / log.length, unit: '% of input', note: `${(objectBytes / 1024).toFixed(0)} KB` });
  report.add({ id: 'memory.typed', label: 'findings as Int32Arrays (start, end, code)', value: (100 * columnBytes) / log.length, unit: '% of input', target: { op: '<=', limit: 5 }, note: `${(columnBytes / 1024).toFixed(0)} KB measured, ${(arrayBytes / 1024).toFixed(0)} KB of array data` });
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-bench-'));
  console.log(`wa-errors bench: seed ${SEED}, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0]?.toFixed(1)}, catalog of ${catalog.entries.length} entries`);
  try {
    const t0 = performance.now();
    const log = bigLog();
    const logFile = path.join(tmp, 'big.ndjson');
    fs.writeFileSync(logFile, log);
    console.log(`inputs: ${(log.length / MiB).toFixed(1)} MB log generated in ${((performance.now() - t0) / 1000).toFixed(1)} s under ${tmp}`);

    // `npm run bench -- edit source` runs only those sections (results.json is then not written).
    const sections: [string, () => void | Promise<void>][] = [
      ['ndjson', () => ndjsonScan(log)],
      ['cli', () => cliVersusGrep(logFile, log.length, tmp)],
      ['eventloop', () => eventLoop(log)],
      ['source', sourceScan],
      ['edit', editRescan],
      ['hover', () => hover(log)],
      ['codelens', () => codeLens(log)],
      ['memory', () => memory(log)],
      ['workspace', () => workspace(tmp)],
      ['bundles', bundles],
      ['activation', activation],
      ['exthost', () => extensionHost(tmp)],
    ];
    const unknown = ONLY.filter((name) => !sections.some(([known]) => known === name));
    if (unknown.length) throw new Error(`unknown bench section ${unknown.join(', ')}; sections: ${sections.map(([n]) => n).join(' ')}`);
    for (const [name, run] of sections) if (ONLY.length === 0 || ONLY.includes(name)) await run();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  report.summary();
  if (ONLY.length) return;
  const file = report.save(ROOT, { seed: SEED, date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg()[0], catalogEntries: catalog.entries.length });
  console.log(`  results: ${path.relative(ROOT, file)}; total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

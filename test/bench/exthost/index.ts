// Extension-host part of `npm run bench`, loaded as extensionTestsPath: times our hover and CodeLens
// providers through VS Code's own commands on generated logs just under VS Code's limits (49 MB for
// extensions to see a document, 19 MB before CodeLens is turned off). Prints `bench: <id> <value>`
// lines that test/bench/bench.ts reads. Round trips go through the workbench, so they include its IPC;
// the providers are also called directly (this bundle's copy of them) on the same documents.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CatalogService } from '../../../src/vscode/catalogService';
import { CodeLensProvider } from '../../../src/vscode/codeLens';
import { DocumentKinds } from '../../../src/vscode/documentKinds';
import { DocumentScans } from '../../../src/vscode/documentScans';
import { FileContexts } from '../../../src/vscode/fileContexts';
import { HoverProvider } from '../../../src/vscode/hover';
import { Logger } from '../../../src/vscode/logger';

const MiB = 1024 * 1024;
const HOVERS = 200;
const LENS_CALLS = 50;

/** A failed-status webhook line (about 1 in 4) or an info line, padded to ~330 characters. */
function logLine(i: number): string {
  if (i % 4 === 0) {
    const code = [131047, 131026, 131056, 130429, 131000][i % 5];
    return `{"ts":"2026-11-20T10:00:${String(i % 60).padStart(2, '0')}Z","statuses":[{"id":"wamid.HBgL${i}","status":"failed","errors":[{"code":${code},"title":"t","error_data":{"details":"Message failed to send because of reason number ${i}."}}]}],"pad":"${'x'.repeat(60)}"}`;
  }
  return `{"ts":"2026-11-20T10:00:${String(i % 60).padStart(2, '0')}Z","level":"info","msg":"sent message ${i}","wamid":"wamid.HBgL${i}","latency_ms":${i % 997},"pad":"${'y'.repeat(150)}"}`;
}

function writeLog(file: string, bytes: number): { errorLines: number[] } {
  const lines: string[] = [];
  const errorLines: number[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = logLine(i);
    if (i % 4 === 0) errorLines.push(i);
    lines.push(line);
    size += line.length + 1;
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { errorLines };
}

function p95(sample: number[]): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

async function hoverBench(dir: string): Promise<void> {
  const file = path.join(dir, 'big-49mb.ndjson');
  const { errorLines } = writeLog(file, 49 * MiB);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const times: number[] = [];
  let answered = 0;
  for (let i = 0; i < HOVERS; i++) {
    const line = errorLines[(i * 7919) % errorLines.length] ?? 0;
    const col = doc.lineAt(line).text.indexOf('"code":') + 8;
    const t = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    times.push(performance.now() - t);
    if (hovers.some((h) => h.contents.some((c) => typeof c !== 'string' && 'value' in c && c.value.includes('waErrors.lookupCode')))) answered++;
  }
  console.log(`bench: exthost.hover.p95 ${p95(times).toFixed(2)} (${answered}/${HOVERS} answered, ${(doc.getText().length / MiB).toFixed(0)} MB document)`);
  // The provider alone, called directly: no workbench round trip.
  const log = new Logger();
  const provider = new HoverProvider(new CatalogService(log), new DocumentKinds(log), new FileContexts());
  const token = new vscode.CancellationTokenSource().token;
  const direct: number[] = [];
  for (let i = 0; i < HOVERS; i++) {
    const line = errorLines[(i * 104729) % errorLines.length] ?? 0;
    const col = doc.lineAt(line).text.indexOf('"code":') + 8;
    const t = performance.now();
    provider.provideHover(doc, new vscode.Position(line, col), token);
    direct.push(performance.now() - t);
  }
  console.log(`bench: exthost.hover.direct.p95 ${p95(direct).toFixed(3)} (HoverProvider.provideHover on the 49 MB document)`);
  log.dispose();
}

async function lensBench(dir: string): Promise<void> {
  const file = path.join(dir, 'big-19mb.ndjson');
  writeLog(file, 19 * MiB);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  // The first call starts the sliced scan; wait until it has finished (the summary lens appears).
  const start = performance.now();
  let lenses: vscode.CodeLens[] = [];
  while (performance.now() - start < 60_000) {
    lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    if (lenses.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(`bench: exthost.scan19 ${(performance.now() - start).toFixed(0)} (first lenses after the sliced scan of ${(doc.getText().length / MiB).toFixed(0)} MB)`);
  const times: number[] = [];
  for (let i = 0; i < LENS_CALLS; i++) {
    const t = performance.now();
    lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    times.push(performance.now() - t);
  }
  console.log(`bench: exthost.lens.p95 ${p95(times).toFixed(2)} (${lenses.length} lenses)`);
  // The provider alone, from its cached scan.
  const log = new Logger();
  const catalogs = new CatalogService(log);
  const kinds = new DocumentKinds(log);
  const provider = new CodeLensProvider(catalogs, kinds, new DocumentScans(catalogs, new FileContexts()));
  const token = new vscode.CancellationTokenSource().token;
  await provider.provideCodeLenses(doc, token); // fills its own scan cache
  const direct: number[] = [];
  for (let i = 0; i < LENS_CALLS; i++) {
    const t = performance.now();
    await provider.provideCodeLenses(doc, token);
    direct.push(performance.now() - t);
  }
  console.log(`bench: exthost.lens.direct.p95 ${p95(direct).toFixed(3)} (CodeLensProvider.provideCodeLenses, cached scan)`);
  provider.dispose();
  log.dispose();
}

/** The same hover on a 3-line log: the round trip through the workbench with almost no work of ours. */
async function baseline(dir: string): Promise<void> {
  const file = path.join(dir, 'small.ndjson');
  fs.writeFileSync(file, [logLine(1), logLine(0), logLine(2)].join('\n') + '\n');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const pos = new vscode.Position(1, doc.lineAt(1).text.indexOf('"code":') + 8);
  const hover: number[] = [];
  const lens: number[] = [];
  for (let i = 0; i < HOVERS; i++) {
    let t = performance.now();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos);
    hover.push(performance.now() - t);
    t = performance.now();
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    lens.push(performance.now() - t);
  }
  console.log(`bench: exthost.hover.small.p95 ${p95(hover).toFixed(2)} (the same hover on a 3-line log)`);
  console.log(`bench: exthost.lens.small.p95 ${p95(lens).toFixed(2)} (CodeLens on a 3-line log)`);
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('wa-errors.whatsapp-cloud-api-errors');
  await ext?.activate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-exthost-bench-'));
  try {
    await baseline(dir);
    await hoverBench(dir);
    await lensBench(dir);
    console.log('extension-host: 1 passed, 0 failed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

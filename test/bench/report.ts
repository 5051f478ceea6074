/**
 * Bench rows: each figure is printed beside its target as soon as it is measured, then once more in
 * the closing summary table, and saved as JSON for the README table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Target {
  readonly op: '>=' | '<=';
  readonly limit: number;
}

export interface Row {
  readonly id: string;
  readonly label: string;
  /** null when the figure could not be measured here (see note). */
  readonly value: number | null;
  readonly unit: string;
  readonly target?: Target;
  readonly note?: string;
  /** The bench section the row belongs to (set by `Report.add`). */
  readonly section?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'INFO' | 'N/A';

export function verdict(row: Row): Verdict {
  if (row.value === null) return 'N/A';
  if (!row.target) return 'INFO';
  const { op, limit } = row.target;
  return (op === '>=' ? row.value >= limit : row.value <= limit) ? 'PASS' : 'MISS';
}

function fmt(v: number | null): string {
  if (v === null) return '-';
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function targetText(row: Row): string {
  return row.target ? `${row.target.op} ${fmt(row.target.limit)} ${row.unit}` : '';
}

export class Report {
  readonly rows: Row[] = [];
  private current = '';

  add(row: Row): void {
    this.rows.push({ ...row, section: this.current });
    const line = `  ${row.label.padEnd(58)} ${fmt(row.value).padStart(9)} ${row.unit.padEnd(10)} ${targetText(row).padEnd(18)} ${verdict(row)}`;
    console.log(line + (row.note ? `  (${row.note})` : ''));
  }

  section(title: string): void {
    this.current = title;
    console.log(`\n${title}`);
  }

  summary(): void {
    console.log('\nSummary');
    console.log(`  ${'figure'.padEnd(58)} ${'value'.padStart(9)} ${'unit'.padEnd(10)} ${'target'.padEnd(18)} verdict`);
    console.log(`  ${'-'.repeat(58)} ${'-'.repeat(9)} ${'-'.repeat(10)} ${'-'.repeat(18)} -------`);
    for (const row of this.rows) {
      console.log(`  ${row.label.padEnd(58)} ${fmt(row.value).padStart(9)} ${row.unit.padEnd(10)} ${targetText(row).padEnd(18)} ${verdict(row)}`);
    }
    const counts = new Map<Verdict, number>();
    for (const row of this.rows) counts.set(verdict(row), (counts.get(verdict(row)) ?? 0) + 1);
    console.log(`\n  ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}`);
  }

  /** Writes `.bench/results.json` under `root`; returns its path. */
  save(root: string, meta: Record<string, unknown>): string {
    const file = path.join(root, '.bench', 'results.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const rows = this.rows.map((r) => ({ ...r, verdict: verdict(r) }));
    fs.writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2) + '\n');
    return file;
  }
}

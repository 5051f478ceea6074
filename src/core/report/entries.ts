import type { CatalogEntry, RetryAdvice } from '../types';

/** A catalog entry as `wa-errors lookup --format json` prints it (keys in this order). */
export interface EntryJson {
  /** The code, or the key ("200-299") for a range. */
  readonly code: number | string;
  readonly title: string;
  readonly description: string;
  readonly solution: string;
  readonly category: string;
  readonly httpStatus: number | null;
  readonly docsUrl: string;
  readonly retry: RetryAdvice;
  readonly variants: readonly string[];
}

export function entryJson(e: CatalogEntry): EntryJson {
  return {
    code: e.codeEnd !== undefined ? e.key : e.code,
    title: e.title,
    description: e.description,
    solution: e.solution,
    category: e.category,
    httpStatus: e.httpStatus,
    docsUrl: e.docsUrl,
    retry: e.retry,
    variants: [...e.variants],
  };
}

export function formatEntriesJson(entries: readonly CatalogEntry[]): string {
  return JSON.stringify({ codes: entries.map(entryJson) }, null, 2) + '\n';
}

const RETRY_WORDS: Record<RetryAdvice, string> = {
  'retry-with-backoff': 'yes, with backoff',
  'fix-request': 'after fixing the request',
  'do-not-retry': 'no, sending again cannot succeed',
  'contact-support': 'no, contact Meta support if it persists',
  'refresh-token': 'after getting a new access token',
};

/** Catalog prose on one line: the text report wraps nothing, so terminals and grep see whole fields. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function padRows(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n';
}

/** The whole catalog, one line per code: code, HTTP status, category, title. */
export function formatEntryTable(entries: readonly CatalogEntry[]): string {
  const rows = entries.map((e) => [e.key, e.httpStatus === null ? '-' : String(e.httpStatus), e.category, e.title + (e.legacy ? ' (legacy)' : '')]);
  return padRows([['CODE', 'HTTP', 'CATEGORY', 'TITLE'], ...rows]);
}

/** One block per entry: `code · title`, then aligned fields; blocks separated by a blank line. */
export function formatEntryDetails(entries: readonly CatalogEntry[]): string {
  return entries
    .map((e) => {
      const fields: [string, string][] = [
        ['Category', e.category],
        ['HTTP status', e.httpStatus === null ? 'unknown' : String(e.httpStatus)],
        ['Retry', RETRY_WORDS[e.retry] ?? e.retry],
        ['Description', oneLine(e.description)],
        ['Solution', oneLine(e.solution)],
      ];
      if (e.variants.length) fields.push(['Also seen as', e.variants.map(oneLine).join(' | ')]);
      if (e.confidenceNote) fields.push(['Note', oneLine(e.confidenceNote)]);
      if (e.legacy) fields.push(['Legacy', 'no longer listed by Meta']);
      fields.push(['Docs', e.docsUrl]);
      const body = padRows(fields.map(([k, v]) => ['  ' + k, v]));
      return `${e.key} · ${e.title}\n${body}`;
    })
    .join('\n');
}

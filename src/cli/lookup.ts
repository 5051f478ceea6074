import type { Catalog } from '../core/catalog/catalog';
import { formatEntriesJson, formatEntryDetails, formatEntryTable } from '../core/report';
import type { Command } from './args';
import type { Output } from './output';

type LookupCommand = Extract<Command, { name: 'lookup' }>;

/**
 * Runs `wa-errors lookup`: with no query the whole catalog (a terse table in text), else the
 * entries `catalog.search` finds. Returns the exit code: 1 when nothing matches.
 */
export async function runLookup(cmd: LookupCommand, catalog: Catalog, out: Output, warn: (message: string) => void): Promise<number> {
  const query = cmd.query.trim();
  const entries = query ? catalog.search(query) : [...catalog.entries];
  if (entries.length === 0) {
    warn(`no catalog entry matches "${query}"`);
    return 1;
  }
  await out.write(cmd.format === 'json' ? formatEntriesJson(entries) : query ? formatEntryDetails(entries) : formatEntryTable(entries));
  await out.flush();
  return 0;
}

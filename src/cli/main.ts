// Placeholder CLI: replaced by the full `wa-errors scan|lookup`.
import { builtinCatalog } from '../core/catalog/catalog';

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'lookup') {
  const found = builtinCatalog().search(rest.filter((a) => !a.startsWith('--')).join(' '));
  process.stdout.write(JSON.stringify({ codes: found }, null, 2) + '\n');
  process.exit(found.length ? 0 : 1);
}
process.stderr.write('usage: wa-errors scan|lookup\n');
process.exit(2);

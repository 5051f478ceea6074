import { REPORT_FORMATS, type ReportFormat } from '../core/report';

/** A mistake in the command line: reported on one stderr line, exit code 2. */
export class UsageError extends Error {}

export type FailOn = 'title-match' | 'any';
const FAIL_ON: readonly FailOn[] = ['title-match', 'any'];

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | { readonly name: 'lookup'; readonly query: string; readonly format: 'text' | 'json' }
  | { readonly name: 'scan'; readonly paths: readonly string[]; readonly format: ReportFormat; readonly failOn?: FailOn };

export const USAGE = `Usage:
  wa-errors lookup [CODE|TEXT] [--format text|json]
  wa-errors scan [--format text|json|sarif] [--fail-on title-match|any] PATH...

lookup  explain a WhatsApp Cloud API error code, or search titles and descriptions;
        with no argument, list the whole catalog.
scan    report error codes and code that matches on error titles, in files and folders
        (recursive; skips .git, node_modules and binary files, and says on stderr
        which source files in languages it does not read it passed over).

Exit codes: 0 ok; 1 lookup found nothing, or --fail-on matched; 2 usage error or missing path.
Options: -h, --help   show this help     --version   print the version
`;

const VALUE_OPTIONS = new Set(['--format', '--fail-on']);

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses `argv` (without node and the script). Options may come anywhere; `--` ends them. */
export function parseArgs(argv: readonly string[]): Command {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--version') version = true;
    else if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option ${name}`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else positionals.push(arg);
  }
  if (help) return { name: 'help' };
  if (version) return { name: 'version' };

  const [command, ...rest] = positionals;
  const format = values.get('--format');
  const failOn = values.get('--fail-on');
  if (command === 'lookup') {
    if (failOn !== undefined) throw new UsageError('--fail-on applies to scan only');
    return { name: 'lookup', query: rest.join(' '), format: format === undefined ? 'text' : oneOf(format, ['text', 'json'] as const, '--format') };
  }
  if (command === 'scan') {
    if (rest.length === 0) throw new UsageError('scan needs at least one PATH');
    return {
      name: 'scan',
      paths: rest,
      format: format === undefined ? 'text' : oneOf(format, REPORT_FORMATS, '--format'),
      ...(failOn === undefined ? {} : { failOn: oneOf(failOn, FAIL_ON, '--fail-on') }),
    };
  }
  throw new UsageError(command === undefined ? 'missing command (scan or lookup)' : `unknown command "${command}"`);
}

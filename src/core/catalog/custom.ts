import type { CatalogEntry, RetryAdvice } from '../types';
import { Catalog, builtinCatalog } from './catalog';
import { builtinEntries } from './entries';
import { ERROR_CODES_URL } from './entrySpec';
import { normalizeTitle } from './titles';

/** Every RetryAdvice value, for validation and the settings schema. */
export const RETRY_ADVICE_VALUES: readonly RetryAdvice[] = ['retry-with-backoff', 'fix-request', 'do-not-retry', 'contact-support', 'refresh-token'];

/** Bounds on the setting, so a huge or hostile settings file cannot make the catalog expensive. */
export const CUSTOM_CODE_LIMITS = {
  entries: 500,
  code: 999_999_999,
  title: 200,
  text: 4000,
  docsUrl: 2048,
  category: 50,
} as const;

/** Category of a new custom entry that names none. */
export const CUSTOM_CATEGORY = 'custom';

const SETTING = 'waErrors.customCodes';
const CODE_PATTERN = /^(\d{1,9})(?:-(\d{1,9}))?$/;
const HTTPS_PATTERN = /^https:\/\/\S+$/;
const NON_BLANK = /\S/;
const KNOWN_KEYS = ['code', 'title', 'description', 'solution', 'docsUrl', 'category', 'retry'] as const;

const nonBlank = (max: number, description: string) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S', description }) as const;

/**
 * JSON schema of the `waErrors.customCodes` setting, for the manifest. It states the same rules as
 * `createCatalog` checks at run time; only "the low end of a range is below its high end" has no
 * schema form.
 */
export const CUSTOM_CODES_SCHEMA = {
  type: 'array',
  default: [],
  maxItems: CUSTOM_CODE_LIMITS.entries,
  items: {
    type: 'object',
    required: ['code', 'title'],
    additionalProperties: false,
    properties: {
      code: {
        description: 'The error code, or an inclusive range such as "200-299".',
        anyOf: [
          { type: 'integer', minimum: 0, maximum: CUSTOM_CODE_LIMITS.code },
          { type: 'string', pattern: '^\\d{1,9}(-\\d{1,9})?$' },
        ],
      },
      title: nonBlank(CUSTOM_CODE_LIMITS.title, 'The title shown for the code; also matched by the title lint.'),
      description: nonBlank(CUSTOM_CODE_LIMITS.text, 'What the code means.'),
      solution: nonBlank(CUSTOM_CODE_LIMITS.text, 'What to do about it.'),
      docsUrl: { type: 'string', maxLength: CUSTOM_CODE_LIMITS.docsUrl, pattern: '^https://\\S+$', description: 'A documentation link (https only).' },
      category: nonBlank(CUSTOM_CODE_LIMITS.category, 'A short category name, e.g. "throttling".'),
      retry: { type: 'string', enum: RETRY_ADVICE_VALUES, description: 'Whether and how a client should retry.' },
    },
  },
} as const;

export interface CreatedCatalog {
  readonly catalog: Catalog;
  /** One line per problem, naming the setting entry; entries with problems were skipped. */
  readonly problems: string[];
}

/**
 * The catalog for a value of `waErrors.customCodes`: built-in entries plus the valid custom ones.
 * A custom entry with the key of a built-in ("131047", "200-299") overrides it and keeps the fields
 * it does not give; others are added. Invalid entries are skipped and reported, never thrown.
 */
export function createCatalog(custom: unknown): CreatedCatalog {
  if (custom === undefined || custom === null || (Array.isArray(custom) && custom.length === 0)) return { catalog: builtinCatalog(), problems: [] };
  if (!Array.isArray(custom)) return { catalog: builtinCatalog(), problems: [`${SETTING}: must be an array of entries such as { "code": 131047, "title": "..." }`] };

  const problems: string[] = [];
  const items: readonly unknown[] = custom;
  if (items.length > CUSTOM_CODE_LIMITS.entries) problems.push(`${SETTING}: only the first ${CUSTOM_CODE_LIMITS.entries} entries are used`);

  const byKey = new Map(builtinEntries().map((e) => [e.key, e]));
  const firstIndex = new Map<string, number>();
  const added: CatalogEntry[] = [];
  const overridden = new Map<string, CatalogEntry>();
  for (let i = 0; i < Math.min(items.length, CUSTOM_CODE_LIMITS.entries); i++) {
    const parsed = parseItem(items[i], i);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const { input } = parsed;
    const seen = firstIndex.get(input.key);
    if (seen !== undefined) {
      problems.push(`${SETTING}[${i}] (${input.key}): duplicates ${SETTING}[${seen}]; only the first is used`);
      continue;
    }
    firstIndex.set(input.key, i);
    const base = byKey.get(input.key);
    if (base) overridden.set(input.key, override(base, input));
    else added.push(fresh(input));
  }

  if (overridden.size === 0 && added.length === 0) return { catalog: builtinCatalog(), problems };
  const entries = [...builtinEntries().map((e) => overridden.get(e.key) ?? e), ...added];
  return { catalog: new Catalog(entries), problems };
}

interface CodeKey {
  readonly code: number;
  readonly codeEnd?: number;
  readonly key: string;
}

/** The fields a custom entry may set. */
type CustomFields = Pick<CatalogEntry, 'title'> & Partial<Pick<CatalogEntry, 'description' | 'solution' | 'docsUrl' | 'category' | 'retry'>>;

/** A custom entry that passed validation. */
interface CustomInput extends CodeKey {
  readonly fields: CustomFields;
}

type Parsed = { input: CustomInput } | { problems: string[] };

function parseItem(item: unknown, index: number): Parsed {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { problems: [`${SETTING}[${index}]: must be an object such as { "code": 131047, "title": "..." }`] };
  }
  const raw = item as Record<string, unknown>;
  const code = parseCode(raw['code']);
  const where = `${SETTING}[${index}]${code ? ` (${code.key})` : ''}`;
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${where}: ${what}`);

  if (!code) fail('"code" must be a non-negative integer or a range such as "200-299" (low end below high end)');
  for (const k of Object.keys(raw)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(k)) fail(`unknown property "${k}" (allowed: ${KNOWN_KEYS.join(', ')})`);
  }
  const title = text(raw, 'title', CUSTOM_CODE_LIMITS.title, true, fail);
  const description = text(raw, 'description', CUSTOM_CODE_LIMITS.text, false, fail);
  const solution = text(raw, 'solution', CUSTOM_CODE_LIMITS.text, false, fail);
  const category = text(raw, 'category', CUSTOM_CODE_LIMITS.category, false, fail);
  const docsUrl = raw['docsUrl'];
  if (docsUrl !== undefined && !isHttpsUrl(docsUrl)) fail(`"docsUrl" must be an https:// URL of at most ${CUSTOM_CODE_LIMITS.docsUrl} characters`);
  const retry = raw['retry'];
  if (retry !== undefined && !(RETRY_ADVICE_VALUES as readonly unknown[]).includes(retry)) fail(`"retry" must be one of ${RETRY_ADVICE_VALUES.join(', ')}`);

  if (problems.length > 0 || !code || title === undefined) return { problems };
  return {
    input: {
      ...code,
      fields: {
        title,
        ...(description !== undefined && { description }),
        ...(solution !== undefined && { solution }),
        ...(category !== undefined && { category }),
        ...(typeof docsUrl === 'string' && { docsUrl }),
        ...(retry !== undefined && { retry: retry as RetryAdvice }),
      },
    },
  };
}

function parseCode(value: unknown): CodeKey | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= CUSTOM_CODE_LIMITS.code ? { code: value, key: String(value) } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const m = CODE_PATTERN.exec(value);
  if (!m) return undefined;
  const low = Number(m[1]);
  if (m[2] === undefined) return { code: low, key: String(low) };
  const high = Number(m[2]);
  return low < high ? { code: low, codeEnd: high, key: `${low}-${high}` } : undefined;
}

/** A string property: required or optional, non-blank, bounded. Reports through `fail`. */
function text(raw: Record<string, unknown>, name: string, max: number, required: boolean, fail: (what: string) => void): string | undefined {
  const v = raw[name];
  if (v === undefined && !required) return undefined;
  if (typeof v === 'string' && NON_BLANK.test(v) && v.length <= max) return v;
  fail(`"${name}" must be a non-empty string of at most ${max} characters`);
  return undefined;
}

function isHttpsUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > CUSTOM_CODE_LIMITS.docsUrl || !HTTPS_PATTERN.test(v)) return false;
  try {
    return new URL(v).hostname.length > 0;
  } catch {
    return false;
  }
}

/** The built-in entry with the custom fields laid over it; a replaced title stays known as a variant. */
function override(base: CatalogEntry, input: CustomInput): CatalogEntry {
  const title = normalizeTitle(input.fields.title);
  const variants = title === normalizeTitle(base.title) ? base.variants : [base.title, ...base.variants.filter((v) => normalizeTitle(v) !== title)];
  return { ...base, ...input.fields, variants, custom: true };
}

/** A new entry: fields the user did not give are empty or neutral. */
function fresh(input: CustomInput): CatalogEntry {
  const f = input.fields;
  return {
    code: input.code,
    ...(input.codeEnd !== undefined && { codeEnd: input.codeEnd }),
    key: input.key,
    title: f.title,
    variants: [],
    category: f.category ?? CUSTOM_CATEGORY,
    httpStatus: null,
    description: f.description ?? '',
    solution: f.solution ?? '',
    retry: f.retry ?? 'do-not-retry',
    docsUrl: f.docsUrl ?? ERROR_CODES_URL,
    custom: true,
  };
}

import type { CatalogEntry } from '../types';
import { builtinEntries } from './entries';
import { normalizeTitle } from './titles';

export { normalizeTitle } from './titles';

/** A known title or variant and every code that uses it. */
export interface TitleIndexEntry {
  /** The title as first written in the catalog (for messages). */
  readonly text: string;
  /** `normalizeTitle(text)`: the lookup key. */
  readonly key: string;
  /** Codes whose title or variant this is, ascending (a range counts by its low end). */
  readonly codes: readonly number[];
}

/**
 * An indexed, read-only view over catalog entries: exact codes in a Map, ranges in a short list.
 * Built once per set of custom codes; lookups are O(1) for exact codes.
 */
export class Catalog {
  private readonly byCode = new Map<number, CatalogEntry>();
  private readonly ranges: CatalogEntry[] = [];
  private titleIndex: Map<string, TitleIndexEntry> | undefined;
  private haystacks: Map<CatalogEntry, SearchFields> | undefined;

  constructor(readonly entries: readonly CatalogEntry[]) {
    for (const e of entries) {
      if (e.codeEnd !== undefined) this.ranges.push(e);
      else this.byCode.set(e.code, e);
    }
    // The narrowest range wins where ranges overlap (a custom "250-259" inside the built-in "200-299").
    this.ranges.sort((a, b) => span(a) - span(b));
  }

  /** The entry for a code, exact codes first, then ranges (200-299). */
  get(code: number): CatalogEntry | undefined {
    const exact = this.byCode.get(code);
    if (exact) return exact;
    for (const r of this.ranges) if (code >= r.code && code <= (r.codeEnd as number)) return r;
    return undefined;
  }

  has(code: number): boolean {
    return this.get(code) !== undefined;
  }

  /** The entry named by a key such as "131047" or "200-299". */
  byKey(key: string): CatalogEntry | undefined {
    const k = key.trim();
    return this.entries.find((e) => e.key === k) ?? (/^\d+$/.test(k) ? this.get(Number(k)) : undefined);
  }

  /**
   * Every title and variant, once per normalised text, with all the codes that use it: one text
   * may name several codes ("Parameter value is not valid" is both 33 and 131009).
   */
  allTitles(): TitleIndexEntry[] {
    return [...this.titles().values()];
  }

  /** The codes whose title or variant equals `text` after normalisation; empty when none. */
  codesForTitle(text: string): readonly number[] {
    return this.titles().get(normalizeTitle(text))?.codes ?? [];
  }

  /**
   * Entries matching a free-text query, best first, for a quick pick. A number (also "#131047" or
   * "(#131047)") finds the code or range containing it, then codes starting with those digits.
   * Otherwise every word must occur in the key, title, variants, category or description; hits on
   * the code and title rank above hits on variants, then category, then description.
   */
  search(query: string): CatalogEntry[] {
    const q = query.trim().toLowerCase();
    if (!q) return [...this.entries];
    const digits = /^\(?#?(\d{1,9})\)?$/.exec(q)?.[1];
    if (digits !== undefined) return this.searchCode(digits);
    const words = q.split(/\s+/);
    const scored: { e: CatalogEntry; score: number }[] = [];
    for (const e of this.entries) {
      const score = scoreEntry(this.fields(e), q, words);
      if (score > 0) scored.push({ e, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.e.code - b.e.code).map((s) => s.e);
  }

  private searchCode(digits: string): CatalogEntry[] {
    const exact = this.get(Number(digits));
    const prefixed = this.entries.filter((e) => e !== exact && e.key.startsWith(digits)).sort((a, b) => a.code - b.code);
    return exact ? [exact, ...prefixed] : prefixed;
  }

  private titles(): Map<string, TitleIndexEntry> {
    if (this.titleIndex) return this.titleIndex;
    const codesByKey = new Map<string, { text: string; codes: Set<number> }>();
    for (const e of this.entries) {
      for (const text of [e.title, ...e.variants]) {
        const key = normalizeTitle(text);
        if (!key) continue;
        const slot = codesByKey.get(key) ?? { text, codes: new Set<number>() };
        slot.codes.add(e.code);
        codesByKey.set(key, slot);
      }
    }
    this.titleIndex = new Map();
    for (const [key, { text, codes }] of codesByKey) this.titleIndex.set(key, { text, key, codes: [...codes].sort((a, b) => a - b) });
    return this.titleIndex;
  }

  private fields(e: CatalogEntry): SearchFields {
    this.haystacks ??= new Map();
    let f = this.haystacks.get(e);
    if (!f) {
      f = {
        key: e.key,
        title: e.title.toLowerCase(),
        variants: e.variants.join('\n').toLowerCase(),
        category: e.category.toLowerCase(),
        description: e.description.toLowerCase(),
      };
      this.haystacks.set(e, f);
    }
    return f;
  }
}

/** Lower-cased text of one entry, computed once per entry for search. */
interface SearchFields {
  readonly key: string;
  readonly title: string;
  readonly variants: string;
  readonly category: string;
  readonly description: string;
}

/** 0 when some word of the query is nowhere in the entry; otherwise higher for better hits. */
function scoreEntry(f: SearchFields, phrase: string, words: readonly string[]): number {
  let score = 0;
  for (const w of words) {
    if (f.key.startsWith(w) || f.title.includes(w)) score += 8;
    else if (f.variants.includes(w)) score += 4;
    else if (f.category.includes(w)) score += 2;
    else if (f.description.includes(w)) score += 1;
    else return 0;
  }
  // The whole phrase in the title outranks the same words scattered over several fields.
  if (f.title === phrase) score += 100;
  else if (f.title.startsWith(phrase)) score += 60;
  else if (f.title.includes(phrase)) score += 40;
  else if (f.variants.includes(phrase)) score += 20;
  return score;
}

function span(e: CatalogEntry): number {
  return (e.codeEnd ?? e.code) - e.code;
}

let builtin: Catalog | undefined;

/** The built-in catalog, indexed on first use (never at activation). */
export function builtinCatalog(): Catalog {
  builtin ??= new Catalog(builtinEntries());
  return builtin;
}

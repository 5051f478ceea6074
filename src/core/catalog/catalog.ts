import type { CatalogEntry } from '../types';
import { BUILTIN_ENTRIES } from './entries';

/**
 * An indexed, read-only view over catalog entries: exact codes in a Map, ranges in a short list.
 * Built once per set of custom codes; lookups are O(1) for exact codes.
 */
export class Catalog {
  private readonly byCode = new Map<number, CatalogEntry>();
  private readonly ranges: CatalogEntry[] = [];

  constructor(readonly entries: readonly CatalogEntry[]) {
    for (const e of entries) {
      if (e.codeEnd !== undefined) this.ranges.push(e);
      else this.byCode.set(e.code, e);
    }
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
   * Entries matching a free-text query: a code (exact, then prefix), else every word of the query
   * found in the key, title, variants, category or description. Best matches first.
   */
  search(query: string): CatalogEntry[] {
    const q = query.trim().toLowerCase();
    if (!q) return [...this.entries];
    if (/^#?\d+$/.test(q)) {
      const n = q.replace('#', '');
      const exact = this.get(Number(n));
      const prefixed = this.entries.filter((e) => e !== exact && e.key.startsWith(n));
      return exact ? [exact, ...prefixed] : prefixed;
    }
    const words = q.split(/\s+/).filter(Boolean);
    const scored: { e: CatalogEntry; score: number }[] = [];
    for (const e of this.entries) {
      const title = e.title.toLowerCase();
      const hay = [e.key, title, ...e.variants.map((v) => v.toLowerCase()), e.category.toLowerCase(), e.description.toLowerCase()].join('\n');
      if (!words.every((w) => hay.includes(w))) continue;
      const score = title === q ? 3 : title.includes(q) ? 2 : 1;
      scored.push({ e, score });
    }
    return scored.sort((a, b) => b.score - a.score).map((s) => s.e);
  }
}

let builtin: Catalog | undefined;

/** The built-in catalog, indexed on first use (never at activation). */
export function builtinCatalog(): Catalog {
  builtin ??= new Catalog(BUILTIN_ENTRIES);
  return builtin;
}

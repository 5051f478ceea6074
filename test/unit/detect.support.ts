// Shared by the detector tests: the fixture folder and a catalog built from its code list.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog } from '../../src/core/catalog/catalog';
import type { CatalogEntry } from '../../src/core/types';

/** The bundled test runs from out/test/unit; fixtures stay in the source tree. */
export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/detect');

interface CodeFact {
  readonly code: number;
  readonly codeEnd?: number;
  readonly title: string;
  readonly variants: readonly string[];
}

let cached: Catalog | undefined;

/**
 * A catalog with the ~138 codes of the shared facts (support/catalog.json), so the detector tests
 * do not depend on the built-in catalog being complete.
 */
export function fixtureCatalog(): Catalog {
  if (cached) return cached;
  const facts = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'support', 'catalog.json'), 'utf8')) as CodeFact[];
  cached = new Catalog(facts.map((f) => entry(f.code, f.title, f.variants, f.codeEnd)));
  return cached;
}

/** A minimal entry: the detector only reads codes, titles and variants. */
export function entry(code: number, title = `Code ${code}`, variants: readonly string[] = [], codeEnd?: number): CatalogEntry {
  return {
    code,
    codeEnd,
    key: codeEnd === undefined ? String(code) : `${code}-${codeEnd}`,
    title,
    variants,
    category: 'test',
    httpStatus: null,
    description: '',
    solution: '',
    retry: 'do-not-retry',
    docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}

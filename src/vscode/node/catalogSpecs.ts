// Desktop build only (esbuild.js substitutes it for src/core/catalog/specs.ts): the built-in specs
// come from dist/catalog.json, written from the same data files at build time and read on first use.
import * as fs from 'fs';
import * as path from 'path';
import type { EntrySpec } from '../../core/catalog/entrySpec';

export function builtinSpecs(): readonly EntrySpec[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'catalog.json'), 'utf8')) as EntrySpec[];
}

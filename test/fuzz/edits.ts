/** Random edits of source texts, for checking re-scans against full scans. */
import type { LanguageFamily } from '../../src/core/types';
import type { Rng } from './prng';
import { sourceSnippet } from './shapes';

/** One replacement and the text it makes. */
export interface Edit {
  readonly text: string;
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

/** The code families (JSON and plain text are scanned whole). */
export const SOURCE_FAMILIES: readonly LanguageFamily[] = ['javascript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dart'];

/**
 * Replaces a random stretch of `text` (nothing, or up to `maxRemoved` characters with chance
 * `removeChance`) by one of `pieces` or, with chance `snippetChance`, a source snippet of the family.
 */
export function randomEdit(r: Rng, text: string, family: LanguageFamily, pieces: readonly string[], opts: { removeChance: number; maxRemoved: number; snippetChance: number }): Edit {
  const offset = r.int(0, text.length);
  const removed = r.chance(opts.removeChance) ? Math.min(text.length - offset, r.int(0, opts.maxRemoved)) : 0;
  const piece = r.chance(opts.snippetChance) ? sourceSnippet(r, family) : r.pick(pieces);
  return { text: text.slice(0, offset) + piece + text.slice(offset + removed), offset, removed, inserted: piece.length };
}

/** Random edits of source texts, for checking re-scans against full scans. */
import { mergeChange, type TextChange } from '../../src/core/textChange';
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

/**
 * One to three edits made by `edit` in a row, as several change events arrive before the next scan:
 * the new text and the change they add up to (`mergeChange`).
 */
export function editBurst(r: Rng, text: string, edit: (text: string) => Edit): { text: string; change: TextChange; edits: number } {
  let change: TextChange | undefined;
  const edits = r.int(1, 3);
  for (let k = 0; k < edits; k++) {
    const e = edit(text);
    text = e.text;
    change = mergeChange(change, e.offset, e.removed, e.inserted);
  }
  return { text, change: change as TextChange, edits };
}

/**
 * Where a new version of a text differs from the one last scanned, for the incremental re-scans
 * (`rescanCodes`, `rescanTitles`). Pure string arithmetic: no detector knowledge here.
 */

/** The part of a new text that differs from the text last scanned. */
export interface TextChange {
  /** Where the difference starts (the same offset in both texts). */
  readonly start: number;
  /** Where it ends in the new text. */
  readonly end: number;
  /** New length minus old length. */
  readonly delta: number;
}

/**
 * Adds one replacement (`removed` characters at `offset` replaced by `inserted` ones, offsets of the
 * text as it was just before it) to the change accumulated since the last scan. Replacements are
 * added in the order they were applied.
 */
export function mergeChange(change: TextChange | undefined, offset: number, removed: number, inserted: number): TextChange {
  const delta = inserted - removed;
  if (!change) return { start: offset, end: offset + inserted, delta };
  // Where the old end of the accumulated change lands after this replacement.
  const end = change.end <= offset ? change.end : Math.max(offset + inserted, change.end + delta);
  return { start: Math.min(change.start, offset), end: Math.max(end, offset + inserted), delta: change.delta + delta };
}

/** The change between two texts (common head and tail left out), or undefined when they are equal. */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let head = 0;
  // Native comparisons of 1 KiB blocks first, then character by character within the first differing one.
  while (head + 1024 <= max && before.slice(head, head + 1024) === after.slice(head, head + 1024)) head += 1024;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  const room = max - head;
  while (tail + 1024 <= room && before.slice(before.length - tail - 1024, before.length - tail) === after.slice(after.length - tail - 1024, after.length - tail)) tail += 1024;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start: head, end: after.length - tail, delta: after.length - before.length };
}

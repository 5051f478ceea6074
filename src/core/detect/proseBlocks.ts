import type { LanguageFamily } from '../types';

/**
 * Multi-line comments and docstrings: `/* ... *\/` in the C-like families and PHP, `"""` / `'''`
 * in Python. The source detector reads one line at a time, so a line inside such a block (no `*`
 * at its start) would otherwise be read as code, and `131047 means the window closed` in a
 * docstring would go unseen.
 */

/** The marks that open a block in a family, each closed by the same mark (Python) or by `*\/`. */
function openersOf(family: LanguageFamily): readonly string[] {
  if (family === 'python') return ['"""', "'''"];
  if (family === 'ruby' || family === 'json' || family === 'text') return [];
  return ['/*'];
}

/** Every mark that can open or close a block in a family (a re-scan is whole when an edit meets one). */
export function blockMarksOf(family: LanguageFamily): readonly string[] {
  const openers = openersOf(family);
  return openers.length === 1 ? ['/*', '*/'] : openers;
}

/**
 * Whether `text[at]` is outside strings and line comments on its line (read from `lineStart`).
 * Quotes are paired one character at a time, which pairs a closed `"""..."""` too.
 */
function atCodeLevel(text: string, family: LanguageFamily, lineStart: number, at: number): boolean {
  const hash = family === 'python' || family === 'php';
  const slashes = family !== 'python';
  let quote = 0;
  for (let i = lineStart; i < at; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) quote = c;
    else if (hash && c === 35) return false;
    else if (slashes && c === 47 && text.charCodeAt(i + 1) === 47) return false;
  }
  return quote === 0;
}

/**
 * Tells whether line starts lie inside a block, asked in increasing order (asking for an earlier
 * line starts over). perf: marks are found with native searches going forward, so a whole scan
 * costs one pass over the marks, whatever the number of questions.
 */
export class ProseBlocks {
  private readonly openers: readonly string[];
  /** Text before this offset has been read for marks. */
  private pos = 0;
  /** The block found last: where its opener is, and its closer (-1: none, it runs to the end). */
  private openAt = -1;
  private closeAt = -1;
  /** Earliest opener at or after `pos`, per opener kind (-2: not searched yet). */
  private next: number[];
  /** The kind (index in `openers`) of the opener `nextOpener` found last. */
  private kind = 0;
  private asked = 0;

  constructor(
    private readonly text: string,
    private readonly family: LanguageFamily,
  ) {
    this.openers = openersOf(family);
    this.next = this.openers.map(() => -2);
  }

  /** Whether the line starting at `lineStart` starts inside a block opened on an earlier line. */
  inside(lineStart: number): boolean {
    // perf: most files have no opener at all, which the first search tells.
    if (this.openers.length === 0 || this.none) return false;
    if (lineStart < this.asked) this.restart();
    this.asked = lineStart;
    for (;;) {
      if (this.openAt !== -1 && this.openAt < lineStart && (this.closeAt === -1 || this.closeAt >= lineStart)) return true;
      if (this.openAt !== -1 && this.closeAt === -1) return false;
      const at = this.nextOpener();
      if (at === -1 || at >= lineStart) return false;
      const mark = this.openers[this.kind] as string;
      const ls = this.text.lastIndexOf('\n', at - 1) + 1;
      if (!atCodeLevel(this.text, this.family, ls, at)) {
        this.pos = at + 1;
        continue;
      }
      const closer = mark === '/*' ? '*/' : mark;
      const close = this.text.indexOf(closer, at + mark.length);
      this.openAt = at;
      this.closeAt = close;
      this.pos = close === -1 ? this.text.length : close + closer.length;
    }
  }

  /** No opener is left anywhere in the text (and no block is open). */
  private get none(): boolean {
    return this.openAt === -1 && this.next.every((n) => n === -1);
  }

  private restart(): void {
    this.pos = 0;
    this.openAt = this.closeAt = -1;
    this.next = this.openers.map(() => -2);
  }

  /** The offset of the earliest opener at or after `pos` (-1: none), its kind left in `kind`. */
  private nextOpener(): number {
    let best = -1;
    for (let k = 0; k < this.openers.length; k++) {
      let at = this.next[k] as number;
      if (at === -2 || (at !== -1 && at < this.pos)) this.next[k] = at = this.text.indexOf(this.openers[k] as string, this.pos);
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
        this.kind = k;
      }
    }
    return best;
  }
}

/**
 * The lines holding a block mark, as sorted [lineStart, lineEnd] pairs. Whether a line lies inside a
 * block depends only on these lines, so a re-scan can keep earlier verdicts when an edit meets none.
 */
export function markLines(text: string, family: LanguageFamily): Int32Array {
  const starts: number[] = [];
  for (const mark of blockMarksOf(family)) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      starts.push(lineStart);
      // The rest of this line adds no other line.
      const nl = text.indexOf('\n', at);
      if (nl === -1) break;
      at = nl;
    }
  }
  starts.sort((a, b) => a - b);
  const out: number[] = [];
  for (const ls of starts) {
    if (out.length && out[out.length - 2] === ls) continue;
    const nl = text.indexOf('\n', ls);
    out.push(ls, nl === -1 ? text.length : nl);
  }
  return Int32Array.from(out);
}

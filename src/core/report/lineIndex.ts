/** A 0-based position in a text: line, and column in UTF-16 code units. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/**
 * Offset ↔ line/column over one text. Line breaks are `\n`, `\r\n` and a lone `\r`, as VS Code
 * counts them, so positions agree with the editor on CRLF and mixed line endings.
 * perf: one linear pass builds the line starts (a Uint32Array); each lookup is a binary search.
 * For offsets visited in order, LineCursor does the same without the array.
 */
export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    // perf: the starts go straight into a growing typed array (no intermediate number[] to copy),
    // and a text without `\r` is walked with indexOf, which skips whole lines natively.
    let starts = new Uint32Array(Math.min(1024, text.length + 1));
    let count = 1;
    const add = (start: number): void => {
      if (count === starts.length) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = start;
    };
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) add(i + 1);
      }
    }
    this.starts = starts.subarray(0, count);
  }

  /** Number of lines; a text ending in a line break has an empty last line. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 0-based line (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    return line >= this.starts.length ? this.text.length : (this.starts[line] as number);
  }

  /** The position of an offset (clamped to the text). */
  positionAt(offset: number): TextPosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - (this.starts[lo] as number) };
  }

  /** The offset of a position (clamped to its line's start and the text's end). */
  offsetAt(position: TextPosition): number {
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.text.length);
  }
}

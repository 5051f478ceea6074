import type { TextPosition } from './lineIndex';

/**
 * Line/column of offsets visited in increasing order, in one forward pass over the text: the
 * report's findings are sorted, so this replaces a full line index (an array as long as the text
 * has lines) with two cached `indexOf` positions. Line breaks are counted as LineIndex counts them
 * (`\n`, `\r\n`, lone `\r`). An offset before the current line restarts from the top: correct,
 * only slower.
 */
export class LineCursor {
  private line = 0;
  private lineStart = 0;
  /** Index of the first break character at or after `lineStart` (text length when none). */
  private nextBreak = -1;
  private nextLF = -1;
  private nextCR = -1;

  constructor(private readonly text: string) {
    this.nextBreak = this.breakFrom(0);
  }

  /** The position of `offset` (clamped to the text). */
  positionAt(offset: number): TextPosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    if (at < this.lineStart) this.restart();
    while (this.nextBreak < at) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.breakFrom(this.lineStart);
    }
    return { line: this.line, character: at - this.lineStart };
  }

  /**
   * The position of `end`, given the position of an earlier offset `start`: scans only the span
   * between them, so a finding's end costs its own length and leaves the cursor where it was.
   */
  positionAfter(start: number, startPosition: TextPosition, end: number): TextPosition {
    const text = this.text;
    const stop = Math.min(end, text.length);
    let line = startPosition.line;
    let lineStart = start - startPosition.character;
    for (let i = Math.max(0, start); i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, character: Math.max(stop, start) - lineStart };
  }

  private restart(): void {
    this.line = 0;
    this.lineStart = 0;
    this.nextLF = -1;
    this.nextCR = -1;
    this.nextBreak = this.breakFrom(0);
  }

  /** The next line-break character at or after `from`: a `\n`, or a `\r` not followed by `\n`. */
  private breakFrom(from: number): number {
    const text = this.text;
    // Each cache moves forward only, so the whole pass costs one scan per character class.
    if (this.nextLF < from) this.nextLF = indexOrEnd(text, '\n', from);
    if (this.nextCR < from) this.nextCR = indexOrEnd(text, '\r', from);
    if (this.nextCR < this.nextLF) return text.charCodeAt(this.nextCR + 1) === 10 ? this.nextCR + 1 : this.nextCR;
    return this.nextLF;
  }
}

function indexOrEnd(text: string, char: string, from: number): number {
  const i = text.indexOf(char, from);
  return i < 0 ? text.length : i;
}

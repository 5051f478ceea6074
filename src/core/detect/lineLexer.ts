import type { LanguageFamily } from '../types';
import { ProseBlocks } from './proseBlocks';

/** String and comment state along one line of source, for the source detector. */

/**
 * String and comment state along one line, advanced incrementally from candidate to candidate so
 * that a line with many numbers is still read once.
 */
export class LineLexer {
  private line = -1;
  private pos = 0;
  private quote = 0;
  /** The current string opened with three quotes and closes with three. */
  private triple = false;
  /** Offset of the quote that opened the current string, or -1. */
  stringAt = -1;
  /** Offset where the current comment starts, or -1. */
  commentAt = -1;
  /** The line starts inside a block comment or docstring: offset of its first non-blank, or -1. */
  proseAt = -1;
  private readonly blocks: ProseBlocks;

  constructor(
    private readonly text: string,
    private readonly family: LanguageFamily,
  ) {
    this.blocks = new ProseBlocks(text, family);
  }

  /** Move to `offset` on the line starting at `lineStart`. */
  advance(lineStart: number, offset: number): void {
    const text = this.text;
    if (this.line !== lineStart || offset < this.pos) {
      this.line = lineStart;
      this.pos = lineStart;
      this.quote = 0;
      this.triple = false;
      this.stringAt = -1;
      this.commentAt = -1;
      this.proseAt = -1;
      if (this.blocks.inside(lineStart)) {
        this.proseAt = lineStart;
        while (text.charCodeAt(this.proseAt) === 32 || text.charCodeAt(this.proseAt) === 9) this.proseAt++;
      }
      // A continuation line of a block comment: ` * 131047 ...`
      if (this.family !== 'python' && this.family !== 'ruby' && /^[ \t]*\*(?!\*?\/)/.test(text.slice(lineStart, lineStart + 80))) this.commentAt = text.indexOf('*', lineStart);
    }
    const slashComments = this.family !== 'python' && this.family !== 'ruby';
    const hashComments = this.family === 'python' || this.family === 'ruby' || this.family === 'php';
    let i = this.pos;
    while (i < offset && this.commentAt === -1) {
      const c = text.charCodeAt(i);
      if (this.quote) {
        if (c === 92) i++;
        else if (c === this.quote && (!this.triple || (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c))) {
          if (this.triple) i += 2;
          this.quote = 0;
          this.stringAt = -1;
        }
      } else if (c === 34 || c === 39 || c === 96) {
        // `"""` (Kotlin, Java text blocks, Dart, C# raw strings, Python) opens one string, not an empty one and another.
        this.triple = c !== 96 && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
        if (this.triple) i += 2;
        this.quote = c;
        this.stringAt = i;
      } else if (slashComments && c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
        this.commentAt = i;
      } else if (hashComments && c === 35 && text.charCodeAt(i + 1) !== 123 && text.charCodeAt(i + 1) !== 91) {
        this.commentAt = i;
      }
      i++;
    }
    this.pos = Math.max(i, offset);
  }
}

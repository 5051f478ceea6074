import type { Finding, LanguageFamily } from '../types';
import { isCodeFamily, lex, type Span } from './lexer';

/**
 * Suppression comments, in the eslint grammar and the language's own comment syntax:
 *
 *   // wa-errors-disable-next-line            the next line
 *   x.includes('rate limit') # wa-errors-disable-line 131048 131056   this line, only these codes
 *   /* wa-errors-disable *\/                  the whole file
 *
 * Codes after the directive (spaces or commas) limit it; text after `--` is a free-form reason.
 * Directives count only inside comments (for logs and config: after `#`, `//`, `/*` or `;`).
 */

export const DIRECTIVE = 'wa-errors-disable';

export type DirectiveScope = 'file' | 'line' | 'next-line';

export interface Directive {
  readonly scope: DirectiveScope;
  /** Zero-based line the directive applies to (the comment's own line for `file`). */
  readonly line: number;
  /** Codes it is limited to; undefined means every code. */
  readonly codes?: readonly number[];
}

/** The suppression comments of one text, ready to test findings against. */
export class Suppressions {
  constructor(
    readonly directives: readonly Directive[],
    private readonly lineStarts: readonly number[] = [0],
  ) {}

  /** True when the finding (by its start offset and codes) is silenced. */
  suppresses(finding: Pick<Finding, 'start' | 'code' | 'codes'>): boolean {
    if (this.directives.length === 0) return false;
    const codes = finding.codes ?? (finding.code !== undefined ? [finding.code] : []);
    const line = lineOf(this.lineStarts, finding.start);
    return this.directives.some((d) => (d.scope === 'file' || d.line === line) && (d.codes === undefined || d.codes.some((c) => codes.includes(c))));
  }
}

/** Offsets at which lines start. */
function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Zero-based line of an offset, by binary search over line starts. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The comment span containing `offset`, by binary search; undefined when it is in code. */
function commentAt(comments: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = comments[mid] as Span;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** For texts without a lexer (logs, YAML, .env): the directive follows a comment marker on its line. */
function plainCommentAt(text: string, offset: number): Span | undefined {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const head = text.slice(Math.max(ls, offset - 200), offset);
  if (!/(?:#|\/\/|\/\*|;|<!--)/.test(head)) return undefined;
  const nl = text.indexOf('\n', offset);
  return { start: ls, end: nl === -1 ? text.length : nl };
}

/**
 * Every suppression directive in a text. `comments` (from the lexer) may be passed when already
 * known; otherwise code families are lexed, and only when the directive word occurs at all.
 */
export function suppressionsOf(text: string, family: LanguageFamily, comments?: readonly Span[]): Suppressions {
  const directives: Directive[] = [];
  let at = text.indexOf(DIRECTIVE);
  if (at === -1) return new Suppressions(directives);
  const spans = comments ?? (isCodeFamily(family) ? lex(text, family).comments : undefined);
  const starts = lineStartsOf(text);
  for (; at !== -1; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) {
    const comment = spans ? commentAt(spans, at) : plainCommentAt(text, at);
    if (!comment) continue;
    let rest = text.slice(at + DIRECTIVE.length, Math.min(comment.end, at + 400));
    let scope: DirectiveScope = 'file';
    if (rest.startsWith('-next-line')) {
      scope = 'next-line';
      rest = rest.slice('-next-line'.length);
    } else if (rest.startsWith('-line')) {
      scope = 'line';
      rest = rest.slice('-line'.length);
    }
    if (/^[\w-]/.test(rest)) continue; // another word that merely starts the same way
    const args = rest.split(/--|\*\/|\n/)[0] as string;
    const codes = (args.match(/\d{1,9}/g) ?? []).map(Number);
    const own = lineOf(starts, at);
    const line = scope === 'next-line' ? lineOf(starts, Math.max(comment.start, comment.end - 1)) + 1 : own;
    directives.push(codes.length ? { scope, line, codes } : { scope, line });
  }
  return new Suppressions(directives, starts);
}

/**
 * The findings not silenced by a suppression comment, order kept. Reusable for any finding kind:
 * error-code findings match on `code`, title matches on any of `codes`.
 */
export function dropSuppressed<T extends Finding>(text: string, family: LanguageFamily, findings: readonly T[], comments?: readonly Span[]): T[] {
  if (findings.length === 0 || text.indexOf(DIRECTIVE) === -1) return [...findings];
  const s = suppressionsOf(text, family, comments);
  return findings.filter((f) => !s.suppresses(f));
}

/** The comment that starts a line comment in a family, for inserting a directive. */
export function lineCommentToken(family: LanguageFamily): string {
  return family === 'python' || family === 'ruby' || family === 'text' ? '#' : '//';
}

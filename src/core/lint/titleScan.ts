import type { Catalog } from '../catalog/catalog';
import { BracketPairs } from './brackets';
import { fileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { isCodeFamily, lex, type Lexed, type Literal } from './lexer';
import { dropSuppressed } from './suppress';
import { titleMatcher, type TitleMatch, type TitleMatcher } from './titleMatcher';
import { isErrorish, useSite } from './usage';

/**
 * The title lint: string and regex literals that name a catalog title and are used to match error
 * text. Cost: one lexer pass; literals without a title word are dropped by a set look-up, and
 * everything else (masking, context checks) runs only when some literal survives that.
 */

const CHECK_EVERY = 256;

/** Evidence beyond `fileContext` that a file handles Cloud API errors: a 13xxxx code, Graph's user-facing fields. */
const MORE_WHATSAPP = /\b13[0-9]{4}\b|\b80007\b|error_user_(?:title|msg)|\bwamid\b/;

/** Strings whose body is itself a delimited pattern (PHP `'/rate limit/i'`). */
const DELIMITED = /^([/#~!@%|])([\s\S]*)\1[a-zA-Z]*$/;
const REGEX_META = /[\\|^$*+?()[\]]/;

interface Candidate {
  readonly lit: Literal;
  readonly body: string;
  readonly match: TitleMatch;
}

/** The title a literal body names, reading it as a pattern where it looks like one. */
function matchBody(matcher: TitleMatcher, lit: Literal, body: string): TitleMatch | undefined {
  if (lit.regex) return matcher.matchRegex(body);
  const delimited = DELIMITED.exec(body);
  if (delimited) return matcher.matchRegex(delimited[2] as string);
  // A string with alternatives is a pattern (`new RegExp("a|b")`); other strings are first read as text.
  if (body.includes('|')) return matcher.matchRegex(body);
  return matcher.match(body) ?? (REGEX_META.test(body) ? matcher.matchRegex(body) : undefined);
}

/** Spaces in place of every character but line breaks. */
function blank(s: string): string {
  if (s.indexOf('\n') === -1) return ' '.repeat(s.length);
  return s
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

/** The text with literal bodies and comments blanked (newlines kept), so context checks see only code. */
export function maskText(text: string, lexed: Lexed): string {
  const spans = [...lexed.literals.map((l) => ({ start: l.bodyStart, end: l.bodyEnd })), ...lexed.comments].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const sp of spans) {
    if (sp.start < at) continue;
    parts.push(text.slice(at, sp.start), blank(text.slice(sp.start, sp.end)));
    at = sp.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export interface TitleScanOptions {
  readonly token?: CancelToken;
}

/** Title matches in source text, suppression comments applied, sorted by start. */
export function scanTitleMatches(text: string, family: LanguageFamily, catalog: Catalog, opts: TitleScanOptions = {}): Finding[] {
  if (!isCodeFamily(family)) return [];
  const matcher = titleMatcher(catalog);
  const lexed = lex(text, family);
  const candidates: Candidate[] = [];
  let k = 0;
  for (const lit of lexed.literals) {
    if (++k % CHECK_EVERY === 0 && opts.token?.isCancellationRequested) return [];
    if (!matcher.mayMatch(text, lit.bodyStart, lit.bodyEnd)) continue;
    const body = text.slice(lit.bodyStart, lit.bodyEnd);
    const match = matchBody(matcher, lit, body);
    if (match) candidates.push({ lit, body, match });
  }
  if (candidates.length === 0) return [];

  const masked = maskText(text, lexed);
  let wa: boolean | undefined;
  const whatsapp = (): boolean => (wa ??= fileContext(text).whatsapp || MORE_WHATSAPP.test(text));
  const out: Finding[] = [];
  const scan = { text, masked, family, collections: new Map<string, string | undefined>(), pairs: new BracketPairs(masked), opens: new Map<number, number>() };
  for (const { lit, body, match } of candidates) {
    const site = useSite(scan, lit);
    if (!site) continue;
    if (match.generic && !(whatsapp() && isErrorish(site.subject))) continue;
    if (match.partial && !match.strong && !whatsapp()) continue;
    out.push({ kind: 'title-match', start: lit.start, end: lit.end, codes: match.codes, text: body });
  }
  return dropSuppressed(text, family, out, lexed.comments);
}

import type { Catalog } from '../catalog/catalog';
import { fileContext, type FileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { BracketPairs } from './brackets';
import { isCodeFamily, lex, type Lexed, type Literal } from './lexer';
import { dropSuppressed } from './suppress';
import { titleMatcher, type TitleMatch, type TitleMatcher } from './titleMatcher';
import { isErrorish, useSite } from './usage';

/**
 * The title lint: string and regex literals that name a catalog title and are used to match error
 * text. Cost: one lexer pass; literals without a title word are dropped by a set look-up, and
 * everything else (masking, bracket pairing, the file's context) runs only when some literal
 * survives that, and then only as far as the surviving literals need it.
 */

const CHECK_EVERY = 256;

/**
 * Evidence beyond `fileContext` that a file handles Cloud API errors: a 13xxxx code where an error
 * code stands (`code: 131047`, `(#131047)`, `case 131047`), 80007, Graph's user-facing fields. A
 * bare 13xxxx number is not evidence: version strings, ids and amounts hold them too.
 */
const MORE_WHATSAPP = /(?:code|\(#|\bcase)[\s'"=:>()[\]]{0,8}13[0-9]{4}\b|\b80007\b|error_user_(?:title|msg)|\bwamid\b/i;

/** The last text judged and its verdict: the diagnostics and the quick fixes scan the same text in turn. */
let lastJudged: { text: string; whatsapp: boolean } | undefined;

/** Whether a text is about WhatsApp / Graph errors: the caller's context, else one judgement per text. */
function aboutWhatsApp(text: string, context: FileContext | undefined): boolean {
  if (context?.whatsapp === true) return true;
  if (lastJudged?.text === text) return lastJudged.whatsapp;
  const whatsapp = fileContext(text).whatsapp || MORE_WHATSAPP.test(text);
  lastJudged = { text, whatsapp };
  return whatsapp;
}

/** Strings whose body is itself a delimited pattern (PHP `'/rate limit/i'`). */
const DELIMITED = /^([/#~!@%|])([\s\S]*)\1[a-zA-Z]*$/;
const REGEX_META = /[\\|^$*+?()[\]]/;

interface Candidate {
  readonly lit: Literal;
  readonly body: string;
  readonly match: TitleMatch;
}

/**
 * Answers of `matchBody` per matcher, by body: a re-scan after an edit meets the same literals
 * again, and files repeat their titles. Bounded: cleared when it grows past MEMO_SIZE bodies.
 */
const memos = new WeakMap<TitleMatcher, Map<string, TitleMatch | null>>();
const MEMO_SIZE = 4096;

function memoMatch(matcher: TitleMatcher, lit: Literal, body: string): TitleMatch | undefined {
  let memo = memos.get(matcher);
  if (!memo) memos.set(matcher, (memo = new Map()));
  const key = lit.regex ? `/${body}` : `"${body}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const match = matchBody(matcher, lit, body);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, match ?? null);
  return match;
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

/** Runs of spaces by length, made once: most masked spans are short. */
const SPACE_RUNS: string[] = [];
const MAX_RUN = 512;

function spaces(n: number): string {
  if (n > MAX_RUN) return ' '.repeat(n);
  return (SPACE_RUNS[n] ??= ' '.repeat(n));
}

/** The text with literal bodies and comments blanked (newlines kept), so context checks see only code. */
export function maskText(text: string, lexed: Lexed): string {
  // The lexer yields literals and comments each in order and never overlapping: merge, do not sort.
  const { literals, comments } = lexed;
  const parts: string[] = [];
  let at = 0;
  let li = 0;
  let ci = 0;
  // The next line break at or after the span being blanked (-1: none left), so spans are not sliced to look.
  let nl = -2;
  while (li < literals.length || ci < comments.length) {
    const lit = literals[li];
    const com = comments[ci];
    let start: number;
    let end: number;
    if (lit && (!com || lit.bodyStart < com.start)) {
      start = lit.bodyStart;
      end = lit.bodyEnd;
      li++;
    } else if (com) {
      start = com.start;
      end = com.end;
      ci++;
    } else break;
    if (start < at) continue;
    if (nl !== -1 && nl < start) nl = text.indexOf('\n', start);
    parts.push(text.slice(at, start), nl === -1 || nl >= end ? spaces(end - start) : text.slice(start, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export interface TitleScanOptions {
  readonly token?: CancelToken;
  /** The file's context when the caller already has it (`fileContext` of the document); OR-ed with the text's own. */
  readonly context?: FileContext;
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
    const match = memoMatch(matcher, lit, body);
    if (match) candidates.push({ lit, body, match });
  }
  if (candidates.length === 0) return [];

  const masked = maskText(text, lexed);
  let wa: boolean | undefined;
  const whatsapp = (): boolean => (wa ??= aboutWhatsApp(text, opts.context));
  const out: Finding[] = [];
  const scan = { text, masked, family, collections: new Map<string, string | undefined>(), pairs: new BracketPairs(masked), opens: new Map<number, number>() };
  for (const { lit, body, match } of candidates) {
    const site = useSite(scan, lit);
    if (!site) continue;
    if (match.generic && !(isErrorish(site.subject) && whatsapp())) continue;
    if (match.partial && !match.strong && !whatsapp()) continue;
    out.push({ kind: 'title-match', start: lit.start, end: lit.end, codes: match.codes, text: body });
  }
  return dropSuppressed(text, family, out, lexed.comments);
}

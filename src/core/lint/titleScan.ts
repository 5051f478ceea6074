import type { Catalog } from '../catalog/catalog';
import { CONTEXT_HEAD, whatsAppWordEnd, type FileContext } from '../detect/context';
import type { CancelToken, Finding, LanguageFamily } from '../types';
import { BracketPairs } from './brackets';
import type { TextChange } from '../textChange';
import { isCodeFamily, lex, lexFrom, type Lexed, type Literal, type Span } from './lexer';
import { DIRECTIVE, dropSuppressed } from './suppress';
import { isEveryday, titleMatcher, type TitleMatch, type TitleMatcher } from './titleMatcher';
import { errorProvenance, OUR_SERVICE, OUR_SERVICE_NAME, type Provenance } from './provenance';
import { holdsErrorText, isErrorish, LOCAL_AHEAD, LOCAL_BACK, matchesUserText, lineBounds, mayHoldErrorText, onAssertionLine, onlyFailsTest, PositionMemo, subjectWritten, useSite, type Helper, type UsageScan, type UseSite } from './usage';
import { errorColumnValues, isErrorColumn } from './sql';
import { looksLikeSqlScript, scanSqlTitles, sqlComments } from './sqlScript';
import { scanJsonRuleTitles } from './jsonRules';

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

/** The last text judged and its evidence: the diagnostics and the quick fixes scan the same text in turn. */
let lastJudged: { text: string; evidenceEnd: number } | undefined;

/**
 * Where the first evidence ends that a text is about WhatsApp / Graph errors (its head's words, else
 * MORE_WHATSAPP anywhere), or -1 when it has none. One judgement per text.
 */
function whatsAppEvidenceEnd(text: string): number {
  if (lastJudged?.text === text) return lastJudged.evidenceEnd;
  let end = whatsAppWordEnd(text);
  if (end === -1) {
    const m = MORE_WHATSAPP.exec(text);
    end = m ? m.index + m[0].length : -1;
  }
  lastJudged = { text, evidenceEnd: end };
  return end;
}

/**
 * Names of other services whose errors say the same everyday words ("Access denied", "Service
 * unavailable", "Rate limit hit", "does not exist"): cloud storage, SMS and mail, code hosting,
 * payments, maps, databases and web frameworks.
 */
const OTHER_SERVICE = /\b(?:S3|Aws\w*|AWS|Amazon\w*|boto3?|botocore|ClientError|Twilio\w*|twilio|Octokit|octokit|GitHub\w*|Github\w*|github|Stripe\w*|stripe|Mapbox\w*|mapbox|Slack\w*|slack|Telegram\w*|telegram|PDO\w*|SQLSTATE|SqlException|Smtp\w*|SMTP\w*|smtp\w*|Imap\w*|IMAP\w*|imap\w*|PHPIMAP|Mail(?:er|gun|box|chimp)\w*|Mailchimp\w*|mailchimp|Mandrill\w*|OpenAI\w*|openai|Anthropic\w*|anthropic|SendGrid\w*|sendgrid|Django\w*|DoesNotExist|TemplateDoesNotExist|Firebase\w*|firebase|Redis\w*|redis|Mongo\w*|mongo|Postgres\w*|pgx\w*|pgconn|PgError|Npgsql\w*|psycopg\w*|MySQL\w*|mysql|Kafka\w*|kafka|Elastic\w*)\b/;
/**
 * OTHER_SERVICE's names as word starts, in any case: a looser and faster search for whether a head
 * names any at all (it may say yes for `redistribute`; then the windows are read for nothing).
 */
const ANY_OTHER_SERVICE = /\b(?:s3|aws|amazon|boto|clienterror|twilio|octokit|github|stripe|mapbox|slack|telegram|pdo|sqlstate|sqlexception|smtp|imap|phpimap|mail(?:er|gun|box|chimp)|mandrill|openai|anthropic|nodemailer|phpmailer|sendgrid|postmark|django|doesnotexist|templatedoesnotexist|firebase|fcm|apns|redis|mongo|postgres|pgx|pgconn|pgerror|npgsql|psycopg|mysql|sqlite|kafka|elastic)/i;

/** The head of a file read for the imports of other services. */
const SERVICE_HEAD = 4 * 1024;

/**
 * True when the code just above a literal (where its error was caught or received) names another
 * service and not WhatsApp or Graph. Answers are kept in `memo` for one scan.
 */
function otherServiceAround(text: string, masked: string, at: number, memo: Map<number, boolean>): boolean {
  // perf: one answer per 256-character stretch (literals cluster), read from a bounded window
  // whatever the length of the line (a minified file is one line).
  const bucket = at - (at % 256);
  const known = memo.get(bucket);
  if (known !== undefined) return known;
  const from = Math.max(0, bucket - 600);
  const to = Math.min(text.length, bucket + 456);
  const answer = otherServiceIn(text.slice(from, to), masked.slice(from, to));
  memo.set(bucket, answer);
  return answer;
}

/**
 * The window's own text for the other service's name, its code (`masked`: comments and string
 * bodies blanked by the lexer) for ours: WhatsApp named in a comment ("SMS fallback when WhatsApp
 * fails", a comment cut in half by the window) or in user-facing text ("We could not reach you on
 * WhatsApp") does not make the error ours.
 */
function otherServiceIn(around: string, masked: string): boolean {
  if (!OTHER_SERVICE.test(around)) return false;
  return !OUR_SERVICE.test(masked) && !OUR_SERVICE_NAME.test(masked);
}

/** An SMTP reply with its enhanced status code: `550 5.1.1`, `552-5.2.2`. */
const SMTP_STATUS = /\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b/;

/** Subjects that are a record's own fields, never error text: `template.name`, `contact.stage`, `tags`, `category`. */
const NAMED_FIELD = /name|template|stage|tag|categor|status|label|slug|kind/i;
/** Fields that hold identifiers too (`flagName`, `event.key`, `topic`), but also sit beside errors: counted only when the subject is no error text. */
const ID_FIELD = /flag|key|event|topic/i;
/** One lower-case word that joins a title's words (`"reengagement"`): as often a name the code chose as error text. */
const TOKEN = /^[a-z0-9]+$/;

/** TOKEN, tested without a slice for the literals that cannot be one (perf: runs per finding). */
function isToken(text: string, lit: Literal): boolean {
  const c = text.charCodeAt(lit.bodyStart);
  return ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && lit.bodyEnd - lit.bodyStart <= 40 && TOKEN.test(text.slice(lit.bodyStart, lit.bodyEnd));
}

/** True when another service's name stands on the line at `at` and ours does not (a use of a named collection or constant). */
function otherServiceOnLine(text: string, masked: string, at: number): boolean {
  const [from, to] = lineBounds(masked, at);
  return otherServiceIn(text.slice(from, to), masked.slice(from, to));
}

/** Quoted phrases (a space inside): other literals of the subject, whose words are no code (`'Mail delivery failed'`). */
const PHRASE = /(["'`])[^"'`\n]*\s[^"'`\n]*\1/g;

/** A subject with its neighbouring phrases blanked; quoted keys (`err["message"]`) stay. */
function withoutPhrases(subject: string): string {
  return subject.replace(PHRASE, '""');
}

/** Strings whose body is itself a delimited pattern (PHP `'/rate limit/i'`). */
const DELIMITED = /^([/#~!@%|])([\s\S]*)\1[a-zA-Z]*$/;
const REGEX_META = /[\\|^$*+?()[\]]/;

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
  return maskRange(text, lexed.literals, lexed.comments, 0, text.length);
}

/** `maskText` of `text[from, to)`, given the literals and comments that start there. */
function maskRange(text: string, literals: readonly Literal[], comments: readonly Span[], from: number, to: number): string {
  // The lexer yields literals and comments each in order and never overlapping: merge, do not sort.
  const parts: string[] = [];
  let at = from;
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
  parts.push(text.slice(at, Math.max(at, to)));
  return parts.join('');
}

export interface TitleScanOptions {
  readonly token?: CancelToken;
  /** The file's context when the caller already has it (`fileContext` of the document); OR-ed with the text's own. */
  readonly context?: FileContext;
}

/**
 * What a title scan of one text leaves for re-scanning the next version of it: the lexer's spans,
 * what each literal names, and the masked text (kept once some literal named a title).
 */
export interface TitleScanState {
  readonly family: LanguageFamily;
  readonly catalog: Catalog;
  readonly length: number;
  readonly literals: readonly Literal[];
  readonly comments: readonly Span[];
  /** Per literal (same index): the titles it names, or null. */
  readonly matches: readonly (TitleMatch | null)[];
  readonly masked: string | undefined;
  /** Where the text's evidence of being about WhatsApp ends (-1: none; undefined: not needed yet). */
  readonly evidenceEnd: number | undefined;
  /** The text holds a suppression directive somewhere. */
  readonly directives: boolean;
  readonly findings: readonly Finding[];
  /** Per literal (same index): its `useSite` answer when that read only code near it (see `SiteMemo`). */
  readonly sites?: readonly (SiteMemo | null)[];
  /** Whether the masked text names intents anywhere (see `inIntentRouter`), when it was looked up. */
  readonly intents?: boolean;
}

/**
 * A `useSite` answer that read no further than LOCAL_BACK before its literal and LOCAL_AHEAD after
 * it: a re-scan takes it as it is while an edit stays out of that stretch. Positions are kept
 * relative to the literal, so they hold wherever an edit before it moved it.
 */
export interface SiteMemo {
  readonly site: UseSite | undefined;
  /** What it wrote into `opens` (0) and `entries` (1): `which, lit.start - key, lit.start - value` (NaN: -1). */
  readonly writes: readonly number[];
}

/** The stretch `[from, to)` of a re-scanned text whose code changed, and the answers of the last scan. */
interface Reuse {
  readonly sites: readonly (SiteMemo | null)[];
  readonly from: number;
  readonly to: number;
}

/** Title matches in source text, suppression comments applied, sorted by start. */
export function scanTitleMatches(text: string, family: LanguageFamily, catalog: Catalog, opts: TitleScanOptions = {}): Finding[] {
  return [...(scanTitlesState(text, family, catalog, opts, false)?.findings ?? [])];
}

/** What each literal names (null: nothing); undefined when cancelled. */
function matchesOf(text: string, literals: readonly Literal[], matcher: TitleMatcher, token: CancelToken | undefined): (TitleMatch | null)[] | undefined {
  const out: (TitleMatch | null)[] = [];
  let k = 0;
  for (const lit of literals) {
    if (++k % CHECK_EVERY === 0 && token?.isCancellationRequested) return undefined;
    const may = matcher.mayMatch(text, lit.bodyStart, lit.bodyEnd);
    const whole = may ? memoMatch(matcher, lit, text.slice(lit.bodyStart, lit.bodyEnd)) : undefined;
    // Query text too long (or of too many words) to be read as one title: its filters' values may name one.
    const long = whole === undefined && !lit.regex && (may || lit.bodyEnd - lit.bodyStart > 600);
    out.push(whole ?? (long ? queryValueMatch(matcher, text, lit) : undefined) ?? null);
  }
  return out;
}

/** The first title named by a value an error column is compared with in a literal's query text. */
function queryValueMatch(matcher: TitleMatcher, text: string, lit: Literal): TitleMatch | undefined {
  for (const v of errorColumnValues(text.slice(lit.bodyStart, lit.bodyEnd))) {
    const from = lit.bodyStart + v.start + 1;
    const to = lit.bodyStart + v.end - 1;
    const match = matcher.mayMatch(text, from, to) ? (v.regex ? matcher.matchRegex(text.slice(from, to)) : matcher.match(text.slice(from, to))) : undefined;
    if (match) return match;
  }
  return undefined;
}

/**
 * A full title scan that also keeps what the next re-scan needs; undefined when cancelled. Without
 * `forEdits` (a scan for its findings only), the judgements a re-scan could reuse are not recorded.
 */
export function scanTitlesState(text: string, family: LanguageFamily, catalog: Catalog, opts: TitleScanOptions = {}, forEdits = true): TitleScanState | undefined {
  if (family === 'text') return sqlScriptState(text, catalog, opts);
  if (family === 'json') return dataState(text, catalog, scanJsonRuleTitles(text, catalog));
  const lexed = lex(text, family);
  const matches = matchesOf(text, lexed.literals, titleMatcher(catalog), opts.token);
  if (!matches) return undefined;
  const masked = matches.some((m) => m !== null) ? maskText(text, lexed) : undefined;
  return finish(text, family, catalog, { literals: lexed.literals, comments: lexed.comments, matches, masked, evidenceEnd: undefined, directives: undefined, forEdits }, opts);
}

/** The state of a text without literals (JSON, plain text): its findings, suppressions applied. */
function dataState(text: string, catalog: Catalog, found: Finding[], family: LanguageFamily = 'json', comments?: Span[]): TitleScanState {
  const directives = found.length > 0 && text.indexOf(DIRECTIVE) !== -1;
  return {
    family,
    catalog,
    length: text.length,
    literals: [],
    matches: [],
    masked: undefined,
    evidenceEnd: undefined,
    comments: comments ?? [],
    directives,
    findings: directives ? dropSuppressed(text, family, found, comments) : found,
  };
}

/** The title scan of a plain text: only a SQL script has any (its filters on error columns). */
function sqlScriptState(text: string, catalog: Catalog, opts: TitleScanOptions): TitleScanState | undefined {
  if (!looksLikeSqlScript(text)) return dataState(text, catalog, [], 'text');
  const { comments, masked } = sqlComments(text);
  const found = scanSqlTitles(text, catalog, masked, opts.token);
  return found && dataState(text, catalog, found, 'text', comments);
}

/** What `finish` needs besides the text; `evidenceEnd` and `directives` when already known. */
interface Parts {
  readonly literals: readonly Literal[];
  readonly comments: readonly Span[];
  readonly matches: readonly (TitleMatch | null)[];
  readonly masked: string | undefined;
  readonly evidenceEnd: number | undefined;
  readonly directives: boolean | undefined;
  /** After an edit: the last scan's answers and where the code changed. */
  readonly reuse?: Reuse;
  /** The state is kept for re-scans after edits: the answers that may be reused are recorded (default true). */
  readonly forEdits?: boolean;
  /** Whether the masked text names intents, when an edit cannot have changed the last scan's answer. */
  readonly intents?: boolean;
}


interface Judged {
  readonly lit: Literal;
  readonly match: TitleMatch;
  readonly site: UseSite;
}

/**
 * Every literal naming a title with where it is used to match text (literals not so used are left
 * out), and the answers that may be reused after an edit (`sites`, by literal). With `reuse`, a
 * literal whose reach lies outside the changed stretch takes its last answer.
 */
function judgeSites(scan: UsageScan, matcher: TitleMatcher, literals: readonly Literal[], matches: readonly (TitleMatch | null)[], reuse: Reuse | undefined, record: boolean): { judged: Judged[]; sites: (SiteMemo | null)[] | undefined } {
  const out: Judged[] = [];
  const sites = record ? new Array<SiteMemo | null>(literals.length).fill(null) : undefined;
  const opens = scan.opens as PositionMemo;
  const entries = scan.entries as PositionMemo;
  for (let i = 0; i < literals.length; i++) {
    const match = matches[i];
    if (!match) continue;
    const lit = literals[i] as Literal;
    // Query text filtering an error column is itself the match; each quoted value is judged on its own line.
    const filters = lit.regex ? [] : queryFilters(scan, matcher, lit);
    if (filters.length > 0) {
      out.push(...filters);
      continue;
    }
    const known = reuse?.sites[i];
    let site: UseSite | undefined;
    if (known && (lit.end + LOCAL_AHEAD <= reuse.from || lit.start - LOCAL_BACK >= reuse.to)) {
      site = known.site;
      // (its memo writes again, as if worked out: the literals after it may read them)
      const w = known.writes;
      for (let k = 0; k < w.length; k += 3) {
        const value = w[k + 2] as number;
        (w[k] === 0 ? opens : entries).set(lit.start - (w[k + 1] as number), Number.isNaN(value) ? -1 : lit.start - value);
      }
      if (sites) sites[i] = known;
    } else if (sites) {
      scan.far = false;
      opens.log = [];
      entries.log = [];
      site = useSite(scan, lit);
      if (!scan.far && site?.at === undefined) sites[i] = { site: site && detached(site), writes: relativeWrites(opens.log, entries.log, lit.start) };
      opens.log = undefined;
      entries.log = undefined;
    } else site = useSite(scan, lit);
    if (site) out.push({ lit, match, site });
  }
  return { judged: out, sites };
}

/**
 * The site with strings of their own. A slice of the text keeps the whole text alive, and an answer
 * may be kept over many edits: each would hold on to the version it was worked out on.
 */
function detached(site: UseSite): UseSite {
  const own = (s: string): string => (s.length < 13 ? s : s.split('').join(''));
  return site.variable === undefined ? { subject: own(site.subject) } : { subject: own(site.subject), variable: own(site.variable) };
}

/** A function's name where it is defined: `def detect_intent(`, `function classifyIntent(`, `func routeIntent(`, `const matchIntent = (`. */
const FUNCTION_DEFINITION = /(?:\b(?:def|function\*?|func|fun)\s+(?:\([^()\n]*\)\s*)?|\b(?:const|let|var)\s+)([A-Za-z_$][\w$]*)\s*(?:=\s*(?:async\s*)?)?\(/g;
/** How far above a use the function around it is looked for. */
const ROUTER_REACH = 2000;

/** A class or object declared by name: Kotlin's `object CustomerIntent {`, `class IntentRouter:`. */
const TYPE_DECLARATION = /\b(?:class|object|module|struct)\s+([A-Za-z_]\w*)/g;

/**
 * The function defined last above `at` (read over ROUTER_REACH characters) routes chat intents: its
 * name or what it returns says so (`def detect_intent(text)`, `fun detect(raw: String): Intent`), or
 * the class or object it is declared in does (`object CustomerIntent`).
 */
function inIntentRouter(masked: string, at: number): boolean {
  const from = Math.max(0, at - ROUTER_REACH);
  const head = masked.slice(from, at);
  let def: RegExpExecArray | undefined;
  FUNCTION_DEFINITION.lastIndex = 0;
  for (let m = FUNCTION_DEFINITION.exec(head); m; m = FUNCTION_DEFINITION.exec(head)) def = m;
  if (def === undefined) return false;
  const eol = head.indexOf('\n', def.index);
  if (/intent/i.test(head.slice(def.index, eol === -1 ? head.length : eol))) return true;
  let type: string | undefined;
  TYPE_DECLARATION.lastIndex = 0;
  const above = head.slice(0, def.index);
  for (let m = TYPE_DECLARATION.exec(above); m; m = TYPE_DECLARATION.exec(above)) type = m[1];
  return type !== undefined && /intent/i.test(type);
}

/** Memo writes (`key, value` pairs) as `SiteMemo.writes`, relative to the literal at `at`. */
function relativeWrites(opens: readonly number[], entries: readonly number[], at: number): number[] {
  const out: number[] = [];
  [opens, entries].forEach((log, which) => {
    for (let k = 0; k < log.length; k += 2) {
      const value = log[k + 1] as number;
      out.push(which, at - (log[k] as number), value === -1 ? Number.NaN : at - value);
    }
  });
  return out;
}

/** True when a literal's body holds a quote: query text quotes the values it compares (perf: no slice for the rest). */
function quotesInside(text: string, lit: Literal): boolean {
  for (let i = lit.bodyStart; i < lit.bodyEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34) return true;
  }
  return false;
}

/**
 * The quoted values of a literal's query text (SQL, JPQL, a dataframe query) that an error column is
 * compared with and that name a title, each as a literal of its own.
 */
function queryFilters(scan: UsageScan, matcher: TitleMatcher, lit: Literal): Judged[] {
  const out: Judged[] = [];
  if (!quotesInside(scan.text, lit)) return out;
  const values = errorColumnValues(scan.text.slice(lit.bodyStart, lit.bodyEnd));
  if (values.length === 0 || onAssertionLine(scan, lit.start)) return out;
  for (const v of values) {
    const value: Literal = { start: lit.bodyStart + v.start, end: lit.bodyStart + v.end, bodyStart: lit.bodyStart + v.start + 1, bodyEnd: lit.bodyStart + v.end - 1, regex: false };
    const body = scan.text.slice(value.bodyStart, value.bodyEnd);
    const match = matcher.mayMatch(scan.text, value.bodyStart, value.bodyEnd) ? (v.regex ? matcher.matchRegex(body) : memoMatch(matcher, value, body)) : undefined;
    if (match) out.push({ lit: value, match, site: { subject: v.column, query: true } });
  }
  return out;
}

/** Judges every literal that names a title by how the code uses it. */
function finish(text: string, family: LanguageFamily, catalog: Catalog, parts: Parts, opts: TitleScanOptions): TitleScanState {
  const { literals, comments, matches, masked } = parts;
  let evidenceEnd = parts.evidenceEnd;
  const whatsapp = (): boolean => {
    if (opts.context?.whatsapp === true) return true;
    evidenceEnd ??= whatsAppEvidenceEnd(text);
    return evidenceEnd !== -1;
  };
  // perf: a file that uses another service imports it at its head; a file whose head names none
  // is not searched further (one bounded search per scan).
  let serviceHead: boolean | undefined;
  // perf: the functions above a use are read only in a file that names intents at all (one search per scan).
  let intents = parts.intents;
  const routesIntents = (): boolean => (intents ??= masked !== undefined && (masked.includes('ntent') || masked.includes('NTENT')));
  const otherService = (): boolean => (serviceHead ??= ANY_OTHER_SERVICE.test(text.length > SERVICE_HEAD ? text.slice(0, SERVICE_HEAD) : text));
  const out: Finding[] = [];
  let sites: (SiteMemo | null)[] | undefined;
  // Everyday titles in a file without WhatsApp words, kept until the file's distinctive ones are judged.
  const pending: Finding[] = [];
  let ownEvidence = false;
  if (masked !== undefined) {
    const services = new Map<number, boolean>();
    const handlers = new Map<number, Provenance>();
    // One answer per line: the literals of a line share their handler.
    const provenanceAt = (at: number): Provenance => {
      const line = masked.lastIndexOf('\n', at - 1) + 1;
      if (!handlers.has(line)) handlers.set(line, errorProvenance(masked, family, at, text));
      return handlers.get(line);
    };
    const scan = {
      text,
      masked,
      family,
      collections: new Map<string, UseSite | undefined>(),
      pairs: new BracketPairs(masked),
      opens: new PositionMemo(),
      variables: new Map<string, boolean>(),
      entries: new PositionMemo(),
      helpers: new Map<string, Helper | null>(),
      userText: new Map<string, boolean>(),
      far: false,
    };
    const judgement = judgeSites(scan, titleMatcher(catalog), literals, matches, parts.reuse, parts.forEdits !== false);
    const judged = judgement.judged;
    sites = judgement.sites;
    const vouched = new Set<number>();
    for (const { match, site } of judged) if (site.at !== undefined && !isEveryday(match)) vouched.add(site.at);
    // Subjects a distinctive title is reported on hold WhatsApp error text, so everyday titles
    // compared with the same subject elsewhere need no other proof that they do (distinctive ones go
    // first). Not within one collection: a list mixing one title among everyday phrases is how chat
    // intents are written, and what it is tested against cannot be told from the list.
    const errorSubjects = new Map<string, number>();
    const vouchedSubject = (site: UseSite, at: number): boolean => {
      const where = errorSubjects.get(site.variable ?? site.subject);
      return where !== undefined && where !== at;
    };
    const ordered = [...judged.filter((j) => !isEveryday(j.match)), ...judged.filter((j) => isEveryday(j.match))];
    for (const { lit, match, site } of ordered) {
      // Everyday wording (a generic title, a weak part of one such as "rate limit", said in chats and
      // by other services too): it needs error text here and evidence that the file handles WhatsApp errors.
      const everyday = isEveryday(match);
      if (everyday && !((vouchedSubject(site, site.at ?? lit.start) || holdsErrorText(scan, site, lit.start)) && (site.variable === undefined || mayHoldErrorText(scan, site.variable)))) continue;
      // Whatever the title, a variable written only from someone's text (a chat body) holds no error.
      if (matchesUserText(scan, site, site.at ?? lit.start)) continue;
      // Nor does what a chat bot's intent router is given: `def detect_intent(text)` matches what customers write.
      if (routesIntents() && inIntentRouter(masked, site.at ?? lit.start)) continue;
      // A mail server's bounce ("550 5.1.1 Message undeliverable") says so in its own status code.
      if (SMTP_STATUS.test(text.slice(lit.bodyStart, Math.min(lit.bodyEnd, lit.bodyStart + 200)))) continue;
      // One lower-case word (`"reengagement"`) is as often the code's own name: it needs error text.
      if (!lit.regex && isToken(text, lit) && !holdsErrorText(scan, site, lit.start)) continue;
      // A distinctive part ('re-engagement') is also a campaign stage or tag: not when compared with
      // one (a regex literal's subject is only the code around it, not what it is compared with).
      // (a query's filter names its error column first: the model it queries, `StatusEvent`, is no field)
      const field = NAMED_FIELD.test(site.subject) && !(lit.regex && site.at === undefined) && !isErrorColumn((/^([A-Za-z_][\w.]*)\s/.exec(site.subject)?.[1] ?? '').replace(/__\w+$/, ''));
      if (match.partial && !everyday && !isErrorish(site.subject) && (field || (site.variable !== undefined && !mayHoldErrorText(scan, site.variable)))) continue;
      // An identifier or slug (`re_engagement`, `template-is-paused`) compared with a name, stage, tag or flag is that field's value.
      if (match.identifier && (field || (ID_FIELD.test(site.subject) && !isErrorish(site.subject)))) continue;
      if (otherService()) {
        // Another service's error (by the handler around the use), whatever the wording; without a
        // handler that tells, everyday wording near another service's name. A named collection or
        // constant is judged on the line that uses it, not beside the imports it is defined under,
        // and a distinctive title used there too vouches for its everyday ones.
        const whose = provenanceAt(site.at ?? lit.start);
        if (whose === 'other') continue;
        // No handler says whose, and the text is written above from something that is no error (a
        // bounce parser's body): in a file that works with another service too, not ours to judge.
        if (whose === undefined && !everyday && !holdsErrorText(scan, site, lit.start) && subjectWritten(scan, site, lit.start)) continue;
        const around = site.at === undefined ? otherServiceAround(text, masked, lit.start, services) : !vouched.has(site.at) && otherServiceOnLine(text, masked, site.at);
        // (a query's filter on an error column says whose text it is: `lower(error_message) LIKE '%rate limit hit%'`)
        if (whose === undefined && everyday && around && !site.query) continue;
      }
      // One word ("undeliverable") is as often the code's own status value: it needs error text.
      if (match.lone && !isErrorish(withoutPhrases(site.subject))) continue;
      // A test's assertion spelled as a condition: `if !strings.Contains(got, "...") { t.Errorf(...) }`.
      // (Last: it reads the branch, and most literals are settled before.)
      if (site.at === undefined && onlyFailsTest(scan, lit.end)) continue;
      // (the subject is kept as found: the advice reads the code from it only when it is shown)
      const finding: Finding = { kind: 'title-match', start: lit.start, end: lit.end, codes: match.codes, text: text.slice(lit.bodyStart, lit.bodyEnd), subject: site.subject };
      // (a use on another line is shown beside the warning: where the error text is actually tested)
      if (site.at !== undefined && text.lastIndexOf('\n', site.at - 1) !== text.lastIndexOf('\n', lit.start - 1)) Object.assign(finding, { useAt: site.at });
      if (everyday && !whatsapp()) pending.push(finding);
      else {
        ownEvidence ||= !everyday;
        out.push(finding);
      }
      // (-1: reported at several sites, which vouches for every site)
      if (!everyday) errorSubjects.set(site.variable ?? site.subject, errorSubjects.has(site.variable ?? site.subject) && errorSubjects.get(site.variable ?? site.subject) !== (site.at ?? lit.start) ? -1 : (site.at ?? lit.start));
    }
    out.sort((a, b) => a.start - b.start);
  }
  // A distinctive title matched in the file is evidence too: the file handles Cloud API errors
  // even when it never says "WhatsApp" (`package bsp`), so its everyday titles count.
  if (ownEvidence && pending.length > 0) {
    out.push(...pending);
    out.sort((a, b) => a.start - b.start);
  }
  const directives = parts.directives ?? text.indexOf(DIRECTIVE) !== -1;
  const findings = out.length && directives ? dropSuppressed(text, family, out, comments) : out;
  return { family, catalog, length: text.length, literals, comments, matches, masked, evidenceEnd, directives, findings, sites, intents };
}

/** Characters after an edit within which a literal is lexed again even if it looks unchanged (the lexer looks back this far). */
const RESYNC_AFTER = 200;

/** Index of the first span starting at or after `at` (spans sorted by start). */
function firstFrom(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The same string, made flat. perf: a joined string is a rope until something flattens it; the
 * use checks read the masked text in hundreds of small slices, which V8 would copy out of the rope
 * one by one, so it is flattened once here (a search over it does that).
 */
function flat(s: string): string {
  s.indexOf('\u0000');
  return s;
}

function shiftLiteral(l: Literal, by: number): Literal {
  return { start: l.start + by, end: l.end + by, bodyStart: l.bodyStart + by, bodyEnd: l.bodyEnd + by, regex: l.regex };
}

function lineStartOf(text: string, at: number): number {
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

/**
 * The title scan of `text`, a new version of the text `previous` was made from that differs from it
 * only in `change`. The lexer keeps no state between literals and comments, so it is run again only
 * from the line of the edit until it meets, past the edit, a span the previous scan also found; the
 * masked text is patched the same way. Every literal naming a title is then judged again (a use of a
 * constant may sit anywhere in the file). Undefined when cancelled.
 */
export function rescanTitles(previous: TitleScanState, text: string, change: TextChange, opts: TitleScanOptions = {}): TitleScanState | undefined {
  const { family, catalog } = previous;
  if (!isCodeFamily(family) || text.length - change.delta !== previous.length) return scanTitlesState(text, family, catalog, opts);
  const oldLits = previous.literals;
  const oldComs = previous.comments;
  const delta = change.delta;
  // Restart at the edit's line, moved back before any span that reaches it (a span's last
  // character, or the one after it that ended it, may be the edited one), and before any line that
  // ends in a backslash: the search for a regex literal's closing slash reads on over an escaped
  // line break, so a `/` there that started no regex may start one now.
  let from = lineStartOf(text, change.start);
  for (;;) {
    const lit = oldLits[firstFrom(oldLits, from) - 1];
    const com = oldComs[firstFrom(oldComs, from) - 1];
    const reach = Math.max(lit ? lit.end : -1, com ? com.end : -1);
    if (reach >= from) from = lineStartOf(text, Math.min(lit && lit.end >= from ? lit.start : Infinity, com && com.end >= from ? com.start : Infinity));
    else if (from >= 2 && text.charCodeAt(from - 2) === 92) from = lineStartOf(text, from - 1);
    else break;
  }
  const resync = change.end + RESYNC_AFTER;
  const sameAsBefore = (span: Span, comment: boolean): boolean => {
    if (span.start < resync) return false;
    const list = comment ? oldComs : oldLits;
    const old = list[firstFrom(list, span.start - delta)];
    if (!old || old.start !== span.start - delta || old.end !== span.end - delta) return false;
    if (comment) return true;
    const a = old as Literal;
    const b = span as Literal;
    return a.bodyStart === b.bodyStart - delta && a.bodyEnd === b.bodyEnd - delta && a.regex === b.regex;
  };
  const part = lexFrom(text, family, from, sameAsBefore);
  const keptLits = firstFrom(oldLits, from);
  const keptComs = firstFrom(oldComs, from);
  const resumeLits = part.stoppedAt === -1 ? oldLits.length : firstFrom(oldLits, part.stoppedAt - delta);
  const resumeComs = part.stoppedAt === -1 ? oldComs.length : firstFrom(oldComs, part.stoppedAt - delta);
  const literals = [...oldLits.slice(0, keptLits), ...part.literals, ...oldLits.slice(resumeLits).map((l) => shiftLiteral(l, delta))];
  const comments = [...oldComs.slice(0, keptComs), ...part.comments, ...oldComs.slice(resumeComs).map((c) => ({ start: c.start + delta, end: c.end + delta }))];
  const fresh = matchesOf(text, part.literals, titleMatcher(catalog), opts.token);
  if (!fresh) return undefined;
  const matches = [...previous.matches.slice(0, keptLits), ...fresh, ...previous.matches.slice(resumeLits)];
  let masked: string | undefined;
  if (matches.some((m) => m !== null)) {
    const to = part.stoppedAt === -1 ? text.length : part.stoppedAt;
    masked =
      previous.masked === undefined
        ? maskText(text, { literals, comments })
        : flat(previous.masked.slice(0, from) + maskRange(text, part.literals, part.comments, from, to) + (part.stoppedAt === -1 ? '' : previous.masked.slice(part.stoppedAt - delta)));
  }
  // What the file is about and whether it holds directives change only with what the edit touched.
  const kept = previous.evidenceEnd;
  const evidenceEnd = kept !== undefined && kept !== -1 && kept < Math.min(change.start, CONTEXT_HEAD - 1) ? kept : undefined;
  const near = text.slice(Math.max(0, change.start - DIRECTIVE.length + 1), change.end + DIRECTIVE.length - 1);
  const directives = previous.directives ? undefined : near.includes(DIRECTIVE);
  // The code changed only in [from, stoppedAt) (the masked text was patched there alone).
  const old = previous.sites;
  const reuse: Reuse | undefined =
    old === undefined || previous.masked === undefined
      ? undefined
      : { sites: [...old.slice(0, keptLits), ...new Array<null>(part.literals.length).fill(null), ...old.slice(resumeLits)], from, to: part.stoppedAt === -1 ? Infinity : part.stoppedAt };
  // (a text that named no intents still names none unless the patched stretch does: one short search, not two over the file)
  const stop = part.stoppedAt === -1 ? text.length : part.stoppedAt;
  const patched = masked === undefined ? '' : masked.slice(Math.max(0, from - 8), Math.min(masked.length, stop + 8));
  const intents = previous.intents === false && masked !== undefined && !patched.includes('ntent') && !patched.includes('NTENT') ? false : undefined;
  return finish(text, family, catalog, { literals, comments, matches, masked, evidenceEnd, directives, reuse, intents }, opts);
}

import type { Catalog } from '../catalog/catalog';

/**
 * Which catalog titles a literal names. Titles and literals are compared as sequences of words
 * (lower case; apostrophes dropped; any other punctuation separates words), so "Re-engagement
 * message", "re engagement" and "(#131047) Re-engagement message." all line up.
 *
 * A literal matches when it equals a title or variant, contains one, or is a distinctive run of
 * words of one ("pair rate limit"). "Distinctive" means at least two words, one of them not in
 * GENERIC_WORDS; single words only from SINGLE_WORD_FRAGMENTS. The longest match wins, and all
 * codes sharing it are reported ("rate limit" names every rate-limit title).
 */

/**
 * Everyday and HTTP-ish words. A title made only of these ("Something went wrong", "Access
 * denied", "Internal error", "Rate limit hit") is generic: it is reported only in WhatsApp files and
 * on error text. "rate" is one: GitHub, S3 and SMS gateways say "rate limit hit" too, while "spam
 * rate limit" and "pair rate limit" stay distinctive.
 */
const GENERIC_WORDS = new Set(
  (
    'a an the is are was be been has have had of to in on for from with by at as and or not no this that these those it its your you ' +
    'some something went wrong error errors message messages account accounts phone number numbers user users request requests ' +
    'parameter parameters param value values code codes api method service services unknown internal invalid valid missing required ' +
    'access denied permission permissions type types format found resource unavailable unavailability expired expire duplicate ' +
    'generic issue issues failed fail failure send sent sending unable cannot can too many limit limits hit exceeded reached ' +
    'not allowed bad new only please wait few minutes before after while call calls post data server temporarily blocked ' +
    'long short unsupported supported list status token auth authexception exception timeout business group groups template templates ' +
    'check again more than less one all any other rate does doesnt exist exists ' +
    // Product names: every WhatsApp file says them, so they tell one title from another no better than "the".
    'whatsapp business cloud meta facebook graph waba'
  ).split(' '),
);

/**
 * Single words distinctive enough to name a title alone. Documented rather than derived: no other
 * title word is as unambiguous in error-handling code.
 */
const SINGLE_WORD_FRAGMENTS = new Set(['undeliverable']);

/** Title words too common in any code to be worth a closer look on their own. */
const UNANCHORED = new Set(['a', 'an', 'the', 'is', 'of', 'to', 'in', 'on', 'for', 'has', 'be', 'not', 'this', 'error', 'message', 'code', 'type', 'data', 'user', 'number', 'value', 'request', 'account', 'phone', 'status', 'list', 'new', 'only', 'call']);

/** Short fragments that name their code on their own even outside an evidently WhatsApp file. */
const SELF_EVIDENT = new Set(['re engagement', 'undeliverable']);

/** A literal spelled as an identifier: no spaces, and `_` or a lower-to-upper case change between words. */
const IDENTIFIER = /^(?=\w*(?:_|[a-z][A-Z]))[A-Za-z][\w]*$/;
/** A lower-case slug: words joined by `-`, `.` or `:` with no spaces (`template-is-paused`, `rate.limit`): a flag, key or event name. */
const SLUG = /^[a-z0-9]+(?:[-_.:][a-z0-9]+)+$/;

/** Spellings that the word splitter would otherwise keep as one word. */
const COMPOUNDS: Readonly<Record<string, readonly string[]>> = {
  reengagement: ['re', 'engagement'],
  ratelimit: ['rate', 'limit'],
};

/**
 * Phrases that real code matches for a code but that are not part of its title (Meta's
 * description of 131047, and how SDKs word the 24-hour customer-service window).
 */
const EXTRA_PHRASES: readonly { readonly phrase: string; readonly codes: readonly number[] }[] = [
  { phrase: 'more than 24 hours', codes: [131047] },
  { phrase: 'customer service window', codes: [131047] },
  { phrase: '24 hour window', codes: [131047] },
];

/**
 * Parts of titles that real code searches for inside longer strings ("rate limit reached"). Their
 * codes are every title containing them, looked up in the catalog.
 */
const TITLE_PARTS: readonly string[] = [
  're-engagement',
  'rate limit',
  'pair rate limit',
  'spam rate limit',
  'not in allowed list',
  'template does not exist',
  'template param',
  'message undeliverable',
  'undeliverable',
  'receiver is incapable',
  'healthy ecosystem engagement',
];

/** Lower-cased words of a text, as the matcher compares them. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().replace(/['\u2018\u2019]/g, '').split(/[^a-z0-9]+/)) {
    if (!w) continue;
    // (own keys only: a word such as `constructor` must not find Object's)
    const parts = Object.hasOwn(COMPOUNDS, w) ? COMPOUNDS[w] : undefined;
    if (parts) out.push(...parts);
    else out.push(w);
  }
  return out;
}

export interface TitleMatch {
  readonly codes: readonly number[];
  /** Only generic words matched: needs a WhatsApp file and error text around it. */
  readonly generic: boolean;
  /** Part of a title (not a whole one) or a phrase about a code. */
  readonly partial: boolean;
  /** A part long or telling enough to stand without a WhatsApp file around it. */
  readonly strong: boolean;
  /** One word (SINGLE_WORD_FRAGMENTS): code also uses it as a status or label, so it needs error text around it. */
  readonly lone: boolean;
  /** Spelled as an identifier (`re_engagement`): a name or key, unless compared with error text. */
  readonly identifier?: boolean;
}

interface Phrase {
  readonly words: readonly string[];
  /** Words joined by single spaces, with a space on each side, for whole-word `includes`. */
  readonly padded: string;
  readonly size: number;
  readonly codes: readonly number[];
  readonly generic: boolean;
  readonly strong?: boolean;
}

/**
 * Everyday wording: a generic title, or a weak part of one such as "rate limit" (other services'
 * errors and chats say it too), which needs more evidence than a distinctive title.
 */
export function isEveryday(match: TitleMatch): boolean {
  return match.generic || (match.partial && !match.strong);
}

export class TitleMatcher {
  private readonly titles: Phrase[] = [];
  private readonly extras: Phrase[] = [];
  /** Every title word but the commonest: a literal without one cannot match anything. */
  private readonly anchors = new Set<string>();
  /** Hashes of `anchors`, and of the words that match on their own (one-word titles, SINGLE_WORD_FRAGMENTS, COMPOUNDS). */
  private readonly anchorHashes = new Set<number>();
  private readonly soloHashes = new Set<number>();
  /** Titles by each of their words, and by their first word (indexes into `titles`). */
  private readonly byWord = new Map<string, number[]>();
  private readonly byFirst = new Map<string, number[]>();

  constructor(catalog: Catalog) {
    for (const t of catalog.allTitles()) {
      const words = wordsOf(t.text);
      if (words.length === 0) continue;
      const generic = words.every((w) => GENERIC_WORDS.has(w)) || words.length === 1;
      const index = this.titles.length;
      this.titles.push({ words, padded: ` ${words.join(' ')} `, size: words.length, codes: t.codes, generic });
      for (const w of words) {
        if (!UNANCHORED.has(w)) this.anchors.add(w);
        const list = this.byWord.get(w) ?? [];
        if (list[list.length - 1] !== index) list.push(index);
        this.byWord.set(w, list);
      }
      const first = this.byFirst.get(words[0] as string) ?? [];
      first.push(index);
      this.byFirst.set(words[0] as string, first);
    }
    const extra = (phrase: string, codes: readonly number[]): Phrase => {
      const words = wordsOf(phrase);
      for (const w of words) this.anchors.add(w);
      const strong = words.length >= 3 || SELF_EVIDENT.has(words.join(' '));
      return { words, padded: ` ${words.join(' ')} `, size: words.length, codes, generic: false, strong };
    };
    for (const p of EXTRA_PHRASES) this.extras.push(extra(p.phrase, p.codes));
    for (const part of TITLE_PARTS) {
      const padded = ` ${wordsOf(part).join(' ')} `;
      const codes = [...new Set(this.titles.filter((t) => t.padded.includes(padded)).flatMap((t) => t.codes))].sort((a, b) => a - b);
      if (codes.length) this.extras.push(extra(part, codes));
    }
    for (const w of this.anchors) this.anchorHashes.add(hashWord(w));
    for (const t of this.titles) if (t.size === 1) this.soloHashes.add(hashWord(t.padded.trim()));
    for (const w of [...SINGLE_WORD_FRAGMENTS, ...Object.keys(COMPOUNDS)]) this.soloHashes.add(hashWord(w));
  }

  /**
   * Cheap first look at `text[start, end)` without allocating: can it match at all? A text of one
   * word must be a one-word title or fragment; longer texts need one title word. Words are hashed
   * as the matcher splits them (apostrophes skipped); a collision only costs a full `match`.
   */
  mayMatch(text: string, start: number, end: number): boolean {
    if (end - start < 3 || end - start > 600) return false;
    let words = 0;
    let h = 0;
    let len = 0;
    let anchored = false;
    let first = 0;
    for (let i = start; i <= end; i++) {
      let c = i < end ? text.charCodeAt(i) : 32;
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        h = (Math.imul(h, 31) + c) | 0;
        len++;
      } else if (c === 39 || c === 0x2019 || c === 0x2018) {
        continue;
      } else if (len > 0) {
        if (++words === 1) first = h;
        if (!anchored && this.anchorHashes.has(h)) anchored = true;
        if (anchored && words > 1) return true;
        h = 0;
        len = 0;
      }
    }
    return words === 1 ? this.soloHashes.has(first) : false;
  }

  /** The titles a plain text (string literal body) names, or undefined. */
  match(text: string): TitleMatch | undefined {
    if (text.length < 3 || text.length > 600) return undefined;
    // (a Graph message's code before its title: `(#131056) (business account, consumer account)` is read without it)
    const body = text.charCodeAt(0) === 40 ? text.replace(/^\(#?\d{1,7}\)\s*/, '') : text;
    if (body.length < 3) return undefined;
    // An identifier, not text: `"whatsapp_business_account"` (a webhook's `object`), `"accessDenied"`.
    // Only the fragments that name their code alone still count (`"re_engagement"`).
    const identifier = IDENTIFIER.test(body) || SLUG.test(body);
    if (identifier && !SELF_EVIDENT.has(wordsOf(body).join(' '))) return undefined;
    const words = wordsOf(body);
    if (words.length === 0 || words.length > 60 || !words.some((w) => this.anchors.has(w))) return undefined;
    const padded = ` ${words.join(' ')} `;
    let best = 0;
    let codes = new Set<number>();
    let generic = true;
    let partial = true;
    let strong = true;
    const take = (size: number, cs: readonly number[], gen: boolean, part: boolean, str: boolean): void => {
      if (size < best) return;
      if (size > best) {
        best = size;
        codes = new Set();
        generic = true;
        partial = true;
        strong = true;
      }
      for (const c of cs) codes.add(c);
      generic &&= gen;
      partial &&= part;
      strong &&= str;
    };
    const fragmentOk = distinctiveRun(words);
    const fragmentStrong = words.length >= 3 || SELF_EVIDENT.has(words.join(' '));
    // Whole titles inside the text (or equal to it): look up titles by each word as a possible first word.
    // perf: words are compared in place, never by searching the whole text once per title.
    for (let p = 0; p < words.length; p++) {
      for (const k of this.byFirst.get(words[p] as string) ?? []) {
        const t = this.titles[k] as Phrase;
        if (p + t.size > words.length || !sameWords(words, p, t.words)) continue;
        if (t.size === words.length) take(Number.MAX_SAFE_INTEGER, t.codes, t.generic, false, true);
        else take(t.size, t.codes, t.generic, false, true);
      }
    }
    // The text inside titles: only titles holding its rarest word can hold all of it.
    if (fragmentOk) {
      let rarest: readonly number[] | undefined;
      for (const w of words) {
        const list = this.byWord.get(w) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const k of rarest ?? []) {
        const t = this.titles[k] as Phrase;
        if (t.padded !== padded && t.padded.includes(padded)) take(words.length, t.codes, false, true, fragmentStrong);
      }
    }
    for (const x of this.extras) {
      if (padded.includes(x.padded)) take(x.size, x.codes, false, true, x.strong === true);
    }
    if (codes.size === 0) return undefined;
    return { codes: [...codes].sort((a, b) => a - b), generic, partial, strong, lone: words.length === 1, ...(identifier ? { identifier } : {}) };
  }

  /**
   * The titles a regex names. Alternatives (`a|b`, also inside groups: `Param(eter)? (Count|Format)`)
   * are matched one by one and their codes joined; quantifiers, anchors and classes are dropped so
   * `re-?engagement\s+message` reads as words, and a class of letters reads as its first one (`[Rr]ate`).
   */
  matchRegex(source: string): TitleMatch | undefined {
    const flat = source
      .replace(/\(\?[a-z]+\)/gi, '') // inline flags (?i)
      .replace(/\\[()]/g, '') // literal parentheses: `\(Business Account, ...\)`
      .replace(/\\[sSwWdDbBAzZG]|\.[*+?]?/g, ' ') // (\A \z \Z \G: Ruby's and PCRE's anchors)
      .replace(/\[([A-Za-z])[A-Za-z]{0,8}\]/g, '$1')
      .replace(/\{\d+(?:,\d*)?\}|\[[^\]]{0,40}\]/g, ' ')
      .replace(/\\(.)/g, '$1');
    const alternatives = (groupVariants(flat) ?? [flat]).flatMap((v) => v.replace(/\(\?:|[()^$?*+]/g, '').split('|'));
    let result: TitleMatch | undefined;
    for (const alt of new Set(alternatives)) {
      const m = this.match(alt);
      if (!m) continue;
      result = result
        ? {
            codes: [...new Set([...result.codes, ...m.codes])].sort((a, b) => a - b),
            generic: result.generic && m.generic,
            partial: result.partial || m.partial,
            strong: result.strong && m.strong,
            lone: result.lone && m.lone,
          }
        : m;
    }
    return result;
  }
}

/** Most spellings a regex's groups are expanded into before they are matched (beyond: none). */
const MAX_VARIANTS = 32;

/**
 * The strings a pattern's groups spell, innermost group first: `a(b|c)?d` → `abd`, `acd`, `ad`.
 * Undefined past MAX_VARIANTS (the caller then reads the pattern flat).
 */
function groupVariants(pattern: string): string[] | undefined {
  let out = [pattern];
  for (;;) {
    const next: string[] = [];
    let expanded = false;
    for (const v of out) {
      const g = /\((?:\?:)?([^()]*)\)(\?)?/.exec(v);
      if (!g) {
        next.push(v);
        continue;
      }
      expanded = true;
      const alts = (g[1] as string).split('|');
      if (g[2]) alts.push('');
      for (const a of alts) next.push(v.slice(0, g.index) + a + v.slice(g.index + g[0].length));
      if (next.length > MAX_VARIANTS) return undefined;
    }
    if (!expanded) return out;
    out = next;
  }
}

/** A run of words that can stand for a title on its own (see the module comment). */
function distinctiveRun(words: readonly string[]): boolean {
  if (words.length === 1) return SINGLE_WORD_FRAGMENTS.has(words[0] as string);
  return words.join(' ').length >= 8 && words.some((w) => !GENERIC_WORDS.has(w) && !/^\d+$/.test(w));
}

/** True when `words` holds `run` starting at `at`. */
function sameWords(words: readonly string[], at: number, run: readonly string[]): boolean {
  for (let i = 0; i < run.length; i++) if (words[at + i] !== run[i]) return false;
  return true;
}

/** The hash `mayMatch` computes for a lower-case word. */
function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

const cache = new WeakMap<Catalog, TitleMatcher>();

/** The matcher of a catalog, built once per catalog. */
export function titleMatcher(catalog: Catalog): TitleMatcher {
  let m = cache.get(catalog);
  if (!m) {
    m = new TitleMatcher(catalog);
    cache.set(catalog, m);
  }
  return m;
}

import type { Catalog } from '../catalog/catalog';
import { isCodeExpr, isDistinctive } from './names';
import { assignedNames, isNameChar, type SourceScan } from './sourceWindow';

/**
 * Lists in source: what a list's items are (all catalog codes? any distinctive one?) and whose it is
 * (`RETRYABLE_CODES = [`, `code in (`, `parametrize("code", [`, a loop's variable). Both answers
 * are pure functions of short strings and memoised, bounded.
 */

/** A small code that is not also a round number (`190`, `368`, `613`; not `10`, `100`, `250`). */
export function isTellingSmall(n: number): boolean {
  return n > 4 && n % 50 !== 0 && n !== 10;
}

/** What a list's items are, apart from the number being judged. */
export interface ListFacts {
  /** Every item is a catalog code. */
  readonly allCodes: boolean;
  readonly hasDistinctive: boolean;
  readonly items: number;
  /** A telling small code among the items read. */
  readonly telling: boolean;
}

/**
 * Facts of list bodies, per catalog, by body. perf: every number of a list is judged with the same
 * body (`[130429, 131056, 131047]` three times), and a re-scan after an edit meets the same lists
 * again. Bounded: cleared when it grows past MEMO_SIZE bodies.
 */
export const listFacts = new WeakMap<Catalog, Map<string, ListFacts>>();

export const MEMO_SIZE = 4096;

export function factsOf(catalog: Catalog, items: string): ListFacts {
  let memo = listFacts.get(catalog);
  if (!memo) listFacts.set(catalog, (memo = new Map()));
  let facts = memo.get(items);
  if (!facts) {
    facts = readList(catalog, items);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(items, facts);
  }
  return facts;
}

/** Read a list body item by item, stopping at the first item that is not a plain number. */
export function readList(catalog: Catalog, items: string): ListFacts {
  let allCodes = true;
  let hasDistinctive = false;
  let telling = false;
  let count = 0;
  for (const raw of items.slice(0, 400).split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    count++;
    // (named constants among the numbers say nothing either way: `setOf(4, 80007, RATE_LIMIT)`)
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(item) && !/^(?:true|false|null|None|nil|True|False)$/.test(item)) continue;
    // (codes written as strings count as the numbers: `PAGING_CODES = ("131048", "368")`)
    const digits = /^(["']?)(\d[\d_]{0,9})\1$/.exec(item)?.[2];
    if (digits === undefined) return { allCodes: false, hasDistinctive, items: count, telling };
    const n = Number(digits.replace(/_/g, ''));
    if (!catalog.has(n)) allCodes = false;
    else if (isDistinctive(n)) hasDistinctive = true;
    else if (isTellingSmall(n)) telling = true;
  }
  return { allCodes, hasDistinctive, items: count, telling };
}

/**
 * What a list's other items are (`self` is the number being judged): all catalog codes? any
 * distinctive one? how many? any telling small code, `self` included?
 */
export function groupOf(scan: SourceScan, items: string, self: number): ListFacts {
  const facts = factsOf(scan.catalog, items);
  return facts.telling || !isTellingSmall(self) ? facts : { ...facts, telling: true };
}

/**
 * `before` without the collection call that wraps a list: `x = new Set<number>(` -> `x =`,
 * `frozenset(`, `Arrays.asList(`. Read backwards from the end (no end-anchored regex, which would
 * retry from every position of the window).
 */
export function withoutCallee(before: string): string {
  let i = before.length;
  const skipBlanks = (): void => {
    while (i > 0 && (before.charCodeAt(i - 1) === 32 || before.charCodeAt(i - 1) === 9)) i--;
  };
  skipBlanks();
  if (before.charCodeAt(i - 1) === 40) {
    i--;
    skipBlanks();
  }
  if (before.charCodeAt(i - 1) === 62) {
    const open = before.lastIndexOf('<', i - 1);
    if (open !== -1 && i - open <= 62 && !/[()<]/.test(before.slice(open + 1, i - 1))) {
      i = open;
      skipBlanks();
    }
  }
  const stop = i;
  while (i > 0 && isNameChar(before.charCodeAt(i - 1))) i--;
  if (i === stop) return before.trimEnd();
  const head = before.slice(0, i);
  return head.replace(/\bnew\s*$/, '').trimEnd();
}

/**
 * The names a list belongs to: the constant it is assigned to (`TOKEN_ERRORS = [`,
 * `REFRESH = new Set<number>([`), the value tested for membership (`row_id in (`), or the
 * parameter of a parametrized test (`parametrize("amount", [`). Not the callee of a call.
 */
export function listOwner(before: string): readonly string[] {
  let names = owners.get(before);
  if (!names) {
    names = readOwner(before);
    if (owners.size >= MEMO_SIZE) owners.clear();
    owners.set(before, names);
  }
  return names;
}

/** listOwner's answers by the text before the list (a pure function of it), bounded. */
export const owners = new Map<string, readonly string[]>();

export function readOwner(before: string): readonly string[] {
  const param = /\(\s*["']([A-Za-z_]\w*)["']\s*,$/.exec(before);
  if (param) return [param[1] as string];
  // The variable of a loop over the list: Go `for _, code := range []int{`, `for (const code of [`;
  // a typed list's element type too (`range []Code{`).
  const loop = /\bfor\s+(?:[A-Za-z_]\w*\s*,\s*)?([A-Za-z_]\w*)\s*:?=\s*range\s*(?:\[\]\s*([\w.]+))?$|\bfor\s*\(\s*(?:const|let|var|final|val)?\s*([A-Za-z_$][\w$]*)\s+(?:of|in)$/.exec(before);
  if (loop) return loop[2] && !/^(?:u?int\d*|string|any|interface\{\})$/.test(loop[2]) ? [loop[1] as string, loop[2]] : [(loop[1] ?? loop[3]) as string];
  // A Go composite literal's type stands between the name and the brace: `SensorIDs = []int{`, `m := map[int]string{`.
  const typed = /^([\s\S]*?(?:=|:=))\s*(?:\[\]|map\[[^\]]*\])[\w.*]+$/.exec(before);
  if (typed) return ownerNames(assignedNames((typed[1] as string).replace(/:?=$/, '')));
  const test = /\b(?:not\s+)?in$/.exec(before);
  if (test) {
    // (the code tested is the owner, whatever the line assigns: `status = 429 if e.code in (`)
    const tested = /([A-Za-z_$][\w$]*(?:\s*(?:\?\.|\.|->)\s*[A-Za-z_$][\w$]*)*)\s*$/.exec(before.slice(0, test.index))?.[1];
    if (tested !== undefined && tested.includes('.') && isCodeExpr(tested)) return [tested.replace(/\s/g, '')];
    return assignedNames(before.slice(0, test.index));
  }
  const bare = withoutCallee(before);
  // (a quoted key names an entry, not the list: `'app limit' => [4]`)
  if (/['"]\s*(?:=>|:)$/.test(bare)) return [];
  // (`Status::where(` is a static call, not a key `Status:`)
  const op = /(?:=|:=|(?<!:):|=>)$/.exec(bare);
  return op ? ownerNames(assignedNames(bare.slice(0, op.index))) : [];
}

/** A map named `ERROR_TO_HTTP` or `codeToStatus` is keyed by its first part: what matters is `ERROR`, `code`. */
export function ownerNames(names: string[]): string[] {
  return names.map((n) => /^(.+?)(?:_TO_|_to_|To(?=[A-Z]))[A-Za-z]\w*$/.exec(n)?.[1] ?? n);
}

/** A 5-to-7-digit number the catalog lacks among a list's items. */
export function hasUnknownLongNumber(catalog: Catalog, items: string): boolean {
  for (const m of items.slice(0, 400).matchAll(/(?<![\w.])\d{5,7}(?![\w.])/g)) if (!catalog.has(Number(m[0]))) return true;
  return false;
}

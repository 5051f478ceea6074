import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { changeBetween, type TextChange } from '../../src/core/detect';
import { rescanTitles, scanTitles, scanTitlesState, type TitleScanState } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

/**
 * A re-scan takes the answers of literals far from an edit from the last scan, unless the answer
 * rested on code elsewhere (a name's uses, a collection's, a helper's body). Each case here has such
 * a dependency more than LOCAL_BACK / LOCAL_AHEAD away from the literal, and edits it in both
 * directions: the re-scan must agree with a full scan every time.
 */

const catalog = builtinCatalog();

/** Filler wider than any window a local answer reads. */
const FILLER: Record<string, string> = {
  javascript: 'doWork(item, 2);\n',
  python: 'do_work(item, 2)\n',
  kotlin: 'doWork(item, 2)\n',
  php: 'doWork($item, 2);\n',
  ruby: 'do_work(item, 2)\n',
  go: 'doWork(item, 2)\n',
};

function fill(family: string): string {
  return (FILLER[family] as string).repeat(Math.ceil(12000 / (FILLER[family] as string).length));
}

function full(text: string, family: LanguageFamily): string {
  return JSON.stringify(scanTitles(text, family, catalog));
}

/** Re-scans `state` (of `before`) to `after` and checks it against a full scan. */
function step(label: string, state: TitleScanState, before: string, after: string, family: LanguageFamily): TitleScanState {
  const next = rescanTitles(state, after, changeBetween(before, after) as TextChange);
  assert.ok(next, `${label}: not cancelled`);
  assert.equal(JSON.stringify(next.findings), full(after, family), `${label}: the re-scan differs from a full scan`);
  return next;
}

interface Case {
  readonly label: string;
  readonly family: LanguageFamily;
  /** The code with the title literal. */
  readonly near: string;
  /** The code elsewhere that makes the literal a match (or not). */
  readonly far: string;
  /** The far part comes first. */
  readonly farFirst?: boolean;
  /** The literal is reported without the far code too (a regex is a pattern by nature). */
  readonly alone?: boolean;
}

const CASES: readonly Case[] = [
  { label: 'a constant and its comparison', family: 'javascript', near: 'const RE_ENGAGEMENT = "Re-engagement message";\n', far: 'if (err.title === RE_ENGAGEMENT) reopen();\n' },
  { label: 'a named list and its membership test', family: 'javascript', near: 'const RETRYABLE = ["Spam rate limit hit", "Message Undeliverable"];\n', far: 'if (RETRYABLE.includes(err.title)) retry();\n' },
  { label: 'a stored regex and its test', family: 'javascript', near: 'const PAIR_LIMIT = /pair rate limit hit/i;\n', far: 'if (PAIR_LIMIT.test(e.message)) later();\n', alone: true },
  { label: 'a list of rule objects walked by property', family: 'javascript', near: "const RULES = [\n  { match: 'Spam rate limit hit', wait: 60 },\n];\n", far: 'const rule = RULES.find((r) => msg.includes(r.match));\n' },
  { label: 'a map looked up by error text', family: 'javascript', near: "const ADVICE = {\n  'Message Undeliverable': 'check the number',\n};\n", far: 'const tip = ADVICE[err.message];\n' },
  { label: 'a helper defined below its call', family: 'javascript', near: 'if (messageHas(err, "Re-engagement message")) reopen();\n', far: 'function messageHas(e, text) { return e.message.includes(text); }\n' },
  { label: 'a helper defined above its call', family: 'javascript', near: 'if (messageHas(err, "Re-engagement message")) reopen();\n', far: 'function messageHas(e, text) { return e.message.includes(text); }\n', farFirst: true },
  { label: 'a Python tuple walked by any()', family: 'python', near: 'TRANSIENT = ("Spam rate limit hit", "Message Undeliverable")\n', far: 'if any(t in str(exc) for t in TRANSIENT):\n    retry()\n' },
  { label: 'a Python dict keyed by title', family: 'python', near: 'ADVICE = {\n    "Message Undeliverable": "check the number",\n}\n', far: 'tip = ADVICE.get(err["message"])\n' },
  { label: 'a Kotlin set tested with in', family: 'kotlin', near: 'val RETRYABLE = setOf("Spam rate limit hit", "Message Undeliverable")\n', far: 'if (e.message in RETRYABLE) retry()\n' },
  { label: 'a PHP class constant', family: 'php', near: "const WINDOW_TITLE = 'Re-engagement message';\n", far: 'if ($e->getMessage() === self::WINDOW_TITLE) { reopen(); }\n' },
  { label: 'a Ruby frozen list', family: 'ruby', near: "RETRYABLE = ['Spam rate limit hit', 'Message Undeliverable'].freeze\n", far: 'retry if RETRYABLE.include?(error.message)\n' },
  { label: 'a Go constant', family: 'go', near: 'const reEngagement = "Re-engagement message"\n', far: 'if apiErr.Title == reEngagement {\n\treopen()\n}\n' },
];

for (const c of CASES) {
  test(`rescanTitles reuses nothing that rested on code far away: ${c.label}`, () => {
    const filler = fill(c.family);
    const head = '// WhatsApp Cloud API errors\n';
    const withFar = c.farFirst ? `${head}${c.far}${filler}${c.near}` : `${head}${c.near}${filler}${c.far}`;
    const without = c.farFirst ? `${head}${filler}${c.near}` : `${head}${c.near}${filler}`;
    const mid = c.farFirst ? `${head}${c.far}${filler}// an edit between\n${filler}${c.near}` : `${head}${c.near}${filler}// an edit between\n${filler}${c.far}`;
    let state = scanTitlesState(without, c.family, catalog) as TitleScanState;
    assert.equal(JSON.stringify(state.findings), full(without, c.family));
    // The far code arrives, goes, comes back, then an edit between the two.
    state = step('far code added', state, without, withFar, c.family);
    assert.ok(state.findings.length > 0, `${c.label}: the literal is reported once the far code uses it`);
    state = step('far code removed', state, withFar, without, c.family);
    if (!c.alone) assert.equal(state.findings.length, 0, `${c.label}: nothing is reported without the far code`);
    state = step('far code added again', state, without, withFar, c.family);
    step('an edit in between', state, withFar, mid, c.family);
  });
}

test('rescanTitles: a list longer than a window, renamed at its head, judged again item by item', () => {
  const items = Array.from({ length: 220 }, (_, i) => (i % 20 === 7 ? '  "Spam rate limit hit",\n' : `  "plain entry number ${i}",\n`)).join('');
  const text = `// WhatsApp errors\nconst RETRYABLE = [\n${items}];\n${fill('javascript')}if (RETRYABLE.includes(err.title)) retry();\n`;
  let state = scanTitlesState(text, 'javascript', catalog) as TitleScanState;
  assert.ok(state.findings.length >= 10, 'the list items far from its head are reported');
  const renamed = text.replace('const RETRYABLE = [', 'const OTHER = [');
  state = step('renamed', state, text, renamed, 'javascript');
  assert.equal(state.findings.length, 0);
  step('named back', state, renamed, text, 'javascript');
});

test('rescanTitles: an object opened far above a literal, closed or opened by an edit there', () => {
  const body = fill('javascript').replace(/\n/g, '\n  ');
  const text = `// WhatsApp errors\nconst ADVICE = {\n  ${body}'Message Undeliverable': 'check the number',\n};\nconst tip = ADVICE[err.message];\n`;
  const state = scanTitlesState(text, 'javascript', catalog) as TitleScanState;
  const closed = text.replace('const ADVICE = {\n', 'const ADVICE = {};\nconst X = (\n');
  const s1 = step('the head changed', state, text, closed, 'javascript');
  step('and back', s1, closed, text, 'javascript');
});

test('rescanTitles: an edit that names a function for intents (or stops doing so) is seen', () => {
  const before = `# WhatsApp bot\n${fill('python')}def classify(text):\n    if "message undeliverable" in text.lower():\n        return "human"\n`;
  const after = before.replace('def classify(', 'def detect_intent(');
  let state = scanTitlesState(before, 'python', catalog) as TitleScanState;
  assert.equal(state.findings.length, 1);
  state = step('renamed for intents', state, before, after, 'python');
  assert.equal(state.findings.length, 0);
  state = step('renamed back', state, after, before, 'python');
  assert.equal(state.findings.length, 1);
});

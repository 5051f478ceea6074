/**
 * Fuzz inputs: a realistic base (payload, snippet or log lines) damaged the way real files get
 * damaged: truncated writes, binary noise, broken quoting, odd encodings and absurd nesting.
 */
import type { Rng } from './prng';
import { FAMILIES, dumps, errorLogLine, errorPayload, noiseLogLine, plainTextLine, sourceSnippet } from './shapes';

type Mutation = (s: string, r: Rng) => string;

function at(s: string, r: Rng): number {
  return r.int(0, s.length);
}

function insert(s: string, r: Rng, piece: string): string {
  const i = at(s, r);
  return s.slice(0, i) + piece + s.slice(i);
}

const ODD_CHARS = ['\u0000', '\uFEFF', '\r', '\r\n', '\u2028', '\uD83D\uDE00', '\uD800', '\uDFFF', 'é', '中', '\u00A0', '\t', '\\', '"', "'", '`', '#', '(#', ')'];

const MUTATIONS: readonly Mutation[] = [
  (s, r) => s.slice(0, at(s, r)), // truncated write
  (s, r) => s.slice(at(s, r)), // log rotated mid-line
  (s, r) => insert(s, r, r.chars('\u0000\u0001\u007f\u0080\u00ff\uFFFD\uFFFF', r.int(1, 16))), // binary noise
  (s, r) => s.replace(/["']/, () => (r.chance(0.5) ? '' : '""')), // deleted or doubled quote
  (s, r) => s.replace(/[[\]{}()]/, () => r.pick(['', '[[', ']]', '{{', '}}', '(('])), // broken bracket
  (s, r) => s.replace(/\d+/, () => r.chars('0123456789', r.int(8, 400))), // huge number
  (s, r) => s.replace(/\d+/, () => r.pick(['-1', '0', '1e309', '131047.5', '0x131047', '１３１０４７', '131047n'])),
  (s, r) => insert(s, r, r.pick(ODD_CHARS)),
  (s) => s.replace(/\n/g, '\r\n'), // CRLF
  (s) => s.replace(/\n/g, '\r'), // old Mac line ends
  (s) => '\uFEFF' + s, // BOM
  (s, r) => insert(s, r, '['.repeat(r.int(10, 2000))), // deep brackets
  (s, r) => insert(s, r, '{"error":'.repeat(r.int(10, 500))), // deep objects
  (s, r) => insert(s, r, '"code":'.repeat(r.int(1, 200))),
  (s, r) => insert(s, r, '(#'.repeat(r.int(1, 500))),
  (s, r) => insert(s, r, ' '.repeat(r.int(100, 5000))), // long whitespace run before a colon or digits
  (s, r) => {
    const i = at(s, r);
    const j = Math.min(s.length, i + r.int(1, 200));
    return s.slice(0, j) + s.slice(i, j) + s.slice(j); // duplicated span
  },
  (s, r) => {
    const i = at(s, r);
    return s.slice(0, i) + s.slice(Math.min(s.length, i + r.int(1, 40))); // deleted span
  },
];

/** An undamaged base input of any kind. */
function base(r: Rng): string {
  switch (r.int(0, 5)) {
    case 0:
      return dumps(errorPayload(r), r.chance(0.5));
    case 1:
      return JSON.stringify(errorPayload(r), null, r.pick([2, 4, '\t']));
    case 2: {
      const lines: string[] = [];
      for (let i = r.int(1, 12); i > 0; i--) lines.push(r.chance(0.5) ? errorLogLine(r) : noiseLogLine(r));
      return lines.join('\n');
    }
    case 3: {
      const parts: string[] = [];
      for (let i = r.int(1, 6); i > 0; i--) parts.push(sourceSnippet(r, r.pick(FAMILIES)));
      return parts.join('\n');
    }
    case 4: {
      const lines: string[] = [];
      for (let i = r.int(1, 10); i > 0; i--) lines.push(plainTextLine(r));
      return lines.join('\n');
    }
    default:
      return r.chars('{}[]()":,#0123456789 \nabcode_sub\\\'', r.int(0, 400)); // pure punctuation soup
  }
}

/** One fuzz input: a base with 0-4 mutations applied. */
export function fuzzInput(r: Rng): string {
  let s = base(r);
  for (let n = r.int(0, 4); n > 0; n--) s = r.pick(MUTATIONS)(s, r);
  return s;
}

import { visit } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog';
import { whatsAppWordEnd } from '../detect/context';
import type { Finding } from '../types';
import { isEveryday, titleMatcher } from './titleMatcher';

/**
 * The title lint of JSON configuration: rules that match errors by their text, which the code that
 * reads them then applies (`"match": { "field": "error.message", "contains": "Rate limit hit" }`,
 * `"when": { "messageContains": ["Re-engagement message"] }`). A string is a match on titles when
 * it names one and
 * - its key is a match operator (`contains`, `regex`, `startsWith`, `messageMatches`) that names
 *   error text itself or sits beside a field naming error text (`"field": "error.message"`), or
 * - its key names error text (`"error.title"`, `"message"`) inside a condition (`when`, `match`,
 *   `if`, `where`, `filter`).
 * Webhook payloads, i18n bundles and fixtures have no such keys. Only documents up to MAX_CHARS
 * are read: configuration is small, logs are not.
 */

const MAX_CHARS = 1024 * 1024;

/** A key that compares: `contains`, `regex`, `pattern`, `startsWith`, `messageMatches`, `title_like`. */
const OPERATOR_KEY = /(?:contain|include|match|regexp?|pattern|starts?_?with|ends?_?with|equal|like)(?:e?s)?$/i;
/** Keys (or field paths) that name an error's text. */
const ERROR_TEXT = /(?:message|msg|title|details?|reason|error)$/i;
/** Keys that hold the field a rule compares: `"field": "error.message"`. */
const FIELD_KEY = /^(?:field|path|property|attribute|key|on|subject|target|source|selector)$/i;
/** Keys of an object that is a condition: `"when": { ... }`. */
const CONDITION_KEY = /^(?:when|match(?:es)?|if|conditions?|where|filter|criteria|matcher|test)$/i;
/** Keys naming a rule's operator as a value: `"op": "contains"` beside `"value": "..."`. */
const OP_KEY = /^(?:op|operator|comparator|comparison|predicate)$/i;
/** Keys holding the operand of such a rule. */
const VALUE_KEY = /^(?:value|values|operand|pattern|text|needle|expected)$/i;
/** A first look: some key in the text compares or is a condition (a config without one is not walked). */
const HINT = /"[\w.$-]*(?:contain|include|match|regex|pattern|with|equal|like|when|condition|filter|where|criteria)[\w.$-]*"\s*:|"(?:op|operator)"\s*:/i;

/** One object being walked: its key in the parent, and what it holds so far. */
interface Frame {
  readonly key: string | undefined;
  /** String values of FIELD_KEY properties. */
  fields: string[];
  /** The value of an OP_KEY property: the operator its VALUE_KEY operands are compared with. */
  op?: string;
  /** Candidate values: offsets of the string with its key. */
  readonly values: { key: string; start: number; end: number; value: string }[];
}

/** Title matches in a JSON configuration, sorted by start. */
export function scanJsonRuleTitles(text: string, catalog: Catalog): Finding[] {
  if (text.length > MAX_CHARS || !HINT.test(text)) return [];
  const matcher = titleMatcher(catalog);
  const stack: Frame[] = [];
  let property: string | undefined;
  // The key an array is under, so its strings are judged as that key's values.
  const arrays: (string | undefined)[] = [];
  const distinctive: Finding[] = [];
  const everyday: Finding[] = [];

  const judge = (frame: Frame): void => {
    const beside = frame.fields.some((f) => ERROR_TEXT.test(f));
    const inCondition = frame.key !== undefined && CONDITION_KEY.test(frame.key);
    // (`=~`, `~*`: regex operators written as symbols)
    const byOp = frame.op !== undefined && (OPERATOR_KEY.test(frame.op) || /^(?:=~|~\*?|==?)$/.test(frame.op.trim()));
    for (const v of frame.values) {
      const operand = byOp && VALUE_KEY.test(v.key);
      const operator = OPERATOR_KEY.test(v.key) || operand;
      // (a field named beside decides what is compared: `"field": "customer.text"` is not error text)
      const ok = operator ? ERROR_TEXT.test(v.key.replace(OPERATOR_KEY, '').replace(/[_.-]$/, '')) || (frame.fields.length > 0 ? beside : inCondition) : inCondition && ERROR_TEXT.test(v.key);
      if (!ok) continue;
      const match = /regexp?|pattern|match|~/i.test(operand ? (frame.op as string) : v.key) ? matcher.matchRegex(v.value) : matcher.match(v.value);
      if (!match) continue;
      const finding: Finding = { kind: 'title-match', start: v.start, end: v.end, codes: match.codes, text: v.value };
      (isEveryday(match) ? everyday : distinctive).push(finding);
    }
  };

  visit(
    text,
    {
      onObjectBegin: () => {
        const key = arrays.length > 0 && property === undefined ? arrays[arrays.length - 1] : property;
        stack.push({ key, fields: [], values: [] });
        property = undefined;
      },
      onObjectProperty: (name) => {
        property = name;
      },
      onObjectEnd: () => {
        const frame = stack.pop();
        if (frame) judge(frame);
        property = undefined;
      },
      onArrayBegin: () => {
        arrays.push(property);
        property = undefined;
      },
      onArrayEnd: () => {
        arrays.pop();
        property = undefined;
      },
      onLiteralValue: (value: unknown, offset: number, length: number) => {
        const frame = stack[stack.length - 1];
        // A string straight under a key, or an item of an array that is a key's value in this object.
        const key = property ?? (arrays.length > 0 ? arrays[arrays.length - 1] : undefined);
        property = undefined;
        if (!frame || key === undefined || typeof value !== 'string' || value.length > 300) return;
        if (FIELD_KEY.test(key)) frame.fields.push(value);
        else if (OP_KEY.test(key)) frame.op = value;
        else if (/[a-z]/i.test(value)) frame.values.push({ key, start: offset, end: offset + length, value });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  const out = distinctive.length > 0 || whatsAppWordEnd(text) !== -1 ? [...distinctive, ...everyday] : distinctive;
  return out.sort((a, b) => a.start - b.start);
}

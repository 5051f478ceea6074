import { visit } from 'jsonc-parser';

/** The fields of the error object around a code, as plain strings, for a hover in a log. */
export interface ErrorPayload {
  readonly code?: string;
  readonly subcode?: string;
  readonly details?: string;
  readonly fbtraceId?: string;
  readonly message?: string;
  readonly title?: string;
  readonly type?: string;
}

/** Lines longer than this are cut to a window around the offset (the walk stays cheap). */
const MAX_LINE = 16384;
const HALF_WINDOW = 4096;

const FIELD: Record<string, keyof ErrorPayload> = {
  code: 'code',
  error_code: 'code',
  errorcode: 'code',
  error_subcode: 'subcode',
  errorsubcode: 'subcode',
  details: 'details',
  fbtrace_id: 'fbtraceId',
  fbtraceid: 'fbtraceId',
  message: 'message',
  errormessage: 'message',
  title: 'title',
  type: 'type',
};

interface Frame {
  readonly start: number;
  readonly key: string;
  readonly fields: Partial<Record<keyof ErrorPayload, string>>;
}

function isError(f: Frame): boolean {
  return f.fields.code !== undefined || f.fields.subcode !== undefined;
}

/**
 * The error object enclosing `offset` on one line of a log (JSON, possibly truncated): its code,
 * `error_subcode`, `error_data.details`, `fbtrace_id`, `message`, `title` and `type` as strings.
 * Only the line is read (a window of it when it is very long); `undefined` when no error object
 * with a code encloses the offset.
 */
export function payloadAt(lineText: string, offset: number): ErrorPayload | undefined {
  let base = 0;
  let line = lineText;
  if (line.length > MAX_LINE) {
    base = Math.max(0, offset - HALF_WINDOW);
    line = line.slice(base, offset + HALF_WINDOW);
  }
  const at = offset - base;
  const stack: Frame[] = [];
  let key = '';
  let found: Frame | undefined;
  const take = (value: unknown): void => {
    const top = stack[stack.length - 1];
    const lower = key.toLowerCase();
    // (own keys only: a key such as `constructor` must not find Object's)
    const field = Object.hasOwn(FIELD, lower) ? FIELD[lower] : undefined;
    if (!top || !field || top.fields[field] !== undefined) return;
    if (typeof value === 'string' || typeof value === 'number') top.fields[field] = String(value);
  };
  visit(line, {
    onObjectBegin: (o) => {
      stack.push({ start: o, key, fields: {} });
      key = '';
    },
    onObjectProperty: (name) => {
      key = name;
    },
    onObjectEnd: (o, len) => {
      const f = stack.pop();
      if (!f) return;
      const parent = stack[stack.length - 1];
      // `error_data.details` belongs to the error object around it.
      if (parent && /^error_?data$/i.test(f.key) && f.fields.details !== undefined) parent.fields.details ??= f.fields.details;
      if (!found && isError(f) && f.start <= at && at <= o + len) found = f;
    },
    onArrayBegin: () => {
      key = '';
    },
    onLiteralValue: (value) => {
      take(value);
    },
  });
  // A truncated line leaves objects open: the innermost open error object that starts before the offset.
  for (let k = stack.length - 1; !found && k >= 0; k--) {
    const f = stack[k] as Frame;
    if (f.start <= at && isError(f)) found = f;
  }
  return found ? { ...found.fields } : undefined;
}

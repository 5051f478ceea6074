/** Fields of an error payload that help explain one occurrence of a code (never interpreted, only shown). */
export interface PayloadFieldValues {
  /** `error_data.details` (or a `details` key of the same object). */
  readonly details?: string;
  readonly subcode?: string;
  readonly fbtraceId?: string;
}

/** A `"code"` key: bounds of neighbouring error objects on the same line. */
const CODE_KEY = /"code"\s*:/g;
// Alternatives do not overlap (`[^"\\]` excludes the backslash), so these run in linear time.
const DETAILS = /"details"\s*:\s*"((?:[^"\\]|\\.){0,2000})"/;
const SUBCODE = /"error_subcode"\s*:\s*"?(\d{1,12})/;
const FBTRACE = /"fbtrace_id"\s*:\s*"((?:[^"\\]|\\.){0,200})"/;

/**
 * The payload fields of the error object whose code starts at `offset` in `text` (one log line, or a
 * bounded window of it). The object is approximated by the span up to the next `"code"` key, which keeps
 * several errors on one NDJSON line apart without parsing the line.
 */
export function payloadFieldsAt(text: string, offset: number): PayloadFieldValues {
  let last = 0; // end of the last "code" key before the offset
  const after: number[] = []; // starts of the (at most two) "code" keys after the offset
  CODE_KEY.lastIndex = 0;
  for (let m = CODE_KEY.exec(text); m && after.length < 2; m = CODE_KEY.exec(text)) {
    const keyEnd = m.index + m[0].length;
    if (keyEnd <= offset) last = keyEnd;
    else after.push(m.index);
  }
  // Real payloads put error_data, error_subcode and fbtrace_id after "code", so only what follows the
  // object's key is read: from the code's own key, or, for a code inside text such as a Graph
  // `"message": "(#131030) ..."`, from the code up to the key after the object's own key.
  const ownValue = last > 0 && /^[\s"]*\d*$/.test(text.slice(last, offset));
  const segment = ownValue ? text.slice(last, after[0] ?? text.length) : text.slice(offset, after[1] ?? text.length);
  return {
    details: jsonString(DETAILS.exec(segment)?.[1]),
    subcode: SUBCODE.exec(segment)?.[1],
    fbtraceId: jsonString(FBTRACE.exec(segment)?.[1]),
  };
}

/** The value of a JSON string body, or the raw body when it is not valid JSON escaping. */
function jsonString(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(`"${raw}"`);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}

import { isAscii } from 'node:buffer';

/** The encodings a scanned file is decoded with. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many leading bytes decide whether a file is text (as git and grep do). */
export const SNIFF_BYTES = 8 * 1024;

/** Above this share of replacement or control characters in the sniffed bytes, a file is binary. */
const MAX_ODD_SHARE = 0.1;

/**
 * The encoding of a file from its first bytes, or undefined for a binary file. A UTF-16 byte
 * order mark decides UTF-16; otherwise a NUL byte, or a high share of invalid UTF-8 and control
 * characters, means binary; everything else is read as UTF-8 (invalid bytes become U+FFFD).
 */
export function sniffEncoding(head: Uint8Array): TextEncodingName | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return undefined;
  // perf: ASCII bytes are their own characters, so the count needs no decoding.
  if (isAscii(sample)) return oddCount(sample) > sample.length * MAX_ODD_SHARE ? undefined : 'utf-8';
  // stream: a character cut at the end of the sample is not counted as invalid.
  const text = new TextDecoder('utf-8').decode(sample, { stream: true });
  let odd = 0;
  for (let i = 0; i < text.length; i++) if (isOdd(text.charCodeAt(i))) odd++;
  return odd > text.length * MAX_ODD_SHARE ? undefined : 'utf-8';
}

/** A replacement or control character; tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are ordinary in text files. */
function isOdd(c: number): boolean {
  return c === 0xfffd || (c < 32 && !(c >= 9 && c <= 13) && c !== 27) || c === 127;
}

function oddCount(bytes: Uint8Array): number {
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (isOdd(bytes[i] as number)) odd++;
  return odd;
}

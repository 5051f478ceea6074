import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { SNIFF_BYTES, sniffEncoding } from './encoding';
import { GROUP_CHARS, LineGroups, type TextGroup } from './lineGroups';

const CHUNK_BYTES = 1024 * 1024;

/**
 * perf: a regular file up to this size is read and decoded in one piece (one read, one decode, one
 * pass of line mapping); a larger one, or a pipe, is streamed in bounded memory by `readText`.
 */
export const WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/** A file's bytes when read whole, or 'stream' when it must be streamed with `readText`. */
export type FileBytes = Buffer | 'stream';

/**
 * Reads a regular file of at most `maxBytes` whole; anything else is left to `readText`.
 * perf: synchronous on purpose. The scan is CPU-bound on one thread, so nothing else could run
 * meanwhile, and a stat plus one read from the page cache costs microseconds, far less than the
 * promise round trips of open/stat/read/close through the thread pool (measured: 2 s per 10,000
 * files). Stat first, because opening a FIFO would block until a writer comes.
 */
export function readWhole(path: string, maxBytes: number = WHOLE_FILE_BYTES): FileBytes {
  const stats = statSync(path);
  return stats.isFile() && stats.size <= maxBytes ? readFileSync(path) : 'stream';
}

/**
 * The text of a whole file, decoded as `readText` decodes it (same sniffing, BOM stripped, invalid
 * bytes replaced), or undefined for a binary file.
 */
export function decodeWhole(bytes: Uint8Array): string | undefined {
  const encoding = sniffEncoding(bytes);
  if (!encoding) return undefined;
  // perf: ASCII (most logs and source) decodes as Latin-1, a plain copy into a one-byte string.
  if (encoding === 'utf-8' && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Reads a file in chunks and hands its text to `onGroup` in groups of whole lines (see LineGroups),
 * so a file of any size is scanned in bounded memory. Decodes UTF-8 (BOM stripped, invalid bytes
 * replaced) or, after a BOM, UTF-16 LE/BE. Returns 'binary', without calling `onGroup`, for a file
 * that is not text. Also reads pipes and FIFOs named on the command line.
 */
export async function readText(path: string, onGroup: (group: TextGroup) => void | Promise<void>, groupChars = GROUP_CHARS): Promise<'text' | 'binary'> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    // Fill at least the sniffed prefix: a pipe may hand it over in several short reads.
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, CHUNK_BYTES - filled, null);
      filled += bytesRead;
      if (bytesRead === 0 || filled >= SNIFF_BYTES) break;
    }
    const encoding = sniffEncoding(buf.subarray(0, filled));
    if (!encoding) return 'binary';

    const decoder = new TextDecoder(encoding);
    const groups = new LineGroups(groupChars);
    const emit = async (done: readonly TextGroup[]): Promise<void> => {
      for (const g of done) await onGroup(g);
    };
    let bytes = filled;
    while (bytes > 0) {
      await emit(groups.push(decoder.decode(buf.subarray(0, bytes), { stream: true })));
      bytes = (await handle.read(buf, 0, CHUNK_BYTES, null)).bytesRead;
    }
    await emit(groups.push(decoder.decode()));
    await emit(groups.end());
    return 'text';
  } finally {
    await handle.close();
  }
}

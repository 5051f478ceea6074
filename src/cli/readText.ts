import { open } from 'node:fs/promises';
import { SNIFF_BYTES, sniffEncoding } from './encoding';
import { GROUP_CHARS, LineGroups, type TextGroup } from './lineGroups';

const CHUNK_BYTES = 1024 * 1024;

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

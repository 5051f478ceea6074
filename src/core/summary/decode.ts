/** Thrown by {@link TextChunks} when the first bytes say the file is not text. */
export class BinaryFileError extends Error {
  constructor() {
    super('binary file');
    this.name = 'BinaryFileError';
  }
}

/** Bytes looked at for a NUL: text never has one, nearly every binary format has one early. */
const SNIFF_BYTES = 8192;

/**
 * Bytes to text across chunk boundaries: picks UTF-8 or UTF-16 from a BOM, keeps a multi-byte
 * character split between chunks intact (streaming TextDecoder, a web and Node global), and
 * rejects binary files by a NUL byte in the first chunk (UTF-16 files are recognised by their BOM first).
 */
export class TextChunks {
  private decoder: TextDecoder | undefined;
  /** The first byte alone, when a chunk that small came first: a BOM needs two. */
  private head: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (!this.decoder) {
      if (this.head) bytes = concat(this.head, chunk);
      if (bytes.length < 2) {
        this.head = bytes;
        return '';
      }
      this.head = undefined;
      const encoding = bomEncoding(bytes);
      if (encoding === 'utf-8' && bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new BinaryFileError();
      // The BOM is dropped (ignoreBOM: false), so columns match the editor's. Invalid bytes become U+FFFD.
      this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
    }
    return this.decoder.decode(bytes, { stream: true });
  }

  /** The characters the decoder still holds (an incomplete sequence at the end becomes U+FFFD). */
  end(): string {
    if (this.head) return new TextDecoder().decode(this.head);
    return this.decoder?.decode() ?? '';
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

import * as vscode from 'vscode';

/**
 * Reads a file as a sequence of byte chunks. The Node build passes a streaming reader (any size);
 * the web build uses {@link workspaceFsReader}, which holds the file in memory and so has a cap.
 */
export interface FileChunkReader {
  /** Largest file this reader accepts, in bytes (undefined: no limit). */
  readonly maxBytes?: number;
  read(uri: vscode.Uri, token: vscode.CancellationToken): AsyncIterable<Uint8Array>;
}

/** Size of the pieces handed to the summarizer: big enough to amortise a scan, small enough to stay responsive. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

/** `workspace.fs.readFile`, sliced: works on every file system provider, including the web. */
export const workspaceFsReader: FileChunkReader = {
  maxBytes: 100 * 1024 * 1024,
  async *read(uri) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
  },
};

/** Thrown by {@link TextChunks} when the first bytes say the file is not text. */
export class BinaryFileError extends Error {}

/**
 * Bytes to text across chunk boundaries: picks UTF-8 or UTF-16 from a BOM, keeps a multi-byte
 * character split between chunks intact (streaming TextDecoder), and rejects binary files by a NUL
 * byte in the first chunk (UTF-16 files are recognised by their BOM first).
 */
export class TextChunks {
  private decoder: TextDecoder | undefined;

  decode(bytes: Uint8Array): string {
    if (!this.decoder) {
      const encoding = bomEncoding(bytes);
      if (encoding === 'utf-8' && bytes.subarray(0, 8192).includes(0)) throw new BinaryFileError();
      // ignoreBOM: false drops the BOM, so line and column numbers match the editor's.
      this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
    }
    return this.decoder.decode(bytes, { stream: true });
  }

  /** The last characters held back by the decoder (an incomplete sequence becomes U+FFFD). */
  end(): string {
    return this.decoder?.decode() ?? '';
  }
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

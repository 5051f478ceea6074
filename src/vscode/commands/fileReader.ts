import * as vscode from 'vscode';

export { BinaryFileError, TextChunks } from '../../core/summary/decode';

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

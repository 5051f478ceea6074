import { createReadStream } from 'node:fs';
import type * as vscode from 'vscode';
import { CHUNK_BYTES, type FileChunkReader, workspaceFsReader } from './fileReader';

/**
 * Streams local files of any size (VS Code does not give extensions documents over 50 MB) in
 * chunks of {@link CHUNK_BYTES}; other schemes fall back to `workspace.fs`. Desktop only: the web
 * bundle must not import this module.
 */
export const nodeFileReader: FileChunkReader = {
  read(uri: vscode.Uri, token: vscode.CancellationToken): AsyncIterable<Uint8Array> {
    if (uri.scheme !== 'file') return workspaceFsReader.read(uri, token);
    return streamFile(uri.fsPath, token);
  },
};

async function* streamFile(path: string, token: vscode.CancellationToken): AsyncIterable<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      if (token.isCancellationRequested) return;
      yield chunk as Buffer;
    }
  } finally {
    stream.destroy();
  }
}

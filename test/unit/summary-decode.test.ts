/** Bytes to text for the streamed log summary: encodings from the BOM, split characters, binary files. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { BinaryFileError, TextChunks } from '../../src/core/summary/decode';
import { LogSummarizer } from '../../src/core/summary';

const encoder = new TextEncoder();

function decodeAll(chunks: readonly Uint8Array[]): string {
  const d = new TextChunks();
  return chunks.map((c) => d.decode(c)).join('') + d.end();
}

/** Cuts bytes at every `step`. */
function cut(bytes: Uint8Array, step: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += step) out.push(bytes.subarray(i, i + step));
  return out;
}

describe('summary: decoding chunks', () => {
  test('a multi-byte character split between chunks survives', () => {
    const text = 'envío fallido: (#131047) 🙂 señal\n';
    const bytes = encoder.encode(text);
    for (const step of [1, 2, 3, 5]) assert.equal(decodeAll(cut(bytes, step)), text, `step ${step}`);
  });

  test('a UTF-8 BOM is dropped so columns match the editor', () => {
    assert.equal(decodeAll([new Uint8Array([0xef, 0xbb, 0xbf, 0x61])]), 'a');
  });

  test('UTF-16 LE and BE files are recognised by their BOM, not taken for binary', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x31, 0x00, 0x0a, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x31, 0x00, 0x0a]);
    assert.equal(decodeAll(cut(le, 1)), '1\n');
    assert.equal(decodeAll(cut(be, 3)), '1\n');
  });

  test('a NUL byte near the start means binary', () => {
    assert.throws(() => new TextChunks().decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), BinaryFileError);
  });

  test('invalid UTF-8 becomes U+FFFD instead of failing', () => {
    assert.equal(decodeAll([new Uint8Array([0x61, 0xff, 0x62])]), 'a\ufffdb');
  });

  test('decoded chunks feed the summarizer with the same result as the whole text', () => {
    const line = '{"error":{"message":"(#131056) pair rate limit","code":131056,"fbtrace_id":"A1"}}';
    const bytes = encoder.encode(`\ufeff{"msg":"héllo"}\r\n${line}\r\n{"msg":"ok"}\r\n${line}`);
    const d = new TextChunks();
    const s = new LogSummarizer('json', builtinCatalog());
    for (const c of cut(bytes, 7)) s.push(d.decode(c));
    s.push(d.end());
    const got = s.finish().codes.map((c) => [c.code, c.count, c.firstLine, c.lastLine]);
    assert.deepEqual(got, [[131056, 2, 1, 3]]);
  });
});

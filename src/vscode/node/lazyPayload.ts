// Desktop build only (esbuild.js substitutes it for src/core/detect/payload.ts in dist/extension.js):
// the reader of a log line's error object, with the JSON tokenizer it uses, is read from
// dist/payload.js the first time a hover in a log needs it. Activation never does; the web bundle
// keeps it inline.
import * as path from 'path';
import type * as Payload from '../../core/detect/payload';

export type { ErrorPayload } from '../../core/detect/payload';

let payload: typeof Payload | undefined;

export const payloadAt: typeof Payload.payloadAt = (...args) => {
  // (a path computed at run time: esbuild leaves this require to Node)
  payload ??= require(path.join(__dirname, 'payload.js')) as typeof Payload;
  return payload.payloadAt(...args);
};

// Desktop build only (esbuild.js substitutes it for src/core/detect/source.ts in dist/extension.js):
// the detector of codes in source code is read from dist/source.js the first time a source file is
// scanned (a hover, CodeLens). A session that opens only logs never loads it, and activation never
// does. The web and CLI bundles keep it inline.
import * as path from 'path';
import type * as Source from '../../core/detect/source';

let source: typeof Source | undefined;

export const scanSource: typeof Source.scanSource = (...args) => {
  // (a path computed at run time: esbuild leaves this require to Node)
  source ??= require(path.join(__dirname, 'source.js')) as typeof Source;
  return source.scanSource(...args);
};

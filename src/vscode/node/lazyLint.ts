// Desktop build only (esbuild.js substitutes it for src/core/lint/index.ts in dist/extension.js): the
// title lint is read from dist/lint.js on first use. It lints source, SQL and JSON files only, so a
// session that opens only logs never loads it, and activation never does. The web and CLI bundles
// keep it inline.
import * as path from 'path';
import type * as Lint from '../../core/lint';

export type { Fix, TextEdit, TitleScanState } from '../../core/lint';

let lint: typeof Lint | undefined;

function load(): typeof Lint {
  // (a path computed at run time: esbuild leaves this require to Node)
  lint ??= require(path.join(__dirname, 'lint.js')) as typeof Lint;
  return lint;
}

export const scanTitles: typeof Lint.scanTitles = (...args) => load().scanTitles(...args);
export const scanTitlesState: typeof Lint.scanTitlesState = (...args) => load().scanTitlesState(...args);
export const rescanTitles: typeof Lint.rescanTitles = (...args) => load().rescanTitles(...args);
export const fixesFor: typeof Lint.fixesFor = (...args) => load().fixesFor(...args);
export const titleMatchMessage: typeof Lint.titleMatchMessage = (...args) => load().titleMatchMessage(...args);

/**
 * Shared data shapes of the pure core. Nothing here imports `vscode` or Node built-ins,
 * so the same types serve the extension, the web extension and the CLI.
 */

/** What a client should do when it meets an error code. */
export type RetryAdvice =
  | 'retry-with-backoff' // transient: wait and send again
  | 'fix-request' // the request itself is wrong: change it before sending again
  | 'do-not-retry' // sending again cannot succeed (policy, recipient, window closed)
  | 'contact-support' // persistent platform-side problem
  | 'refresh-token'; // authentication: get a new access token, then retry

/** One documented (or well-attested) Cloud API error code, or a code range such as 200-299. */
export interface CatalogEntry {
  /** The code, or the low end of a range. */
  readonly code: number;
  /** High end of a range (inclusive); absent for a single code. */
  readonly codeEnd?: number;
  /** "131047" or "200-299": how the entry is named in the CLI and the UI. */
  readonly key: string;
  /** Meta's title, verbatim (titles are identifiers). */
  readonly title: string;
  /** Older, observed or re-cased titles seen in real payloads and SDKs. */
  readonly variants: readonly string[];
  readonly category: string;
  /** HTTP status Meta documents for the code, or null when unknown. */
  readonly httpStatus: number | null;
  /** Our own words, faithful to Meta's description. */
  readonly description: string;
  /** Our own words, faithful to Meta's possible solution. */
  readonly solution: string;
  readonly retry: RetryAdvice;
  readonly docsUrl: string;
  /** Set when the title or status is poorly attested: says what is uncertain. */
  readonly confidenceNote?: string;
  /** True for codes that Meta no longer lists (kept so old code and logs still explain). */
  readonly legacy?: boolean;
  /** True for user or workspace entries from the `waErrors.customCodes` setting. */
  readonly custom?: boolean;
}

export type FindingKind = 'error-code' | 'title-match';

/** One thing the detectors found, located by UTF-16 offsets into the scanned text. */
export interface Finding {
  readonly kind: FindingKind;
  /** Offset of the first character of the match (the number, or the string literal). */
  readonly start: number;
  /** Offset just past the match. */
  readonly end: number;
  /** For `error-code`: the code found (may be absent from the catalog: an unknown code in an error context). */
  readonly code?: number;
  /** For `title-match`: the catalog codes whose title or variant the text matches. */
  readonly codes?: readonly number[];
  /** For `title-match`: the matched literal text (without quotes). */
  readonly text?: string;
  /**
   * For `title-match`: what the text is compared with, as the code around it reads (`in failed.title:`);
   * the advice derives the code to compare instead from it (`failed.code`).
   */
  readonly subject?: string;
  /**
   * For `title-match`: where the literal is matched against error text when that is on another line
   * (a constant's, map's or stored pattern's use), as an offset into the same text.
   */
  readonly useAt?: number;
}

/** The language families the detectors know. */
export type LanguageFamily =
  | 'javascript' // also TypeScript, JSX, TSX
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'php'
  | 'ruby'
  | 'csharp'
  | 'dart'
  | 'json' // JSON, JSONC, NDJSON / JSON Lines, and .log files of JSON lines
  | 'text'; // plain-text logs, YAML, .env and other config

/** Cancellation, as the core sees it: a VS Code CancellationToken fits this shape. */
export interface CancelToken {
  readonly isCancellationRequested: boolean;
}

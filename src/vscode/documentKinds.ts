import type * as vscode from 'vscode';
import { familyFor } from '../core/detect';
import type { LanguageFamily } from '../core/types';
import { matchesAnyGlob, readGlobs } from './config';
import { DOCUMENT_SCHEMES, SettingKey } from './ids';
import type { Logger } from './logger';

/** What we know about a document: its detector family, whether it is data (JSON/log), whether excluded. */
export interface DocumentKind {
  readonly family: LanguageFamily | undefined;
  /** JSON, NDJSON, logs and config: lenses per error object, no title lint. */
  readonly isData: boolean;
  /** Matches `waErrors.exclude`: no hover, lens or diagnostic. */
  readonly excluded: boolean;
}

/** Documents outside our schemes (output panes, diffs, settings editors). */
const NOT_OURS: DocumentKind = { family: undefined, isData: false, excluded: true };

/**
 * Classifies documents by language id, file name, `waErrors.logFilePatterns` and `waErrors.exclude`.
 * Results are cached per document object and dropped when those settings change (`invalidate`).
 */
export class DocumentKinds {
  private cache = new WeakMap<vscode.TextDocument, DocumentKind & { languageId: string }>();

  constructor(private readonly log: Logger) {}

  of(document: vscode.TextDocument): DocumentKind {
    const hit = this.cache.get(document);
    if (hit && hit.languageId === document.languageId) return hit;
    if (!(DOCUMENT_SCHEMES as readonly string[]).includes(document.uri.scheme)) return NOT_OURS;
    const logGlobs = readGlobs(SettingKey.logFilePatterns, document, this.log);
    let family = familyFor(document.languageId, document.fileName);
    if (matchesAnyGlob(document, logGlobs) && family !== 'json') family = familyFor(undefined, document.fileName) === 'json' ? 'json' : 'text';
    const kind = {
      family,
      isData: family === 'json' || family === 'text',
      excluded: matchesAnyGlob(document, readGlobs(SettingKey.exclude, document, this.log)),
      languageId: document.languageId,
    };
    this.cache.set(document, kind);
    return kind;
  }

  invalidate(): void {
    this.cache = new WeakMap();
  }
}

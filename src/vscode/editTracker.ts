import type * as vscode from 'vscode';
import { mergeChange, type TextChange } from '../core/textChange';

interface Entry<S> {
  readonly state: S;
  /** The catalog generation the state was made with. */
  readonly generation: number;
  /** Everything edited since the state was made (undefined: nothing yet). */
  change: TextChange | undefined;
  /** The document version the edits bring the scanned text to. */
  upTo: number;
}

/**
 * Per document, the state a scan left and the edits made since, so that the next version can be
 * re-scanned around the edits only (`rescanCodes`, `rescanTitles`). Bounded (least recently set
 * first out); an entry is usable only if every edit since its version was seen.
 */
export class EditTracker<S> {
  private readonly entries = new Map<string, Entry<S>>();

  constructor(private readonly max: number) {}

  /** Adds an edit event of a document, replacement by replacement, in the order VS Code applied them. */
  onChange(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    for (const c of e.contentChanges) entry.change = mergeChange(entry.change, c.rangeOffset, c.rangeLength, c.text.length);
    entry.upTo = e.document.version;
  }

  /** The last state of a document and the change since, if they lead exactly to `version`. */
  since(key: string, version: number, generation: number): { state: S; change: TextChange } | undefined {
    const entry = this.entries.get(key);
    if (!entry || !entry.change || entry.upTo !== version || entry.generation !== generation) return undefined;
    return { state: entry.state, change: entry.change };
  }

  set(key: string, state: S, version: number, generation: number): void {
    this.entries.delete(key);
    this.entries.set(key, { state, generation, change: undefined, upTo: version });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(old);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

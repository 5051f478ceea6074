import * as vscode from 'vscode';
import { type FileContext, fileContext } from '../core/detect';

/**
 * perf: the head of a document is enough to tell whether it is about WhatsApp or Graph errors (imports,
 * client setup and payload shapes come first), and reading only the head keeps the cost independent
 * of the document's size.
 */
const HEAD_CHARS = 256 * 1024;

/**
 * The detector's file context of each open document, computed once per version from its head.
 * Hovers look at a line or a small window; this tells them what the rest of the file is about.
 */
export class FileContexts {
  private cache = new WeakMap<vscode.TextDocument, { version: number; context: FileContext }>();

  of(document: vscode.TextDocument): FileContext {
    const hit = this.cache.get(document);
    if (hit && hit.version === document.version) return hit.context;
    const last = document.lineAt(document.lineCount - 1).range.end;
    const length = document.offsetAt(last);
    const end = length > HEAD_CHARS ? document.positionAt(HEAD_CHARS) : last;
    const context = fileContext(document.getText(new vscode.Range(new vscode.Position(0, 0), end)));
    this.cache.set(document, { version: document.version, context });
    return context;
  }
}

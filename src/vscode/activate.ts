import * as vscode from 'vscode';
import { builtinCatalog } from '../core/catalog/catalog';
import { codeAt, familyFor } from '../core/detect';

/** Activation shared by the Node and the web entry points: registers providers, nothing more. */
export function activateShared(context: vscode.ExtensionContext): void {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-remote' }];
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const family = familyFor(document.languageId, document.fileName);
        if (!family) return undefined;
        const line = document.lineAt(position.line).text;
        const f = codeAt(line, position.character, family, builtinCatalog());
        const entry = f?.code !== undefined ? builtinCatalog().get(f.code) : undefined;
        if (!f || !entry) return undefined;
        const md = new vscode.MarkdownString();
        md.appendMarkdown('**');
        md.appendText(`${entry.key} · ${entry.title}`);
        md.appendMarkdown('**\n\n');
        md.appendText(entry.description);
        md.appendMarkdown('\n\n');
        md.appendText(entry.solution);
        return new vscode.Hover(md, new vscode.Range(position.line, f.start, position.line, f.end));
      },
    }),
  );
}

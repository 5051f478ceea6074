import type * as vscode from 'vscode';
import { activateShared } from './activate';

/** Desktop (Node) entry point. */
export function activate(context: vscode.ExtensionContext): void {
  activateShared(context);
}

export function deactivate(): void {}

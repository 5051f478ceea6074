import type * as vscode from 'vscode';
import { activateShared } from './activate';

/** Web (vscode.dev, github.dev) entry point: same core, no Node APIs. */
export function activate(context: vscode.ExtensionContext): void {
  activateShared(context);
}

export function deactivate(): void {}

import type * as vscode from 'vscode';
import { activateShared } from './activate';
import { nodeFileReader } from './commands/nodeFileReader';

/** Desktop (Node) entry point: log files are summarized through a streaming Node reader. */
export function activate(context: vscode.ExtensionContext): void {
  activateShared(context, { readFileChunks: nodeFileReader });
}

export function deactivate(): void {}

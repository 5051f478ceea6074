import * as vscode from 'vscode';

/** Copies text and confirms it briefly in the status bar (no notification to dismiss). */
export async function copyToClipboard(text: string, confirmation: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${confirmation}`, 3000);
}

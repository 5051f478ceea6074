import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from './ids';

/**
 * The extension's LogOutputChannel, created on first message (not at activation). `warnOnce` keeps a
 * problem that recurs on every configuration read from flooding the channel.
 */
export class Logger implements vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  private readonly reported = new Set<string>();

  private get out(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
    return this.channel;
  }

  /** Logs `message` the first time `key` is seen; returns whether it was new. */
  warnOnce(key: string, message: string): boolean {
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    this.out.warn(message);
    return true;
  }

  show(): void {
    this.out.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

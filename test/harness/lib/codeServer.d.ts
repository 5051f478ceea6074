// Types of codeServer.js for the TypeScript test runners that import it.
import type { Tools } from '../tools';

export interface CodeServer {
  port: number;
  origin: string;
  logFile: string;
  userDataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}
export function makeWorkDir(label: string): string;
export function installVsix(tools: Tools, workDir: string, vsix: string): void;
export function startCodeServer(opts: { tools: Tools; workDir: string; settingsFile: string; extraArgs?: string[] }): Promise<CodeServer>;
export function tail(file: string, lines?: number): string;

// Types of tools.js for the TypeScript test runners that import it.
export interface Tools {
  chromium: string;
  node24: { home: string; bin: string };
  codeServer: string;
  env: NodeJS.ProcessEnv;
}
export function ensureTools(): Tools;
export function toolsDir(): string;
export function node24Env(node24: Tools['node24'], base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export const CODE_SERVER_VERSION: string;
export const NODE24_VERSION: string;

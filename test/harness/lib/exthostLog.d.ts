// Types of exthostLog.js for the TypeScript test runners that import it.
export const EXTENSION_ID: string;
export function extensionErrors(userDataDir: string, markers?: string[]): string[];

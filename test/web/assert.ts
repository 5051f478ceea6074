// A few assertions for the web-worker tests: Node's `assert` module does not exist in a browser.
function fail(message: string): never {
  throw new Error(message);
}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) fail(message);
}

export function strictEqual<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) fail(`${message ?? 'values differ'}: ${String(actual)} !== ${String(expected)}`);
}

export function match(text: string, re: RegExp, message?: string): void {
  if (!re.test(text)) fail(message ?? `${JSON.stringify(text.slice(0, 300))} does not match ${re}`);
}

export function doesNotMatch(text: string, re: RegExp, message?: string): void {
  if (re.test(text)) fail(message ?? `${JSON.stringify(text.slice(0, 300))} matches ${re}`);
}

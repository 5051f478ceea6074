/**
 * Activation cost of the real bundle (dist/extension.js) outside VS Code: `vscode` is replaced by a
 * stand-in whose every member is a callable, constructible no-op, so what is timed is our own work in
 * `activate()` (creating features, registering providers) and the bundle's load, not VS Code's.
 */
import Module from 'node:module';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/** Any property, call or `new` yields another stand-in; `dispose` and iteration end quietly. */
function standIn(): unknown {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => undefined;
      return standIn();
    },
    apply: () => standIn(),
    construct: () => standIn() as object,
  });
}

/** Names of the `vscode` API surface; bundlers copy a module's own keys when importing it. */
const API = [
  'CancellationTokenSource', 'CodeAction', 'CodeActionKind', 'CodeLens', 'ConfigurationTarget', 'Diagnostic',
  'DiagnosticSeverity', 'Disposable', 'EventEmitter', 'Hover', 'Location', 'MarkdownString', 'Position',
  'ProgressLocation', 'Range', 'RelativePattern', 'Selection', 'StatusBarAlignment', 'TextEdit', 'ThemeColor',
  'ThemeIcon', 'Uri', 'ViewColumn', 'WorkspaceEdit', 'commands', 'env', 'extensions', 'l10n', 'languages',
  'version', 'window', 'workspace',
];

/** The `vscode` module: an object with the API's names as own keys, each a stand-in. */
function vscodeModule(): object {
  const members = new Map(API.map((name) => [name, standIn()]));
  return new Proxy({}, {
    get: (_t, prop) => (typeof prop === 'string' ? members.get(prop) ?? standIn() : undefined),
    ownKeys: () => API,
    getOwnPropertyDescriptor: (_t, prop) => (typeof prop === 'string' && members.has(prop) ? { configurable: true, enumerable: true, value: members.get(prop) } : undefined),
  });
}

export interface ActivationTiming {
  /** ms to load and evaluate the bundle (first require). */
  readonly loadMs: number;
  /** ms of each `activate()` call, on fresh contexts. */
  readonly activateMs: readonly number[];
}

/** Loads `bundle` with the stand-in `vscode` and calls `activate()` `runs` times. */
export function measureActivation(bundle: string, runs: number): ActivationTiming {
  const mod = Module as unknown as { _load: Loader };
  const original = mod._load;
  const vscode = vscodeModule();
  mod._load = (request, parent, isMain) => (request === 'vscode' ? vscode : original(request, parent, isMain));
  try {
    const t0 = performance.now();
    const ext = require(bundle) as { activate(ctx: unknown): void };
    const loadMs = performance.now() - t0;
    const activateMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = { subscriptions: [] as unknown[], extensionUri: standIn(), extensionPath: '/ext', globalState: standIn(), workspaceState: standIn() };
      const t = performance.now();
      ext.activate(context);
      activateMs.push(performance.now() - t);
    }
    return { loadMs, activateMs };
  } finally {
    mod._load = original;
  }
}

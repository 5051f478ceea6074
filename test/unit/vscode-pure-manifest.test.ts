import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { familyFor } from '../../src/core/detect';
import { LANGUAGE_IDS } from '../../src/vscode/ids';

// Paths from the repository root (npm scripts run there).
const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  l10n?: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  contributes: { configuration: { properties: Record<string, { markdownDescription?: string; scope?: string }> } };
};
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;

test('every %placeholder% in package.json has an English string', () => {
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1] as string);
  assert.ok(keys.length > 10);
  for (const k of keys) assert.equal(typeof nls[k], 'string', `package.nls.json lacks ${k}`);
});

test('activation is by language only', () => {
  assert.ok(pkg.activationEvents.length > 0);
  for (const e of pkg.activationEvents) assert.match(e, /^onLanguage:[a-z]+$/);
});

test('the activation events and the providers\' languages are the same list, each read by a detector', () => {
  assert.deepEqual(pkg.activationEvents.map((e) => e.slice('onLanguage:'.length)), [...LANGUAGE_IDS]);
  for (const id of LANGUAGE_IDS) assert.ok(familyFor(id, 'untitled'), `${id} has a detector family`);
});

test('settings are described through nls and toggles are language-overridable', () => {
  const props = pkg.contributes.configuration.properties;
  for (const key of ['waErrors.hover.enabled', 'waErrors.codeLens.enabled', 'waErrors.lint.enabled', 'waErrors.lint.severity']) {
    assert.equal(props[key]?.scope, 'language-overridable', key);
  }
  for (const key of ['waErrors.codeLens.maxPerDocument', 'waErrors.exclude', 'waErrors.customCodes', 'waErrors.logFilePatterns']) {
    assert.ok(props[key], `${key} is contributed`);
  }
  for (const [key, p] of Object.entries(props)) assert.match(p.markdownDescription ?? '', /^%config\.[\w.]+%$/, key);
});

test('trust: custom codes come only from user settings in Restricted Mode; virtual workspaces work', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['waErrors.customCodes']);
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
});

test('every runtime string in src/vscode is in the English l10n bundle', () => {
  assert.equal(pkg.l10n, './l10n');
  const dir = join(root, 'src', 'vscode');
  const used = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts')) continue;
    const src = readFileSync(join(dir, f), 'utf8');
    // A message must be a plain single-quoted literal so that it can be extracted.
    assert.doesNotMatch(src, /l10n\.t\(\s*[^'\s]/, `${f}: l10n.t takes a literal message`);
    for (const m of src.matchAll(/l10n\.t\(\s*'([^'\\\n]*)'/g)) used.add(m[1] as string);
  }
  assert.ok(used.size > 10);
  for (const m of used) assert.equal(bundle[m], m, `l10n/bundle.l10n.json lacks: ${m}`);
  for (const m of Object.keys(bundle)) assert.ok(used.has(m), `unused bundle entry: ${m}`);
});

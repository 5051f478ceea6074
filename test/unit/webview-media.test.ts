// security: the webview scripts render data with textContent only; nothing in them turns text into markup or code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const MEDIA = join(__dirname, '..', '..', '..', 'media');
const SINKS = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|setTimeout\s*\(\s*['"`]/;

test('media scripts never build HTML or code from strings', () => {
  const scripts = readdirSync(MEDIA).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length >= 2, 'the details and summary scripts exist');
  for (const f of scripts) {
    const src = readFileSync(join(MEDIA, f), 'utf8');
    assert.doesNotMatch(src, SINKS, `${f} uses an HTML or code sink`);
    assert.match(src, /textContent/, `${f} renders text with textContent`);
  }
});

test('media scripts load nothing remote', () => {
  for (const f of readdirSync(MEDIA).filter((n) => n.endsWith('.js') || n.endsWith('.css'))) {
    assert.doesNotMatch(readFileSync(join(MEDIA, f), 'utf8'), /https?:\/\/(?!developers\.facebook\.com)/, f);
  }
});

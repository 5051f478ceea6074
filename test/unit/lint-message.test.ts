// The title-match message names the codes and suggests the code check in the file's own language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { titleMatchMessage } from '../../src/core/lint';
import type { Finding } from '../../src/core/types';

const catalog = builtinCatalog();
const one: Finding = { kind: 'title-match', start: 0, end: 10, codes: [131047], text: 'Re-engagement message' };
const two: Finding = { kind: 'title-match', start: 0, end: 10, codes: [131048, 131056], text: 'rate limit' };

test('one code: the title it matches and a code comparison per language', () => {
  assert.equal(
    titleMatchMessage(one, catalog),
    '"Re-engagement message" matches the title of 131047 Re-engagement message: titles change (and will be deprecated); compare the error code instead: err.code === 131047.',
  );
  assert.match(titleMatchMessage(one, catalog, 'python'), /error\["code"\] == 131047\.$/);
  assert.match(titleMatchMessage(one, catalog, 'go'), /apiErr\.Code == 131047\.$/);
  assert.match(titleMatchMessage(one, catalog, 'php'), /\$error\['code'\] === 131047\.$/);
});

test('several codes: every title, and a membership check', () => {
  const msg = titleMatchMessage(two, catalog, 'ruby');
  assert.match(msg, /the titles of 131048 Spam rate limit hit, 131056 /);
  assert.match(msg, /\[131048, 131056\]\.include\?\(error\['code'\]\)\.$/);
  assert.match(titleMatchMessage(two, catalog, 'javascript'), /\[131048, 131056\]\.includes\(err\.code\)\.$/);
});

/**
 * Title lint of JSON configuration: match rules that a program applies to error text. Payloads,
 * fixtures and i18n bundles that merely hold titles are not rules.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { fixesFor, scanTitles } from '../../src/core/lint';

const catalog = builtinCatalog();

/** `line:codes` of each finding. */
function found(json: string): string[] {
  return scanTitles(json, 'json', catalog).map((f) => `${json.slice(0, f.start).split('\n').length}:${(f.codes ?? []).join(',')}`);
}

describe('JSON match rules', () => {
  test('an operator beside a field naming error text, an operator naming it, a condition keyed by an error field', () => {
    const rules = [
      '{ "rules": [',
      '  { "id": "throughput", "match": { "field": "error.message", "contains": "Rate limit hit" } },',
      '  { "id": "pair", "when": { "messageContains": ["(Business Account, Consumer Account) pair rate limit hit"] } },',
      '  { "id": "window", "when": { "messageMatches": "(?i)re-engagement message" } },',
      '  { "id": "blocked", "if": { "error.title": "Temporarily blocked for policies violations" } },',
      '  { "id": "token", "match": { "field": "error.code", "equals": 190 } }',
      '] }',
    ].join('\n');
    assert.deepEqual(found(rules), ['2:130429', '3:131056', '4:131047', '5:368']);
  });

  test('everyday wording needs a WhatsApp file or a distinctive rule beside it', () => {
    const alone = '{ "match": { "field": "error.message", "contains": "Something went wrong" } }';
    assert.deepEqual(found(alone), []);
    assert.deepEqual(found(`{ "description": "WhatsApp alerts", "rules": [${alone}] }`), ['1:131000']);
  });

  test('payloads, fixtures, i18n bundles and rules on other fields are no matches', () => {
    const payload = '{ "statuses": [{ "status": "failed", "errors": [{ "code": 131047, "title": "Re-engagement message", "message": "Re-engagement message" }] }] }';
    const i18n = '{ "errors": { "rateLimit": "Rate limit hit", "reengagement": "Re-engagement message" } }';
    const fixture = '{ "expected": { "title": "Message Undeliverable" } }';
    const other = '{ "match": { "field": "customer.text", "contains": "message undeliverable" } }';
    for (const json of [payload, i18n, fixture, other]) assert.deepEqual(found(json), [], json);
  });

  test('malformed JSON is read as far as it goes, without throwing; JSON gets no comment directive as a fix', () => {
    const broken = '{ "match": { "field": "error.message", "contains": "Re-engagement message" }, "oops": ';
    assert.deepEqual(found(broken), ['1:131047']);
    const [finding] = scanTitles(broken, 'json', catalog);
    assert.deepEqual(fixesFor(broken, finding!, 'json', catalog), []);
  });
});

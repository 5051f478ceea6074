/**
 * `waErrors.customCodes`: valid entries add to or override built-ins, invalid ones are skipped with
 * a problem naming the entry and the field, and the JSON schema for the manifest accepts exactly
 * what the runtime accepts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { CUSTOM_CODES_SCHEMA, CUSTOM_CODE_LIMITS, RETRY_ADVICE_VALUES, createCatalog } from '../../src/core/catalog/custom';
import { builtinEntries, ERROR_CODES_URL } from '../../src/core/catalog/entries';

describe('customCodes: valid entries', () => {
  test('nothing configured: the shared built-in catalog, no problems', () => {
    for (const value of [undefined, null, []]) {
      const { catalog, problems } = createCatalog(value);
      assert.equal(catalog, builtinCatalog());
      assert.deepEqual(problems, []);
    }
  });

  test('a new code is added with neutral defaults', () => {
    const { catalog, problems } = createCatalog([{ code: 990001, title: 'Partner quota exceeded' }]);
    assert.deepEqual(problems, []);
    const e = catalog.get(990001);
    assert.ok(e);
    assert.equal(e.key, '990001');
    assert.equal(e.title, 'Partner quota exceeded');
    assert.equal(e.custom, true);
    assert.equal(e.category, 'custom');
    assert.equal(e.httpStatus, null);
    assert.equal(e.retry, 'do-not-retry');
    assert.equal(e.docsUrl, ERROR_CODES_URL);
    assert.equal(catalog.get(131047)?.title, 'Re-engagement message', 'built-ins still there');
    assert.equal(catalog.entries.length, builtinEntries().length + 1);
  });

  test('every field is taken over; a numeric string code and a range work', () => {
    const { catalog, problems } = createCatalog([
      {
        code: '990002',
        title: 'BSP wallet empty',
        description: 'The partner wallet has no balance.',
        solution: 'Top up the wallet.',
        docsUrl: 'https://example.com/errors#wallet',
        category: 'billing',
        retry: 'fix-request',
      },
      { code: '990100-990199', title: 'Partner range' },
    ]);
    assert.deepEqual(problems, []);
    const e = catalog.get(990002);
    assert.equal(e?.description, 'The partner wallet has no balance.');
    assert.equal(e?.solution, 'Top up the wallet.');
    assert.equal(e?.docsUrl, 'https://example.com/errors#wallet');
    assert.equal(e?.category, 'billing');
    assert.equal(e?.retry, 'fix-request');
    assert.equal(catalog.get(990150)?.key, '990100-990199');
    assert.equal(catalog.get(990150)?.codeEnd, 990199);
    assert.equal(catalog.codesForTitle('bsp wallet empty')[0], 990002);
  });

  test('an override replaces what it gives and keeps the rest; the old title stays a known variant', () => {
    const { catalog, problems } = createCatalog([{ code: 131047, title: 'Outside the 24h window', solution: 'Use our re-engagement template.' }]);
    assert.deepEqual(problems, []);
    const base = builtinCatalog().get(131047);
    const e = catalog.get(131047);
    assert.ok(base && e);
    assert.equal(e.title, 'Outside the 24h window');
    assert.equal(e.solution, 'Use our re-engagement template.');
    assert.equal(e.description, base.description);
    assert.equal(e.httpStatus, base.httpStatus);
    assert.equal(e.retry, base.retry);
    assert.equal(e.category, base.category);
    assert.equal(e.custom, true);
    assert.ok(e.variants.includes('Re-engagement message'));
    assert.deepEqual(catalog.codesForTitle('Re-engagement message'), [131047]);
    assert.equal(catalog.entries.length, builtinEntries().length, 'replaced in place, not added');
    assert.equal(builtinCatalog().get(131047)?.custom, undefined, 'the built-in catalog is untouched');
  });

  test('an override with the same title keeps the variants as they were; ranges override by key', () => {
    const { catalog } = createCatalog([
      { code: 131026, title: 'Message Undeliverable', category: 'delivery' },
      { code: '200-299', title: 'API Permission', retry: 'contact-support' },
    ]);
    assert.deepEqual(catalog.get(131026)?.variants, builtinCatalog().get(131026)?.variants);
    assert.equal(catalog.get(131026)?.category, 'delivery');
    assert.equal(catalog.get(250)?.retry, 'contact-support');
    assert.equal(catalog.get(250)?.custom, true);
  });

  test('a custom code inside the built-in range is an exact code of its own', () => {
    const { catalog } = createCatalog([{ code: 250, title: 'Our special permission error' }]);
    assert.equal(catalog.get(250)?.title, 'Our special permission error');
    assert.equal(catalog.get(251)?.key, '200-299');
  });
});

describe('customCodes: invalid entries', () => {
  /** [entry, text the problem must contain] */
  const BAD: readonly [unknown, string][] = [
    [null, 'must be an object'],
    ['131047', 'must be an object'],
    [[131047], 'must be an object'],
    [{ title: 'No code' }, '"code" must be'],
    [{ code: -1, title: 'Negative' }, '"code" must be'],
    [{ code: 1.5, title: 'Fraction' }, '"code" must be'],
    [{ code: 'abc', title: 'Letters' }, '"code" must be'],
    [{ code: '300-200', title: 'Backwards range' }, '"code" must be'],
    [{ code: '5-5', title: 'Empty range' }, '"code" must be'],
    [{ code: ' 131047', title: 'Padded' }, '"code" must be'],
    [{ code: 12345678901, title: 'Too big' }, '"code" must be'],
    [{ code: 990001 }, '"title" must be a non-empty string'],
    [{ code: 990001, title: '   ' }, '"title" must be a non-empty string'],
    [{ code: 990001, title: 'x'.repeat(CUSTOM_CODE_LIMITS.title + 1) }, '"title" must be a non-empty string'],
    [{ code: 990001, title: 'T', description: 42 }, '"description" must be'],
    [{ code: 990001, title: 'T', solution: '' }, '"solution" must be'],
    [{ code: 990001, title: 'T', category: '' }, '"category" must be'],
    [{ code: 990001, title: 'T', docsUrl: 'http://example.com' }, '"docsUrl" must be an https:// URL'],
    [{ code: 990001, title: 'T', docsUrl: 'javascript:alert(1)' }, '"docsUrl" must be an https:// URL'],
    [{ code: 990001, title: 'T', docsUrl: 'command:workbench.action.quit' }, '"docsUrl" must be an https:// URL'],
    [{ code: 990001, title: 'T', docsUrl: 'https://exa mple.com' }, '"docsUrl" must be an https:// URL'],
    [{ code: 990001, title: 'T', retry: 'sometimes' }, '"retry" must be one of'],
    [{ code: 990001, title: 'T', descripton: 'typo' }, 'unknown property "descripton"'],
  ];

  for (const [i, [item, message]] of BAD.entries()) {
    test(`rejected #${i}: ${message}`, () => {
      const { catalog, problems } = createCatalog([{ code: 990900, title: 'Valid neighbour' }, item]);
      assert.ok(problems.length >= 1);
      assert.ok(problems.every((p) => p.startsWith('waErrors.customCodes[1]')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes(message)), problems.join('\n'));
      assert.equal(catalog.get(990001), undefined, 'the invalid entry is skipped');
      assert.equal(catalog.get(990900)?.title, 'Valid neighbour', 'valid entries still apply');
      assert.equal(catalog.get(131047)?.title, 'Re-engagement message', 'built-ins still work');
    });
  }

  test('a problem names the code when the code itself is valid', () => {
    const { problems } = createCatalog([{ code: 131047, title: 'T', retry: 'never' }]);
    assert.deepEqual(problems, [`waErrors.customCodes[0] (131047): "retry" must be one of ${RETRY_ADVICE_VALUES.join(', ')}`]);
  });

  test('every problem of an entry is reported at once', () => {
    const { problems } = createCatalog([{ code: 'x', docsUrl: 'http://a', extra: 1 }]);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  test('a setting that is not an array is one problem; the built-ins keep working', () => {
    const { catalog, problems } = createCatalog({ code: 131047 });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^waErrors\.customCodes: must be an array/);
    assert.equal(catalog, builtinCatalog());
  });

  test('a repeated code: the first wins, the repeat is reported', () => {
    const { catalog, problems } = createCatalog([
      { code: 990001, title: 'First' },
      { code: '990001', title: 'Second' },
    ]);
    assert.deepEqual(problems, ['waErrors.customCodes[1] (990001): duplicates waErrors.customCodes[0]; only the first is used']);
    assert.equal(catalog.get(990001)?.title, 'First');
  });

  test('entries beyond the limit are ignored and reported', () => {
    const many = Array.from({ length: CUSTOM_CODE_LIMITS.entries + 5 }, (_, i) => ({ code: 900000 + i, title: `Custom ${i}` }));
    const { catalog, problems } = createCatalog(many);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /only the first 500 entries/);
    assert.ok(catalog.has(900000 + CUSTOM_CODE_LIMITS.entries - 1));
    assert.equal(catalog.has(900000 + CUSTOM_CODE_LIMITS.entries), false);
  });
});

/**
 * Just enough JSON Schema to run CUSTOM_CODES_SCHEMA (the keywords it uses), so the test can
 * compare what the schema accepts with what the runtime accepts.
 */
function schemaAccepts(schema: Record<string, unknown>, value: unknown): boolean {
  const s = schema as {
    type?: string;
    anyOf?: Record<string, unknown>[];
    enum?: readonly unknown[];
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    required?: readonly string[];
    additionalProperties?: boolean;
    properties?: Record<string, Record<string, unknown>>;
    items?: Record<string, unknown>;
    maxItems?: number;
  };
  if (s.anyOf && !s.anyOf.some((sub) => schemaAccepts(sub, value))) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') return false;
      if (s.minLength !== undefined && value.length < s.minLength) return false;
      if (s.maxLength !== undefined && value.length > s.maxLength) return false;
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) return false;
      return true;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return false;
      return (s.minimum === undefined || value >= s.minimum) && (s.maximum === undefined || value <= s.maximum);
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const obj = value as Record<string, unknown>;
      if ((s.required ?? []).some((k) => !(k in obj))) return false;
      for (const [k, v] of Object.entries(obj)) {
        const sub = s.properties?.[k];
        if (!sub) {
          if (s.additionalProperties === false) return false;
        } else if (!schemaAccepts(sub, v)) return false;
      }
      return true;
    }
    case 'array':
      if (!Array.isArray(value)) return false;
      if (s.maxItems !== undefined && value.length > s.maxItems) return false;
      return value.every((v) => (s.items ? schemaAccepts(s.items, v) : true));
    default:
      return true;
  }
}

describe('customCodes: JSON schema', () => {
  const itemSchema = CUSTOM_CODES_SCHEMA.items as unknown as Record<string, unknown>;
  const ITEMS: readonly unknown[] = [
    { code: 990001, title: 'Ok' },
    { code: '990001', title: 'Ok' },
    { code: '990100-990199', title: 'Ok range' },
    { code: 0, title: 'Zero is a real code' },
    { code: 990001, title: 'All', description: 'd', solution: 's', docsUrl: 'https://example.com/x', category: 'billing', retry: 'refresh-token' },
    null,
    'text',
    { title: 'No code' },
    { code: -1, title: 'Negative' },
    { code: 1.5, title: 'Fraction' },
    { code: 'abc', title: 'Letters' },
    { code: 12345678901, title: 'Too big' },
    { code: '1234567890', title: 'Too many digits' },
    { code: 990001 },
    { code: 990001, title: '' },
    { code: 990001, title: ' \t ' },
    { code: 990001, title: 'T', description: 5 },
    { code: 990001, title: 'T', docsUrl: 'http://example.com' },
    { code: 990001, title: 'T', docsUrl: 'https://exa mple.com' },
    { code: 990001, title: 'T', retry: 'sometimes' },
    { code: 990001, title: 'T', other: true },
  ];

  test('the schema accepts an item exactly when the runtime does', () => {
    for (const item of ITEMS) {
      const runtimeOk = createCatalog([item]).problems.length === 0;
      assert.equal(schemaAccepts(itemSchema, item), runtimeOk, `schema and runtime disagree on ${JSON.stringify(item)}`);
    }
  });

  test('the schema lists the same retry values, keys and limits as the runtime', () => {
    const props = (itemSchema as { properties: Record<string, { enum?: readonly string[] }> }).properties;
    assert.deepEqual(props['retry']?.enum, RETRY_ADVICE_VALUES);
    assert.deepEqual(Object.keys(props).sort(), ['category', 'code', 'description', 'docsUrl', 'retry', 'solution', 'title']);
    assert.equal(CUSTOM_CODES_SCHEMA.maxItems, CUSTOM_CODE_LIMITS.entries);
    assert.ok(schemaAccepts(CUSTOM_CODES_SCHEMA as unknown as Record<string, unknown>, [{ code: 1, title: 'a' }]));
    assert.equal(schemaAccepts(CUSTOM_CODES_SCHEMA as unknown as Record<string, unknown>, { code: 1 }), false);
  });

  test('the schema is plain JSON (the manifest can embed it)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(CUSTOM_CODES_SCHEMA)), CUSTOM_CODES_SCHEMA);
  });
});

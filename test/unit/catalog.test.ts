/**
 * The built-in catalog: every entry complete and well-formed, lookups by code, key and range,
 * the title index the title lint relies on, search ranking, and the On-Premises hints.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATEGORIES } from '../../src/core/catalog/categories';
import { Catalog, builtinCatalog, normalizeTitle } from '../../src/core/catalog/catalog';
import { RETRY_ADVICE_VALUES } from '../../src/core/catalog/custom';
import { builtinEntries, ERROR_CODES_URL } from '../../src/core/catalog/entries';
import { LEGACY_EQUIVALENTS, legacyEquivalent, legacyHint } from '../../src/core/catalog/legacy';

const catalog = builtinCatalog();

function entry(code: number) {
  const e = catalog.get(code);
  assert.ok(e, `${code} is in the catalog`);
  return e;
}

describe('catalog: entries', () => {
  test('the catalog is complete (well over the 81 codes of Meta\'s page)', () => {
    assert.ok(builtinEntries().length >= 130, `${builtinEntries().length} entries`);
  });

  test('every entry has all its fields, well-formed', () => {
    const categories: readonly string[] = CATEGORIES;
    for (const e of builtinEntries()) {
      const at = `entry ${e.key}`;
      assert.ok(Number.isInteger(e.code) && e.code >= 0, at);
      assert.equal(e.title, e.title.trim(), `${at}: title has no surrounding space`);
      assert.ok(e.title.length > 0, `${at}: title`);
      assert.ok(e.description.trim().length >= 10, `${at}: description`);
      assert.ok(e.solution.trim().length >= 10, `${at}: solution`);
      assert.ok(categories.includes(e.category), `${at}: category ${e.category}`);
      assert.ok(RETRY_ADVICE_VALUES.includes(e.retry), `${at}: retry ${e.retry}`);
      assert.ok(e.httpStatus === null || (Number.isInteger(e.httpStatus) && e.httpStatus >= 400 && e.httpStatus <= 599), `${at}: httpStatus`);
      assert.match(e.docsUrl, /^https:\/\/\S+$/, `${at}: docsUrl`);
      assert.doesNotThrow(() => new URL(e.docsUrl), `${at}: docsUrl parses`);
      if (e.confidenceNote !== undefined) assert.ok(e.confidenceNote.trim().length > 10, `${at}: confidenceNote`);
      for (const v of e.variants) {
        assert.ok(v.length > 0 && v === v.trim(), `${at}: variant "${v}"`);
        assert.doesNotMatch(v, /\((older|real webhook|GD casing|in ')/, `${at}: variant "${v}" carries no source annotation`);
      }
      const prose = `${e.description}\n${e.solution}\n${e.confidenceNote ?? ''}`;
      assert.doesNotMatch(prose, /<\/?[a-z]+[^>]*>|\]\(|\*\*|`/, `${at}: prose is plain text`);
      assert.ok(!e.custom, `${at}: built-ins are not custom`);
    }
  });

  test('keys are unique and match the code; ranges are well-formed', () => {
    const keys = new Set<string>();
    for (const e of builtinEntries()) {
      assert.ok(!keys.has(e.key), `duplicate key ${e.key}`);
      keys.add(e.key);
      if (e.codeEnd === undefined) {
        assert.equal(e.key, String(e.code));
      } else {
        assert.ok(e.codeEnd > e.code, `range ${e.key} runs upwards`);
        assert.equal(e.key, `${e.code}-${e.codeEnd}`);
      }
    }
    const ranges = builtinEntries().filter((e) => e.codeEnd !== undefined);
    assert.deepEqual(ranges.map((r) => r.key), ['200-299']);
  });

  test('observed and older titles are variants', () => {
    assert.ok(entry(131026).variants.includes('Receiver is incapable of receiving this message'));
    assert.ok(entry(131049).variants.includes('This message was not delivered to maintain healthy ecosystem engagement.'));
    assert.ok(entry(131000).variants.includes('Generic Error'));
    assert.ok(entry(131016).variants.includes('Service Overloaded'));
    assert.ok(entry(131021).variants.includes('Bad User'));
    assert.ok(entry(131051).variants.includes('Message type unknown'));
  });

  test('poorly attested or disputed entries say what is uncertain; well-attested ones do not', () => {
    for (const code of [4, 130429, 131050, 131063, 133006, 135000, 2388019, 2388072, 138000, 131020, 147001, 139100]) {
      assert.ok(entry(code).confidenceNote, `${code} has a confidence note`);
    }
    assert.match(entry(4).confidenceNote ?? '', /429/);
    assert.match(entry(135000).confidenceNote ?? '', /Generic Usage Error/);
    for (const code of [131047, 131026, 80007, 190]) assert.equal(entry(code).confidenceNote, undefined, `${code}`);
  });

  test('legacy codes are flagged and still explained', () => {
    const legacy = builtinEntries().filter((e) => e.legacy).map((e) => e.code).sort((a, b) => a - b);
    assert.deepEqual(legacy, [506, 131001, 131002, 131006, 131043, 133001, 133002, 133003, 133007, 136025]);
    assert.equal(entry(131043).title, 'Message expired');
  });

  test('retry advice follows the kind of error', () => {
    assert.equal(entry(0).retry, 'refresh-token');
    assert.equal(entry(190).retry, 'refresh-token');
    for (const c of [4, 80007, 130429, 131056, 131000, 2]) assert.equal(entry(c).retry, 'retry-with-backoff', `${c}`);
    for (const c of [131047, 131049, 131050, 368, 130497, 131031, 131026]) assert.equal(entry(c).retry, 'do-not-retry', `${c}`);
    for (const c of [100, 131008, 131009, 132000]) assert.equal(entry(c).retry, 'fix-request', `${c}`);
  });

  test('docs links default to Meta\'s error-codes page', () => {
    assert.equal(entry(131047).docsUrl, ERROR_CODES_URL);
    assert.equal(ERROR_CODES_URL, 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/');
  });
});

describe('catalog: lookups', () => {
  test('exact codes', () => {
    assert.equal(catalog.get(131047)?.title, 'Re-engagement message');
    assert.equal(catalog.get(0)?.title, 'AuthException');
    assert.equal(catalog.get(2388103)?.key, '2388103');
    assert.ok(catalog.has(368));
  });

  test('codes inside a range find the range; its ends are included', () => {
    assert.equal(catalog.get(250)?.key, '200-299');
    assert.equal(catalog.get(200)?.key, '200-299');
    assert.equal(catalog.get(299)?.key, '200-299');
    assert.equal(catalog.get(300), undefined);
    assert.equal(catalog.get(199), undefined);
  });

  test('unknown codes are undefined', () => {
    assert.equal(catalog.get(999999), undefined);
    assert.equal(catalog.get(400), undefined);
    assert.equal(catalog.has(100000), false);
  });

  test('byKey takes keys, padded keys and codes inside ranges', () => {
    assert.equal(catalog.byKey('200-299')?.title, 'API Permission');
    assert.equal(catalog.byKey(' 131047 ')?.code, 131047);
    assert.equal(catalog.byKey('250')?.key, '200-299');
    assert.equal(catalog.byKey('abc'), undefined);
    assert.equal(catalog.byKey('100-101'), undefined);
  });

  test('an exact code wins over a range, and the narrowest range wins', () => {
    const base = { variants: [], category: 'other', httpStatus: null, description: 'd', solution: 's', retry: 'fix-request', docsUrl: ERROR_CODES_URL } as const;
    const c = new Catalog([
      { ...base, code: 200, codeEnd: 299, key: '200-299', title: 'wide' },
      { ...base, code: 250, codeEnd: 259, key: '250-259', title: 'narrow' },
      { ...base, code: 255, key: '255', title: 'exact' },
    ]);
    assert.equal(c.get(255)?.title, 'exact');
    assert.equal(c.get(251)?.title, 'narrow');
    assert.equal(c.get(240)?.title, 'wide');
  });
});

describe('catalog: titles', () => {
  test('normalizeTitle folds case, apostrophes, spaces and trailing periods', () => {
    assert.equal(normalizeTitle('  Message   Undeliverable. '), 'message undeliverable');
    assert.equal(normalizeTitle('User\u2019s number is part of an experiment'), "user's number is part of an experiment");
    assert.equal(normalizeTitle('...'), '');
  });

  test('normalizeTitle is linear on long runs of dots', () => {
    const start = Date.now();
    normalizeTitle('.'.repeat(200_000) + 'x' + '.'.repeat(200_000));
    assert.ok(Date.now() - start < 500);
  });

  test('one text may name several codes', () => {
    const byKey = new Map(catalog.allTitles().map((t) => [t.key, t]));
    assert.deepEqual(byKey.get('parameter value is not valid')?.codes, [33, 131009]);
    assert.deepEqual(byKey.get('account in maintenance mode')?.codes, [131057, 2494100]);
    assert.equal(byKey.get('parameter value is not valid')?.text, 'Parameter value is not valid');
  });

  test('every title and variant is indexed once, with sorted codes', () => {
    const all = catalog.allTitles();
    assert.equal(new Set(all.map((t) => t.key)).size, all.length);
    for (const t of all) {
      assert.equal(t.key, normalizeTitle(t.text));
      assert.deepEqual([...t.codes], [...t.codes].sort((a, b) => a - b));
    }
    for (const e of builtinEntries()) {
      for (const text of [e.title, ...e.variants]) assert.ok(catalog.codesForTitle(text).includes(e.code), `${e.key}: "${text}"`);
    }
  });

  test('codesForTitle matches observed forms and nothing else', () => {
    assert.deepEqual(catalog.codesForTitle('Receiver is incapable of receiving this message'), [131026]);
    assert.deepEqual(catalog.codesForTitle('message undeliverable.'), [131026]);
    assert.deepEqual(catalog.codesForTitle('RE-ENGAGEMENT MESSAGE'), [131047]);
    assert.deepEqual(catalog.codesForTitle('Something went wrong'), [131000]);
    assert.deepEqual(catalog.codesForTitle('Re-engagement'), []);
    assert.deepEqual(catalog.codesForTitle(''), []);
  });
});

describe('catalog: search', () => {
  const keys = (q: string) => catalog.search(q).map((e) => e.key);

  test('a code, with or without "#" and parentheses, comes first', () => {
    assert.equal(keys('131047')[0], '131047');
    assert.equal(keys('#131047')[0], '131047');
    assert.equal(keys('(#131047)')[0], '131047');
    assert.equal(keys('250')[0], '200-299');
  });

  test('a code prefix lists the codes that start with it, in order', () => {
    const hits = keys('13104');
    assert.ok(hits.length >= 5);
    assert.ok(hits.every((k) => k.startsWith('13104')));
    assert.deepEqual(hits, [...hits].sort((a, b) => Number(a) - Number(b)));
  });

  test('an exact title ranks first; title hits come before description-only hits', () => {
    assert.equal(keys('Rate limit hit')[0], '130429');
    assert.equal(keys('re-engagement')[0], '131047');
    const results = catalog.search('template');
    const firstDescriptionOnly = results.findIndex((e) => !e.title.toLowerCase().includes('template'));
    const lastTitleHit = results.map((e) => e.title.toLowerCase().includes('template')).lastIndexOf(true);
    assert.ok(firstDescriptionOnly === -1 || lastTitleHit < firstDescriptionOnly, 'title hits first');
  });

  test('words may come from title, variants, category and description', () => {
    assert.equal(keys('receiver is incapable')[0], '131026');
    assert.ok(keys('throttling').includes('130429'));
    assert.equal(keys('pin mismatch')[0], '133005');
    assert.ok(keys('graphql signature').includes('131000'));
  });

  test('empty queries list everything; nonsense finds nothing', () => {
    assert.equal(catalog.search('  ').length, builtinEntries().length);
    assert.deepEqual(catalog.search('zzzz qqqq'), []);
    assert.deepEqual(catalog.search('99999999'), []);
  });
});

describe('catalog: On-Premises equivalents', () => {
  test('the four inferred pairs, each pointing at a catalog code', () => {
    assert.deepEqual(
      [...LEGACY_EQUIVALENTS.values()].map((p) => [p.onPremisesCode, p.cloudCode]),
      [
        [470, 131047],
        [471, 131048],
        [472, 130472],
        [1026, 131026],
      ],
    );
    for (const p of LEGACY_EQUIVALENTS.values()) {
      assert.equal(p.inferred, true);
      assert.ok(catalog.has(p.cloudCode));
    }
  });

  test('a hover-ready hint says the pairing is inferred', () => {
    assert.equal(legacyHint(470), 'On-Premises code 470 corresponds to Cloud API 131047 (inferred from matching titles).');
    assert.equal(legacyEquivalent(1026)?.cloudCode, 131026);
    assert.equal(legacyHint(131047), undefined);
    assert.equal(legacyEquivalent(0), undefined);
  });
});

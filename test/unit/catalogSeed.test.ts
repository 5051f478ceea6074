/**
 * The 12 codes of Meta's table (a copy lives in test/fixtures/catalog): each must be in the
 * catalog with the table's exact title, and its description and solution must carry every fact
 * and link the table gives.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'test', 'fixtures', 'catalog', 'seed-cloud-api-error-codes.md');

interface SeedRow {
  readonly code: number;
  readonly title: string;
  readonly descriptionHtml: string;
  readonly solutionHtml: string;
}

function seedRows(): SeedRow[] {
  const md = fs.readFileSync(SEED, 'utf8');
  const body = md.slice(md.indexOf('<tbody>'), md.indexOf('</tbody>'));
  const rows: SeedRow[] = [];
  for (const tr of body.split('<tr>').slice(1)) {
    const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1] ?? '');
    assert.equal(cells.length, 3, `a seed row has 3 cells: ${tr.slice(0, 80)}`);
    const [head = '', descriptionHtml = '', solutionHtml = ''] = cells;
    const code = /<code>(\d+)<\/code>/.exec(head)?.[1];
    const title = /<\/code><\/p><p>([^<]+)<\/p>/.exec(head)?.[1];
    assert.ok(code && title, `code and title in ${head}`);
    rows.push({ code: Number(code), title: decode(title), descriptionHtml, solutionHtml });
  }
  return rows;
}

function decode(s: string): string {
  return s.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

function links(html: string): string[] {
  // The seed links one page on Meta's internal host; the catalog gives the public address.
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace('developers.intern.facebook.com', 'developers.facebook.com'));
}

const rows = seedRows();
const catalog = builtinCatalog();

/** Facts of the seed, by code, that our own wording must still carry (compared case-insensitively). */
const KEY_FACTS: Record<number, readonly string[]> = {
  80007: ['rate limit', 'try again later', 'how often'],
  131048: ['spam', 'blocked', 'quality', 'whatsapp manager'],
  131056: ['same recipient', 'short time', 'wait and retry', 'other recipients'],
  368: ['restricted or disabled', 'policy'],
  131031: ['restricted or disabled', 'policy', 'two-step verification pin', 'health status api'],
  100: ['not support', 'misspelled', '2048-bit rsa public key', 'pem', 'phone number id'],
  130472: ['experiment', 'marketing message experiment'],
  131000: ['unknown error', 'business public key', 'signature', 'graphql', 'try again', 'direct support'],
  131026: [
    'not a whatsapp phone number',
    'authentication template',
    '+91',
    'india',
    'terms of service and privacy policy',
    'old whatsapp version',
    'per-user marketing template message limits',
    'channel other than whatsapp',
    'can actually send a message',
    'settings > privacy > blocked',
    'blocked contacts',
    'settings > help',
    'settings > application information',
    'update whatsapp to the latest version',
  ],
  131047: ['24 hours', 'message template', 'business-initiated'],
  132001: ['language', 'approved', 'template name', 'locale', 'guidelines'],
  135000: ['unknown error', 'request parameters', 'reference', 'customer support'],
};

describe('catalog: the seed table', () => {
  test('the fixture has the 12 codes of Meta\'s table', () => {
    assert.deepEqual(
      rows.map((r) => r.code).sort((a, b) => a - b),
      [100, 368, 80007, 130472, 131000, 131026, 131031, 131047, 131048, 131056, 132001, 135000],
    );
  });

  for (const row of rows) {
    test(`${row.code} "${row.title}": exact title, description, solution, links and key facts`, () => {
      const e = catalog.get(row.code);
      assert.ok(e, `${row.code} is in the catalog`);
      assert.equal(e.key, String(row.code));
      assert.equal(e.title, row.title);
      assert.ok(e.description.trim().length > 20, 'has a description');
      assert.ok(e.solution.trim().length > 20, 'has a solution');
      const prose = `${e.description}\n${e.solution}`;
      for (const url of links(row.descriptionHtml + row.solutionHtml)) assert.ok(prose.includes(url), `${row.code} links ${url}`);
      for (const fact of KEY_FACTS[row.code] ?? []) assert.ok(prose.toLowerCase().includes(fact), `${row.code} says "${fact}"`);
    });
  }

  test('131026 lists every minimum WhatsApp version of the seed', () => {
    const row = rows.find((r) => r.code === 131026);
    assert.ok(row);
    const versions = [...row.descriptionHtml.matchAll(/<li>(\w+): ([\d.]+)<\/li>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(versions, ['Android 2.21.15.15', 'SMBA 2.21.15.15', 'iOS 2.21.170.4', 'SMBI 2.21.170.4', 'KaiOS 2.2130.10', 'Web 2.2132.6']);
    const text = catalog.get(131026)?.description ?? '';
    for (const v of versions) assert.ok(text.includes(v), `131026 names ${v}`);
  });

  test('seed prose is plain text, not markdown or HTML', () => {
    for (const row of rows) {
      const e = catalog.get(row.code);
      const prose = `${e?.description}\n${e?.solution}`;
      assert.doesNotMatch(prose, /<\/?[a-z]+[^>]*>|\]\(|\*\*/, `${row.code} has no markup`);
    }
  });
});

/**
 * Title lint of SQL scripts: `.sql` reports and dbt models reach the detectors as plain text, and
 * their filters on error-text columns are matches on titles. Other plain texts (logs, exports,
 * YAML) are never linted, even when they quote such a filter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { fixesFor, scanTitles, titleMatchMessage } from '../../src/core/lint';
import { looksLikeSqlScript, sqlComments } from '../../src/core/lint/sqlScript';

const catalog = builtinCatalog();

/** `line:codes` of each finding. */
function found(text: string): string[] {
  return scanTitles(text, 'text', catalog).map((f) => `${text.slice(0, f.start).split('\n').length}:${(f.codes ?? []).join(',')}`);
}

const REPORT = [
  '-- Weekly report: failed WhatsApp sends by reason',
  'SELECT date_trunc(\'week\', created_at) AS wk,',
  "       COUNT(*) FILTER (WHERE error_title LIKE '%Re-engagement message%') AS outside_window,",
  "       COUNT(*) FILTER (WHERE error_code = 131026) AS undeliverable",
  'FROM message_failures',
  "WHERE error_details NOT LIKE '%sandbox%'",
  "  -- AND error_title = 'Message Undeliverable'",
  "  AND failure_reason IN ('Something went wrong', 'Template Param Count Mismatch')",
  'GROUP BY 1;',
].join('\n');

describe('SQL scripts', () => {
  test('filters on error-text columns are reported on their values; a commented-out filter is not', () => {
    assert.deepEqual(found(REPORT), ['3:131047', '8:131000', '8:132000']);
  });

  test('everyday wording needs a script about WhatsApp, or a distinctive title beside it', () => {
    const plain = "SELECT id FROM jobs\nWHERE last_error LIKE '%Something went wrong%';\n";
    assert.deepEqual(found(plain), []);
    assert.deepEqual(found(`-- WhatsApp delivery failures\n${plain}`), ['3:131000']);
    const vouched = `${plain}SELECT id FROM jobs WHERE last_error LIKE '%pair rate limit%';\n`;
    assert.deepEqual(found(vouched), ['2:131000', '3:131056']);
  });

  test('a seed of the error table, a CASE on the code and a select list are no filters', () => {
    const seed = [
      '-- WhatsApp error reference data',
      'INSERT INTO wa_error (code, title) VALUES',
      "  (131047, 'Re-engagement message'),",
      "  (131026, 'Message Undeliverable');",
      "UPDATE wa_error SET error_title = 'Rate limit hit' WHERE code = 130429;",
      "SELECT CASE WHEN error_code = 131047 THEN 'Re-engagement message' END AS reason FROM failures;",
    ].join('\n');
    assert.deepEqual(found(seed), []);
  });

  test('logs, exports and YAML that quote such a filter are not SQL scripts', () => {
    const log = "2026-03-02 10:00:01 UTC [812] LOG:  statement: SELECT id FROM f WHERE error_title LIKE '%Re-engagement message%'\n";
    assert.deepEqual(found(log), []);
    assert.equal(looksLikeSqlScript(log), false);
    assert.equal(looksLikeSqlScript("select:\n  where: error_title = 'x'\n"), false);
    assert.equal(looksLikeSqlScript('code,title\n131047,Re-engagement message\n'), false);
    assert.equal(looksLikeSqlScript('/* header */\n-- more\n\nWITH f AS (SELECT 1) SELECT * FROM f;'), true);
  });

  test('comments are blanked, quoted dashes are not comments', () => {
    const { comments, masked } = sqlComments("SELECT '--x' /* a\nb */ FROM t -- end\nWHERE 1;");
    assert.equal(comments.length, 2);
    assert.equal(masked.split('\n').length, 3);
    assert.ok(masked.includes("'--x'") && !masked.includes('end') && !masked.includes(' a'));
  });

  test('a suppression comment silences a filter, and the quick fix writes one in SQL syntax', () => {
    const sql = "-- WhatsApp\nSELECT id FROM f\n  -- wa-errors-disable-next-line\n  WHERE error_title LIKE '%Re-engagement%';\nSELECT id FROM f WHERE error_title LIKE '%Re-engagement%';\n";
    const findings = scanTitles(sql, 'text', catalog);
    assert.equal(findings.length, 1);
    const fixes = fixesFor(sql, findings[0]!, 'text', catalog);
    assert.deepEqual(fixes.map((f) => f.edits[0]?.newText), ['-- wa-errors-disable-next-line\n']);
  });

  test('the message advises a SQL comparison of the code', () => {
    const [finding] = scanTitles(REPORT, 'text', catalog);
    assert.match(titleMatchMessage(finding!, catalog, 'text'), /error_code = 131047\.$/);
  });
});

describe('SQL scripts: message columns and regex operators', () => {
  test('a message column counts for distinctive titles, and for everyday ones beside them; ~* values are regexes', () => {
    const view = [
      'CREATE VIEW alert_candidates AS',
      'SELECT CASE',
      "    WHEN e.raw_message LIKE '%Temporarily blocked for policies violations%' THEN 'policy_block'",
      "    WHEN e.raw_message ~* 'access token has expired|session has expired' THEN 'token'",
      '  END AS kind',
      'FROM message_events e;',
    ].join('\n');
    assert.deepEqual(found(view), ['3:368', '4:190']);
    // Everyday wording alone on a column that does not say error: anyone's text.
    assert.deepEqual(found("SELECT id FROM chats WHERE body_message LIKE '%something went wrong%';\n"), []);
    assert.deepEqual(found("SELECT id FROM events WHERE message_id = 'Re-engagement message';\n"), []);
  });
});

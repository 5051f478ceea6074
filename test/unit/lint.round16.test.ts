/**
 * Title lint, round 16 (found by blind corpora): a call made on a variable that holds a customer's
 * words (`t.contains("message undeliverable")` under `val t = customerText.lowercase()`) is a
 * chatbot's intent match, not error handling.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinCatalog } from '../../src/core/catalog/catalog';
import { scanTitles } from '../../src/core/lint';
import type { LanguageFamily } from '../../src/core/types';

const catalog = builtinCatalog();

/** The 1-based lines of the findings in `text`. */
function lines(text: string, family: LanguageFamily): number[] {
  return scanTitles(text, family, catalog).map((f) => text.slice(0, f.start).split('\n').length);
}

describe('customer text', () => {
  test('a call on a variable reshaped from a customer\'s words is no match; the same call on error text is', () => {
    const kt = [
      '// WhatsApp support bot',
      'class Bot {',
      '    fun route(customerText: String): Route {',
      '        val t = customerText.lowercase(Locale.ROOT).trim()',
      '        return when {',
      '            t.contains("message undeliverable") -> Route.COMPLAINT',
      '            else -> Route.FALLBACK',
      '        }',
      '    }',
      '    fun onFailure(e: GraphException) {',
      '        val t = e.message.orEmpty().lowercase()',
      '        if (t.contains("message undeliverable")) markUnreachable()',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(kt, 'kotlin'), [12]);
  });
});

// Rows of tables whose columns are named by a header elsewhere: Go test tables under their struct,
// pytest's parametrize, loops over lists of tuples, Ruby `.each do |code, action|`, Jest's `it.each`,
// xUnit's `[InlineData(...)]` above the test method. The column's name says whether a value is a code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanCodes } from '../../src/core/detect';
import type { LanguageFamily } from '../../src/core/types';
import { fixtureCatalog } from '../fixtures/detect/support/catalog';

const catalog = fixtureCatalog();

function codes(text: string, family: LanguageFamily): number[] {
  return scanCodes(text, family, catalog).map((f) => f.code ?? -1);
}

test('Go: a test table under an anonymous struct, by the position of its `code` field', () => {
  const table = [
    'func TestClassify(t *testing.T) {',
    '\tcases := []struct {',
    '\t\tname  string',
    '\t\tcode  int',
    '\t\tretry bool',
    '\t}{',
    '\t\t{"too many calls", 4, true},',
    '\t\t{"window closed", 131047, false},',
    '\t\t{"pair rate limit", 131056, true},',
    '\t\t{"token expired", 190, false},',
    '\t}',
    '\tfor _, c := range cases {',
    '\t\tif got := Retryable(&GraphError{Code: c.code}); got != c.retry {',
    '\t\t\tt.Errorf("%s", c.name)',
    '\t\t}',
    '\t}',
    '}',
  ].join('\n');
  assert.deepEqual(codes(table, 'go'), [4, 131047, 131056, 190]);
  // A map of rows, the struct on one line.
  const byName = 'tests := map[string]struct{ code int; want bool }{\n\t"throttled": {130429, true},\n\t"generic":   {131000, true},\n}\n';
  assert.deepEqual(codes(byName, 'go'), [130429, 131000]);
});

test('Go: a column with another name is not a code, whatever its values', () => {
  const ports = 'cases := []struct {\n\tname string\n\tport int\n\tcount int\n}{\n\t{"a", 131047, 4},\n\t{"b", 131026, 100},\n}\n';
  assert.deepEqual(codes(ports, 'go'), []);
  const ids = 'orders := []struct {\n\tsku   string\n\tid    int\n}{\n\t{"x", 131047},\n\t{"y", 131056},\n}\n';
  assert.deepEqual(codes(ids, 'go'), []);
});

test('Python: parametrize headers and for-loops over tuples name the columns', () => {
  const parametrize = [
    'import pytest',
    '',
    '@pytest.mark.parametrize("code, retry", [',
    '    (4, True),',
    '    (131047, False),',
    '    (131056, True),',
    '])',
    'def test_classify(code, retry):',
    '    assert classify(code) == retry',
  ].join('\n');
  assert.deepEqual(codes(parametrize, 'python'), [4, 131047, 131056]);
  const loop = 'from whatsapp_client import classify\n\nfor code, action in [\n    (4, "retry"),\n    (131047, "template"),\n]:\n    assert classify(code) == action\n';
  assert.deepEqual(codes(loop, 'python'), [4, 131047]);
  // The same tuples under other names: amounts and quantities.
  const prices = '@pytest.mark.parametrize("amount, qty", [\n    (131047, 4),\n    (131056, 2),\n])\ndef test_total(amount, qty):\n    pass\n';
  assert.deepEqual(codes(prices, 'python'), []);
});

test('Ruby, Jest and xUnit: the names come after the rows', () => {
  const ruby = 'RSpec.describe WhatsApp::ErrorClassifier do\n  [\n    [4, :retry],\n    [131047, :template],\n    [190, :refresh]\n  ].each do |code, action|\n    it { expect(described_class.call(code)).to eq(action) }\n  end\nend\n';
  assert.deepEqual(codes(ruby, 'ruby'), [4, 131047, 190]);
  const jest = "import { classify } from '../src/whatsapp/errors';\nit.each([\n  [4, 'retry'],\n  [131047, 'template'],\n])('code %i', (code, action) => {\n  expect(classify(code)).toBe(action);\n});\n";
  assert.deepEqual(codes(jest, 'javascript'), [4, 131047]);
  const xunit = 'namespace Acme.WhatsApp.Tests;\npublic class RetryPolicyTests\n{\n    [Theory]\n    [InlineData(4, true)]\n    [InlineData(131047, false)]\n    [InlineData(190, false)]\n    public void Retries(int code, bool retry)\n    {\n    }\n}\n';
  assert.deepEqual(codes(xunit, 'csharp'), [4, 131047, 190]);
  // xUnit rows for a parameter that is no code.
  const delays = 'namespace Acme.WhatsApp.Tests;\npublic class BackoffTests\n{\n    [Theory]\n    [InlineData(4, 100)]\n    [InlineData(10, 200)]\n    public void Waits(int attempt, int delayMs)\n    {\n    }\n}\n';
  assert.deepEqual(codes(delays, 'csharp'), []);
});

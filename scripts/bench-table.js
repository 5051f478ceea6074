// Writes the table of the last `npm run bench` (.bench/results.json) into README.md, between the
// `<!-- bench:start -->` and `<!-- bench:end -->` markers:  node scripts/bench-table.js
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const results = JSON.parse(fs.readFileSync(path.join(root, '.bench', 'results.json'), 'utf8'));

/** The bench's own rounding: 3 significant figures, integers as they are. */
function fmt(v) {
  if (v === null) return '–';
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

const cell = (s) => String(s).replace(/\|/g, '\\|');
const op = { '>=': '≥', '<=': '≤' };
const lines = [
  `On this project's ${results.cpus}-core machine (Node ${results.node.replace(/^v/, '')}, load average ${results.loadAverage.toFixed(1)}; run on ${results.date.slice(0, 10)}):`,
  '',
  '| Figure | Measured | Target | |',
  '|---|---:|---|---|',
  ...results.rows.flatMap((r, i) => {
    const row = `| ${cell(r.label)} | ${fmt(r.value)} ${r.unit} | ${r.target ? `${op[r.target.op]} ${fmt(r.target.limit)} ${r.unit}` : ''} | ${r.verdict === 'INFO' ? '' : r.verdict} |`;
    // A heading row where a bench section starts.
    return r.section && r.section !== results.rows[i - 1]?.section ? [`| **${cell(r.section)}** | | | |`, row] : [row];
  }),
];

const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- bench:start -->');
const end = text.indexOf('<!-- bench:end -->');
if (start === -1 || end < start) throw new Error('README.md has no <!-- bench:start --> ... <!-- bench:end --> section');
fs.writeFileSync(readme, `${text.slice(0, start)}<!-- bench:start -->\n${lines.join('\n')}\n${text.slice(end)}`);
console.log(`README.md: ${results.rows.length} rows from the bench of ${results.date}`);

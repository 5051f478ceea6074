// Finds errors our extension left in the extension host logs of a code-server run. A test run
// that passes while the extension throws in the background is not a pass.
const fs = require('fs');
const path = require('path');

const EXTENSION_ID = 'wa-errors.whatsapp-cloud-api-errors';
const MAX_REPORTED = 20;

/**
 * Log files to check below a user-data dir: the extension host's own (code-server names them
 * remoteexthost.log) and our extension's output channel logs (in a folder named by its id).
 */
function logsToCheck(dir, out = [], ours = false) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) logsToCheck(p, out, ours || e.name === EXTENSION_ID);
    else if (e.name.endsWith('.log') && (ours || /exthost/i.test(e.name))) out.push({ file: p, ours });
  }
  return out;
}

/**
 * Error lines whose text or stack trace (the indented lines right after) names our extension,
 * by its id or by one of `markers` (e.g. the development path the host loaded it from), and every
 * error line in our own output channel logs.
 * @param {string} userDataDir
 * @param {string[]} [markers]
 * @returns {string[]}
 */
function extensionErrors(userDataDir, markers = []) {
  const needles = [EXTENSION_ID, ...markers];
  const found = [];
  for (const { file, ours } of logsToCheck(path.join(userDataDir, 'logs'))) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length && found.length < MAX_REPORTED; i++) {
      // Our own channel may say "error" in ordinary messages; only its error-level lines count.
      if (!(ours ? /\[error\]/ : /\[error\]|\bError\b/).test(lines[i])) continue;
      let end = i + 1;
      while (end < lines.length && /^\s/.test(lines[end])) end++;
      const block = lines.slice(i, end).join('\n');
      if (ours || needles.some((n) => block.includes(n))) found.push(`${path.basename(file)}: ${block}`);
    }
  }
  return found;
}

module.exports = { extensionErrors, EXTENSION_ID };

import * as vscode from 'vscode';

/** Options for our panels: scripts on, and nothing but `media/` loadable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * The static shell of a panel: a strict CSP, the shared and the panel's stylesheet, and two nonce'd
 * scripts from `media/` (the DOM helper, then the panel's own).
 * security: no catalog or log text is ever put in this HTML; the script renders data it receives by
 * postMessage with textContent.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, name: 'details' | 'summary', title: string): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const nonce = newNonce();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}`;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(media('base.css'))}">
<link rel="stylesheet" href="${escapeAttr(media(`${name}.css`))}">
<title>${escapeAttr(title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${escapeAttr(media('dom.js'))}"></script>
<script nonce="${nonce}" src="${escapeAttr(media(`${name}.js`))}"></script>
</body>
</html>`;
}

/** 128 random bits, hex: a fresh nonce per rendering (the Web Crypto API exists in Node 20 and browsers). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

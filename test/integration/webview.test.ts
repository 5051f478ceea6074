// security: the webview shell has a strict CSP whose only script is ours, with a fresh nonce each time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { webviewHtml } from '../../src/vscode/views/webviewHtml';

/** Enough of a Webview for the shell: its resource source and URI mapping. */
const fakeWebview = {
  cspSource: 'https://webview.test',
  asWebviewUri: (uri: vscode.Uri) => uri.with({ scheme: 'https', authority: 'webview.test' }),
} as unknown as vscode.Webview;

const extensionUri = vscode.Uri.file('/ext');

suite('webview shell', () => {
  test('a strict CSP: nothing by default, styles from the extension, only the nonce’d script', () => {
    const html = webviewHtml(fakeWebview, extensionUri, 'details', 'WhatsApp error 131047');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src https:\/\/webview\.test/);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    assert.equal(scripts.length, 2);
    for (const attrs of scripts) assert.match(attrs, new RegExp(`nonce="${nonce}"`));
    assert.match(scripts[0] ?? '', /src="https:\/\/webview\.test\/ext\/media\/dom\.js"/);
    assert.match(scripts[1] ?? '', /src="https:\/\/webview\.test\/ext\/media\/details\.js"/);
  });

  test('a fresh nonce for every rendering', () => {
    const nonceOf = (html: string) => /nonce="([0-9a-f]+)"/.exec(html)?.[1];
    const a = nonceOf(webviewHtml(fakeWebview, extensionUri, 'summary', 'x'));
    const b = nonceOf(webviewHtml(fakeWebview, extensionUri, 'summary', 'x'));
    assert.ok(a && b && a !== b);
  });

  test('the title is escaped: markup in a file name cannot reach the page', () => {
    const html = webviewHtml(fakeWebview, extensionUri, 'summary', 'Errors in <img src=x onerror=alert(1)>.log');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;\.log/);
  });
});

import * as vscode from 'vscode';

/** Hosts of Meta's own documentation and help pages: the only places a docs button may open. */
const META_DOCS_HOSTS = new Set([
  'developers.facebook.com',
  'business.facebook.com',
  'www.facebook.com',
  'developers.meta.com',
  'www.whatsapp.com',
  'business.whatsapp.com',
  'faq.whatsapp.com',
]);

/** True for an https URL on a Meta docs host, without credentials. */
export function isMetaDocsUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && META_DOCS_HOSTS.has(parsed.hostname) && !parsed.username && !parsed.password;
}

/**
 * Opens a docs URL in the browser after checking it again: a custom catalog entry from workspace
 * settings could name any URL, so anything but Meta's docs is refused.
 */
export async function openDocs(url: string): Promise<boolean> {
  if (!isMetaDocsUrl(url)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Not opening {0}: only https links to Meta documentation are opened.', url));
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

import * as vscode from 'vscode';
import type { RetryAdvice } from '../core/types';

/** Short, translated advice for a retry class ("do not retry"), shown in hovers and lenses. */
export function retryAdviceText(retry: RetryAdvice): string {
  switch (retry) {
    case 'retry-with-backoff':
      return vscode.l10n.t('retry with backoff');
    case 'fix-request':
      return vscode.l10n.t('fix the request before retrying');
    case 'do-not-retry':
      return vscode.l10n.t('do not retry');
    case 'contact-support':
      return vscode.l10n.t('contact Meta support');
    case 'refresh-token':
      return vscode.l10n.t('refresh the access token');
  }
}

/** A count in the user's locale ("2,314"). */
export function formatCount(n: number): string {
  try {
    return n.toLocaleString(vscode.env.language);
  } catch {
    return n.toLocaleString(); // an unknown UI locale tag
  }
}

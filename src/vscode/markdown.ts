import * as vscode from 'vscode';
import type { LegacyEquivalent } from '../core/catalog/legacy';
import type { ErrorPayload as PayloadFields } from '../core/detect';
import type { CatalogEntry } from '../core/types';
import { CommandId } from './ids';
import { retryAdviceText } from './texts';

/**
 * The only place MarkdownStrings are built. security: every text that comes from a document, a log or the
 * catalog goes through `text` (every ASCII punctuation character backslash-escaped, so no link, autolink,
 * HTML or entity can form) or `inlineCode`; command links name only our own commands, which are the only
 * ones `isTrusted.enabledCommands` lets run; no `supportHtml`, no theme icons.
 * (`MarkdownString.appendText` is as safe but turns every space into `&nbsp;`, which stops wrapping.)
 */

/** Commands a hover may link to. */
const HOVER_COMMANDS: readonly string[] = [CommandId.lookupCode, CommandId.showDetails, CommandId.copyCode];

/** Longest payload value we echo: the hover is a summary, not a viewer. */
const MAX_ECHO_CHARS = 300;

function newMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  return md;
}

/**
 * Hover for a catalog entry, with the payload's own fields when the code sits in a log line, and the
 * Cloud API counterpart when it is an On-Premises code.
 */
export function entryHover(entry: CatalogEntry, payload?: PayloadFields, legacy?: LegacyEquivalent): vscode.MarkdownString {
  const md = newMarkdown();
  bold(md, `${entry.key} · ${entry.title}`);
  // Custom entries may leave the description or solution empty.
  if (entry.description) {
    paragraph(md);
    text(md, entry.description);
  }
  if (entry.solution) {
    paragraph(md);
    bold(md, vscode.l10n.t('Possible solution:'));
    text(md, ` ${entry.solution}`);
  }
  paragraph(md);
  const facts = [vscode.l10n.t('Category: {0}', entry.category)];
  if (entry.httpStatus !== null) facts.push(vscode.l10n.t('HTTP {0}', entry.httpStatus));
  facts.push(vscode.l10n.t('Retry: {0}', retryAdviceText(entry.retry)));
  text(md, facts.join(' · '));
  if (entry.confidenceNote) {
    paragraph(md);
    md.appendMarkdown('*');
    text(md, entry.confidenceNote);
    md.appendMarkdown('*');
  }
  if (entry.legacy) {
    paragraph(md);
    text(md, vscode.l10n.t('Legacy code: Meta no longer lists it for the Cloud API (it comes from the On-Premises API or older versions).'));
  }
  appendLegacy(md, legacy);
  if (entry.custom) {
    paragraph(md);
    text(md, vscode.l10n.t('From your waErrors.customCodes setting.'));
  }
  appendPayload(md, payload);
  paragraph(md);
  appendLinks(md, entry.docsUrl, entry.key);
  return md;
}

/** Hover for a code in an error context that the catalog does not know. */
export function unknownCodeHover(code: number, docsUrl: string, payload?: PayloadFields, legacy?: LegacyEquivalent): vscode.MarkdownString {
  const md = newMarkdown();
  bold(md, String(code));
  text(md, ` · ${vscode.l10n.t('not in the catalog')}`);
  paragraph(md);
  text(md, vscode.l10n.t('This code is not in the WhatsApp Cloud API error catalog. Check Meta’s error code reference, or add it with the waErrors.customCodes setting.'));
  appendLegacy(md, legacy);
  appendPayload(md, payload);
  paragraph(md);
  appendLinks(md, docsUrl, undefined);
  return md;
}

function appendLegacy(md: vscode.MarkdownString, legacy: LegacyEquivalent | undefined): void {
  if (!legacy) return;
  paragraph(md);
  text(md, vscode.l10n.t('On-Premises code {0} corresponds to Cloud API code {1} (inferred from matching titles).', legacy.onPremisesCode, legacy.cloudCode));
}

function appendPayload(md: vscode.MarkdownString, payload: PayloadFields | undefined): void {
  const rows: [string, string][] = [];
  if (payload?.details) rows.push(['error_data.details', payload.details]);
  if (payload?.subcode) rows.push(['error_subcode', payload.subcode]);
  if (payload?.fbtraceId) rows.push(['fbtrace_id', payload.fbtraceId]);
  if (rows.length === 0) return;
  paragraph(md);
  bold(md, vscode.l10n.t('In this payload:'));
  for (const [name, value] of rows) {
    paragraph(md);
    md.appendMarkdown(inlineCode(name));
    text(md, ' ');
    md.appendMarkdown(inlineCode(clip(value)));
  }
}

function appendLinks(md: vscode.MarkdownString, docsUrl: string, key: string | undefined): void {
  const links: string[] = [];
  const docs = safeHttpsUrl(docsUrl);
  if (docs) links.push(link(vscode.l10n.t('Meta docs'), docs));
  links.push(link(vscode.l10n.t('Look up…'), commandUri(CommandId.lookupCode, key === undefined ? [] : [key])));
  if (key !== undefined) {
    links.push(link(vscode.l10n.t('Copy code'), commandUri(CommandId.copyCode, [key])));
    links.push(link(vscode.l10n.t('Details'), commandUri(CommandId.showDetails, [key])));
  }
  md.appendMarkdown(links.join(' · '));
}

function bold(md: vscode.MarkdownString, value: string): void {
  md.appendMarkdown('**');
  text(md, value);
  md.appendMarkdown('**');
}

/** Plain text, escaped; line breaks kept as hard breaks. */
function text(md: vscode.MarkdownString, value: string): void {
  md.appendMarkdown(escapePunctuation(value).replace(/\r?\n/g, '  \n'));
}

function paragraph(md: vscode.MarkdownString): void {
  md.appendMarkdown('\n\n');
}

/** `command:` URI with JSON arguments, encoded as VS Code expects. */
function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function link(label: string, target: string): string {
  return `[${escapePunctuation(label)}](${target})`;
}

/** Backslash-escapes every ASCII punctuation character, which CommonMark allows and reads as literal. */
function escapePunctuation(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * An inline code span that cannot be broken out of: the fence is one backtick longer than the longest
 * backtick run inside, and padded with spaces when the text starts or ends with a backtick.
 */
function inlineCode(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function clip(text: string): string {
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text;
}

/** The URL if it is a plain https URL that cannot break the link syntax, else undefined. */
export function safeHttpsUrl(url: string): string | undefined {
  return /^https:\/\/[^\s()<>[\]`"'\\]+$/.test(url) ? url : undefined;
}

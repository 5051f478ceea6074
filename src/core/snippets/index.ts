import type { CatalogEntry, LanguageFamily, RetryAdvice } from '../types';

/** Languages a handler snippet can be written in (the source-code families). */
export type SnippetLanguage = Exclude<LanguageFamily, 'json' | 'text'>;

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['javascript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dart'];

/** A handler snippet and the VS Code language id to highlight it with. */
export interface Snippet {
  readonly language: SnippetLanguage;
  /** VS Code language id of the snippet (for a code block or a new untitled document). */
  readonly languageId: string;
  readonly code: string;
}

const LANGUAGE_IDS: Record<SnippetLanguage, string> = {
  javascript: 'typescript',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'kotlin',
  php: 'php',
  ruby: 'ruby',
  csharp: 'csharp',
  dart: 'dart',
};

/** What the handler should do, as a one-line code comment. */
const ADVICE: Record<RetryAdvice, string> = {
  'retry-with-backoff': 'Transient: retry later with exponential backoff.',
  'fix-request': 'Fix the request before sending it again; retrying as is fails the same way.',
  'do-not-retry': 'Do not retry: the same request cannot succeed.',
  'contact-support': 'Persistent platform problem: log the fbtrace_id and contact Meta support.',
  'refresh-token': 'Get a new access token, then retry.',
};

/** The snippet family for a detector family; data files (JSON, logs) get the JavaScript snippet. */
export function snippetLanguageFor(family: LanguageFamily | undefined): SnippetLanguage {
  return family && family !== 'json' && family !== 'text' ? family : 'javascript';
}

/**
 * A handler that branches on the numeric `code` (never on the title or message, which Meta
 * rewords), with the entry's retry advice as a comment. `err` stands for the `error` object of a
 * Graph response or one item of a webhook's `errors[]`.
 */
export function handlerSnippet(entry: CatalogEntry, language: SnippetLanguage): Snippet {
  const comment = [`${entry.key} ${oneLine(entry.title)}`, ADVICE[entry.retry]];
  return { language, languageId: LANGUAGE_IDS[language], code: WRITERS[language](entry, comment) };
}

/** All snippets of an entry, in SNIPPET_LANGUAGES order. */
export function allHandlerSnippets(entry: CatalogEntry): Snippet[] {
  return SNIPPET_LANGUAGES.map((l) => handlerSnippet(entry, l));
}

type Writer = (entry: CatalogEntry, comment: readonly string[]) => string;

/** `code === 131047`, or a range test for entries such as 200-299, with each language's operators. */
function test(entry: CatalogEntry, subject: string, eq: string, and: string): string {
  if (entry.codeEnd === undefined) return `${subject} ${eq} ${entry.code}`;
  return `${subject} >= ${entry.code} ${and} ${subject} <= ${entry.codeEnd}`;
}

function lines(prefix: string, comment: readonly string[], indent: string): string {
  return comment.map((c) => `${indent}${prefix} ${c}`).join('\n');
}

const WRITERS: Record<SnippetLanguage, Writer> = {
  javascript: (e, c) =>
    [
      '// err: the Graph error object (response.error) or an item of statuses[].errors[]',
      `if (${test(e, 'err.code', '===', '&&')}) {`,
      lines('//', c, '  '),
      '}',
    ].join('\n'),
  python: (e, c) =>
    [
      '# err: the Graph error dict (response["error"]) or an item of statuses[].errors[]',
      `if ${test(e, 'err.get("code")', '==', 'and')}:`,
      lines('#', c, '    '),
      '    pass',
    ].join('\n'),
  go: (e, c) =>
    [
      '// apiErr: the decoded Graph error (its Code field holds error.code)',
      `if ${test(e, 'apiErr.Code', '==', '&&')} {`,
      lines('//', c, '\t'),
      '}',
    ].join('\n'),
  java: (e, c) =>
    [
      '// error: the decoded Graph error (its getCode() returns error.code)',
      `if (${test(e, 'error.getCode()', '==', '&&')}) {`,
      lines('//', c, '    '),
      '}',
    ].join('\n'),
  kotlin: (e, c) =>
    [
      '// error: the decoded Graph error (its code property holds error.code)',
      e.codeEnd === undefined ? `if (error.code == ${e.code}) {` : `if (error.code in ${e.code}..${e.codeEnd}) {`,
      lines('//', c, '    '),
      '}',
    ].join('\n'),
  php: (e, c) =>
    [
      '// $error: the decoded Graph error array ($response[\'error\']) or an item of statuses[].errors[]',
      `if (${test(e, "($error['code'] ?? null)", '===', '&&')}) {`,
      lines('//', c, '    '),
      '}',
    ].join('\n'),
  ruby: (e, c) =>
    [
      "# error: the parsed Graph error hash (body['error']) or an item of statuses[].errors[]",
      e.codeEnd === undefined ? `if error['code'] == ${e.code}` : `if (${e.code}..${e.codeEnd}).cover?(error['code'])`,
      lines('#', c, '  '),
      'end',
    ].join('\n'),
  csharp: (e, c) =>
    [
      '// error: the deserialized Graph error (its Code property holds error.code)',
      `if (${test(e, 'error.Code', '==', '&&')})`,
      '{',
      lines('//', c, '    '),
      '}',
    ].join('\n'),
  dart: (e, c) =>
    [
      "// error: the decoded Graph error map (body['error']) or an item of statuses[].errors[]",
      `if (${test(e, "error['code']", '==', '&&')}) {`,
      lines('//', c, '  '),
      '}',
    ].join('\n'),
};

/** Titles are single-line in the catalog; custom ones might not be, and a newline would end the comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

import type { CatalogEntry } from '../types';

/** Meta's error-codes page; entries without a page of their own link here. */
export const ERROR_CODES_URL = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

/**
 * The built-in catalog. Titles are Meta's, verbatim; descriptions and solutions are our own words.
 * (Placeholder: the full catalog replaces this list.)
 */
export const BUILTIN_ENTRIES: readonly CatalogEntry[] = [
  {
    code: 131047,
    key: '131047',
    title: 'Re-engagement message',
    variants: [],
    category: 'message-delivery',
    httpStatus: 400,
    description: 'More than 24 hours have passed since the recipient last replied to your business number.',
    solution: 'Send a business-initiated message with an approved message template instead.',
    retry: 'do-not-retry',
    docsUrl: ERROR_CODES_URL,
  },
];

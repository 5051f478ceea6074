/**
 * The categories of built-in entries: short kebab-case names that group codes by what went wrong,
 * so the UI can filter and the CLI can summarise. Custom codes may use any other name.
 */
export const CATEGORIES = [
  'authorization', // tokens and permissions
  'throttling', // rate, spam and pair limits
  'integrity', // policy enforcement on the business account
  'platform', // server-side or transient failures
  'parameters', // the request itself is malformed
  'message-delivery', // the recipient, the 24-hour window or Meta's delivery decisions
  'account-setup', // display name and similar prerequisites of a sending number
  'billing',
  'payments', // WhatsApp Payments (not billing of the account)
  'media',
  'marketing-messages', // Marketing Messages API and marketing-template switches
  'templates', // sending with a template
  'template-creation', // creating or editing a template (error_subcode under code 100)
  'template-analytics',
  'flows',
  'registration',
  'phone-migration',
  'waba-management',
  'coexistence-sync',
  'onboarding',
  'calling',
  'groups',
  'block-users',
  'usernames',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

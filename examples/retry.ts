// Retry policy for WhatsApp Cloud API sends: decide on the numeric `code`, never on message text.
export interface GraphApiError {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product: string; details: string };
  fbtrace_id?: string;
}

export type Decision = { action: 'retry'; afterMs: number } | { action: 'template' } | { action: 'refresh-token' } | { action: 'give-up' };

const BASE_DELAY_MS = 1000;

export function decide(err: GraphApiError, attempt: number): Decision {
  const backoff = BASE_DELAY_MS * 2 ** attempt;
  switch (err.code) {
    case 130429: // throughput reached: slow down and send again
    case 131056: // too many messages to the same recipient: wait longer
      return { action: 'retry', afterMs: backoff };
    case 131000:
      return attempt < 3 ? { action: 'retry', afterMs: backoff } : { action: 'give-up' };
    case 131047: // the 24-hour window is closed: only a template can reopen the conversation
      return { action: 'template' };
    case 190:
      return { action: 'refresh-token' };
    case 131026:
    case 131049:
    default:
      return { action: 'give-up' };
  }
}

// Fragile: matches on the title text, which Meta can reword; the lint flags this line.
export function needsTemplate(err: GraphApiError): boolean {
  return err.message.includes("Re-engagement message");
}

export function schedule(fn: () => void, decision: Decision): void {
  if (decision.action === 'retry') setTimeout(fn, decision.afterMs);
}

/**
 * bKash's status codes (reference §5.1, the verbatim table carried by public integrations) in
 * words a shop owner or customer can act on. Unknown codes fall back to bKash's own message.
 */

/** Execute answered "already done": the money may have moved, so the flow asks `query`. */
export const ALREADY_COMPLETED_CODES: ReadonlySet<string> = new Set(['2062', '2068', '2117']);

/** bKash's own "system error": nothing is known about the payment, so it is never a failure. */
export const SYSTEM_ERROR_CODES: ReadonlySet<string> = new Set(['9999', '503']);

/** The payment id is unknown to bKash. */
export const UNKNOWN_PAYMENT_CODES: ReadonlySet<string> = new Set(['2002']);

const PLAIN: Record<string, string> = {
  '2001': 'bKash does not know this app key. Check the app key in Settings → Payments.',
  '2002': 'bKash does not know this payment.',
  '2006': 'bKash refused the amount.',
  '2007': 'bKash refused the currency.',
  '2014': 'The wrong bKash PIN was entered. The payment was not made; try again.',
  '2015': 'The wrong bKash PIN was entered too many times. The payment was not made.',
  '2023': 'The bKash account does not have enough balance. The payment was not made.',
  '2029': 'bKash already has a payment with this invoice number.',
  '2049': 'bKash refused the return address (callback URL) of the portal.',
  '2056': 'The payment was not completed on bKash (it was not paid, was cancelled, or has expired).',
  '2062': 'bKash says the payment was already completed.',
  '2068': 'bKash says the transaction was already completed.',
  '2117': 'bKash says the payment was already executed.',
  '9999': 'bKash reported a system error.',
};

/** "The bKash account does not have enough balance … (bKash 2023)". */
export function plainBkashMessage(code: string, bkashMessage: string): string {
  const words = PLAIN[code] ?? `bKash said: ${bkashMessage || 'no reason given'}.`;
  return `${words} (bKash ${code})`;
}

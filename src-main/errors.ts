/**
 * Coded errors. Every code has a message a shop owner can act on (a unit test checks the map is
 * complete). Admin API replies carry `{ code, message }`; servers' start() rejects with these.
 *
 * Lower-case codes are the admin API's generic ones (`invalid_input`, `not_found` …) that scripts
 * match on; upper-case codes name a specific operational failure.
 */
export const errorMessages = {
  invalid_input: 'Some of the input is not valid.',
  not_found: 'That item does not exist (it may have been removed).',
  conflict: 'That conflicts with something that already exists.',
  unauthorized: 'Sign in first: with your password, or the admin token from the admin-token file.',
  forbidden: 'Only the owner can do that. Ask the owner to sign in.',
  unknown_method: 'The admin API has no such method.',
  internal: 'Something went wrong inside HotspotDesk; the log has the details.',
  PORT_IN_USE: 'A port HotspotDesk needs is already used by another program. Close it or choose another port in the settings.',
  BIND_FAILED: 'HotspotDesk could not listen on the configured address. Check the bind address in the settings.',
  DATA_DIR_UNUSABLE: 'The data folder cannot be created or written. Choose a folder this user can write to.',
  DB_TOO_NEW: 'The database was written by a newer version of HotspotDesk. Install that version (or newer); the database was left untouched.',
  DB_CORRUPT: 'The database file is damaged or not a HotspotDesk database. Restore a backup.',
  BACKUP_FAILED: 'The backup could not be written. Check that the backup folder exists, that this user can write to it and that the disk has room.',
  RESTORE_FAILED: 'The restored database could not be started, so the database in use before was put back. The log has the details.',
  PHONE_INVALID: 'Enter a Bangladeshi mobile number such as 01712345678.',
  MAC_INVALID: 'Enter a device MAC address such as AA:BB:CC:DD:EE:FF.',
  MAC_TAKEN: 'That device is already registered to another customer. Remove it there first.',
  PACKAGE_INACTIVE: 'That package is archived and can no longer be sold.',
  CUSTOMER_DISABLED: 'That customer is disabled. Enable the customer first.',
  VOUCHER_UNKNOWN: 'There is no recharge card with that code. Check the code on the card and type it again.',
  VOUCHER_USED: 'That recharge card has already been used.',
  VOUCHER_EXPIRED: 'That recharge card has expired and can no longer be used. Ask the shop for a new card.',
  VOUCHER_DISABLED: 'That recharge card has been disabled by the shop.',
  PAYMENT_AMOUNT_MISMATCH: 'The amount the payment gateway confirmed does not match the price. The package was not activated.',
  PAYMENT_DUPLICATE: 'That payment was already recorded.',
  PAYMENT_NOT_FOUND: 'HotspotDesk has no payment with that reference. Check the reference, or start the payment again.',
  PAYMENT_FAILED: 'That payment failed or was cancelled, so it cannot be completed. Start a new payment.',
  PAYMENT_NOT_PENDING: 'That payment is no longer waiting for confirmation (it was completed, failed or refunded already).',
  PAYMENT_NOT_REFUNDABLE: 'Only a completed payment can be refunded.',
  PAYMENT_ALREADY_REFUNDED: 'That payment was refunded already.',
  PAYMENT_NOT_VOIDABLE: 'Only a completed cash sale can be voided. A card or online payment is refunded instead; a pending or failed one took no money.',
  PAYMENT_UNCONFIRMED: 'The payment gateway did not confirm this payment within 24 hours. Check it in the gateway\'s merchant panel, then confirm or reject it.',
  PAYMENT_INVOICE_MISMATCH: 'The payment gateway reported this payment under another invoice number. The package was not activated.',
  TRX_ID_USED: 'That transaction ID has already been used for a payment. Check the ID in the payment SMS.',
  TRX_NOT_FOUND: 'The payment gateway has no paid transaction with that ID for this shop. Check the ID in the payment SMS.',
  GATEWAY_NOT_ENABLED: 'That payment method is not turned on. Turn it on in Settings → Payments.',
  GATEWAY_UNAVAILABLE: 'The payment gateway could not be reached. Try again in a minute, or pay another way.',
  SEND_MONEY_OFF: 'The shop has not set a number for that wallet. Pay another way, or ask at the counter.',
  SMS_WEBHOOK_TOKEN: 'The SMS forwarder sent a wrong or missing token. Copy the token from Settings → Payments into the forwarder app.',
  ROUTER_UNREACHABLE: 'The router did not answer. Check that it is powered on, its address is right and the PC can reach it.',
  ROUTER_AUTH_FAILED: 'The router refused the API user name or password. Check them in the router settings.',
  ROUTER_TIMEOUT: 'The router took too long to answer. It may be overloaded or the link is poor; try again.',
  ROUTER_API_DISABLED: 'The router refused the API connection. Enable the api (8728) or api-ssl (8729) service under IP > Services.',
  ROUTER_TRAP: 'The router rejected the command.',
  ROUTER_CERT_CHANGED: 'The router\'s certificate changed: if you replaced it or reset the router, accept the new one on the router page.',
  AUTH_WRONG_PASSWORD: 'That name or password is not right. Check the Caps Lock key and try again.',
  AUTH_LOCKED: 'Too many wrong passwords: sign-in for this account is paused for 15 minutes.',
  AUTH_ALREADY_SET_UP: 'The owner password is already set. Sign in with it, or change it after signing in.',
  AUTH_NOT_LOCAL: 'The first owner password can only be set on the shop PC itself. Open HotspotDesk there.',
  USER_DISABLED: 'That account is disabled. Ask the owner to create a new one.',
  USER_LAST_OWNER: 'That is the last active owner: nobody could change settings any more. Create another owner first.',
  ROUTER_NOT_CONFIGURED: 'This router has no API address or user yet. Fill them in the router settings.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra machine-readable detail (e.g. the field for invalid_input). Never secrets. */
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, detail?: Record<string, unknown>) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** invalid_input naming the field, as the admin API promises. */
export function invalidInput(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { field });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

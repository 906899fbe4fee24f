import type { SmsProvider } from '../types';

/**
 * No gateway: the message stays in the database and the owner reads it on the outbox page (shops
 * without a gateway, demos, tests). Counted as sent, since nothing else will happen to it.
 */
export function outboxProvider(): SmsProvider {
  return {
    name: 'outbox',
    numberFormat: 'e164',
    send: () => Promise.resolve({ ok: true, ref: null, response: null }),
  };
}

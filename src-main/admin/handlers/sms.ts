import type { smsApi } from '../../../src-shared/api/sms';
import type { Sms } from '../../sms';
import type { AreaHandlers } from './types';

/** Handlers for the SMS methods (src-shared/api/sms.ts). */
export function smsHandlers({ sms }: { sms: Sms }) {
  return {
    'sms.outbox': (i) => sms.outbox(i),
    'sms.test': ({ phone, lang }) => sms.test(phone, lang),
  } satisfies AreaHandlers<typeof smsApi>;
}

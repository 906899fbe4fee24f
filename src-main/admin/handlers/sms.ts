import type { z } from 'zod';
import type { MethodDef } from '../../../src-shared/api/def';
import type { smsApi } from '../../../src-shared/api/sms';
import type { Sms } from '../../sms';

type SmsMethod = keyof typeof smsApi;
type Out<M extends SmsMethod> = (typeof smsApi)[M] extends MethodDef<z.ZodType, infer O> ? O : never;
// Typed against smsApi itself rather than the whole contract: the lead registers smsApi in
// src-shared/api.ts at merge, after which these satisfy Handler<M> unchanged.
type SmsHandler<M extends SmsMethod> = (input: z.output<(typeof smsApi)[M]['input']>) => Out<M> | Promise<Out<M>>;

/** Handlers for the SMS methods (src-shared/api/sms.ts). */
export function smsHandlers(sms: Sms) {
  return {
    'sms.outbox': (i) => sms.outbox(i),
    'sms.test': ({ phone, lang }) => sms.test(phone, lang),
  } satisfies { [M in SmsMethod]: SmsHandler<M> };
}

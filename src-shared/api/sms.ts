import { z } from 'zod';
import { command, pageInput, phone, query } from './def';
import type { Page } from '../domain';

/** What a text is for: the portal's OTP steps, a purchase receipt, the owner's "Send test". */
export const smsKinds = ['otp', 'pinReset', 'receipt', 'test'] as const;
export type SmsKind = (typeof smsKinds)[number];
export const smsLangs = ['en', 'bn'] as const;
export type SmsLang = (typeof smsLangs)[number];
export type SmsStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One message in the outbox, as the owner sees it (the text is shown on purpose: it is their outbox). */
export interface SmsOutboxItem {
  id: number;
  phone: string;
  text: string;
  status: SmsStatus;
  /** When it was recorded (epoch ms). */
  at: number;
  kind: SmsKind;
  lang: SmsLang;
  /** Why the last attempt failed, in words the owner can act on (never a key). */
  error: string | null;
  attempts: number;
  provider: string | null;
  sentAt: number | null;
}

export interface SmsTestResult {
  id: number;
  status: 'sent' | 'failed' | 'queued';
  provider: string;
  /** The owner-facing reason when it did not go out. */
  error: string | null;
}

export const smsApi = {
  // Owner only: the outbox shows texts in full, OTPs included, which would let a cashier sign in as a customer.
  'sms.outbox': query<Page<SmsOutboxItem>>()(
    z.strictObject({
      status: z.enum(['queued', 'sending', 'sent', 'failed']).optional(),
      ...pageInput,
    }),
    { role: 'owner' },
  ),
  'sms.test': command<SmsTestResult>()(z.strictObject({ phone, lang: z.enum(smsLangs).optional() })),
};

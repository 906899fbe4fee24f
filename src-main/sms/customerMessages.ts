import type { SmsLang } from '../../src-shared/api/sms';
import type { FailureKind } from './types';

/**
 * What the customer reads when a text did not go out, in the language they asked for (the
 * portal shows it as is). Balance and configuration problems read the same: the customer can
 * do nothing about either, and the owner sees the real reason in the outbox.
 */
export const customerMessages: Record<SmsLang, Record<FailureKind, string>> = {
  en: {
    transient: 'We could not send the SMS just now. Please try again in a minute.',
    number: 'An SMS cannot be sent to this number. Check the number and try again.',
    balance: 'The shop cannot send SMS right now. Please try again later or ask at the counter.',
    config: 'The shop cannot send SMS right now. Please try again later or ask at the counter.',
  },
  bn: {
    transient: 'এই মুহূর্তে এসএমএস পাঠানো যায়নি। এক মিনিট পরে আবার চেষ্টা করুন।',
    number: 'এই নম্বরে এসএমএস পাঠানো যাচ্ছে না। নম্বরটি দেখে আবার চেষ্টা করুন।',
    balance: 'দোকান এখন এসএমএস পাঠাতে পারছে না। পরে আবার চেষ্টা করুন অথবা কাউন্টারে জানান।',
    config: 'দোকান এখন এসএমএস পাঠাতে পারছে না। পরে আবার চেষ্টা করুন অথবা কাউন্টারে জানান।',
  },
};

import type { PaymentOutcome } from '../src-shared/api/payments';
import type { Payment, PaymentMethod, PaymentStatus } from '../src-shared/domain';
import { PAYMENT_METHODS, SEND_MONEY_METHODS, type SendMoneyMethod } from '../src-shared/payments';
import type { Lang } from '../src-shared/format';

/**
 * Payments in the shop owner's words: methods, statuses, the problem a payment waits on and what
 * a Recheck / Recover / Confirm found. Keyed by the shared lists, so a new method or status without
 * words fails to compile.
 *
 * The English exports keep their names and values (pages import them directly); each has a Bangla
 * twin `<NAME>_BN` of the same type and a `<name>For(lang)` picker, and the functions take the
 * language last (English by default).
 */

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  cash: 'Cash',
  voucher: 'Recharge card',
  bkash: 'bKash',
  nagad: 'Nagad',
  sslcommerz: 'SSLCommerz',
  bkash_send_money: 'bKash Send Money',
  nagad_send_money: 'Nagad Send Money',
  rocket_send_money: 'Rocket Send Money',
};

/** The wallets by the names the portal uses (বিকাশ, নগদ, রকেট). */
export const METHOD_LABEL_BN: typeof METHOD_LABEL = {
  cash: 'নগদ টাকা',
  voucher: 'রিচার্জ কার্ড',
  bkash: 'বিকাশ',
  nagad: 'নগদ',
  sslcommerz: 'SSLCommerz',
  bkash_send_money: 'বিকাশ সেন্ড মানি',
  nagad_send_money: 'নগদ সেন্ড মানি',
  rocket_send_money: 'রকেট সেন্ড মানি',
};
export function methodLabelFor(lang: Lang): typeof METHOD_LABEL {
  return lang === 'bn' ? METHOD_LABEL_BN : METHOD_LABEL;
}

/** [value, label] in the ledger's own order (the method filter, the dashboard's rows). */
export const METHOD_OPTIONS: Array<[PaymentMethod, string]> = PAYMENT_METHODS.map((m) => [m, METHOD_LABEL[m]]);
export function methodOptionsFor(lang: Lang): Array<[PaymentMethod, string]> {
  const labels = methodLabelFor(lang);
  return PAYMENT_METHODS.map((m) => [m, labels[m]]);
}

/** Badge words (lower case like every badge in the app). */
export const STATUS_LABEL: Record<PaymentStatus, string> = {
  pending: 'pending',
  completed: 'completed',
  failed: 'failed',
  needs_review: 'needs review',
  refunded: 'refund',
};
export const STATUS_LABEL_BN: typeof STATUS_LABEL = {
  pending: 'অপেক্ষায়',
  completed: 'সম্পন্ন',
  failed: 'ব্যর্থ',
  needs_review: 'যাচাই দরকার',
  refunded: 'ফেরত',
};
export function statusLabelFor(lang: Lang): typeof STATUS_LABEL {
  return lang === 'bn' ? STATUS_LABEL_BN : STATUS_LABEL;
}

// The filter's words, keyed so a status without Bangla words fails to compile.
const STATUS_OPTION_WORDS: Record<Lang, Record<PaymentStatus, string>> = {
  en: { completed: 'Completed', pending: 'Pending', needs_review: 'Needs review', failed: 'Failed', refunded: 'Refunds' },
  bn: { completed: 'সম্পন্ন', pending: 'অপেক্ষায়', needs_review: 'যাচাই দরকার', failed: 'ব্যর্থ', refunded: 'ফেরত' },
};
const STATUS_OPTION_ORDER: PaymentStatus[] = ['completed', 'pending', 'needs_review', 'failed', 'refunded'];
export function statusOptionsFor(lang: Lang): Array<[PaymentStatus, string]> {
  return STATUS_OPTION_ORDER.map((s) => [s, STATUS_OPTION_WORDS[lang][s]]);
}
export const STATUS_OPTIONS: Array<[PaymentStatus, string]> = statusOptionsFor('en');
export const STATUS_TONE: Record<PaymentStatus, string> = { pending: 'amber', completed: 'green', failed: 'red', needs_review: 'red', refunded: 'blue' };

export function isSendMoneyMethod(m: PaymentMethod): m is SendMoneyMethod {
  return (SEND_MONEY_METHODS as readonly string[]).includes(m);
}

/** Online checkout methods, whose gateway Recheck can ask (Send Money rechecks forwarded SMS). */
export function canRecheck(p: Payment): boolean {
  return (p.status === 'pending' || p.status === 'needs_review') && p.method !== 'cash' && p.method !== 'voucher';
}

/** Why a payment waits for the owner, and what to do (the engine's problem codes). */
const PROBLEMS = {
  PAYMENT_AMOUNT_MISMATCH: 'Amount did not match the invoice — check before confirming',
  PAYMENT_INVOICE_MISMATCH: 'The gateway reported it under another invoice — check before confirming',
  PAYMENT_UNCONFIRMED: 'The gateway did not confirm it within 24 hours — check the merchant panel, then confirm or reject',
  TRX_ID_USED: 'That transaction ID was already used for another payment — check before confirming',
};

const PROBLEMS_BN: typeof PROBLEMS = {
  PAYMENT_AMOUNT_MISMATCH: 'টাকার পরিমাণ ইনভয়েসের সাথে মেলেনি — নিশ্চিত করার আগে যাচাই করুন',
  PAYMENT_INVOICE_MISMATCH: 'গেটওয়ে এটি অন্য একটি ইনভয়েসে দেখিয়েছে — নিশ্চিত করার আগে যাচাই করুন',
  PAYMENT_UNCONFIRMED: 'গেটওয়ে ২৪ ঘণ্টার মধ্যে এটি নিশ্চিত করেনি — মার্চেন্ট প্যানেল দেখে নিশ্চিত বা বাতিল করুন',
  TRX_ID_USED: 'এই লেনদেন নম্বর আগেই অন্য একটি পেমেন্টে ব্যবহার হয়েছে — নিশ্চিত করার আগে যাচাই করুন',
};

export function problemText(code: string | null, lang: Lang = 'en'): string | null {
  if (!code) return null;
  const words: Record<string, string> = lang === 'bn' ? PROBLEMS_BN : PROBLEMS;
  const check = lang === 'bn' ? 'নিশ্চিত করার আগে যাচাই করুন' : 'check before confirming';
  return words[code] ?? `${code.replace(/_/g, ' ').toLowerCase()} — ${check}`;
}

/** What asking about a payment found, in a sentence (Recheck, Recover, Confirm, Reject). */
export function outcomeText(o: PaymentOutcome, lang: Lang = 'en'): { ok: boolean; text: string } {
  if (lang === 'bn') return outcomeTextBn(o);
  switch (o.state) {
    case 'completed':
      return { ok: true, text: o.subscriptionId ? 'Paid: the package is active.' : 'Paid.' };
    case 'checking':
      return { ok: true, text: 'Not settled yet: the gateway has not confirmed it. HotspotDesk keeps asking.' };
    case 'failed':
      return { ok: false, text: `Not paid: ${o.message}` };
    case 'needs_review':
      return { ok: false, text: `Needs your check: ${problemText(o.problem)}.` };
    case 'refunded':
      return { ok: true, text: 'That payment was refunded.' };
  }
}

// The gateway's own message (o.message) stays as it sent it.
function outcomeTextBn(o: PaymentOutcome): { ok: boolean; text: string } {
  switch (o.state) {
    case 'completed':
      return { ok: true, text: o.subscriptionId ? 'টাকা পাওয়া গেছে: প্যাকেজ চালু হয়েছে।' : 'টাকা পাওয়া গেছে।' };
    case 'checking':
      return { ok: true, text: 'এখনো নিষ্পত্তি হয়নি: গেটওয়ে নিশ্চিত করেনি। HotspotDesk জিজ্ঞেস করতে থাকবে।' };
    case 'failed':
      return { ok: false, text: `টাকা পাওয়া যায়নি: ${o.message}` };
    case 'needs_review':
      return { ok: false, text: `আপনার যাচাই দরকার: ${problemText(o.problem, 'bn')}।` };
    case 'refunded':
      return { ok: true, text: 'এই পেমেন্টের টাকা ফেরত দেওয়া হয়েছে।' };
  }
}

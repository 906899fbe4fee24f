import type { Billing } from '../billing';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SettingsStore } from '../deps';
import type { Payment } from '../../src-shared/domain';
import { AppError, invalidInput } from '../errors';
import { SEND_MONEY_METHODS, normalizeTrxId, sendMoneyMethod, type SendMoneyWallet } from '../../src-shared/payments';
import type { PaymentOutcome, SmsInOutcome } from '../../src-shared/api/payments';
import type { createKeyedLock } from './keyedLock';
import { outcomeOf } from './outcome';
import { parseMoneySms } from './smsIn/parse';
import type { SmsInStore } from './smsIn/store';

export interface StartSendMoneyInput {
  customerId: number;
  packageId: number;
  wallet: SendMoneyWallet;
  trxId: string;
  /** E.164: the number the customer sent from. */
  senderPhone: string;
}

export interface SmsInResult {
  smsId: number;
  outcome: SmsInOutcome;
  paymentId: number | null;
}

const TRX_FORMAT = /^[A-Z0-9]{6,20}$/;

export function isSendMoney(p: Payment): boolean {
  return (SEND_MONEY_METHODS as readonly string[]).includes(p.method);
}

/**
 * Send Money to the shop's personal number (reference §5.4): the customer quotes the TrxID, the
 * payment waits until the owner confirms it or the shop phone's forwarded SMS shows that TrxID
 * with the invoiced amount. One TrxID pays once (unique in the ledger).
 */
export function createSendMoney(deps: {
  billing: Billing;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  smsIn: SmsInStore;
  lock: ReturnType<typeof createKeyedLock>;
}) {
  const { billing, clock, log, settings, smsIn, lock } = deps;
  const ledger = billing.payments;
  const subscriptionOf = (id: number) => billing.subscriptions.idByPayment(id);

  function shopNumber(wallet: SendMoneyWallet): string {
    const s = settings.get().sendMoney;
    return wallet === 'bkash' ? s.bkashNumber : wallet === 'nagad' ? s.nagadNumber : s.rocketNumber;
  }

  /** Matches an SMS's TrxID and amount to its payment (the caller holds the payment's lock). */
  function applySms(p: Payment, amount: number): { outcome: SmsInOutcome; result: PaymentOutcome } {
    if (p.status === 'completed' || p.status === 'refunded') return { outcome: 'duplicate', result: outcomeOf(p, subscriptionOf) };
    if (p.status === 'failed' || !isSendMoney(p)) return { outcome: 'unmatched', result: outcomeOf(p, subscriptionOf) };
    if (amount !== p.amount) {
      ledger.markNeedsReview(p.id, 'PAYMENT_AMOUNT_MISMATCH', { reason: `The SMS shows ${amount} paisa; the invoice is ${p.amount}.` });
      return { outcome: 'mismatch', result: outcomeOf(ledger.get(p.id), subscriptionOf) };
    }
    if (p.status === 'needs_review') return { outcome: 'unmatched', result: outcomeOf(p, subscriptionOf) };
    billing.completePayment(p.gatewayRef!, amount);
    return { outcome: 'matched', result: outcomeOf(ledger.get(p.id), subscriptionOf) };
  }

  async function start(input: StartSendMoneyInput): Promise<{ payment: Payment; outcome: PaymentOutcome; shopNumber: string }> {
    const number = shopNumber(input.wallet);
    if (!number) throw new AppError('SEND_MONEY_OFF');
    const trxId = normalizeTrxId(input.trxId);
    if (!TRX_FORMAT.test(trxId)) throw invalidInput('trxId', 'must be the transaction ID from the payment SMS: 6 to 20 letters and digits, such as CJU0PZQ3U6');
    if (ledger.findByTrxId(trxId)) throw new AppError('TRX_ID_USED');
    const payment = billing.createPendingPayment({
      customerId: input.customerId,
      packageId: input.packageId,
      method: sendMoneyMethod(input.wallet),
      reference: `sendmoney:${input.wallet}:${trxId}`,
      trxId,
      senderPhone: input.senderPhone,
      createdBy: 'portal',
    });
    // The shop's phone may have forwarded the SMS before the customer typed the TrxID.
    const early = smsIn.unmatchedByTrx(trxId);
    if (early) {
      const r = await lock.run(payment.id, async () => applySms(ledger.get(payment.id), early.amount));
      smsIn.setOutcome(early.id, r.outcome, payment.id);
      return { payment: ledger.get(payment.id), outcome: r.result, shopNumber: number };
    }
    return { payment, outcome: outcomeOf(payment, subscriptionOf), shopNumber: number };
  }

  /** A forwarded SMS: kept, parsed, matched to a pending TrxID when it can be. */
  async function receiveSms(sms: { sender: string | null; text: string }): Promise<SmsInResult> {
    const parsed = parseMoneySms(sms.text, sms.sender);
    const receivedAt = clock.now();
    if (!parsed) {
      const smsId = smsIn.add({ receivedAt, sender: sms.sender, text: sms.text, parsed: null, outcome: 'unparsed', paymentId: null });
      log.info({ smsId }, 'forwarded SMS not read as incoming money; kept for the owner');
      return { smsId, outcome: 'unparsed', paymentId: null };
    }
    const p = ledger.findByTrxId(parsed.trxId);
    if (!p) {
      const smsId = smsIn.add({ receivedAt, sender: sms.sender, text: sms.text, parsed, outcome: 'unmatched', paymentId: null });
      return { smsId, outcome: 'unmatched', paymentId: null };
    }
    const r = await lock.run(p.id, async () => applySms(ledger.get(p.id), parsed.amount));
    const smsId = smsIn.add({ receivedAt, sender: sms.sender, text: sms.text, parsed, outcome: r.outcome, paymentId: p.id });
    log.info({ smsId, paymentId: p.id, outcome: r.outcome }, 'forwarded SMS matched');
    return { smsId, outcome: r.outcome, paymentId: p.id };
  }

  /** The owner's Confirm: completes at the invoiced amount (Send Money, or a payment under review). */
  function confirmByOwner(id: number): Promise<PaymentOutcome> {
    return lock.run(id, async () => {
      const p = ledger.get(id);
      if (p.status === 'completed') return outcomeOf(p, subscriptionOf);
      if (p.status !== 'pending' && p.status !== 'needs_review') throw new AppError('PAYMENT_NOT_PENDING');
      if (!p.gatewayRef) throw new AppError('PAYMENT_NOT_PENDING', 'That payment never reached its gateway, so there is nothing to confirm.');
      billing.completePayment(p.gatewayRef, p.amount);
      return outcomeOf(ledger.get(id), subscriptionOf);
    });
  }

  function rejectByOwner(id: number, reason?: string): Promise<PaymentOutcome> {
    return lock.run(id, async () => {
      const p = ledger.get(id);
      if (p.status !== 'pending' && p.status !== 'needs_review') throw new AppError('PAYMENT_NOT_PENDING');
      ledger.markFailed(id, reason ? `rejected by the owner: ${reason}` : 'rejected by the owner');
      return outcomeOf(ledger.get(id), subscriptionOf);
    });
  }

  /** Recheck of a Send Money payment: an SMS with its TrxID that came before it, if any. */
  function recheck(id: number): Promise<PaymentOutcome> {
    return lock.run(id, async () => {
      const p = ledger.get(id);
      const sms = p.trxId && p.status === 'pending' ? smsIn.unmatchedByTrx(p.trxId) : null;
      if (!sms) return outcomeOf(p, subscriptionOf);
      const r = applySms(p, sms.amount);
      smsIn.setOutcome(sms.id, r.outcome, p.id);
      return r.result;
    });
  }

  return { start, receiveSms, recheck, confirmByOwner, rejectByOwner, shopNumber };
}

export type SendMoney = ReturnType<typeof createSendMoney>;

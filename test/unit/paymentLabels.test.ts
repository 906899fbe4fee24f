import { describe, expect, it } from 'vitest';
import type { Payment } from '../../src-shared/domain';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../src-shared/payments';
import { errorMessages } from '../../src-main/errors';
import { METHOD_LABEL, STATUS_LABEL, canRecheck, isSendMoneyMethod, outcomeText, problemText } from '../../src-renderer/paymentLabels';

const payment = (over: Partial<Payment>): Payment => ({
  id: 1, invoiceNo: 'HD-1', customerId: 1, customerPhone: '+8801712345678', packageId: 1, packageName: '1 day', amount: 3000, method: 'bkash',
  status: 'pending', gatewayRef: 'r', failureReason: null, createdAt: 0, completedAt: null, trxId: null, problem: null, senderPhone: null,
  refundOf: null, nextCheckAt: null, reversal: null, reversedBy: null, note: null, createdBy: 'admin', ...over,
});

describe('payment words for the owner', () => {
  it('every method and status has words; Send Money methods are told apart', () => {
    for (const m of PAYMENT_METHODS) expect(METHOD_LABEL[m]).toMatch(/\w/);
    for (const s of PAYMENT_STATUSES) expect(STATUS_LABEL[s]).not.toContain('_');
    expect(PAYMENT_METHODS.filter(isSendMoneyMethod)).toEqual(['bkash_send_money', 'nagad_send_money', 'rocket_send_money']);
  });

  it('the problem codes the engine sets read as plain words, each a known error code; unknown ones still read', () => {
    expect(problemText('PAYMENT_AMOUNT_MISMATCH')).toBe('Amount did not match the invoice — check before confirming');
    for (const code of ['PAYMENT_AMOUNT_MISMATCH', 'PAYMENT_INVOICE_MISMATCH', 'PAYMENT_UNCONFIRMED', 'TRX_ID_USED']) {
      expect(errorMessages).toHaveProperty(code);
      expect(problemText(code)).not.toMatch(/[A-Z]_[A-Z]/);
    }
    expect(problemText('SOMETHING_NEW')).toBe('something new — check before confirming');
    expect(problemText(null)).toBeNull();
  });

  it('what a recheck found, in a sentence', () => {
    expect(outcomeText({ state: 'completed', paymentId: 1, customerId: 1, subscriptionId: 9 })).toEqual({ ok: true, text: 'Paid: the package is active.' });
    expect(outcomeText({ state: 'checking', paymentId: 1, customerId: 1 }).text).toMatch(/keeps asking/);
    expect(outcomeText({ state: 'failed', paymentId: 1, customerId: 1, message: 'cancelled on bKash' })).toEqual({ ok: false, text: 'Not paid: cancelled on bKash' });
    expect(outcomeText({ state: 'needs_review', paymentId: 1, customerId: 1, problem: 'PAYMENT_AMOUNT_MISMATCH' }).text).toBe(
      'Needs your check: Amount did not match the invoice — check before confirming.',
    );
  });

  it('Recheck is offered for open online and Send Money payments only', () => {
    expect(canRecheck(payment({}))).toBe(true);
    expect(canRecheck(payment({ status: 'needs_review', method: 'nagad_send_money' }))).toBe(true);
    expect(canRecheck(payment({ status: 'completed' }))).toBe(false);
    expect(canRecheck(payment({ method: 'cash' }))).toBe(false);
    expect(canRecheck(payment({ method: 'voucher' }))).toBe(false);
  });
});

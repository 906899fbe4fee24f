import type { GatewayContext, GatewayVerdict, PaymentGateway } from '../../src-main/gateways/types';
import type { GatewayId } from '../../src-shared/payments';
import { defaultGatewayHosts } from '../../src-main/routeros/walledGardenDefaults';

/**
 * A stand-in PaymentGateway for the flow's tests (the real modules and their HTTP fakes are
 * bkash/nagad/sslcommerz's own). It remembers every call, answers what the test says, and can
 * hold an answer until the test releases it (to make confirmations overlap).
 */
export function gatewayStub(id: GatewayId = 'bkash') {
  const calls: Array<{ fn: 'start' | 'complete' | 'query' | 'findByTrxId' | 'refund'; reference?: string; ctx: GatewayContext }> = [];
  const invoices = new Map<string, { invoiceNo: string; amount: number }>();
  let seq = 0;
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  const stub = {
    /** What complete() answers (a function of the payment's invoice). Default: paid in full. */
    onComplete: (inv: { invoiceNo: string; amount: number }): GatewayVerdict => ({ state: 'paid', amount: inv.amount, currency: 'BDT', invoiceNo: inv.invoiceNo, trxId: `TRX${inv.invoiceNo.slice(-6)}X` }),
    onQuery: (_inv: { invoiceNo: string; amount: number }): GatewayVerdict => ({ state: 'pending', why: 'processing' }),
    refundAnswer: { ok: true, refundRef: 'RF1' } as { ok: true; refundRef: string } | { ok: false; message: string },
    calls,
    /** The next complete()/query() waits until release(). */
    hold() {
      gate = new Promise((r) => (open = r));
    },
    release() {
      open?.();
      gate = null;
    },
    count: (fn: string) => calls.filter((c) => c.fn === fn).length,
  };
  const inv = (ref: string) => invoices.get(ref) ?? { invoiceNo: 'unknown', amount: 0 };
  const gateway: PaymentGateway = {
    id,
    hosts: (ctx) => defaultGatewayHosts(id, ctx),
    async start(ctx, req) {
      calls.push({ fn: 'start', ctx });
      const reference = `${id}-ref-${++seq}`;
      invoices.set(reference, { invoiceNo: req.invoiceNo, amount: req.amount });
      return { reference, redirectUrl: `https://pay.example/${reference}?back=${encodeURIComponent(req.returnUrl)}` };
    },
    async complete(ctx, reference) {
      calls.push({ fn: 'complete', reference, ctx });
      if (gate) await gate;
      return stub.onComplete(inv(reference));
    },
    async query(ctx, reference) {
      calls.push({ fn: 'query', reference, ctx });
      if (gate) await gate;
      return stub.onQuery(inv(reference));
    },
    async findByTrxId(ctx, trxId) {
      calls.push({ fn: 'findByTrxId', ctx });
      for (const [ref, i] of invoices) {
        const v = stub.onQuery(i);
        if (v.state === 'paid' && v.trxId === trxId) return v;
        void ref;
      }
      return null;
    },
    async refund(ctx) {
      calls.push({ fn: 'refund', ctx });
      return stub.refundAnswer;
    },
    async test() {
      return { ok: true, message: 'token granted' };
    },
  };
  return { gateway, stub };
}

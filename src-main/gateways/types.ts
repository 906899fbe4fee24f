/**
 * One interface for every online payment gateway (bKash Tokenized Checkout, Nagad, SSLCommerz:
 * reference §5). A gateway module only speaks its gateway's API; the payment flow around it
 * (ledger rows, locks, the retry job, activating the package exactly once) lives in
 * src-main/gateways/index.ts, so the rules are written once for all of them.
 *
 * Money is integer paisa here as everywhere; each module converts to the gateway's "10.00" taka
 * strings and back, and compares amounts as paisa.
 *
 * Nothing a browser brings back (callback query, form post, IPN) is trusted: it only tells the
 * flow which payment to ask the gateway about. Only `complete`/`query` answers from the gateway's
 * own API, over TLS, decide.
 */
import type { GatewayId } from '../../src-shared/payments';

export type { GatewayId };
export type GatewayMode = 'sandbox' | 'live';

/** What a module needs to call its gateway; read on every call, so a settings change applies at once. */
export interface GatewayContext {
  mode: GatewayMode;
  /** Scheme + host (+ path prefix) replacing the mode's own URL: the test fakes, a gateway's new host. */
  baseUrl: string | null;
  /** The gateway's fields from settings, secrets unsealed (appKey, appSecret, username, password …). */
  credentials: Record<string, string>;
  fetch: typeof fetch;
  /** Per HTTP call (bKash's docs say 30 s). A call that times out may still have moved money. */
  timeoutMs: number;
  now(): number;
}

export interface CheckoutRequest {
  /** Our invoice (unique, from the ledger): bKash merchantInvoiceNumber, Nagad orderId, SSLCommerz tran_id. */
  invoiceNo: string;
  amount: number;
  /** E.164 customer phone (payerReference / cus_phone). */
  customerPhone: string;
  /** Where the gateway sends the browser back (our portal), already carrying our payment id. */
  returnUrl: string;
  /** SSLCommerz IPN target when the owner configured a public URL; null otherwise. */
  notifyUrl: string | null;
  /** Shown on the gateway's page ("1 day 5 Mbps — Rahim WiFi"). */
  description: string;
  /** The phone's IP on our LAN, when the flow knows it (Nagad's X-KM-IP-V4 header); optional. */
  customerIp?: string;
}

export interface CheckoutStarted {
  /**
   * The gateway's id for this payment, stored before the browser is redirected (bKash paymentID,
   * Nagad paymentReferenceId, SSLCommerz tran_id / sessionkey). Unique per gateway.
   */
  reference: string;
  /** Send the browser here. */
  redirectUrl: string;
}

/** What the gateway itself says about a payment. */
export type GatewayVerdict =
  | {
      state: 'paid';
      /** In paisa, as the gateway reports it: the flow compares it with the invoice. */
      amount: number;
      currency: string;
      /** The invoice number the gateway has on record for it (compared with ours). */
      invoiceNo: string;
      /** The wallet's transaction id (bKash trxID, Nagad issuerPaymentRefNo, SSLCommerz bank_tran_id): unique, shown to the owner. */
      trxId: string;
      /** The gateway flagged it (SSLCommerz risk_level 1): paid, but worth the owner's look. */
      risky?: boolean;
    }
  /** Not settled yet, or the gateway did not answer: ask again later; never a reason to fail it. */
  | { state: 'pending'; why: 'processing' | 'unreachable' | 'timeout' }
  /** Definitely not paid (cancelled, failed, expired, unknown to the gateway). */
  | { state: 'failed'; why: 'cancelled' | 'failed' | 'expired' | 'not_found'; message: string };

export interface PaymentGateway {
  readonly id: GatewayId;
  /** Hosts the phone must reach before it has paid (walled garden), for this mode / baseUrl. */
  hosts(ctx: Pick<GatewayContext, 'mode' | 'baseUrl'>): string[];
  start(ctx: GatewayContext, req: CheckoutRequest): Promise<CheckoutStarted>;
  /**
   * The one call that may move money (bKash execute). The flow calls it at most once per
   * payment, after recording that it tried; a timeout here is answered `pending` and later
   * settled by `query`, never by calling `complete` again. For gateways where the browser's
   * return already means the money moved (Nagad, SSLCommerz), this is a verification.
   * `hints` are the untrusted callback values (val_id, payment_ref_id, status …).
   */
  complete(ctx: GatewayContext, reference: string, hints: Record<string, string>): Promise<GatewayVerdict>;
  /** Read-only status (bKash query, Nagad verify, SSLCommerz validation by tran_id): safe to repeat. */
  query(ctx: GatewayContext, reference: string): Promise<GatewayVerdict>;
  /** "I paid but have no internet": find a payment by the wallet's transaction id, where the gateway can. */
  findByTrxId?(ctx: GatewayContext, trxId: string): Promise<(GatewayVerdict & { state: 'paid' }) | null>;
  refund?(ctx: GatewayContext, payment: { reference: string; trxId: string; amount: number; reason: string }): Promise<{ ok: true; refundRef: string } | { ok: false; message: string }>;
  /** Settings → Payments "Test": grant a token / open a session against the configured URL. */
  test(ctx: GatewayContext): Promise<{ ok: true; message: string } | { ok: false; message: string }>;
}

import type { Billing } from '../billing';
import type { SettingsStore } from '../deps';
import type { Gateways } from '../gateways';
import { outcomeOf } from '../gateways/outcome';
import { checkIpnSignature, parseIpn } from '../gateways/sslcommerz';
import { isAppError } from '../errors';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import type { GatewayId, PaymentMethod, SendMoneyWallet } from '../../src-shared/payments';

/**
 * What the portal's payment pages ask of the online payments (convention 9: a narrow port, like
 * shopPort.ts). The gateways facade starts and confirms payments; billing's ledger is only read
 * here (a waiting page's reload reads the status, it never asks the gateway: the retry job does).
 */
export interface PortalPayment {
  outcome: PaymentOutcome;
  method: PaymentMethod;
  amount: number;
  trxId: string | null;
  packageName: string | null;
}

export type IpnResult =
  | { ok: true; outcome: PaymentOutcome }
  | { ok: false; status: 400 | 403 | 404; field: string; message: string };

export interface PortalPayments {
  /** What the package list offers: enabled gateways, and the wallets the shop has a number for. */
  methods(): { gateways: GatewayId[]; sendMoney: Partial<Record<SendMoneyWallet, string>> };
  startCheckout(input: { customerId: number; packageId: number; gateway: GatewayId; returnUrlBase: string; notifyUrl: string | null }): Promise<{ paymentId: number; redirectUrl: string }>;
  /** The browser came back: its values are only hints; the engine asks the gateway. */
  confirm(paymentId: number, hints: Record<string, string>): Promise<PaymentOutcome>;
  /** The ledger's word now (no gateway call), or null when there is no such payment. */
  payment(paymentId: number): PortalPayment | null;
  recover(gateway: GatewayId, trxId: string): Promise<PaymentOutcome>;
  startSendMoney(input: { customerId: number; packageId: number; wallet: SendMoneyWallet; trxId: string; senderPhone: string }): Promise<{ paymentId: number; outcome: PaymentOutcome }>;
  /** SSLCommerz's IPN: parsed, its hash checked with the store password, then one more trigger to confirm. */
  ipn(body: Record<string, unknown>): Promise<IpnResult>;
}

export function createPortalPayments(deps: { gateways: Gateways; billing: Billing; settings: SettingsStore }): PortalPayments {
  const { gateways, billing, settings } = deps;
  const subscriptionOf = (id: number) => billing.subscriptions.idByPayment(id);
  return {
    methods() {
      const numbers = gateways.sendMoneyNumbers();
      const sendMoney: Partial<Record<SendMoneyWallet, string>> = {};
      for (const w of ['bkash', 'nagad', 'rocket'] as const) if (numbers[w]) sendMoney[w] = numbers[w];
      return { gateways: gateways.enabledIds(), sendMoney };
    },
    async startCheckout(input) {
      const r = await gateways.startCheckout(input);
      return { paymentId: r.paymentId, redirectUrl: r.redirectUrl };
    },
    confirm: (paymentId, hints) => gateways.confirm({ paymentId }, hints, 'browser'),
    payment(paymentId) {
      let p;
      try {
        p = billing.payments.get(paymentId);
      } catch (e) {
        if (isAppError(e)) return null;
        throw e;
      }
      return { outcome: outcomeOf(p, subscriptionOf), method: p.method, amount: p.amount, trxId: p.trxId, packageName: p.packageName };
    },
    recover: (gateway, trxId) => gateways.recover(gateway, trxId),
    async startSendMoney(input) {
      const r = await gateways.startSendMoney(input);
      return { paymentId: r.payment.id, outcome: r.outcome };
    },
    async ipn(body) {
      const parsed = parseIpn(body);
      if (!parsed.ok) return { ok: false, status: 400, field: parsed.field, message: parsed.message };
      const password = settings.secret('sslcommerz', 'storePassword');
      // A notification SSLCommerz did not sign is dropped unread: it could only be a forgery.
      if (!password || !checkIpnSignature(parsed.ipn.fields, password)) {
        return { ok: false, status: 403, field: 'verify_sign', message: 'verify_sign does not match: this notification was not signed with the store password' };
      }
      try {
        return { ok: true, outcome: await gateways.confirm({ reference: parsed.ipn.tranId }, parsed.ipn.hints, 'ipn') };
      } catch (e) {
        if (isAppError(e) && e.code === 'PAYMENT_NOT_FOUND') return { ok: false, status: 404, field: 'tran_id', message: 'tran_id is not a payment of this shop' };
        throw e;
      }
    },
  };
}

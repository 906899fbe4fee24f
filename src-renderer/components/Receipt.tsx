import type { Payment } from '../../src-shared/domain';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { useSettingsStore } from '../stores/settingsStore';
import { METHOD_LABEL } from '../paymentLabels';

/**
 * A counter sale's receipt: the shop, the invoice, what was sold and for how much. The same
 * markup on every paper; the print styles narrow it for thermal rolls.
 */
export function Receipt({ payment: p }: { payment: Payment }) {
  const tz = useShopTimeZone();
  const settings = useSettingsStore((s) => s.settings);
  const shop = settings?.shop;
  const portal = settings?.network.portalUrl;
  const voided = p.reversedBy?.kind === 'void';
  return (
    <div className="receipt" data-testid="receipt">
      <div className="receipt-head">
        {shop?.logo ? <img className="receipt-logo" src={shop.logo} alt="" /> : null}
        <div className="receipt-shop">{shop?.name ?? 'WiFi'}</div>
        {shop?.supportPhone ? <div>Help: {localPhone(shop.supportPhone)}</div> : null}
      </div>
      <div className="receipt-title">{voided ? 'RECEIPT — VOIDED' : p.reversedBy ? 'RECEIPT — REFUNDED' : 'RECEIPT'}</div>
      <dl className="receipt-lines">
        <dt>Invoice</dt>
        <dd className="mono">{p.invoiceNo}</dd>
        <dt>Date</dt>
        <dd>{formatDateTime(p.completedAt ?? p.createdAt, tz)}</dd>
        <dt>Customer</dt>
        <dd>{localPhone(p.customerPhone)}</dd>
        <dt>Package</dt>
        <dd>{p.packageName ?? '—'}</dd>
        <dt>Paid by</dt>
        <dd>{METHOD_LABEL[p.method] ?? p.method}</dd>
        {p.createdBy && p.method === 'cash' ? (
          <>
            <dt>Served by</dt>
            <dd>{p.createdBy}</dd>
          </>
        ) : null}
      </dl>
      <div className="receipt-total">
        <span>Total</span>
        <span>{formatTaka(p.amount)}</span>
      </div>
      <div className="receipt-foot">
        <p>Log in: join the WiFi and open any page; enter your mobile number {localPhone(p.customerPhone)}.</p>
        {portal ? <p>Portal: {portal}</p> : null}
        <p>Thank you!</p>
      </div>
    </div>
  );
}

import { useReceiptStore } from '../stores/receiptStore';
import { PrintSheet } from './PrintSheet';
import { Receipt } from './Receipt';
import { messages, useT } from '../i18n';

const M = messages(
  { lastSale: 'Last sale', printReceipt: 'Print receipt', dismiss: 'Dismiss', receiptTitle: (invoice: string) => `Receipt ${invoice}` },
  { lastSale: 'শেষ বিক্রি', printReceipt: 'রসিদ প্রিন্ট করুন', dismiss: 'বন্ধ করুন', receiptTitle: (invoice) => `রসিদ ${invoice}` },
);

/**
 * Once in the shell: the "print a receipt" offer after a counter sale (it stays while the app
 * moves on to the customer's page) and the receipt's print sheet, wherever it was opened from.
 */
export function ReceiptHost() {
  const { lastSale, payment, paper, error, dismiss, open, close, setPaper } = useReceiptStore();
  const t = useT(M);
  return (
    <>
      {lastSale ? (
        <div className="sale-toast no-print" role="region" aria-label={t.lastSale}>
          <span>{lastSale.text}</span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => void open(lastSale.sale.paymentId, lastSale.sale.customerId)}>
            {t.printReceipt}
          </button>
          <button type="button" className="banner-close" aria-label={t.dismiss} onClick={dismiss}>
            ×
          </button>
          {error ? <div className="field-error">{error}</div> : null}
        </div>
      ) : null}
      {payment ? (
        <PrintSheet title={t.receiptTitle(payment.invoiceNo)} paper={paper} onPaper={setPaper} onClose={close}>
          <Receipt payment={payment} />
        </PrintSheet>
      ) : null}
    </>
  );
}

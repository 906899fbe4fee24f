import { useReceiptStore } from '../stores/receiptStore';
import { PrintSheet } from './PrintSheet';
import { Receipt } from './Receipt';

/**
 * Once in the shell: the "print a receipt" offer after a counter sale (it stays while the app
 * moves on to the customer's page) and the receipt's print sheet, wherever it was opened from.
 */
export function ReceiptHost() {
  const { lastSale, payment, paper, error, dismiss, open, close, setPaper } = useReceiptStore();
  return (
    <>
      {lastSale ? (
        <div className="sale-toast no-print" role="region" aria-label="Last sale">
          <span>{lastSale.text}</span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => void open(lastSale.sale.paymentId, lastSale.sale.customerId)}>
            Print receipt
          </button>
          <button type="button" className="banner-close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
          {error ? <div className="field-error">{error}</div> : null}
        </div>
      ) : null}
      {payment ? (
        <PrintSheet title={`Receipt ${payment.invoiceNo}`} paper={paper} onPaper={setPaper} onClose={close}>
          <Receipt payment={payment} />
        </PrintSheet>
      ) : null}
    </>
  );
}
